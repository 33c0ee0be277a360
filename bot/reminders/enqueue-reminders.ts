import type { HolidayCalendar } from '../../domain/calendar/holiday-calendar.js';
import { addCalendarDays } from '../../domain/calendar/add-calendar-days.js';
import type { LocalDate } from '../../domain/dates/local-date.js';
import { planReminders, REMINDER_DEFAULTS, type ReminderSettings } from '../../domain/reminders/plan-reminders.js';
import { reminderKeyFor } from '../../domain/reminders/reminder-key.js';
import { deliveryTimeFor, DEFAULT_WORKING_HOURS, type WorkingHours } from '../../domain/reminders/working-hours.js';
import type { CaseStore } from '../store/cases.js';
import type { Db } from '../store/database.js';
import { instantOf } from './london-time.js';

/** The furthest a reminder is sent before its due date, in calendar days: 5 working days, a weekend and a bank holiday or two. */
const LOOK_AHEAD_DAYS = 14;

export interface EnqueueOptions {
  readonly db: Db;
  readonly cases: CaseStore;
  readonly calendar: HolidayCalendar;
  readonly today: LocalDate;
  readonly at: Date;
  readonly settings?: ReminderSettings;
  readonly hours?: WorkingHours;
}

/**
 * Puts today's reminders into the outbox, once each: for every open case with an obligation still open and due
 * within the look-ahead (or overdue), the domain plans its reminders and those for today go in under their
 * idempotency key (case, rule, due date, kind, send day), so running this again, or on another instance, adds
 * nothing. Returns how many were new.
 */
export async function enqueueTodaysReminders(options: EnqueueOptions): Promise<number> {
  const { db, cases, calendar, today, at, settings = REMINDER_DEFAULTS, hours = DEFAULT_WORKING_HOURS } = options;
  const owing = await cases.casesOwingBy(addCalendarDays(today, LOOK_AHEAD_DAYS));
  const obligations = await cases.obligationsOfMany(owing, today);
  const sendAfter = instantOf(deliveryTimeFor(today, calendar, hours));
  const rows = owing.flatMap((record) =>
    planReminders(obligations.get(record.id) ?? [], today, calendar, settings)
      .filter((intent) => intent.sendOn === today)
      .map((intent) => ({
        idempotency_key: reminderKeyFor(record.id, intent),
        tenant_id: record.tenantId,
        case_id: record.id,
        rule_id: intent.ruleId,
        due_on: intent.dueOn,
        kind: intent.kind,
        recipient_role: intent.recipient,
        send_after: sendAfter,
        status: 'pending',
        created_at: at,
      })),
  );
  let added = 0;
  for (let start = 0; start < rows.length; start += 500) {
    const inserted = await db
      .insertInto('reminder_outbox')
      .values(rows.slice(start, start + 500))
      .onConflict((conflict) => conflict.column('idempotency_key').doNothing())
      .returning('id')
      .execute();
    added += inserted.length;
  }
  return added;
}
