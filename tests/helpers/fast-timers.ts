import { setTimeout as realSleep } from 'node:timers/promises';
import { vi } from 'vitest';

/** How often the fake clock is moved on, in real milliseconds. */
const STEP_MS = 5;

/**
 * Runs `work` with setTimeout's clock running `speedup` times faster than real time, so the waits botbuilder's
 * Connector client makes between its own retries (about 1, 2 and 4 s after a 5xx; Retry-After after a 429) pass
 * in milliseconds, with the same retries made. Only setTimeout is faked: the Date the code is handed, the send
 * pace (node:timers/promises) and the database and HTTP doubles run as they do. A request in flight keeps its
 * timeout, which passes `speedup` times faster too: a test that runs on this clock gives its messenger a timeout
 * long enough for the Connector double to answer on a busy machine.
 */
export async function withFastTimers<T>(work: () => Promise<T>, speedup: number): Promise<T> {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  try {
    let settled = false;
    const outcome = work().finally(() => {
      settled = true;
    });
    // Observed here so that a rejection is not reported unhandled while the clock still moves.
    outcome.catch(() => undefined);
    while (!settled) {
      await realSleep(STEP_MS);
      await vi.advanceTimersByTimeAsync(STEP_MS * speedup);
    }
    return await outcome;
  } finally {
    vi.useRealTimers();
  }
}
