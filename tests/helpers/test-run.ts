import { createHash, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { dropSchema, openPglite } from '../../bot/store/database.js';

/**
 * Vitest's global setup: a prefix for the PostgreSQL schemas of this run (tests/helpers/databases.ts), and at
 * the end of the run every schema so named dropped. Another run against the same server keeps its own. And the
 * dump of a new PGlite cluster for each test file's PGlite to start from.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const schemaPrefix = `test_${randomUUID().slice(0, 8)}_`;
  project.provide('testSchemaPrefix', schemaPrefix);
  project.provide('pgliteSnapshot', await newClusterDump());
  return async () => {
    const databaseUrl = process.env.TEST_DATABASE_URL;
    if (databaseUrl) await dropSchemasStartingWith(databaseUrl, schemaPrefix);
  };
}

/**
 * Where the data directory of a new PGlite cluster, untouched but for being started, is dumped. Creating a cluster
 * takes PGlite several seconds of CPU, loading the dump under one: each test file that opens a PGlite made a
 * cluster of its own. The dump is made once for the PGlite installed (its name is a hash of PGlite's WebAssembly
 * and data files) and kept in the temp folder for the runs after.
 */
async function newClusterDump(): Promise<string> {
  const pgliteFolder = dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
  const hash = createHash('sha256');
  for (const file of ['initdb.wasm', 'pglite.wasm', 'pglite.data']) hash.update(await readFile(join(pgliteFolder, file)));
  const dump = join(tmpdir(), `cin-assistant-pglite-${hash.digest('hex').slice(0, 16)}.tar`);
  if (existsSync(dump)) return dump;
  const pglite = openPglite();
  try {
    // Written aside and renamed, so a run started alongside never reads half a dump.
    const partial = `${dump}.${randomUUID()}`;
    await writeFile(partial, Buffer.from(await (await pglite.dumpDataDir('none')).arrayBuffer()));
    await rename(partial, dump);
  } finally {
    await pglite.close();
  }
  return dump;
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
