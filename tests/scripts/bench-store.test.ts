import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const databaseUrl = process.env.TEST_DATABASE_URL;

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** `npm run bench:store -- --cases 2000` as a person runs it, against the test server. */
function benchmark(...args: string[]): Promise<Run> {
  const env: Record<string, string | undefined> = { ...process.env, BENCH_DATABASE_URL: databaseUrl };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/bench-store.ts', ...args], { cwd: root, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

// PostgreSQL only: the benchmark is about the server the bot runs on in production.
describe.skipIf(!databaseUrl)('npm run bench:store', () => {
  it('seeds a small population, measures both operations against their targets and drops its schema', async () => {
    const schemasBefore = await benchSchemas();
    const run = await benchmark('--cases', '2000');
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('--cases 2000');
    expect(run.stdout).toContain('Rows: 2,000 cases');
    expect(run.stdout).toMatch(/reminder scan: open cases owing by D, all tenants \(50x.*PASS/);
    expect(run.stdout).toMatch(/deadlines of one team, due by D \(50x.*PASS/);
    expect(run.stdout).toMatch(/deadlines of one worker, due by D \(50x.*PASS/);
    expect(run.stdout).toMatch(/record an event \+ recompute \(\d+x\).*p99/);
    expect(run.stdout).toContain('index used: obligations_open_by_worker');
    // Judged, not crashed. A p99 of a few milliseconds on a shared two-core machine can miss by noise alone: the
    // verdict that counts is the full run's (npm run bench:store), not this smoke test's.
    expect(run.stdout).toContain(run.code === 0 ? 'PASS: every target met' : 'FAIL: a target was missed');
    expect([0, 1]).toContain(run.code);
    expect(await benchSchemas()).toEqual(schemasBefore);
  }, 60_000);
});

/** The benchmark's schemas on the server, to show it leaves none behind. */
async function benchSchemas(): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ nspname: string }>(`SELECT nspname FROM pg_namespace WHERE nspname LIKE 'bench_store_%' ORDER BY nspname`);
    return rows.map((row) => row.nspname);
  } finally {
    await client.end();
  }
}
