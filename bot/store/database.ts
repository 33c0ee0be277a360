import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, Migrator, PostgresDialect, sql, type KyselyPlugin } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import type { Logger } from '../log.js';
import { DatabaseNotYetReachedError, isDatabaseUnavailable } from './database-unavailable.js';
import { migrationProvider } from './migrations.js';
import { pgliteChanges, postgresChanges, type StoreChanges } from './store-changes.js';
import type { Tables } from './tables.js';

export type Db = Kysely<Tables>;

/** Whether the database answers a trivial query within two seconds (the readiness probe). */
export async function databaseAnswers(db: Db): Promise<boolean> {
  const timeout = new Promise<false>((resolve) => setTimeout(() => resolve(false), 2_000).unref());
  const answered = sql`SELECT 1`.execute(db).then(() => true, () => false);
  return Promise.race([answered, timeout]);
}

export interface DatabaseOptions {
  /** A PostgreSQL server; when absent the embedded PGlite database is used. */
  readonly databaseUrl?: string;
  /** PGlite's data folder; absent means in memory (tests). */
  readonly dataDir?: string;
  /** Keep every table in this schema (tests give each test its own); the default schema when absent. */
  readonly schema?: string;
  /**
   * An already open PGlite to use instead of opening one. Closing the database then drops nothing and leaves
   * the instance open for its owner (the tests share one instance, since each takes seconds to start).
   */
  readonly embedded?: PGlite;
}

export interface Database {
  readonly db: Db;
  readonly engine: 'pglite' | 'postgres';
  /** Every committed change to the rows the stores keep in memory; listens from its first subscriber on. */
  readonly changes: StoreChanges;
  close(): Promise<void>;
}

/**
 * Opens the database and brings its schema up to date: PostgreSQL when `databaseUrl` is given, else PGlite in
 * `dataDir` (created if missing). The same queries and migrations run on both.
 */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const schema = options.schema === undefined ? undefined : checkedSchemaName(options.schema);
  if (options.embedded && schema !== undefined) {
    await options.embedded.exec(`CREATE SCHEMA IF NOT EXISTS "${schema}"; SET search_path TO "${schema}"`);
  }
  const database = connect(options, schema);
  try {
    await migrateToLatest(database.db, options, schema);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

export interface ReachableLaterDatabase extends Database {
  /** Whether the database has been reached and its schema brought up to date since the bot started. */
  readonly reached: () => boolean;
}

/**
 * As `openDatabase`, except that a PostgreSQL server that cannot be reached at start (restarting, failing over,
 * the network not up yet) does not stop the bot: every query fails with DatabaseNotYetReachedError, and the
 * migration is tried again every `retryEveryMs` until it succeeds. Any other failure (a wrong password, a
 * missing database, a broken migration) throws at once, as it needs a person.
 */
export async function openDatabaseWhenReachable(
  options: DatabaseOptions,
  { retryEveryMs, log }: { readonly retryEveryMs: number; readonly log: Logger },
): Promise<ReachableLaterDatabase> {
  if (!options.databaseUrl) return { ...(await openDatabase(options)), reached: () => true };
  const schema = options.schema === undefined ? undefined : checkedSchemaName(options.schema);
  const database = connect(options, schema);
  let reached = false;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  const migrate = async () => {
    await migrateToLatest(database.db, options, schema);
    reached = true;
  };
  const errorName = (error: unknown) => (error instanceof Error ? error.name : typeof error);
  const tryAgainLater = () => {
    retry = setTimeout(() => {
      migrate().then(
        () => log.info('database-reached'),
        (error: unknown) => {
          if (closed) return;
          if (isDatabaseUnavailable(error)) return tryAgainLater();
          log.error('database-migration-failed', { errorName: errorName(error) });
        },
      );
    }, retryEveryMs);
    retry.unref();
  };
  try {
    await migrate();
  } catch (error) {
    if (!isDatabaseUnavailable(error)) {
      await database.close();
      throw error;
    }
    log.error('database-unavailable-at-start', { errorName: errorName(error), retryEveryMs });
    tryAgainLater();
  }
  return {
    db: database.db.withPlugin(refusedUntil(() => reached)),
    engine: database.engine,
    changes: database.changes,
    reached: () => reached,
    close: async () => {
      closed = true;
      clearTimeout(retry);
      await database.close();
    },
  };
}

/** Fails every query, before it is sent, until `isReached` says the schema is known to be there. */
function refusedUntil(isReached: () => boolean): KyselyPlugin {
  return {
    transformQuery: ({ node }) => {
      if (!isReached()) throw new DatabaseNotYetReachedError();
      return node;
    },
    transformResult: async ({ result }) => result,
  };
}

function connect(options: DatabaseOptions, schema: string | undefined): Database {
  if (options.databaseUrl) {
    const db = new Kysely<Tables>({ dialect: postgresDialect(options.databaseUrl, schema) });
    const changes = postgresChanges(options.databaseUrl, schema);
    return { db, engine: 'postgres', changes, close: () => closeBoth(changes, db) };
  }
  const pglite = options.embedded ?? openPglite(options.dataDir);
  const db = new Kysely<Tables>({ dialect: new PGliteDialect(pglite) });
  // PGlite's search_path is `public` unless a schema was given (openDatabase sets it).
  const changes = pgliteChanges(pglite, schema ?? 'public');
  return { db, engine: 'pglite', changes, close: options.embedded ? () => changes.close() : () => closeBoth(changes, db) };
}

async function closeBoth(changes: StoreChanges, db: Db): Promise<void> {
  await changes.close();
  await db.destroy();
}

async function migrateToLatest(db: Db, options: DatabaseOptions, schema: string | undefined): Promise<void> {
  // Several schemas in one server (tests, benchmarks): Kysely's migrator reads the whole catalog, which fails if
  // another schema is dropped meanwhile, so creating-and-migrating and dropping take turns.
  const schemaLock = options.databaseUrl && schema !== undefined ? await lockSchemas(options.databaseUrl) : undefined;
  let error: unknown;
  try {
    if (schemaLock) await schemaLock.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    // Named, or Kysely looks for its lock table in every schema and trips over another run's.
    const migrator = new Migrator({ db, provider: migrationProvider, ...(schema === undefined ? {} : { migrationTableSchema: schema }) });
    ({ error } = await migrator.migrateToLatest());
  } finally {
    await schemaLock?.end();
  }
  if (error) throw error instanceof Error ? error : new Error('The database migration failed');
}

/**
 * Any number, the same everywhere: the advisory lock that schema creation, migration and dropping take, and
 * anything else that drops a column (the migrator's catalog read fails on a column dropped under it).
 */
export const SCHEMA_LOCK_KEY = 726_300_117;

/** A connection holding the schema lock; ending it releases the lock. */
async function lockSchemas(databaseUrl: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query('SELECT pg_advisory_lock($1)', [SCHEMA_LOCK_KEY]);
  return client;
}

/** Drops a schema made by `openDatabase({ schema })` (tests, benchmarks), taking turns with migrations. */
export async function dropSchema(databaseUrl: string, schema: string): Promise<void> {
  const client = await lockSchemas(databaseUrl);
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${checkedSchemaName(schema)}" CASCADE`);
  } finally {
    await client.end();
  }
}

/** The schema name, checked to be lower-case letters, digits and _; throws otherwise. */
export function checkedSchemaName(schema: string): string {
  // Checked here, so the name can stand in a statement as an identifier.
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error('A schema name is lower-case letters, digits and _');
  return schema;
}

/** PostgreSQL's `date` type. Read as the `YYYY-MM-DD` text it is, never as a JavaScript Date in some zone. */
const DATE_OID = 1082;
/** bigint identities: text, as the pg driver gives them. */
const INT8_OID = 20;
const asText = (value: string) => value;

/**
 * A PGlite in `dataDir` (created if missing), or in memory without one, reading dates and bigints as text. A new
 * one may start from `snapshot`, a data directory another dumped (`dumpDataDir`): loading one takes under a
 * second, creating the cluster several.
 */
export function openPglite(dataDir?: string, snapshot?: Blob): PGlite {
  const options = { parsers: { [DATE_OID]: asText, [INT8_OID]: asText }, ...(snapshot === undefined ? {} : { loadDataDir: snapshot }) };
  if (dataDir === undefined) return new PGlite(options);
  mkdirSync(dataDir, { recursive: true });
  return new PGlite(dataDir, options);
}

/** A server that takes the connection but never answers (a network partition) fails the query instead of hanging the turn. */
const CONNECT_TIMEOUT_MS = 5_000;

function postgresDialect(databaseUrl: string, schema: string | undefined): PostgresDialect {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: 10,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === DATE_OID ? asText : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
    ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
  });
  // A connection that the server or the network drops is an 'error' event, on the pool while the connection is
  // idle and on the connection itself while a query holds it, and an 'error' event nobody listens to ends the
  // process. The query in flight fails on its own, the pool discards the connection and opens a new one for the
  // next query, so there is nothing to do here but not crash.
  pool.on('error', () => undefined);
  pool.on('connect', (connection) => connection.on('error', () => undefined));
  return new PostgresDialect({ pool });
}
