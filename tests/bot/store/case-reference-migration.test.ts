import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { dropSchema, openDatabase, SCHEMA_LOCK_KEY, type Database, type DatabaseOptions } from '../../../bot/store/database.js';
import { newPglite } from '../../helpers/databases.js';

// Migration 0013 (issue 13): a database holding `ab77` and `AB77` in one tenant from before references were
// normalised. The bot must refuse to start, naming them, and change nothing; without a clash it upper-cases them.
const pglite = newPglite();
const ENGINES: readonly { readonly name: string; readonly options: (schema: string) => DatabaseOptions; readonly drop: (schema: string) => Promise<void> }[] = [
  { name: 'PGlite', options: (schema) => ({ embedded: pglite, schema }), drop: async (schema) => void (await pglite.exec(`DROP SCHEMA "${schema}" CASCADE`)) },
  ...(process.env.TEST_DATABASE_URL
    ? [{ name: 'PostgreSQL', options: (schema: string) => ({ databaseUrl: process.env.TEST_DATABASE_URL ?? '', schema }), drop: (schema: string) => dropSchema(process.env.TEST_DATABASE_URL ?? '', schema) }]
    : []),
];
afterAll(() => pglite.close());

const AT = new Date('2026-03-10T09:00:00Z');
const caseRow = (id: string, tenantId: string, reference: string) => ({
  id, tenant_id: tenantId, reference, initials: 'A.B.', authority_id: 'camden', team: 'North', worker_id: 'w', manager_id: null, pathways: '[]', status: 'open' as const, opened_on: '2026-03-01', closed_on: null, created_at: AT, updated_at: AT,
});

/** The schema as migration 0012 left it, holding `references` (tenant, reference, id): 0013 and every later one undone. */
async function databaseBefore0013(options: DatabaseOptions, references: readonly (readonly [string, string, string])[]): Promise<Database> {
  const database = await openDatabase(options);
  // Undone inside the schema lock: a migration in another test file reads the whole catalog, and a column dropped
  // meanwhile fails it ("column … of relation cases does not exist").
  await database.db.transaction().execute(async (trx) => {
    if (database.engine === 'postgres') await sql`SELECT pg_advisory_xact_lock(${SCHEMA_LOCK_KEY})`.execute(trx);
    // 0016: the open items' index by team without the columns the Team view reads.
    await sql`DROP INDEX obligations_open_by_team`.execute(trx);
    await sql`CREATE INDEX obligations_open_by_team ON obligations (tenant_id, team, due_on) WHERE done_on IS NULL`.execute(trx);
    // 0015: the census dates on the case, and the Team view's covering indexes.
    await sql`DROP INDEX cases_census_by_team`.execute(trx);
    await sql`CREATE INDEX cases_by_team ON cases (tenant_id, team)`.execute(trx);
    await sql`DROP INDEX obligations_timeliness_by_team`.execute(trx);
    await sql`CREATE INDEX obligations_by_team_due ON obligations (tenant_id, team, due_on)`.execute(trx);
    await sql`ALTER TABLE cases DROP COLUMN referral_on, DROP COLUMN assessment_completed_on, DROP COLUMN plan_started_on, DROP COLUMN plan_closed_on`.execute(trx);
    // 0014: an outbox row without a case (the weekly card).
    await sql`ALTER TABLE reminder_outbox DROP CONSTRAINT reminder_outbox_case_or_team_week`.execute(trx);
    await sql`ALTER TABLE reminder_outbox ALTER COLUMN case_id SET NOT NULL`.execute(trx);
    // 0013 itself.
    await sql`ALTER TABLE cases DROP CONSTRAINT cases_reference_normalised`.execute(trx);
    await sql`CREATE INDEX cases_by_reference_any_case ON cases (tenant_id, upper(reference))`.execute(trx);
    await sql`DELETE FROM kysely_migration WHERE name >= '0013'`.execute(trx);
  });
  await database.db.insertInto('cases').values(references.map(([tenantId, reference, id]) => caseRow(id, tenantId, reference))).execute();
  return database;
}

describe.each(ENGINES)('migration 0013 on $name', ({ options, drop }) => {
  it('refuses to start while two cases of a tenant differ only in letter case, naming both, and changes nothing', async () => {
    const schema = `test_${randomUUID().replace(/-/g, '')}`;
    const before = await databaseBefore0013(options(schema), [['tenant-a', 'ab77', 'case-1'], ['tenant-a', 'AB77', 'case-2'], ['tenant-b', 'ab77', 'case-3'], ['tenant-a', 'cd12', 'case-4']]);
    await before.close();

    const opening = openDatabase(options(schema));
    await expect(opening).rejects.toThrow(/differ only in letter case.*tenant tenant-a: AB77 \(case id case-2\) and ab77 \(case id case-1\)\./);
    await expect(opening).rejects.not.toThrow(/tenant-b/);

    const unchanged = await databaseBefore0013Rows(options(schema));
    expect(unchanged).toEqual(['AB77', 'ab77', 'ab77', 'cd12']);
    await drop(schema);
  });

  it('upper-cases every reference once no two clash', async () => {
    const schema = `test_${randomUUID().replace(/-/g, '')}`;
    const before = await databaseBefore0013(options(schema), [['tenant-a', 'ab77', 'case-1'], ['tenant-b', 'ab77', 'case-3'], ['tenant-a', 'Cd12', 'case-4']]);
    await before.close();

    const after = await openDatabase(options(schema));
    const references = await after.db.selectFrom('cases').select(['id', 'reference']).orderBy('id').execute();
    expect(references).toEqual([{ id: 'case-1', reference: 'AB77' }, { id: 'case-3', reference: 'AB77' }, { id: 'case-4', reference: 'CD12' }]);
    await after.close();
    await drop(schema);
  });
});

describe.each(ENGINES)('migration 0016 on $name', ({ options, drop }) => {
  it("puts the columns the Team view reads into the open items' index by team, which still holds only open items", async () => {
    const schema = `test_${randomUUID().replace(/-/g, '')}`;
    const before = await databaseBefore0013(options(schema), [['tenant-a', 'AB77', 'case-1']]);
    await before.close();
    const after = await openDatabase(options(schema));
    const { rows } = await sql<{ indexdef: string }>`SELECT indexdef FROM pg_indexes WHERE schemaname = ${schema} AND indexname = 'obligations_open_by_team'`.execute(after.db);
    expect(rows.map((row) => row.indexdef)).toEqual([expect.stringMatching(/\(tenant_id, team, due_on\) INCLUDE \(rule_id, worker_id, case_id\) WHERE \(done_on IS NULL\)$/)]);
    await after.close();
    await drop(schema);
  });
});

/** The references as they stand, read without migrating (the migration refuses to run). */
async function databaseBefore0013Rows(options: DatabaseOptions): Promise<string[]> {
  if (options.embedded) {
    const { rows } = await options.embedded.query<{ reference: string }>(`SELECT reference FROM "${options.schema}".cases ORDER BY reference COLLATE "C"`);
    return rows.map((row) => row.reference);
  }
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ reference: string }>(`SELECT reference FROM "${options.schema}".cases ORDER BY reference COLLATE "C"`);
    return rows.map((row) => row.reference);
  } finally {
    await client.end();
  }
}
