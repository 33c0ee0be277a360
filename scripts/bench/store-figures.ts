/** Latencies in milliseconds, summarised by nearest rank. */
export interface Figures {
  readonly count: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
}

/**
 * Summarises latencies (in any order) by nearest rank: p95 of 50 samples is the 48th smallest.
 *
 * @example
 * figuresOf([4, 1, 3, 2]) //=> { count: 4, p50: 2, p95: 4, p99: 4, max: 4 }
 */
export function figuresOf(latenciesMs: readonly number[]): Figures {
  const sorted = [...latenciesMs].sort((left, right) => left - right);
  const at = (fraction: number) => sorted[Math.max(0, Math.ceil(fraction * sorted.length) - 1)] ?? Number.NaN;
  return { count: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: at(1) };
}

/**
 * Runs `work` and returns its result with the milliseconds it took.
 *
 * @example
 * await timed(() => store.deadlines(tenantId, { workerId })) //=> { value: [ … ], ms: 10.9 }
 */
export async function timed<T>(work: () => Promise<T>): Promise<{ readonly value: T; readonly ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}
