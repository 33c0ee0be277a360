import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { inject } from 'vitest';
import { dropSchema, openDatabase, openPglite, type Database } from '../../bot/store/database.js';

/**
 * The engines every storage test runs on: PGlite always, and PostgreSQL when TEST_DATABASE_URL names a server
 * (CI sets it). Each opened database is a migrated schema with every table empty, used by nothing else until
 * it is closed.
 */
export const DATABASE_ENGINES: readonly { readonly name: string; readonly open: () => Promise<Database> }[] = [
  { name: 'PGlite', open: () => openEmbedded() },
  ...(process.env.TEST_DATABASE_URL ? [{ name: 'PostgreSQL', open: () => openPostgres(process.env.TEST_DATABASE_URL ?? '') }] : []),
];

/**
 * A closed schema is emptied and handed to the next test of the file rather than dropped: migrating a schema
 * takes a third of a second on PGlite and more on PostgreSQL, emptying one a few milliseconds, and the test sees
 * the same empty tables either way. A schema whose tables are not the migrated ones any more is dropped.
 */
interface SchemaPool {
  readonly idle: string[];
  /** The tables a migrated schema holds, learnt from the first one. */
  tables?: readonly string[];
}

// One PGlite per test file, started from the run's new cluster (tests/helpers/test-run.ts) when there is one:
// creating a cluster takes seconds, loading one a fraction of a second, a schema milliseconds.
let sharedPglite: PGlite | undefined;
const embeddedSchemas: SchemaPool = { idle: [] };

/** A new PGlite in memory: from the run's dumped cluster, or (under a config without it) a cluster of its own. */
export function newPglite(): PGlite {
  return openPglite(undefined, runSnapshot());
}

/**
 * Puts the run's new cluster in `dataDir`, a new empty folder a bot under test is given as DATA_DIR, so that its
 * PGlite opens a cluster rather than creating one; it finds no tables and migrates, as on a folder of its own.
 */
export async function putNewClusterIn(dataDir: string): Promise<void> {
  const snapshot = runSnapshot();
  if (snapshot === undefined) return;
  const pglite = openPglite(dataDir, snapshot);
  await pglite.waitReady;
  await pglite.close();
}

function runSnapshot(): Blob | undefined {
  const snapshot = provided('pgliteSnapshot');
  return snapshot === undefined ? undefined : new Blob([readFileSync(snapshot)]);
}

async function openEmbedded(): Promise<Database> {
  sharedPglite ??= newPglite();
  const embedded = sharedPglite;
  const rows: Rows = (sql, params) => embedded.query<{ tablename: string }>(sql, params).then((result) => result.rows);
  const schema = embeddedSchemas.idle.pop() ?? newSchemaName('test_');
  const database = await openDatabase({ embedded, schema });
  embeddedSchemas.tables ??= await tablesIn(rows, schema);
  return {
    ...database,
    close: once(async () => {
      await database.close();
      const emptied = await emptiedForReuse(embeddedSchemas, schema, {
        rows,
        empty: async (statements) => {
          try {
            await embedded.exec(statements);
          } catch (error) {
            // The one session of the file must not stay in a failed transaction.
            await embedded.exec('ROLLBACK');
            throw error;
          }
        },
      });
      if (emptied) embeddedSchemas.idle.push(schema);
      else await embedded.exec(`DROP SCHEMA "${schema}" CASCADE`);
    }),
  };
}

const postgresSchemas: SchemaPool = { idle: [] };

async function openPostgres(databaseUrl: string): Promise<Database> {
  // Schemas left idle at the end of the file are dropped by the run's teardown (tests/helpers/test-run.ts),
  // which finds them by this prefix; without it (another vitest config) each schema is dropped when closed.
  const runPrefix = provided('testSchemaPrefix');
  const schema = runPrefix === undefined ? newSchemaName('test_') : (postgresSchemas.idle.pop() ?? newSchemaName(runPrefix));
  const database = await openDatabase({ databaseUrl, schema });
  postgresSchemas.tables ??= await withClient(databaseUrl, (client) => tablesIn(rowsOn(client), schema));
  return {
    ...database,
    close: once(async () => {
      await database.close();
      const emptied =
        runPrefix !== undefined &&
        (await withClient(databaseUrl, (client) =>
          emptiedForReuse(postgresSchemas, schema, { rows: rowsOn(client), empty: async (statements) => void (await client.query(statements)) }),
        ));
      if (emptied) postgresSchemas.idle.push(schema);
      else await dropSchema(databaseUrl, schema);
    }),
  };
}

/** What tests/helpers/test-run.ts provides; nothing under a config that does not run it (the soak's). */
const provided = (key: 'testSchemaPrefix' | 'pgliteSnapshot'): string | undefined => inject(key) as string | undefined;

/** A schema closed twice must not be handed out twice. */
function once(close: () => Promise<void>): () => Promise<void> {
  let closing: Promise<void> | undefined;
  return () => (closing ??= close());
}

const newSchemaName = (prefix: string) => `${prefix}${randomUUID().replace(/-/g, '')}`;

type Rows = (sql: string, params: unknown[]) => Promise<{ tablename: string }[]>;

const rowsOn = (client: pg.Client): Rows => (sql, params) => client.query<{ tablename: string }>(sql, params).then((result) => result.rows);

async function withClient<T>(databaseUrl: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

/** The schema's tables but Kysely's own, which record the migrations run and must stay. */
async function tablesIn(rows: Rows, schema: string): Promise<readonly string[]> {
  const found = await rows(`SELECT tablename FROM pg_tables WHERE schemaname = $1 AND tablename NOT LIKE 'kysely_migration%' ORDER BY tablename`, [schema]);
  return found.map(({ tablename }) => tablename);
}

/**
 * Empties every table of `schema` and restarts its identities, as a fresh migration leaves them, if its tables
 * are still the migrated ones. Replica mode switches the triggers off for this one transaction: the audit log's
 * refuses TRUNCATE (that is its point), and the change announcements would wake no one.
 */
async function emptiedForReuse(
  pool: SchemaPool,
  schema: string,
  on: { readonly rows: Rows; readonly empty: (statements: string) => Promise<void> },
): Promise<boolean> {
  const tables = await tablesIn(on.rows, schema);
  if (pool.tables === undefined || tables.join() !== pool.tables.join()) return false;
  const list = tables.map((table) => `"${schema}"."${table.replaceAll('"', '""')}"`).join(', ');
  try {
    await on.empty(`BEGIN; SET LOCAL session_replication_role = replica; TRUNCATE ${list} RESTART IDENTITY; COMMIT;`);
    return true;
  } catch {
    // Not allowed to switch triggers off (not a superuser): the schema is dropped instead.
    return false;
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** The prefix of every PostgreSQL schema the run makes, for its teardown to drop them all. */
    testSchemaPrefix: string;
    /** A dump of a new PGlite cluster's data directory, for each file's PGlite to start from. */
    pgliteSnapshot: string;
  }
}
