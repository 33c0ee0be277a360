import { compareLocalDates, type LocalDate } from '../dates/local-date.js';
import { addCalendarDays } from './add-calendar-days.js';
import type { HolidayCalendar } from './holiday-calendar.js';
import { isWorkingDay } from './is-working-day.js';

/**
 * The working days after `from` up to and including `to`: the inverse of `addWorkingDays`, where `from` is
 * day 0. None when `to` is not after `from`.
 *
 * @example
 * workingDaysBetween('2026-03-26', '2026-03-30', englandAndWalesCalendar()) //=> 2 (Friday 27 and Monday 30 March)
 * workingDaysBetween('2026-04-02', '2026-04-07', englandAndWalesCalendar()) //=> 1 (Good Friday and Easter Monday are not)
 */
export function workingDaysBetween(from: LocalDate, to: LocalDate, calendar: HolidayCalendar): number {
  let count = 0;
  for (let day = addCalendarDays(from, 1); compareLocalDates(day, to) <= 0; day = addCalendarDays(day, 1)) {
    if (isWorkingDay(day, calendar)) count += 1;
  }
  return count;
}
