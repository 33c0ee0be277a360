import { z } from 'zod';
import { withBulkLoadConnection, type ColumnBatch } from '../../bot/store/bench-database.js';
import { englandAndWalesCalendar } from '../../domain/calendar/holiday-calendar.js';
import { LocalDateSchema } from '../../domain/dates/local-date.js';
import { POLICIES } from '../../domain/policy/registry.js';
import { CaseHistories } from './store-histories.js';
import { columnBatchOf } from './store-rows.js';

/**
 * One seeding process (`node --import tsx store-seed-part.ts <task as JSON>`): generates its share of the cases
 * (cases `part`, `part + parts`, … in batches of `batchSize`), works out their obligations and inserts them, computing
 * the next batch while the last one is inserted. Prints the rows it wrote as one JSON line.
 */
const SeedTaskSchema = z.object({
  databaseUrl: z.string(),
  schema: z.string().regex(/^[a-z_][a-z0-9_]*$/),
  cases: z.number().int().nonnegative(),
  today: LocalDateSchema,
  at: z.coerce.date(),
  batchSize: z.number().int().positive(),
  part: z.number().int().nonnegative(),
  parts: z.number().int().positive(),
});
export type SeedTask = Omit<z.input<typeof SeedTaskSchema>, 'at'> & { readonly at: Date };
export interface SeedPartDone {
  readonly events: number;
  readonly obligations: number;
}

const task = SeedTaskSchema.parse(JSON.parse(process.argv[2] ?? '{}'));
const histories = new CaseHistories(task.today);
const policies = new Map(POLICIES.map((policy) => [policy.authority.id, policy]));
const calendar = englandAndWalesCalendar();
const done = { events: 0, obligations: 0 };
// The schema is already migrated: a plain connection into it is all the loading needs.
await withBulkLoadConnection(task, async (insert) => {
  let inserting: Promise<void> = Promise.resolve();
  // Case i goes to part i % parts, so each part meets only its own histories (see DISTINCT_HISTORIES).
  for (let first = task.part; first < task.cases; first += task.parts * task.batchSize) {
    const indexes = Array.from({ length: task.batchSize }, (_unused, offset) => first + offset * task.parts).filter((index) => index < task.cases);
    const batch: ColumnBatch = columnBatchOf(indexes.map((index) => histories.caseAt(index)), task.today, policies, calendar);
    await inserting;
    done.events += batch.events.case_id.length;
    done.obligations += batch.obligations.case_id.length;
    inserting = insert(batch, task.at);
  }
  await inserting;
});
process.stdout.write(`${JSON.stringify(done satisfies SeedPartDone)}\n`);
