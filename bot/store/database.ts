import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, Migrator, PostgresDialect } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import { migrationProvider } from './migrations.js';
import type { Tables } from './tables.js';

export type Db = Kysely<Tables>;

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
  close(): Promise<void>;
}

/**
 * Opens the database and brings its schema up to date: PostgreSQL when `databaseUrl` is given, else PGlite in
 * `dataDir` (created if missing). The same queries and migrations run on both.
 */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const engine = options.databaseUrl ? 'postgres' : 'pglite';
  const schema = options.schema === undefined ? undefined : checkedSchemaName(options.schema);
  if (options.embedded && schema !== undefined) {
    await options.embedded.exec(`CREATE SCHEMA IF NOT EXISTS "${schema}"; SET search_path TO "${schema}"`);
  }
  // Several schemas in one server (tests, benchmarks): Kysely's migrator reads the whole catalog, which fails if
  // another schema is dropped meanwhile, so creating-and-migrating and dropping take turns.
  const schemaLock = options.databaseUrl && schema !== undefined ? await lockSchemas(options.databaseUrl) : undefined;
  let error: unknown;
  let db: Kysely<Tables>;
  try {
    if (schemaLock) await schemaLock.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    const dialect = options.databaseUrl ? postgresDialect(options.databaseUrl, schema) : new PGliteDialect(options.embedded ?? openPglite(options.dataDir));
    db = new Kysely<Tables>({ dialect });
    // Named, or Kysely looks for its lock table in every schema and trips over another run's.
    const migrator = new Migrator({ db, provider: migrationProvider, ...(schema === undefined ? {} : { migrationTableSchema: schema }) });
    ({ error } = await migrator.migrateToLatest());
  } finally {
    await schemaLock?.end();
  }
  if (error) {
    if (!options.embedded) await db.destroy();
    throw error instanceof Error ? error : new Error('The database migration failed');
  }
  return { db, engine, close: options.embedded ? () => Promise.resolve() : () => db.destroy() };
}

/** Any number, the same everywhere: the advisory lock that schema creation, migration and dropping take. */
const SCHEMA_LOCK_KEY = 726_300_117;

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

function checkedSchemaName(schema: string): string {
  // Checked here, so the name can stand in a statement as an identifier.
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error('A schema name is lower-case letters, digits and _');
  return schema;
}

/** PostgreSQL's `date` type. Read as the `YYYY-MM-DD` text it is, never as a JavaScript Date in some zone. */
const DATE_OID = 1082;
/** bigint identities: text, as the pg driver gives them. */
const INT8_OID = 20;
const asText = (value: string) => value;

/** A PGlite in `dataDir` (created if missing), or in memory without one, reading dates and bigints as text. */
export function openPglite(dataDir?: string): PGlite {
  const options = { parsers: { [DATE_OID]: asText, [INT8_OID]: asText } };
  if (dataDir === undefined) return new PGlite(options);
  mkdirSync(dataDir, { recursive: true });
  return new PGlite(dataDir, options);
}

function postgresDialect(databaseUrl: string, schema: string | undefined): PostgresDialect {
  return new PostgresDialect({
    pool: new pg.Pool({
      connectionString: databaseUrl,
      max: 10,
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
          oid === DATE_OID ? asText : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
      },
      ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
    }),
  });
}
