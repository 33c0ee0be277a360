import { getISOWeek, getISOWeekYear } from 'date-fns';
import { addCalendarDays } from '../calendar/add-calendar-days.js';
import type { HolidayCalendar } from '../calendar/holiday-calendar.js';
import { isWorkingDay } from '../calendar/is-working-day.js';
import { dayOfWeek, toUtcDate, type LocalDate } from '../dates/local-date.js';

/** The outbox kind of a manager's weekly timeliness card. */
export const TEAM_WEEK_KIND = 'team-week';

/**
 * The ISO week a date falls in, as `YYYY-Www`: the week the weekly card is sent once for.
 *
 * @example
 * isoWeekOf('2026-12-28') //=> '2026-W53'
 * isoWeekOf('2027-01-03') //=> '2026-W53' (a Sunday, still the week that began on Monday 28 December)
 */
export function isoWeekOf(date: LocalDate): string {
  const utc = toUtcDate(date);
  return `${String(getISOWeekYear(utc)).padStart(4, '0')}-W${String(getISOWeek(utc)).padStart(2, '0')}`;
}

/**
 * The day a manager's weekly card goes in `date`'s week: the Monday, or when the Monday is a bank holiday
 * (Easter Monday, the May and August bank holidays, a substitute day) the next working day of the week, since
 * nobody reads a "this week" card on their day off; undefined for a week without a working weekday.
 *
 * @example
 * teamWeekSendDay('2026-04-08', englandAndWalesCalendar()) //=> '2026-04-07' (Easter Monday 6 April, so Tuesday)
 * teamWeekSendDay('2026-03-25', englandAndWalesCalendar()) //=> '2026-03-23'
 */
export function teamWeekSendDay(date: LocalDate, calendar: HolidayCalendar): LocalDate | undefined {
  const monday = addCalendarDays(date, -((dayOfWeek(date) + 6) % 7));
  for (let offset = 0; offset < 5; offset += 1) {
    const day = addCalendarDays(monday, offset);
    if (isWorkingDay(day, calendar)) return day;
  }
  return undefined;
}

/**
 * The outbox's idempotency key of one manager's card for one week: any number of passes, restarts and
 * instances insert it once.
 *
 * @example
 * teamWeekKey('tenant-a', 'manager-1', '2026-W13') //=> 'team-week|tenant-a|manager-1|2026-W13'
 */
export function teamWeekKey(tenantId: string, managerId: string, isoWeek: string): string {
  return [TEAM_WEEK_KIND, tenantId, managerId, isoWeek].join('|');
}
