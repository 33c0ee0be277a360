import { CompiledQuery, createQueryId, Kysely, PostgresDialect, sql, type KyselyPlugin, type RootOperationNode } from 'kysely';
import pg from 'pg';
import { z } from 'zod';
import { checkedSchemaName, type Db } from './database.js';
import type { Tables } from './tables.js';

/**
 * The database work only the benchmarks do (`npm run bench:store`, `npm run bench:reminders`): loading hundreds
 * of thousands of cases in bulk, capturing the plan PostgreSQL chooses for a store's query, statistics after
 * the load, counting what was seeded, the cost of a bare commit, and a throw-away schema's migration
 * bookkeeping. The bot never calls it. It lives here because `bot/store/` is the one home of SQL: the
 * benchmarks time the stores' own methods and reach the database for nothing else, so a query is never copied
 * into a script where it could drift from the one the bot runs. PostgreSQL only, as the benchmarks are.
 */

/** A batch of cases as one array per column, ready for `unnest`: three statements load any number of rows. */
export interface ColumnBatch {
  readonly cases: Record<
    | 'id' | 'tenant_id' | 'reference' | 'initials' | 'authority_id' | 'team' | 'worker_id' | 'manager_id' | 'pathways' | 'status' | 'opened_on' | 'closed_on'
    | 'referral_on' | 'assessment_completed_on' | 'plan_started_on' | 'plan_closed_on',
    (string | null)[]
  >;
  readonly events: Record<'case_id' | 'kind' | 'happened_on' | 'counts_from' | 'recorded_by', (string | null)[]>;
  readonly obligations: Record<'case_id' | 'rule_id' | 'tenant_id' | 'worker_id' | 'team' | 'responsible_role' | 'due_on' | 'done_on', (string | null)[]>;
}

/** Writes one batch; a load calls it once a batch, awaiting the last before the next. */
export type InsertColumnBatch = (batch: ColumnBatch, at: Date) => Promise<void>;

/**
 * Runs `load` on one connection of its own into `schema` (already migrated), for a seeding process: commits
 * there do not wait for the disk, as a lost seed is simply seeded again. The connection closes when `load`
 * settles.
 *
 * @example
 * await withBulkLoadConnection({ databaseUrl, schema: 'bench_store_1a2b3c4d' }, (insert) => insert(batch, at))
 */
export async function withBulkLoadConnection<T>(target: { readonly databaseUrl: string; readonly schema: string }, load: (insert: InsertColumnBatch) => Promise<T>): Promise<T> {
  const db = new Kysely<Tables>({
    dialect: new PostgresDialect({
      pool: new pg.Pool({ connectionString: target.databaseUrl, max: 1, options: `-c search_path=${checkedSchemaName(target.schema)}` }),
    }),
  });
  try {
    return await db.connection().execute(async (connection) => {
      await sql`SET synchronous_commit = off`.execute(connection);
      return load((batch, at) => insertColumnBatch(connection, batch, at));
    });
  } finally {
    await db.destroy();
  }
}

/**
 * Inserts a batch with one multi-row INSERT … SELECT FROM unnest(…) a table: one parameter a column, so no
 * limit on rows a statement and little parsing. Seeded events count as recorded at 17:00 on their day.
 */
async function insertColumnBatch(db: Db, batch: ColumnBatch, at: Date): Promise<void> {
  const { cases, events, obligations } = batch;
  await db
    .insertInto('cases')
    .columns([
      'id', 'tenant_id', 'reference', 'initials', 'authority_id', 'team', 'worker_id', 'manager_id', 'pathways', 'status', 'opened_on', 'closed_on',
      'referral_on', 'assessment_completed_on', 'plan_started_on', 'plan_closed_on', 'created_at', 'updated_at',
    ])
    .expression(
      sql`SELECT u.*, ${at}::timestamptz, ${at}::timestamptz FROM unnest(${cases.id}::text[], ${cases.tenant_id}::text[], ${cases.reference}::text[],
        ${cases.initials}::text[], ${cases.authority_id}::text[], ${cases.team}::text[], ${cases.worker_id}::text[], ${cases.manager_id}::text[],
        ${cases.pathways}::jsonb[], ${cases.status}::text[], ${cases.opened_on}::date[], ${cases.closed_on}::date[], ${cases.referral_on}::date[],
        ${cases.assessment_completed_on}::date[], ${cases.plan_started_on}::date[], ${cases.plan_closed_on}::date[]) AS u`,
    )
    .execute();
  await db
    .insertInto('case_events')
    .columns(['case_id', 'kind', 'happened_on', 'counts_from', 'recorded_by', 'recorded_at'])
    .expression(
      sql`SELECT u.*, (u.happened_on + time '17:00') AT TIME ZONE 'Europe/London' FROM unnest(${events.case_id}::text[], ${events.kind}::text[],
        ${events.happened_on}::date[], ${events.counts_from}::date[], ${events.recorded_by}::text[]) AS u(case_id, kind, happened_on, counts_from, recorded_by)`,
    )
    .execute();
  if (obligations.case_id.length === 0) return;
  await db
    .insertInto('obligations')
    .columns(['case_id', 'rule_id', 'tenant_id', 'worker_id', 'team', 'responsible_role', 'due_on', 'done_on'])
    .expression(
      sql`SELECT * FROM unnest(${obligations.case_id}::text[], ${obligations.rule_id}::text[], ${obligations.tenant_id}::text[],
        ${obligations.worker_id}::text[], ${obligations.team}::text[], ${obligations.responsible_role}::text[], ${obligations.due_on}::date[],
        ${obligations.done_on}::date[])`,
    )
    .execute();
}

const DefinitionRowSchema = z.object({ name: z.string(), tableName: z.string(), definition: z.string() });
type Definition = z.infer<typeof DefinitionRowSchema>;

/** How long the set-aside indexes and foreign keys took to build again. */
export interface BulkLoaded<T> {
  readonly loaded: T;
  readonly rebuildSeconds: number;
}

/**
 * Runs `load` with the tables' secondary indexes and foreign keys set aside, then builds them again from their
 * own definitions, as PostgreSQL's "Populating a Database" advises: one sort an index and one join a key are
 * far cheaper than millions of single-row index inserts and key checks. Primary keys and unique constraints
 * stay, so the load is still checked for duplicates. The schema ends exactly as the migrations left it.
 *
 * @example
 * await withIndexesSetAside(db, ['case_events', 'obligations'], () => copyRows()) //=> { loaded, rebuildSeconds: 14.2 }
 */
export async function withIndexesSetAside<T>(db: Db, tables: readonly string[], load: () => Promise<T>): Promise<BulkLoaded<T>> {
  const foreignKeys = await definitions(
    sql`SELECT conname AS name, conrelid::regclass::text AS "tableName", pg_get_constraintdef(oid) AS definition
        FROM pg_constraint WHERE contype = 'f' AND connamespace = current_schema()::regnamespace AND conrelid::regclass::text IN (${sql.join(tables)})`,
    db,
  );
  const indexes = await definitions(
    sql`SELECT indexname AS name, tablename AS "tableName", indexdef AS definition FROM pg_indexes
        WHERE schemaname = current_schema() AND tablename IN (${sql.join(tables)})
          AND indexname NOT IN (SELECT conname FROM pg_constraint WHERE connamespace = current_schema()::regnamespace)`,
    db,
  );
  for (const key of foreignKeys) await sql`ALTER TABLE ${sql.id(key.tableName)} DROP CONSTRAINT ${sql.id(key.name)}`.execute(db);
  for (const index of indexes) await sql`DROP INDEX ${sql.id(index.name)}`.execute(db);
  const loaded = await load();
  const started = performance.now();
  await db.connection().execute(async (connection) => {
    // Sorts for the index builds in memory rather than on disk; this session only.
    await sql`SET maintenance_work_mem = '256MB'`.execute(connection);
    for (const index of indexes) await sql.raw(index.definition).execute(connection);
    for (const key of foreignKeys) await sql`ALTER TABLE ${sql.id(key.tableName)} ADD CONSTRAINT ${sql.id(key.name)} ${sql.raw(key.definition)}`.execute(connection);
    await sql`RESET maintenance_work_mem`.execute(connection);
  });
  return { loaded, rebuildSeconds: (performance.now() - started) / 1000 };
}

async function definitions(query: ReturnType<typeof sql>, db: Db): Promise<Definition[]> {
  const { rows } = await query.execute(db);
  return rows.map((row) => DefinitionRowSchema.parse(row));
}

/**
 * VACUUM as well as ANALYZE, as autovacuum does to a table after a bulk load: until the visibility map is
 * written, the Team view's index-only scans read the heap for every row.
 */
export async function vacuumAnalyze(db: Db): Promise<void> {
  await sql`VACUUM ANALYZE`.execute(db);
}

const SeededRowsSchema = z.object({
  cases: z.coerce.number(),
  openCases: z.coerce.number(),
  events: z.coerce.number(),
  obligations: z.coerce.number(),
  openObligations: z.coerce.number(),
});

export type SeededRows = z.infer<typeof SeededRowsSchema>;

/** How many cases (and open ones), events and obligations (and open ones) the schema holds, across tenants. */
export async function seededRows(db: Db): Promise<SeededRows> {
  const { rows } = await sql`SELECT (SELECT count(*) FROM cases) AS "cases", (SELECT count(*) FROM cases WHERE status = 'open') AS "openCases",
      (SELECT count(*) FROM case_events) AS "events", (SELECT count(*) FROM obligations) AS "obligations",
      (SELECT count(*) FROM obligations WHERE done_on IS NULL) AS "openObligations"`.execute(db);
  return SeededRowsSchema.parse(rows[0]);
}

const PlanRowSchema = z.object({ 'QUERY PLAN': z.string() });

/**
 * The plan PostgreSQL chooses for the statements `work` runs through the database it is given, whatever code
 * builds them (CaseStore included): the first statement is captured as it is sent, then explained with its own
 * parameters.
 *
 * @example
 * await planOf(db, (captured) => new CaseStore(captured, POLICIES, calendar).deadlines(tenant, { workerId }))
 * //=> ['Limit  (cost=21.48..5833.11 rows=500 width=126)', …, '->  Index Scan using obligations_open_by_worker on obligations …', …]
 */
export async function planOf(db: Db, work: (captured: Db) => Promise<unknown>): Promise<string[]> {
  let first: RootOperationNode | undefined;
  const capture: KyselyPlugin = {
    transformQuery: ({ node }) => (first ??= node),
    transformResult: ({ result }) => Promise.resolve(result),
  };
  await work(db.withPlugin(capture));
  if (!first) throw new Error('The work ran no statement to explain');
  const compiled = db.getExecutor().compileQuery(first, createQueryId());
  const { rows } = await db.executeQuery(CompiledQuery.raw(`EXPLAIN ${compiled.sql}`, [...compiled.parameters]));
  return rows.map((row) => PlanRowSchema.parse(row)['QUERY PLAN']);
}

/**
 * A table of its own and a function that commits one row to it, each call its own transaction: what a commit
 * alone costs on this server (mostly the disk's fsync), the floor under any write.
 *
 * @example
 * const commitOne = await commitProbe(db); await commitOne();
 */
export async function commitProbe(db: Db): Promise<() => Promise<void>> {
  await sql`CREATE TABLE commit_probe (at timestamptz NOT NULL)`.execute(db);
  return async () => {
    await sql`INSERT INTO commit_probe VALUES (now())`.execute(db);
  };
}

/** The server's version, as `SHOW server_version` gives it, for the benchmark's report. */
export async function serverVersion(db: Db): Promise<string> {
  const { rows } = await sql<{ server_version: string }>`SHOW server_version`.execute(db);
  return rows[0]?.server_version ?? 'unknown';
}

/**
 * Drops the migrator's own tables from a throw-away schema once it is migrated. Kysely's Migrator looks for its
 * tables in every schema unless told which (migrationTableSchema): while ours stood, a migration on this server
 * that names no schema would take them for its own and fail.
 */
export async function dropMigrationBookkeeping(db: Db): Promise<void> {
  await sql`DROP TABLE kysely_migration, kysely_migration_lock`.execute(db);
}
