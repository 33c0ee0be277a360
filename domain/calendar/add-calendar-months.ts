import { addMonths } from 'date-fns';
import { fromUtcDate, toUtcDate, type LocalDate } from '../dates/local-date.js';

/**
 * Adds calendar months; when the target month is shorter, the result is that month's last day.
 *
 * @example
 * addCalendarMonths('2025-11-30', 3) //=> '2026-02-28'
 */
export function addCalendarMonths(date: LocalDate, amount: number): LocalDate {
  return fromUtcDate(addMonths(toUtcDate(date), amount));
}
