import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { dropSchema } from '../../bot/store/database.js';

/**
 * Vitest's global setup: a prefix for the PostgreSQL schemas of this run (tests/helpers/databases.ts), and at
 * the end of the run every schema so named dropped. Another run against the same server keeps its own.
 */
export default function setup(project: TestProject): () => Promise<void> {
  const schemaPrefix = `test_${randomUUID().slice(0, 8)}_`;
  project.provide('testSchemaPrefix', schemaPrefix);
  return async () => {
    const databaseUrl = process.env.TEST_DATABASE_URL;
    if (databaseUrl) await dropSchemasStartingWith(databaseUrl, schemaPrefix);
  };
}

async function dropSchemasStartingWith(databaseUrl: string, prefix: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  let schemas: string[];
  try {
    schemas = (await client.query<{ nspname: string }>('SELECT nspname FROM pg_namespace WHERE starts_with(nspname, $1)', [prefix])).rows.map((row) => row.nspname);
  } finally {
    await client.end();
  }
  for (const schema of schemas) await dropSchema(databaseUrl, schema);
}
