import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalDate } from '../../domain/dates/local-date.js';
import { runSoak, SOAK_DAY } from '../../scripts/bench/soak-load.js';
import { startSoakTarget, type SoakTarget } from '../../scripts/bench/soak-target.js';

// The short form of `npm run bench:soak`: the bot as `npm start` runs it, 32 workers at once for 15 seconds with
// reminder passes beside them. Nothing here is timed: however slow the machine, no request may fail, and the heap
// after a full GC may not end far above where it stood once everything was set up and warm.
const MOST_HEAP_GROWTH_MB = 32;

let dataDir: string;
let target: SoakTarget;
beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'cin-soak-test-'));
  target = await startSoakTarget(dataDir, SOAK_DAY as LocalDate);
});
afterAll(async () => {
  await target?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('a short soak at concurrency 32', () => {
  it('answers every question, write and card without an error, sends reminders beside them, and holds its memory', async () => {
    const result = await runSoak(target, { seconds: 15, concurrency: 32, reminderEverySeconds: 5, sampleEverySeconds: 5 });
    expect(result.errors).toBe(0);
    expect(result.requests).toBeGreaterThan(32);
    expect(Object.keys(result.byKind).sort()).toEqual(['deadlines', 'question', 'record-card', 'record-text', 'refused-card', 'timeline']);
    expect(result.reminderPasses).toBeGreaterThanOrEqual(1);
    const end = result.samples.at(-1);
    expect(end).toBeDefined();
    expect((end?.heapUsedMb ?? Number.POSITIVE_INFINITY) - result.baseline.heapUsedMb).toBeLessThan(MOST_HEAP_GROWTH_MB);
  }, 180_000);
});
