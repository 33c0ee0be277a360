import { dayOfWeek, type LocalDate } from '../dates/local-date.js';
import type { HolidayCalendar } from './holiday-calendar.js';

/**
 * Whether `date` is a working day: Monday to Friday and not a bank holiday.
 *
 * @example
 * isWorkingDay('2026-04-06', englandAndWalesCalendar()) //=> false (Easter Monday)
 */
export function isWorkingDay(date: LocalDate, calendar: HolidayCalendar): boolean {
  const weekday = dayOfWeek(date);
  return weekday !== 0 && weekday !== 6 && calendar.holidayOn(date) === undefined;
}
