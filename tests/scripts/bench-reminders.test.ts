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

/** `npm run bench:reminders -- …` as a person runs it. */
function benchmark(...args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/bench-reminders.ts', ...args], { cwd: root, env: process.env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const engines = [{ name: 'PGlite', args: [] as string[] }, ...(databaseUrl ? [{ name: 'PostgreSQL', args: ['--postgres'] }] : [])];

describe.each(engines)('npm run bench:reminders on $name', ({ name, args }) => {
  it('delivers 100 reminders through the rate-limited stand-in, each to its worker exactly once', async () => {
    const schemasBefore = await benchSchemas();
    const run = await benchmark('--reminders', '100', ...args);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('--reminders 100');
    expect(run.stdout).toMatch(/Reminders enqueued +100\n/);
    expect(run.stdout).toContain('Lost: 0\n');
    expect(run.stdout).toContain('Duplicates: 0\n');
    expect(run.stdout).toContain('Stray: 0\n');
    expect(run.stdout).toContain('Outbox all sent: yes\n');
    expect(run.stdout).toMatch(/Outbox +sent 100\n/);
    // The timing is judged on the full run (2,000); at 100 the fixed start-up cost outweighs a 2-second floor.
    expect(run.stdout).toMatch(/^(PASS|FAIL: [\d.]+x the floor)/m);
    expect([0, 1]).toContain(run.code);
    if (name === 'PostgreSQL') expect(await benchSchemas()).toEqual(schemasBefore);
  }, 60_000);
});

/** The benchmark's schemas on the test server, to show it leaves none behind. */
async function benchSchemas(): Promise<string[]> {
  if (!databaseUrl) return [];
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ nspname: string }>(`SELECT nspname FROM pg_namespace WHERE nspname LIKE 'bench_reminders_%' ORDER BY nspname`);
    return rows.map((row) => row.nspname);
  } finally {
    await client.end();
  }
}
