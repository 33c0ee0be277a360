import { addDays } from 'date-fns';
import { fromUtcDate, toUtcDate, type LocalDate } from '../dates/local-date.js';

/**
 * Adds (or, when negative, subtracts) calendar days. Weeks are 7 days each.
 *
 * @example
 * addCalendarDays('2026-03-04', 14) //=> '2026-03-18'
 */
export function addCalendarDays(date: LocalDate, amount: number): LocalDate {
  return fromUtcDate(addDays(toUtcDate(date), amount));
}
