import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { z } from 'zod';
import type { Tables } from '../../bot/store/tables.js';
import { englandAndWalesCalendar } from '../../domain/calendar/holiday-calendar.js';
import { LocalDateSchema } from '../../domain/dates/local-date.js';
import { POLICIES } from '../../domain/policy/registry.js';
import { CaseHistories } from './store-histories.js';
import { columnBatchOf, insertColumnBatch, type ColumnBatch } from './store-rows.js';

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
// The schema is already migrated: a plain connection into it is all the loading needs.
const db = new Kysely<Tables>({
  dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: task.databaseUrl, max: 1, options: `-c search_path=${task.schema}` }) }),
});
try {
  const histories = new CaseHistories(task.today);
  const policies = new Map(POLICIES.map((policy) => [policy.authority.id, policy]));
  const calendar = englandAndWalesCalendar();
  const done = { events: 0, obligations: 0 };
  await db.connection().execute(async (connection) => {
    // A lost seed is simply seeded again: no need to wait for the disk at every commit (this session only).
    await sql`SET synchronous_commit = off`.execute(connection);
    let inserting: Promise<void> = Promise.resolve();
    // Case i goes to part i % parts, so each part meets only its own histories (see DISTINCT_HISTORIES).
    for (let first = task.part; first < task.cases; first += task.parts * task.batchSize) {
      const indexes = Array.from({ length: task.batchSize }, (_unused, offset) => first + offset * task.parts).filter((index) => index < task.cases);
      const batch: ColumnBatch = columnBatchOf(indexes.map((index) => histories.caseAt(index)), task.today, policies, calendar);
      await inserting;
      done.events += batch.events.case_id.length;
      done.obligations += batch.obligations.case_id.length;
      inserting = insertColumnBatch(connection, batch, task.at);
    }
    await inserting;
  });
  process.stdout.write(`${JSON.stringify(done satisfies SeedPartDone)}\n`);
} finally {
  await db.destroy();
}
