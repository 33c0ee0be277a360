import { randomUUID } from 'node:crypto';
import type { PGlite } from '@electric-sql/pglite';
import { dropSchema, openDatabase, openPglite, type Database } from '../../bot/store/database.js';

/**
 * The engines every storage test runs on: PGlite always, and PostgreSQL when TEST_DATABASE_URL names a server
 * (CI sets it). Each opened PostgreSQL database lives in a schema of its own, dropped on close.
 */
export const DATABASE_ENGINES: readonly { readonly name: string; readonly open: () => Promise<Database> }[] = [
  { name: 'PGlite', open: () => openEmbedded() },
  ...(process.env.TEST_DATABASE_URL ? [{ name: 'PostgreSQL', open: () => openPostgres(process.env.TEST_DATABASE_URL ?? '') }] : []),
];

let sharedPglite: PGlite | undefined;

/** A fresh schema on the one PGlite of this test file: a new PGlite takes seconds, a schema milliseconds. */
async function openEmbedded(): Promise<Database> {
  sharedPglite ??= openPglite();
  const embedded = sharedPglite;
  const schema = `test_${randomUUID().replace(/-/g, '')}`;
  const database = await openDatabase({ embedded, schema });
  return { ...database, close: async () => void (await embedded.exec(`DROP SCHEMA "${schema}" CASCADE`)) };
}

async function openPostgres(databaseUrl: string): Promise<Database> {
  const schema = `test_${randomUUID().replace(/-/g, '')}`;
  const database = await openDatabase({ databaseUrl, schema });
  return {
    ...database,
    close: async () => {
      await database.close();
      await dropSchema(databaseUrl, schema);
    },
  };
}
