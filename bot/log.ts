import { pino } from 'pino';

/**
 * Structured JSON logs through pino. Fields are ids, codes and counts only: never message text, names or card
 * contents, because a social worker's words can name a child.
 */
export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export type LogFields = Readonly<Record<string, string | number | boolean | undefined>>;

export interface Logger {
  debug(event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

/**
 * A logger that writes one JSON line per event at `minimumLevel` or above.
 *
 * @example
 * createLogger('info').error('turn-failed', { correlationId: '6f1c…' })
 * //=> writes {"level":"error","time":"2026-11-23T10:15:30.123Z","event":"turn-failed","correlationId":"6f1c…"}
 */
export function createLogger(
  minimumLevel: LogLevel,
  writeLine: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): Logger {
  const logger = pino(
    {
      level: minimumLevel,
      base: null,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    { write: (line: string) => writeLine(line.trimEnd()) },
  );
  const at =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (event: string, fields: LogFields = {}): void =>
      logger[level]({ event, ...fields });
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
