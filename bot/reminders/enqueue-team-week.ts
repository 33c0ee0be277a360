import type { HolidayCalendar } from '../../domain/calendar/holiday-calendar.js';
import type { LocalDate } from '../../domain/dates/local-date.js';
import { isoWeekOf, teamWeekSendDay } from '../../domain/reminders/team-week.js';
import { deliveryTimeFor, DEFAULT_WORKING_HOURS, type WorkingHours } from '../../domain/reminders/working-hours.js';
import type { ReminderOutboxStore } from '../store/reminder-outbox.js';
import { instantOf } from './london-time.js';

/**
 * On the week's card day (Monday, or the next working day when Monday is a bank holiday), puts one weekly
 * timeliness card for each manager into the reminder outbox, once per manager and ISO week. The figures are
 * worked out when the card is sent, so they are those of that morning. Returns how many were new.
 */
export async function enqueueTeamWeekCards(
  outbox: Pick<ReminderOutboxStore, 'addTeamWeekCards'>,
  today: LocalDate,
  calendar: HolidayCalendar,
  at: Date,
  hours: WorkingHours = DEFAULT_WORKING_HOURS,
): Promise<number> {
  if (teamWeekSendDay(today, calendar) !== today) return 0;
  return outbox.addTeamWeekCards(isoWeekOf(today), today, instantOf(deliveryTimeFor(today, calendar, hours)), at);
}
