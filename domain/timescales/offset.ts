import { z } from 'zod';

/**
 * How far a due date lies from its anchor event, in the procedure's own unit.
 * - `workingDays`: "within N working days of E" (E is day 0) or "at least N working days before M".
 * - `days` / `weeks`: calendar days; a week is 7 days.
 * - `months`: calendar months with the month-end clamp.
 * - `dayNumber`: "by day N of the assessment"; the text is ambiguous, so the anchor is read as day 1 and the
 *   count is in working days (day N = N - 1 working days after the anchor), and the answer says so.
 */
export const OffsetSchema = z.strictObject({
  unit: z.enum(['workingDays', 'days', 'weeks', 'months', 'dayNumber']),
  amount: z.number().int().nonnegative(),
  direction: z.enum(['after', 'before']),
});
export type Offset = z.infer<typeof OffsetSchema>;
export type OffsetUnit = Offset['unit'];

/**
 * The offset in plain words, as the answers print it.
 *
 * @example
 * describeOffset({ unit: 'workingDays', amount: 15, direction: 'after' }) //=> '15 working days after'
 */
export function describeOffset(offset: Offset): string {
  if (offset.unit === 'dayNumber') return `by day ${offset.amount}`;
  const unitWords: Record<Exclude<OffsetUnit, 'dayNumber'>, [string, string]> = {
    workingDays: ['working day', 'working days'],
    days: ['day', 'days'],
    weeks: ['week', 'weeks'],
    months: ['month', 'months'],
  };
  const [one, many] = unitWords[offset.unit];
  return `${offset.amount} ${offset.amount === 1 ? one : many} ${offset.direction}`;
}
