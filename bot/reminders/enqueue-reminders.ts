import type { HolidayCalendar } from '../../domain/calendar/holiday-calendar.js';
import { addCalendarDays } from '../../domain/calendar/add-calendar-days.js';
import { addWorkingDays } from '../../domain/calendar/add-working-days.js';
import { LocalDateSchema, type LocalDate } from '../../domain/dates/local-date.js';
import { planReminders, REMINDER_DEFAULTS, remindersToSendOn, type ReminderIntent, type ReminderSettings } from '../../domain/reminders/plan-reminders.js';
import { reminderKeyFor } from '../../domain/reminders/reminder-key.js';
import { transferOutChecklistFor, transferOutRemindersFor } from '../../domain/reminders/transfer-checklist.js';
import type { Policy } from '../../domain/policy/schema.js';
import { policyFor } from '../../domain/policy/registry.js';
import { deliveryTimeFor, DEFAULT_WORKING_HOURS, type WorkingHours } from '../../domain/reminders/working-hours.js';
import type { Insertable } from 'kysely';
import type { CaseRecord, CaseStore } from '../store/cases.js';
import type { Tables } from '../store/tables.js';
import type { Db } from '../store/database.js';
import { instantOf } from './london-time.js';

/** The furthest a reminder is sent before its due date, in calendar days: 5 working days, a weekend and a bank holiday or two. */
const LOOK_AHEAD_DAYS = 14;

export interface EnqueueOptions {
  readonly db: Db;
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
  const { db, cases, calendar, today, at, settings = REMINDER_DEFAULTS, hours = DEFAULT_WORKING_HOURS } = options;
  const owing = await cases.casesOwingBy(addCalendarDays(today, LOOK_AHEAD_DAYS), earlyNoticeOn(options.policies, today, calendar));
  const obligations = await cases.obligationsOfMany(owing, today);
  const sendAfter = instantOf(deliveryTimeFor(today, calendar, hours));
  const rows: OutboxRow[] = owing.flatMap((record) =>
    remindersToSendOn(planReminders(obligations.get(record.id) ?? [], today, calendar, settings), today, calendar).map((intent) =>
      outboxRowOf(record, intent, sendAfter, at),
    ),
  );
  rows.push(...(await transferOutRows(options, sendAfter)));
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

type OutboxRow = Insertable<Tables['reminder_outbox']>;

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

function outboxRowOf(record: CaseRecord, intent: ReminderIntent, sendAfter: Date, at: Date): OutboxRow {
  return {
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
  };
}

/**
 * A family that moved out: the authority's transfer checklist (tell the receiving authority, share the
 * assessment, plan and minutes, consent) is reminded weekly from the move until each item is marked done.
 */
async function transferOutRows(options: EnqueueOptions, sendAfter: Date): Promise<OutboxRow[]> {
  const { db, cases, calendar, today, at, settings = REMINDER_DEFAULTS } = options;
  const moves = await db
    .selectFrom('case_events')
    .innerJoin('cases', 'cases.id', 'case_events.case_id')
    .select(['cases.tenant_id', 'cases.reference', 'case_events.happened_on'])
    .where('case_events.kind', '=', 'moved-out')
    .where('case_events.withdrawn_at', 'is', null)
    .where('cases.status', '=', 'open')
    .execute();
  const rows: OutboxRow[] = [];
  for (const move of moves) {
    const record = await cases.caseByReference(move.tenant_id, move.reference);
    const policy = record ? policyFor(record.authorityId, options.policies) : undefined;
    if (!record || !policy?.ok) continue;
    const done = new Set((await db.selectFrom('transfer_checklist_done').select('rule_id').where('case_id', '=', record.id).execute()).map((row) => row.rule_id));
    const outstanding = transferOutChecklistFor(policy.value, record.pathways).filter((item) => !done.has(item.ruleId));
    const planned = transferOutRemindersFor(LocalDateSchema.parse(move.happened_on), outstanding, today, calendar, settings);
    rows.push(...remindersToSendOn(planned, today, calendar).map((intent) => outboxRowOf(record, intent, sendAfter, at)));
  }
  return rows;
}
