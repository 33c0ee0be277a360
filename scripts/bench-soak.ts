import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { LocalDate } from '../domain/dates/local-date.js';
import { runSoak, SOAK_DAY } from './bench/soak-load.js';
import { startSoakTarget } from './bench/soak-target.js';

/**
 * `npm run bench:soak [-- --seconds N]`: the bot as `npm start` runs it under a steady mixed load for N seconds
 * (default 300, at most 600) at concurrency 32 on loopback: questions, events recorded in words and on cards,
 * refused cards, timelines and deadlines, with a reminder pass every 20 seconds. Prints throughput, p50 and p99
 * latency, the error count (target 0) and heap after GC over time with its slope (target flat). The load runs in
 * the bot's own process, so the figures are what one process does while also generating its load.
 */
const { values } = parseArgs({ options: { seconds: { type: 'string', default: '300' } } });
const seconds = Number(values.seconds);
if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 600) {
  process.stderr.write('--seconds must be between 1 and 600 (the soak is bounded at 10 minutes)\n');
  process.exit(2);
}
const dataDir = mkdtempSync(join(tmpdir(), 'cin-soak-'));
const target = await startSoakTarget(dataDir, SOAK_DAY as LocalDate);
try {
  const result = await runSoak(target, { seconds, concurrency: 32, reminderEverySeconds: 20, sampleEverySeconds: Math.max(5, seconds / 20) });
  const heap = result.samples.map((sample) => `${sample.atSeconds.toFixed(0)}s ${sample.heapUsedMb.toFixed(1)}`).join(', ');
  const last = result.samples.at(-1);
  process.stdout.write(
    [
      `soak: ${result.seconds.toFixed(0)} s at concurrency 32, Node ${process.version}, ${cpus().length} CPUs, ${new Date().toISOString()}`,
      `requests ${result.requests} (${Object.entries(result.byKind).map(([kind, count]) => `${kind} ${count}`).join(', ')})`,
      `throughput ${result.perSecond.toFixed(0)} requests/s, p50 ${result.p50Ms.toFixed(1)} ms, p99 ${result.p99Ms.toFixed(1)} ms`,
      `errors ${result.errors} (target 0)`,
      `reminder passes ${result.reminderPasses}, reminders sent ${result.remindersSent}`,
      `heap after GC: baseline ${result.baseline.heapUsedMb.toFixed(1)} MB, end ${last?.heapUsedMb.toFixed(1)} MB, slope ${result.heapSlopeMbPerMinute.toFixed(2)} MB/min; RSS baseline ${result.baseline.rssMb.toFixed(0)} MB, end ${last?.rssMb.toFixed(0)} MB`,
      `heap samples (MB): ${heap}`,
    ].join('\n') + '\n',
  );
  process.exitCode = result.errors === 0 ? 0 : 1;
} finally {
  await target.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
