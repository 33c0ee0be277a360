import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Spaces sends out to at most `perSecond` a second across everything that awaits it in this process. Teams
 * allows an app 50 requests a second per tenant; staying under it avoids the 429s that would slow everyone.
 *
 * @example
 * const pace = sendPace(40);
 * await pace(); // resolves at once, the next call 25 ms later, and so on
 */
export function sendPace(perSecond: number): () => Promise<void> {
  const gapMs = 1000 / perSecond;
  let nextSlot = 0;
  return async () => {
    const now = performance.now();
    const slot = Math.max(now, nextSlot);
    nextSlot = slot + gapMs;
    if (slot > now) await sleep(slot - now);
  };
}

/** Runs `work` on every item, at most `concurrency` at a time, and resolves when all are done. */
export async function inParallel<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}
