import { sql } from 'kysely';
import { z } from 'zod';
import type { Db } from '../../bot/store/database.js';

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
