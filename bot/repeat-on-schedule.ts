import type { Logger, LogFields } from './log.js';

export interface Schedule {
  /** A run already under way finishes; no new one starts. */
  stop(): void;
}

export interface ScheduleOptions {
  /** Names the job in the logs: `<name>-applied`, `<name>-failed`, `<name>-skipped`. */
  readonly name: string;
  /** One pass; resolves to the counts to log (ids and numbers only). */
  readonly run: () => Promise<LogFields>;
  readonly everyMs: number;
  /** Run once at once (retention), or wait a whole interval first (the reminder scheduler, as instances restart). */
  readonly startNow?: boolean;
  readonly log: Logger;
}

/**
 * Runs a background job (retention, the reminder scheduler) once now and then every `everyMs`, logging what it
 * did. A failed run is logged by its error's name (a message can quote a database row) and the next one is tried
 * on time; a run still going when the next is due is not doubled up. The timer does not keep the process alive.
 *
 * @example
 * const schedule = repeatOnSchedule({ name: 'retention', everyMs: DAY_MS, log,
 *   run: async () => ({ deleted: (await applyRetention(db, options())).length }) });
 * // logs {"event":"retention-applied","deleted":3} now and once a day after
 * schedule.stop();
 */
export function repeatOnSchedule({ name, run, everyMs, startNow = true, log }: ScheduleOptions): Schedule {
  let running = false;
  const runOnce = async (): Promise<void> => {
    if (running) {
      log.warn(`${name}-skipped`, { reason: 'previous-run-still-going' });
      return;
    }
    running = true;
    try {
      log.info(`${name}-applied`, await run());
    } catch (error) {
      log.error(`${name}-failed`, { errorName: error instanceof Error ? error.name : typeof error });
    } finally {
      running = false;
    }
  };
  if (startNow) void runOnce();
  const timer = setInterval(() => void runOnce(), everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
