import type { Logger } from '../log.js';

/** Once a day: retention counts whole days, so running more often finds nothing new. */
export const RETENTION_EVERY_MS = 24 * 60 * 60 * 1000;

export interface RetentionSchedule {
  /** A run already under way finishes; no new one starts. */
  stop(): void;
}

export interface RetentionScheduleOptions {
  /** One retention pass; resolves to how many cases it deleted. */
  readonly run: () => Promise<number>;
  readonly everyMs?: number;
  readonly log: Logger;
}

/**
 * Runs retention once now and then every `everyMs` (a day by default), logging the count deleted. A failed run
 * is logged by its error's name (a message can quote a database row) and the next one is tried on time; a run
 * still going when the next is due is not doubled up. The timer does not keep the process alive.
 *
 * @example
 * const schedule = startRetentionSchedule({ run: async () => (await applyRetention(db, options())).length, log });
 * // logs {"event":"retention-applied","deleted":3} now and once a day after
 * schedule.stop();
 */
export function startRetentionSchedule({ run, everyMs = RETENTION_EVERY_MS, log }: RetentionScheduleOptions): RetentionSchedule {
  let running = false;
  const runOnce = async (): Promise<void> => {
    if (running) {
      log.warn('retention-skipped', { reason: 'previous-run-still-going' });
      return;
    }
    running = true;
    try {
      log.info('retention-applied', { deleted: await run() });
    } catch (error) {
      log.error('retention-failed', { errorName: error instanceof Error ? error.name : typeof error });
    } finally {
      running = false;
    }
  };
  void runOnce();
  const timer = setInterval(() => void runOnce(), everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
