import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LogFields, Logger } from '../../bot/log.js';
import { repeatOnSchedule, type Schedule } from '../../bot/repeat-on-schedule.js';

const DAY_MS = 86_400_000;

/** A job that resolves to a count, logged as { deleted } as retention logs it. */
const counted = (run: () => Promise<number>) => async () => ({ deleted: await run() });

function recordingLog(): Logger & { readonly lines: string[] } {
  const lines: string[] = [];
  const at = (level: string) => (event: string, fields: LogFields = {}) => void lines.push(`${level} ${event} ${JSON.stringify(fields)}`);
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

describe('repeatOnSchedule', () => {
  let schedule: Schedule | undefined;
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    schedule?.stop();
    vi.useRealTimers();
  });

  it('runs once at start and then once every 24 hours, logging the count deleted', async () => {
    const log = recordingLog();
    const counts = [3, 0, 1];
    const run = vi.fn(() => Promise.resolve(counts.shift() ?? 0));
    schedule = repeatOnSchedule({ name: 'retention', run: counted(run), everyMs: DAY_MS, log });
    await vi.advanceTimersByTimeAsync(0);
    expect(run).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(DAY_MS - 1);
    expect(run).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(run).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(DAY_MS);
    expect(run).toHaveBeenCalledTimes(3);
    expect(log.lines).toEqual(['info retention-applied {"deleted":3}', 'info retention-applied {"deleted":0}', 'info retention-applied {"deleted":1}']);
  });

  it('logs a failed run by the error\u2019s name only, never its message, and tries again the next day', async () => {
    const log = recordingLog();
    const failure = Object.assign(new Error('duplicate key value violates unique constraint, Key (reference)=(AB12)'), { name: 'DatabaseError' });
    const run = vi.fn<() => Promise<number>>().mockRejectedValueOnce(failure).mockResolvedValueOnce(2);
    schedule = repeatOnSchedule({ name: 'retention', run: counted(run), everyMs: DAY_MS, log });
    await vi.advanceTimersByTimeAsync(DAY_MS);
    expect(log.lines).toEqual(['error retention-failed {"errorName":"DatabaseError"}', 'info retention-applied {"deleted":2}']);
  });

  it('does not start a second run while the first is still going', async () => {
    const log = recordingLog();
    let finish: (deleted: number) => void = () => undefined;
    const run = vi.fn(() => new Promise<number>((resolve) => (finish = resolve)));
    schedule = repeatOnSchedule({ name: 'retention', run: counted(run), everyMs: 1_000, log });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(run).toHaveBeenCalledTimes(1);
    finish(4);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(run).toHaveBeenCalledTimes(2);
    expect(log.lines.slice(0, 2)).toEqual(['warn retention-skipped {"reason":"previous-run-still-going"}', 'info retention-applied {"deleted":4}']);
  });

  it('runs no more once stopped, and its timer does not hold the process open', async () => {
    const run = vi.fn(() => Promise.resolve(0));
    const setIntervalSpy = vi.spyOn(globalThis, 'setInterval');
    schedule = repeatOnSchedule({ name: 'retention', run: counted(run), everyMs: DAY_MS, log: recordingLog() });
    const timer = setIntervalSpy.mock.results[0]?.value as NodeJS.Timeout;
    expect(timer.hasRef()).toBe(false);
    schedule.stop();
    await vi.advanceTimersByTimeAsync(3 * DAY_MS);
    expect(run).toHaveBeenCalledTimes(1);
    setIntervalSpy.mockRestore();
  });

  it('waits a whole interval before the first run when asked not to start at once', async () => {
    const run = vi.fn(() => Promise.resolve(1));
    schedule = repeatOnSchedule({ name: 'reminder-tick', run: counted(run), everyMs: 1_000, startNow: false, log: recordingLog() });
    await vi.advanceTimersByTimeAsync(999);
    expect(run).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(run).toHaveBeenCalledTimes(1);
  });
});
