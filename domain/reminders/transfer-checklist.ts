import type { HolidayCalendar } from '../calendar/holiday-calendar.js';
import type { LocalDate } from '../dates/local-date.js';
import type { Citation, Pathway, Policy, Rule } from '../policy/schema.js';
import { REMINDER_DEFAULTS, type ReminderIntent, type ReminderSettings } from './plan-reminders.js';
import { repeatDaysAfter } from './repeat-days.js';

/** One thing to do when a family moves out, as the authority's procedure words it. */
export interface TransferChecklistItem {
  readonly ruleId: string;
  readonly requires: string;
  readonly citation: Citation;
}

type ConditionRule = Extract<Rule, { kind: 'condition' }>;

/**
 * What the authority's procedure asks of the worker when a family moves to another area: its condition rules
 * that apply to `transfer-out` on the case's pathways, in the policy file's order, each with its citation. An
 * authority whose procedure says nothing gives an empty list, never an invented one.
 *
 * @example
 * transferOutChecklistFor(redbridgePolicy, [])
 * //=> [{ ruleId: 'redbridge.transfer-out.notify-and-share', requires: 'Formally notify the receiving authority…' },
 * //    { ruleId: 'redbridge.transfer-out.consent', requires: 'Seek the parent’s or carer’s permission…' }]
 */
export function transferOutChecklistFor(policy: Policy, pathways: readonly Pathway[]): TransferChecklistItem[] {
  return policy.rules
    .filter(
      (rule): rule is ConditionRule =>
        rule.kind === 'condition' &&
        rule.appliesTo.includes('transfer-out') &&
        (rule.pathway === undefined || pathways.includes(rule.pathway)) &&
        (rule.exceptPathway === undefined || !pathways.includes(rule.exceptPathway)),
    )
    .map((rule) => ({ ruleId: rule.id, requires: rule.requires, citation: rule.citation }));
}

/**
 * Reminders for the checklist items not yet done after a family moved out, to the worker, up to `until`. The
 * procedures set no timescale, so an item is treated as owed from the move: reminded the next working day
 * after it, then every `overdueRepeatDays` (moved back to a working day), until the worker ticks it off. The
 * intents' `dueOn` is the move date, which keeps the outbox key (case, rule, date, kind, send day) stable.
 *
 * @example
 * transferOutRemindersFor('2026-12-24', outstandingItems, '2027-01-06', englandAndWalesCalendar())
 * //=> [{ kind: 'transfer-out', ruleId: 'redbridge.transfer-out.consent', dueOn: '2026-12-24', sendOn: '2026-12-29', … },
 * //    { kind: 'transfer-out', …, sendOn: '2027-01-05' }]
 */
export function transferOutRemindersFor(
  movedOutOn: LocalDate,
  outstanding: readonly TransferChecklistItem[],
  until: LocalDate,
  calendar: HolidayCalendar,
  settings: ReminderSettings = REMINDER_DEFAULTS,
): ReminderIntent[] {
  const sendDays = repeatDaysAfter(movedOutOn, settings.overdueRepeatDays, until, calendar);
  return sendDays.flatMap((sendOn) =>
    outstanding.map(
      ({ ruleId }): ReminderIntent => ({ kind: 'transfer-out', ruleId, dueOn: movedOutOn, sendOn, recipient: 'worker', responsible: 'worker' }),
    ),
  );
}
