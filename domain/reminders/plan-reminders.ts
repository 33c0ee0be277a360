import { z } from 'zod';
import { addWorkingDays } from '../calendar/add-working-days.js';
import type { HolidayCalendar } from '../calendar/holiday-calendar.js';
import { lastWorkingDayOnOrBefore } from '../calendar/last-working-day-on-or-before.js';
import type { Obligation } from '../cases/timeline.js';
import { compareLocalDates, type LocalDate } from '../dates/local-date.js';
import type { Responsible } from '../policy/schema.js';
import { repeatDaysAfter } from './repeat-days.js';

/** `transfer-out`: a moved-out family's checklist item not yet done (transfer-checklist.ts). */
export type ReminderKind = 'before-due' | 'due-today' | 'overdue' | 'escalation' | 'transfer-out';

/** Who a reminder goes to, as a role on the case; bot/ finds the person (the allocated worker, the team's manager…). */
export type RecipientRole = Responsible['role'];

/** One reminder to send: what, about which obligation, on which working day, to whom. No case: the caller adds it. */
export interface ReminderIntent {
  readonly kind: ReminderKind;
  readonly ruleId: string;
  readonly dueOn: LocalDate;
  /** Always a working day. */
  readonly sendOn: LocalDate;
  readonly recipient: RecipientRole;
  /** Whom the obligation falls to; for an escalation, the role whose item is overdue. */
  readonly responsible: RecipientRole;
}

export const ReminderSettingsSchema = z.strictObject({
  /** Working days before the due date to remind the responsible person; 0 is the due day itself. */
  leadWorkingDays: z.array(z.number().int().nonnegative().max(60)).min(1),
  /** Calendar days between overdue reminders after the first, which comes the next working day after the due date. */
  overdueRepeatDays: z.number().int().positive().max(28),
  /** Working days after the due date on which an item still not done is escalated to the manager. */
  escalateAfterWorkingDays: z.number().int().positive().max(20),
});
export type ReminderSettings = z.infer<typeof ReminderSettingsSchema>;

/** The defaults: 5 working days before, on the due day, the next working day if overdue then weekly; the manager after 2. */
export const REMINDER_DEFAULTS: ReminderSettings = {
  leadWorkingDays: [5, 0],
  overdueRepeatDays: 7,
  escalateAfterWorkingDays: 2,
};

/**
 * The reminders a case's obligations call for, each on a working day, up to and including `until`, in date
 * order. A done obligation gives none. Before the due date: one per lead time, counted back in working days
 * from the last working day on or before the due date, so a due date on a weekend or bank holiday still gets
 * its full notice and its "due today" reminder on the working day before. After it: the next working day,
 * then every `overdueRepeatDays` (a repeat that falls on a weekend or bank holiday comes the working day
 * before), and one escalation to the manager `escalateAfterWorkingDays` working days after the due date,
 * unless the obligation is the manager's own. The authority milestones (Slough's 9-month reflective
 * supervision, Redbridge's 12-month TM/SP chair, Camden's 12-month IRO oversight, Brighton and Hove's network
 * meeting before a supervision order expires) are obligations like any other, so they go to the role the rule
 * names. An obligation that asks for earlier notice (`remindWorkingDaysBefore`) gets those reminders as well.
 *
 * @example
 * planReminders([{ ruleId: 'redbridge.initial-meeting.convene', dueOn: '2026-03-30', status: 'upcoming',
 *   responsible: { role: 'worker', … }, … }], '2026-04-02', englandAndWalesCalendar())
 * //=> [{ kind: 'before-due', sendOn: '2026-03-23', recipient: 'worker', … },
 * //    { kind: 'due-today', sendOn: '2026-03-30', … }, { kind: 'overdue', sendOn: '2026-03-31', … },
 * //    { kind: 'escalation', sendOn: '2026-04-01', recipient: 'manager', … }]
 */
export function planReminders(
  obligations: readonly Obligation[],
  until: LocalDate,
  calendar: HolidayCalendar,
  settings: ReminderSettings = REMINDER_DEFAULTS,
): ReminderIntent[] {
  const planned = new Map<string, ReminderIntent>();
  for (const obligation of obligations) {
    if (obligation.status === 'done') continue;
    for (const intent of intentsOf(obligation, until, calendar, settings)) {
      if (compareLocalDates(intent.sendOn, until) > 0) continue;
      planned.set(`${intent.ruleId}|${intent.dueOn}|${intent.kind}|${intent.sendOn}`, intent);
    }
  }
  return [...planned.values()].sort(
    (left, right) =>
      compareLocalDates(left.sendOn, right.sendOn) || compareLocalDates(left.dueOn, right.dueOn) || left.ruleId.localeCompare(right.ruleId),
  );
}

function intentsOf(obligation: Obligation, until: LocalDate, calendar: HolidayCalendar, settings: ReminderSettings): ReminderIntent[] {
  const { ruleId, dueOn } = obligation;
  const responsible = obligation.responsible.role;
  const intent = (kind: ReminderKind, sendOn: LocalDate, recipient: RecipientRole = responsible): ReminderIntent => ({
    kind,
    ruleId,
    dueOn,
    sendOn,
    recipient,
    responsible,
  });
  // The day the work must in practice be done by: a Saturday due date means Friday.
  const lastWorkingDueDay = lastWorkingDayOnOrBefore(dueOn, calendar);
  // A rule with an outer limit asks for earlier notice too (Brighton and Hove: well before a supervision order expires).
  const leads = [...new Set([...(obligation.remindWorkingDaysBefore ?? []), ...settings.leadWorkingDays])];
  const intents = leads.map((lead) =>
    lead === 0 ? intent('due-today', lastWorkingDueDay) : intent('before-due', addWorkingDays(lastWorkingDueDay, -lead, calendar).date),
  );
  intents.push(...repeatDaysAfter(dueOn, settings.overdueRepeatDays, until, calendar).map((sendOn) => intent('overdue', sendOn)));
  if (responsible !== 'manager') {
    intents.push(intent('escalation', addWorkingDays(dueOn, settings.escalateAfterWorkingDays, calendar).date, 'manager'));
  }
  return intents;
}

/** How far back a reminder whose day passed without any pass running (the bot down all day) is still sent. */
export const CATCH_UP_WORKING_DAYS = 5;

/**
 * Of the planned reminders, those to put in the outbox on `today`: today's, and for each obligation the latest
 * reminder whose day fell within the last `catchUpWorkingDays` working days, kept under its own send day. When
 * a pass ran on that day the reminder is already in the outbox and its key adds nothing; when none ran (the bot
 * was down from 08:00 to 18:00) it goes today instead of never. Only the latest of an obligation's reminders to
 * the responsible person (and of its escalation) is caught up: a missed "5 days before" is not worth sending
 * beside the "due today" that replaces it.
 *
 * @example
 * // The "5 working days before" reminder of Monday 23 March 2026 with no pass that day, on Tuesday 24 March:
 * remindersToSendOn(planned, '2026-03-24', englandAndWalesCalendar())
 * //=> [{ kind: 'before-due', sendOn: '2026-03-23', … }]
 */
export function remindersToSendOn(
  planned: readonly ReminderIntent[],
  today: LocalDate,
  calendar: HolidayCalendar,
  catchUpWorkingDays: number = CATCH_UP_WORKING_DAYS,
): ReminderIntent[] {
  const earliest = addWorkingDays(today, -catchUpWorkingDays, calendar).date;
  const latest = new Map<string, ReminderIntent>();
  for (const intent of planned) {
    if (compareLocalDates(intent.sendOn, earliest) < 0 || compareLocalDates(intent.sendOn, today) > 0) continue;
    const series = `${intent.ruleId}|${intent.dueOn}|${intent.kind === 'escalation' ? 'escalation' : 'reminder'}`;
    const kept = latest.get(series);
    if (!kept || compareLocalDates(intent.sendOn, kept.sendOn) > 0) latest.set(series, intent);
  }
  return [...latest.values()];
}
