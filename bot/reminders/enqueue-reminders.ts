import type { HolidayCalendar } from '../../domain/calendar/holiday-calendar.js';
import { addCalendarDays } from '../../domain/calendar/add-calendar-days.js';
import { addWorkingDays } from '../../domain/calendar/add-working-days.js';
import type { LocalDate } from '../../domain/dates/local-date.js';
import { planReminders, REMINDER_DEFAULTS, remindersToSendOn, type ReminderIntent, type ReminderSettings } from '../../domain/reminders/plan-reminders.js';
import { reminderKeyFor } from '../../domain/reminders/reminder-key.js';
import { transferOutChecklistFor, transferOutRemindersFor } from '../../domain/reminders/transfer-checklist.js';
import type { Policy } from '../../domain/policy/schema.js';
import { policyFor } from '../../domain/policy/registry.js';
import { deliveryTimeFor, DEFAULT_WORKING_HOURS, type WorkingHours } from '../../domain/reminders/working-hours.js';
import type { CaseRecord, CaseStore } from '../store/cases.js';
import type { NewReminder, ReminderOutboxStore } from '../store/reminder-outbox.js';
import type { TransferChecklistStore } from '../store/transfer-checklist.js';
import { instantOf } from './london-time.js';

/** The furthest a reminder is sent before its due date, in calendar days: 5 working days, a weekend and a bank holiday or two. */
const LOOK_AHEAD_DAYS = 14;

export interface EnqueueOptions {
  readonly outbox: ReminderOutboxStore;
  readonly transferChecklist: TransferChecklistStore;
  readonly policies: readonly Policy[];
  readonly cases: CaseStore;
  readonly calendar: HolidayCalendar;
  readonly today: LocalDate;
  readonly at: Date;
  readonly settings?: ReminderSettings;
  readonly hours?: WorkingHours;
}

/**
 * Puts today's reminders into the outbox, once each: for every open case with an obligation still open and due
 * within the look-ahead (or overdue), the domain plans its reminders and those for today (and the latest of a
 * recent day on which no pass ran) go in under their idempotency key (case, rule, due date, kind, send day), so
 * running this again, or on another instance, adds nothing. Returns how many were new.
 */
export async function enqueueTodaysReminders(options: EnqueueOptions): Promise<number> {
  const { cases, calendar, today, at, settings = REMINDER_DEFAULTS, hours = DEFAULT_WORKING_HOURS } = options;
  const owing = await cases.casesOwingBy(addCalendarDays(today, LOOK_AHEAD_DAYS), earlyNoticeOn(options.policies, today, calendar));
  const obligations = await cases.obligationsOfMany(owing, today);
  const sendAfter = instantOf(deliveryTimeFor(today, calendar, hours));
  const rows: NewReminder[] = owing.flatMap((record) =>
    remindersToSendOn(planReminders(obligations.get(record.id) ?? [], today, calendar, settings), today, calendar).map((intent) =>
      outboxRowOf(record, intent, sendAfter, at),
    ),
  );
  rows.push(...(await transferOutRows(options, sendAfter)));
  return options.outbox.add(rows);
}

/**
 * The rules whose reminders start further ahead than the usual look-ahead (Brighton and Hove's network meeting
 * before a supervision order expires, from 40 working days before), and how far ahead their cases are looked at.
 */
function earlyNoticeOn(policies: readonly Policy[], today: LocalDate, calendar: HolidayCalendar): { readonly ruleIds: readonly string[]; readonly dueBy: LocalDate } | undefined {
  const early = policies.flatMap((policy) =>
    policy.rules.flatMap((rule) => (rule.kind === 'no-figure-set' && rule.outerLimit ? [{ id: rule.id, workingDays: Math.max(...rule.outerLimit.remindWorkingDaysBefore) }] : [])),
  );
  if (early.length === 0) return undefined;
  const furthest = Math.max(...early.map((rule) => rule.workingDays));
  // The look-ahead again on top: a limit on a weekend or bank holiday is counted back from the working day before it.
  return { ruleIds: early.map((rule) => rule.id), dueBy: addCalendarDays(addWorkingDays(today, furthest, calendar).date, LOOK_AHEAD_DAYS) };
}

function outboxRowOf(record: CaseRecord, intent: ReminderIntent, sendAfter: Date, at: Date): NewReminder {
  return {
    idempotency_key: reminderKeyFor(record.id, intent),
    tenant_id: record.tenantId,
    case_id: record.id,
    rule_id: intent.ruleId,
    due_on: intent.dueOn,
    kind: intent.kind,
    recipient_role: intent.recipient,
    send_after: sendAfter,
    created_at: at,
  };
}

/**
 * A family that moved out: the authority's transfer checklist (tell the receiving authority, share the
 * assessment, plan and minutes, consent) is reminded weekly from the move until each item is marked done.
 */
async function transferOutRows(options: EnqueueOptions, sendAfter: Date): Promise<NewReminder[]> {
  const { cases, calendar, today, at, settings = REMINDER_DEFAULTS } = options;
  const rows: NewReminder[] = [];
  for (const { record, movedOutOn } of await cases.openCasesMovedOut()) {
    const policy = policyFor(record.authorityId, options.policies);
    if (!policy.ok) continue;
    const done = await options.transferChecklist.doneOf(record.id);
    const outstanding = transferOutChecklistFor(policy.value, record.pathways).filter((item) => !done.has(item.ruleId));
    const planned = transferOutRemindersFor(movedOutOn, outstanding, today, calendar, settings);
    rows.push(...remindersToSendOn(planned, today, calendar).map((intent) => outboxRowOf(record, intent, sendAfter, at)));
  }
  return rows;
}
