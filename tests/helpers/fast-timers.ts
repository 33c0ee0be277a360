import { setTimeout as realSleep } from 'node:timers/promises';
import { vi } from 'vitest';

/** How many times faster than real time the fake clock runs. */
const SPEEDUP = 20;
/** How often the fake clock is moved on, in real milliseconds. */
const STEP_MS = 5;

/**
 * The environment of a messenger whose sends run on the fast clock: a send's timeout passes SPEEDUP times faster
 * too, so it is given 120 s, 6 s of real time for the Connector double to answer on a busy machine.
 */
export const FAST_TIMERS_ENV: Readonly<Record<string, string>> = { MICROSOFT_TIMEOUT_MS: '120000' };

/**
 * Runs `work` with setTimeout's clock running SPEEDUP times faster than real time, so the waits botbuilder's
 * Connector client makes between its own retries (about 1, 2 and 4 s after a 5xx; Retry-After after a 429) pass
 * in a fraction of that, with the same retries made. Only setTimeout is faked: the Date the code is handed,
 * performance.now, the send pace (node:timers/promises) and the database and HTTP doubles run as they do. Sends
 * made on this clock go through a messenger built with FAST_TIMERS_ENV.
 */
export async function withFastTimers<T>(work: () => Promise<T>): Promise<T> {
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
      await vi.advanceTimersByTimeAsync(STEP_MS * SPEEDUP);
    }
    return await outcome;
  } finally {
    vi.useRealTimers();
  }
}
