import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { SeedPartDone, SeedTask } from './store-seed-part.js';

export interface Seeded {
  readonly cases: number;
  readonly events: number;
  readonly obligations: number;
  readonly seconds: number;
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PART = fileURLToPath(new URL('./store-seed-part.ts', import.meta.url));

/**
 * Seeds `cases` generated cases with their events and materialised obligations, split over `processes` child
 * processes that each compute and insert their share: the obligations' date arithmetic is most of the work,
 * and one Node thread would leave a core idle. Aborting `stop` ends the processes.
 *
 * @example
 * await seedCases({ databaseUrl, schema: 'bench_1', cases: 20_000, today: '2026-11-23', at, batchSize: 2_000 }, 2)
 * //=> { cases: 20000, events: 234377, obligations: 98198, seconds: 9.1 }
 */
export async function seedCases(task: Omit<SeedTask, 'part' | 'parts'>, processes: number, stop?: AbortSignal): Promise<Seeded> {
  const started = performance.now();
  const parts = await Promise.all(Array.from({ length: processes }, (_unused, part) => runPart({ ...task, part, parts: processes }, stop)));
  return {
    cases: task.cases,
    events: parts.reduce((total, part) => total + part.events, 0),
    obligations: parts.reduce((total, part) => total + part.obligations, 0),
    seconds: (performance.now() - started) / 1000,
  };
}

function runPart(task: SeedTask, stop: AbortSignal | undefined): Promise<SeedPartDone> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', PART, JSON.stringify(task)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'], ...(stop ? { signal: stop } : {}) });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(output) as SeedPartDone) : reject(new Error(`A seeding process stopped with code ${code}`))));
  });
}
