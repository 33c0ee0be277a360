import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { planOf, seededRows, withIndexesSetAside } from '../../../bot/store/bench-database.js';
import { CaseStore } from '../../../bot/store/cases.js';
import type { Database, Db } from '../../../bot/store/database.js';
import type { LocalDate } from '../../../domain/dates/local-date.js';
import { POLICIES } from '../../../domain/policy/registry.js';
import { DATABASE_ENGINES } from '../../helpers/databases.js';
import { calendar } from '../../helpers/policy.js';

const on = (date: string) => date as LocalDate;
const SAM = { tenantId: 'tenant-a', userId: 'sam-object-id' };
const AT = new Date('2026-03-10T09:00:00Z');
const AB12 = { tenantId: 'tenant-a', reference: 'AB12', initials: 'A.B.', authorityId: 'redbridge', team: 'north', workerId: SAM.userId, pathways: [], openedOn: on('2026-03-01') };

/** Every index and foreign key of the tables, by name, with its definition: what the migrations left. */
async function indexesAndKeys(db: Db, tables: readonly string[]): Promise<string[]> {
  const { rows } = await sql<{ line: string }>`
    SELECT indexname || ': ' || indexdef AS line FROM pg_indexes WHERE schemaname = current_schema() AND tablename IN (${sql.join(tables)})
    UNION ALL
    SELECT conname || ': ' || pg_get_constraintdef(oid) FROM pg_constraint
     WHERE contype = 'f' AND connamespace = current_schema()::regnamespace AND conrelid::regclass::text IN (${sql.join(tables)})
    ORDER BY 1`.execute(db);
  return rows.map((row) => row.line);
}

describe.each(DATABASE_ENGINES)("the benchmarks' database work on $name", ({ open }) => {
  let database: Database;
  let cases: CaseStore;
  beforeEach(async () => {
    database = await open();
    cases = new CaseStore(database.db, POLICIES, calendar);
  });
  afterEach(() => database.close());

  const openedWithAPlan = async () => {
    const opened = await cases.openCase(AB12, SAM, AT);
    if (!opened.ok) throw new Error(opened.error.kind);
    const recorded = await cases.recordEvent(opened.value, { kind: 'plan-decision', on: on('2026-03-09') }, SAM, on('2026-03-10'), AT);
    if (!recorded.ok) throw new Error(recorded.error.kind);
  };

  it('loads with the secondary indexes and foreign keys set aside, then builds them again exactly as they were', async () => {
    const tables = ['cases', 'case_events', 'obligations'];
    const before = await indexesAndKeys(database.db, tables);
    const { loaded } = await withIndexesSetAside(database.db, tables, async () => {
      const during = await indexesAndKeys(database.db, tables);
      await openedWithAPlan();
      return during;
    });
    // Primary keys and unique constraints stay through the load, unchanged; the other indexes and the keys go.
    expect(loaded.filter((line) => !before.includes(line))).toEqual([]);
    expect(loaded.filter((line) => line.startsWith('cases_pkey:') || line.startsWith('obligations_pkey:'))).toHaveLength(2);
    expect(before.filter((line) => line.startsWith('obligations_open_by_worker:') || / FOREIGN KEY /.test(line)).length).toBeGreaterThan(1);
    expect(loaded.filter((line) => line.startsWith('obligations_open_') || / FOREIGN KEY /.test(line))).toEqual([]);
    expect(await indexesAndKeys(database.db, tables)).toEqual(before);
    expect(await cases.deadlines('tenant-a', { workerId: SAM.userId })).not.toEqual([]);
  });

  it('counts the cases, events and obligations stored, open and all', async () => {
    await openedWithAPlan();
    const obligations = await database.db.selectFrom('obligations').select(['done_on']).execute();
    expect(await seededRows(database.db)).toEqual({
      cases: 1,
      openCases: 1,
      events: 1,
      obligations: obligations.length,
      openObligations: obligations.filter((row) => row.done_on === null).length,
    });
    expect(obligations.length).toBeGreaterThan(0);
  });

  it("explains the first statement a store's method sends, with its own parameters", async () => {
    await openedWithAPlan();
    const plan = await planOf(database.db, (captured) => new CaseStore(captured, POLICIES, calendar).deadlines('tenant-a', { workerId: SAM.userId }));
    expect(plan[0]).toMatch(/^Limit\b/);
    expect(plan.join('\n')).toMatch(/\bon obligations\b/);
  });
});
