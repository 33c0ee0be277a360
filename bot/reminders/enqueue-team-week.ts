import { sql } from 'kysely';
import type { HolidayCalendar } from '../../domain/calendar/holiday-calendar.js';
import type { LocalDate } from '../../domain/dates/local-date.js';
import { isoWeekOf, TEAM_WEEK_KIND, teamWeekKey, teamWeekSendDay } from '../../domain/reminders/team-week.js';
import { deliveryTimeFor, DEFAULT_WORKING_HOURS, type WorkingHours } from '../../domain/reminders/working-hours.js';
import type { Db } from '../store/database.js';
import { instantOf } from './london-time.js';

/**
 * On the week's card day (Monday, or the next working day when Monday is a bank holiday), puts one weekly
 * timeliness card for each manager into the reminder outbox, keyed by manager and ISO week, so any number of
 * passes, restarts and instances add it once. A manager is someone holding the manager role in a team that has
 * cases; one whose teams have none gets no card. The figures are worked out when the card is sent, so they are
 * those of that morning. Returns how many were new.
 */
export async function enqueueTeamWeekCards(db: Db, today: LocalDate, calendar: HolidayCalendar, at: Date, hours: WorkingHours = DEFAULT_WORKING_HOURS): Promise<number> {
  if (teamWeekSendDay(today, calendar) !== today) return 0;
  const managers = await db
    .selectFrom('role_assignments')
    .select(['tenant_id', 'user_id'])
    .distinct()
    .where('role', '=', 'manager')
    .where('team', '<>', '')
    .where(({ exists, selectFrom }) =>
      exists(selectFrom('cases').select(sql`1`.as('one')).whereRef('cases.tenant_id', '=', 'role_assignments.tenant_id').whereRef('cases.team', '=', 'role_assignments.team')),
    )
    .execute();
  if (managers.length === 0) return 0;
  const week = isoWeekOf(today);
  const sendAfter = instantOf(deliveryTimeFor(today, calendar, hours));
  let added = 0;
  for (let start = 0; start < managers.length; start += 500) {
    const inserted = await db
      .insertInto('reminder_outbox')
      .values(
        managers.slice(start, start + 500).map((manager) => ({
          idempotency_key: teamWeekKey(manager.tenant_id, manager.user_id, week),
          tenant_id: manager.tenant_id,
          case_id: null,
          rule_id: TEAM_WEEK_KIND,
          due_on: today,
          kind: TEAM_WEEK_KIND,
          recipient_role: 'manager',
          recipient_id: manager.user_id,
          send_after: sendAfter,
          status: 'pending',
          created_at: at,
        })),
      )
      .onConflict((conflict) => conflict.column('idempotency_key').doNothing())
      .returning('id')
      .execute();
    added += inserted.length;
  }
  return added;
}
