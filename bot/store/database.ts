import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import { Migrator } from 'kysely/migration';
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
  /** PostgreSQL only: keep every table in this schema (tests give each run its own). */
  readonly schema?: string;
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
  const db = new Kysely<Tables>({ dialect: options.databaseUrl ? await postgresDialect(options.databaseUrl, options.schema) : pgliteDialect(options.dataDir) });
  const { error } = await new Migrator({ db, provider: migrationProvider }).migrateToLatest();
  if (error) {
    await db.destroy();
    throw error instanceof Error ? error : new Error('The database migration failed');
  }
  return { db, engine, close: () => db.destroy() };
}

function pgliteDialect(dataDir: string | undefined): PGliteDialect {
  if (dataDir === undefined) return new PGliteDialect(new PGlite());
  mkdirSync(dataDir, { recursive: true });
  return new PGliteDialect(new PGlite(dataDir));
}

async function postgresDialect(databaseUrl: string, schema: string | undefined): Promise<PostgresDialect> {
  if (schema !== undefined) {
    if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error('A schema name is lower-case letters, digits and _');
    const setup = new pg.Client({ connectionString: databaseUrl });
    await setup.connect();
    try {
      // The name was checked above, so it can stand in the statement as an identifier.
      await setup.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    } finally {
      await setup.end();
    }
  }
  return new PostgresDialect({
    pool: new pg.Pool({
      connectionString: databaseUrl,
      max: 10,
      ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
    }),
  });
}
