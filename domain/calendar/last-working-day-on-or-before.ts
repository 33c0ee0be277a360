import type { LocalDate } from '../dates/local-date.js';
import { addCalendarDays } from './add-calendar-days.js';
import type { HolidayCalendar } from './holiday-calendar.js';
import { isWorkingDay } from './is-working-day.js';

/**
 * `date` if it is a working day, else the last working day before it: what a worker should aim for when a
 * calendar-counted deadline lands on a weekend or bank holiday.
 *
 * @example
 * lastWorkingDayOnOrBefore('2027-02-14', englandAndWalesCalendar()) //=> '2027-02-12' (Friday)
 */
export function lastWorkingDayOnOrBefore(date: LocalDate, calendar: HolidayCalendar): LocalDate {
  let current = date;
  while (!isWorkingDay(current, calendar)) current = addCalendarDays(current, -1);
  return current;
}
