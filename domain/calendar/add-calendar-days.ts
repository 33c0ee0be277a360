import { fromUtcDate, type LocalDate } from '../dates/local-date.js';

/**
 * Adds (or, when negative, subtracts) calendar days. Weeks are 7 days each.
 *
 * @example
 * addCalendarDays('2026-03-04', 14) //=> '2026-03-18'
 */
export function addCalendarDays(date: LocalDate, amount: number): LocalDate {
  // Date.UTC rolls a day past the month's end into the next month, and UTC has no clock changes; by hand rather than
  // date-fns addDays on a UTCDate, as counting working days calls this for every day counted.
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return fromUtcDate(new Date(Date.UTC(year, month - 1, day + amount)));
}
