import { addCalendarDays } from '../calendar/add-calendar-days.js';
import { addWorkingDays } from '../calendar/add-working-days.js';
import type { HolidayCalendar } from '../calendar/holiday-calendar.js';
import { lastWorkingDayOnOrBefore } from '../calendar/last-working-day-on-or-before.js';
import { compareLocalDates, type LocalDate } from '../dates/local-date.js';

/**
 * The send days of a repeating reminder: the next working day after `after`, then every `everyDays` calendar
 * days from it, each moved back to a working day when it falls on a weekend or bank holiday, up to `until`.
 *
 * @example
 * repeatDaysAfter('2026-12-24', 7, '2027-01-12', englandAndWalesCalendar())
 * //=> ['2026-12-29', '2027-01-05', '2027-01-12']
 */
export function repeatDaysAfter(after: LocalDate, everyDays: number, until: LocalDate, calendar: HolidayCalendar): LocalDate[] {
  const first = addWorkingDays(after, 1, calendar).date;
  const days: LocalDate[] = [];
  for (let repeat = 0; ; repeat += 1) {
    const sendOn = lastWorkingDayOnOrBefore(addCalendarDays(first, repeat * everyDays), calendar);
    if (compareLocalDates(sendOn, until) > 0) return days;
    // Only a run of closures longer than the repeat could move a repeat back onto the one before it.
    if (compareLocalDates(sendOn, days.at(-1) ?? after) > 0) days.push(sendOn);
  }
}
