import type { HolidayCalendar } from '../calendar/holiday-calendar.js';
import { compareLocalDates, type LocalDate } from '../dates/local-date.js';
import type { Citation, OuterLimitRule, Policy, Responsible, Rule, TimescaleRule, Topic } from '../policy/schema.js';
import { dueDate } from '../timescales/due-date.js';
import type { Working } from '../timescales/working.js';
import { anchorDateOf, type CaseEvent, type CaseFile } from './case-events.js';
import type { EventKind } from './event-kinds.js';

export type ObligationStatus = 'done' | 'upcoming' | 'due-today' | 'overdue';

/** One thing a case owes, by when, to whom, under which rule. */
export interface Obligation {
  readonly ruleId: string;
  readonly topic: Topic;
  readonly requires: string;
  readonly responsible: Responsible;
  readonly recurring: boolean;
  readonly anchor: { readonly event: EventKind; readonly date: LocalDate };
  readonly dueOn: LocalDate;
  readonly status: ObligationStatus;
  /** When it was done, for `done` obligations. */
  readonly doneOn?: LocalDate;
  readonly working: Working;
  readonly citation: Citation;
  readonly interpretation?: string;
  /** Where the document gives another figure for the same thing: the later date this one overrides. */
  readonly conflict?: { readonly ruleId: string; readonly dueOn: LocalDate; readonly citation: Citation };
  /**
   * `outer-limit`: the rule sets no figure and `dueOn` is the event it must come before (a supervision order's
   * expiry), the latest possible day, not a target. `next-occurrence`: a trigger rule, owed at the next
   * occurrence of another rule on or after `triggeredOn`.
   */
  readonly dueIs?: 'outer-limit' | 'next-occurrence';
  /** For a trigger rule: the date from which it applies (Redbridge: the Plan in place 12 months). */
  readonly triggeredOn?: LocalDate;
  /** Reminders the rule asks for besides the usual ones, in working days before `dueOn`. */
  readonly remindWorkingDaysBefore?: readonly number[];
}

/** The earliest date a step may or should happen ("from day 10", "at least three months"): not a deadline. */
export interface EarliestDate {
  readonly ruleId: string;
  readonly topic: Topic;
  readonly requires: string;
  readonly anchor: { readonly event: EventKind; readonly date: LocalDate };
  readonly from: LocalDate;
  readonly working: Working;
  readonly citation: Citation;
  readonly interpretation?: string;
}

/**
 * A case's obligations on `today`, soonest first. Each timescale rule of the case's authority that applies to
 * its pathways and whose anchor event has happened gives one obligation: a one-off rule is `done` once a
 * fulfilling event is recorded on or after its anchor; a recurring rule always gives the next occurrence,
 * counted from the last actual one. Where the document conflicts with itself, the stricter date is kept and
 * the other named. A trigger rule is owed at the next occurrence of the rule it names on or after its date; a
 * rule that sets no figure but names an event to come before is owed by that event (its outer limit); a rule
 * whose date is an earliest date, or a fact with no case obligation, gives none (see `earliestDatesOn`).
 * Nothing is owed after the plan has closed.
 *
 * @example
 * obligationsOn({ authorityId: 'redbridge', pathways: [], events: [{ kind: 'plan-decision', on: '2026-03-09' }] },
 *   '2026-03-10', redbridgePolicy, englandAndWalesCalendar())
 * //=> [{ ruleId: 'redbridge.initial-meeting.convene', dueOn: '2026-03-30', status: 'upcoming', … }]
 */
export function obligationsOn(
  caseFile: CaseFile,
  today: LocalDate,
  policy: Policy,
  calendar: HolidayCalendar,
): Obligation[] {
  const closedOn = latestOf(caseFile.events, ['plan-closed'])?.on;
  const applicable = policy.rules.filter((rule) => appliesTo(rule, caseFile));
  const timescales = applicable.filter(
    (rule): rule is TimescaleRule => rule.kind === 'timescale' && rule.onCase !== false && rule.dateIs !== 'earliest',
  );
  const obligations = new Map<string, Obligation>();
  const keep = (obligation: Obligation | undefined) => {
    if (obligation) obligations.set(obligation.ruleId, obligation);
  };
  for (const rule of timescales) {
    keep(rule.dateIs === 'trigger' ? triggeredObligationOf(rule, policy, caseFile.events, today, calendar, closedOn) : obligationOf(rule, caseFile.events, today, calendar, closedOn));
  }
  for (const rule of applicable) {
    if (rule.kind === 'no-figure-set' && rule.outerLimit) keep(outerLimitObligationOf({ ...rule, outerLimit: rule.outerLimit }, caseFile.events, today, calendar, closedOn));
  }
  return [...resolveConflicts(obligations, timescales).values()].sort(
    (left, right) => compareLocalDates(left.dueOn, right.dueOn) || left.ruleId.localeCompare(right.ruleId),
  );
}

/**
 * The earliest dates of a case, soonest first: for each rule whose date is the earliest a step may or should
 * happen (Blackburn with Darwen's outline plan "from day 10", Slough's plan "in place for at least three
 * months"), counted from its anchor, while the step has not happened and the plan is open. None is a deadline:
 * they give no reminder.
 *
 * @example
 * earliestDatesOn({ authorityId: 'slough', pathways: [], events: [{ kind: 'plan-started', on: '2026-01-12' }] },
 *   sloughPolicy, englandAndWalesCalendar())
 * //=> [{ ruleId: 'slough.plan-duration.earliest-closure', from: '2026-04-12', … }]
 */
export function earliestDatesOn(caseFile: CaseFile, policy: Policy, calendar: HolidayCalendar): EarliestDate[] {
  if (latestOf(caseFile.events, ['plan-closed'])) return [];
  return policy.rules
    .filter((rule): rule is TimescaleRule => rule.kind === 'timescale' && rule.dateIs === 'earliest' && appliesTo(rule, caseFile))
    .flatMap((rule) => {
      const anchorEvent = anchorEventOf(rule, caseFile.events);
      if (!anchorEvent || earliestOnOrAfter(caseFile.events, rule.fulfilledBy, anchorEvent.on, anchorEvent)) return [];
      const { dueOn, working } = dueDate(anchorDateOf(anchorEvent), rule.offset, calendar);
      return [
        {
          ruleId: rule.id,
          topic: rule.topic,
          requires: rule.requires,
          anchor: { event: anchorEvent.kind, date: anchorDateOf(anchorEvent) },
          from: dueOn,
          working,
          citation: rule.citation,
          ...(rule.interpretation ? { interpretation: rule.interpretation } : {}),
        },
      ];
    })
    .sort((left, right) => compareLocalDates(left.from, right.from) || left.ruleId.localeCompare(right.ruleId));
}

function appliesTo(rule: Rule, caseFile: CaseFile): boolean {
  return (
    (rule.pathway === undefined || caseFile.pathways.includes(rule.pathway)) &&
    (rule.exceptPathway === undefined || !caseFile.pathways.includes(rule.exceptPathway))
  );
}

/** The event a rule counts from: the latest recorded, or the earliest where the rule takes the stricter of two readings. */
function anchorEventOf(rule: TimescaleRule, events: readonly CaseEvent[]): CaseEvent | undefined {
  return rule.anchorChoice === 'earliest' ? earliestOf(events, rule.anchors) : latestOf(events, rule.anchors);
}

function obligationOf(
  rule: TimescaleRule,
  events: readonly CaseEvent[],
  today: LocalDate,
  calendar: HolidayCalendar,
  closedOn: LocalDate | undefined,
): Obligation | undefined {
  return owedFrom(
    // A recurring rule is never done: each occurrence is the next one owed.
    { rule, anchorEvent: anchorEventOf(rule, events), fulfilledBy: rule.recurring ? [] : rule.fulfilledBy },
    { offset: rule.offset, responsible: rule.responsible, recurring: rule.recurring },
    { events, today, calendar, closedOn },
  );
}

/**
 * What every kind of dated rule owes once its anchor is found: the due date from the one engine, done by the
 * earliest fulfilling event on or after the anchor, and nothing owed where the case closed before anything
 * fulfilled it (a review booked for after the closure included: its anchor date lies ahead, but it was booked
 * before; only what happens after a closure owes anything).
 */
function owedFrom(
  found: { rule: TimescaleRule | OuterLimitRule; anchorEvent: CaseEvent | undefined; fulfilledBy: readonly EventKind[] },
  owes: Pick<Obligation, 'responsible' | 'recurring'> & { offset: TimescaleRule['offset'] },
  on: { events: readonly CaseEvent[]; today: LocalDate; calendar: HolidayCalendar; closedOn: LocalDate | undefined },
): Obligation | undefined {
  const { rule, anchorEvent } = found;
  if (!anchorEvent) return undefined;
  const fulfilment = earliestOnOrAfter(on.events, found.fulfilledBy, anchorEvent.on, anchorEvent);
  if (!fulfilment && on.closedOn !== undefined && compareLocalDates(anchorEvent.on, on.closedOn) <= 0) return undefined;
  const anchorDate = anchorDateOf(anchorEvent);
  const { dueOn, working } = dueDate(anchorDate, owes.offset, on.calendar);
  return {
    ruleId: rule.id,
    topic: rule.topic,
    requires: rule.requires,
    responsible: owes.responsible,
    recurring: owes.recurring,
    anchor: { event: anchorEvent.kind, date: anchorDate },
    dueOn,
    status: fulfilment ? 'done' : statusOn(on.today, dueOn),
    ...(fulfilment ? { doneOn: fulfilment.on } : {}),
    working,
    citation: rule.citation,
    ...(rule.interpretation ? { interpretation: rule.interpretation } : {}),
  };
}

/**
 * A trigger rule's obligation: from the trigger date on, the next occurrence of the rule it names (the review
 * schedule as it stands, stepped on by its frequency until it reaches the trigger date), done once a fulfilling
 * event is recorded on or after the trigger date.
 */
function triggeredObligationOf(
  rule: TimescaleRule,
  policy: Policy,
  events: readonly CaseEvent[],
  today: LocalDate,
  calendar: HolidayCalendar,
  closedOn: LocalDate | undefined,
): Obligation | undefined {
  const trigger = obligationOf(rule, events, today, calendar, closedOn);
  const next = policy.rules.find((candidate): candidate is TimescaleRule => candidate.kind === 'timescale' && candidate.id === rule.nextOf);
  if (!trigger || !next) return undefined;
  const triggeredOn = trigger.dueOn;
  let scheduled = obligationOf(next, events, today, calendar, undefined)?.dueOn ?? triggeredOn;
  while (compareLocalDates(scheduled, triggeredOn) < 0) scheduled = dueDate(scheduled, next.offset, calendar).dueOn;
  const fulfilment = earliestOnOrAfter(events, rule.fulfilledBy, triggeredOn, undefined);
  return {
    ...trigger,
    dueOn: scheduled,
    status: fulfilment ? 'done' : statusOn(today, scheduled),
    ...(fulfilment ? { doneOn: fulfilment.on } : {}),
    dueIs: 'next-occurrence',
    triggeredOn,
  };
}

/** A no-figure rule's obligation at its outer limit: the step is owed before the event it names, at the latest on its day. */
function outerLimitObligationOf(
  rule: OuterLimitRule,
  events: readonly CaseEvent[],
  today: LocalDate,
  calendar: HolidayCalendar,
  closedOn: LocalDate | undefined,
): Obligation | undefined {
  const owed = owedFrom(
    { rule, anchorEvent: latestOf(events, rule.outerLimit.anchors), fulfilledBy: rule.outerLimit.fulfilledBy },
    { offset: { unit: 'days', amount: 0, direction: 'before' }, responsible: rule.outerLimit.responsible, recurring: false },
    { events, today, calendar, closedOn },
  );
  return owed && { ...owed, dueIs: 'outer-limit', remindWorkingDaysBefore: rule.outerLimit.remindWorkingDaysBefore };
}

function statusOn(today: LocalDate, dueOn: LocalDate): ObligationStatus {
  const order = compareLocalDates(today, dueOn);
  return order < 0 ? 'upcoming' : order === 0 ? 'due-today' : 'overdue';
}

/** The most recent event of the kinds given, by the date its rules count from. */
function latestOf(events: readonly CaseEvent[], kinds: readonly EventKind[]): CaseEvent | undefined {
  let latest: CaseEvent | undefined;
  for (const event of events) {
    if (!kinds.includes(event.kind)) continue;
    if (!latest || compareLocalDates(anchorDateOf(event), anchorDateOf(latest)) >= 0) latest = event;
  }
  return latest;
}

/** The earliest event of the kinds given, by the date its rules count from. */
function earliestOf(events: readonly CaseEvent[], kinds: readonly EventKind[]): CaseEvent | undefined {
  let earliest: CaseEvent | undefined;
  for (const event of events) {
    if (!kinds.includes(event.kind)) continue;
    if (!earliest || compareLocalDates(anchorDateOf(event), anchorDateOf(earliest)) < 0) earliest = event;
  }
  return earliest;
}

function earliestOnOrAfter(
  events: readonly CaseEvent[],
  kinds: readonly EventKind[],
  from: LocalDate,
  anchorEvent: CaseEvent | undefined,
): CaseEvent | undefined {
  let earliest: CaseEvent | undefined;
  for (const event of events) {
    if (event === anchorEvent || !kinds.includes(event.kind) || compareLocalDates(event.on, from) < 0) continue;
    if (!earliest || compareLocalDates(event.on, earliest.on) < 0) earliest = event;
  }
  return earliest;
}

/** Keeps the stricter of two conflicting rules' obligations, naming the other (design/timescales.md). */
function resolveConflicts(obligations: Map<string, Obligation>, rules: readonly TimescaleRule[]): Map<string, Obligation> {
  const resolved = new Map(obligations);
  for (const rule of rules) {
    const otherId = rule.conflictsWith?.rule;
    const mine = resolved.get(rule.id);
    const theirs = otherId === undefined ? undefined : resolved.get(otherId);
    if (!mine || !theirs || otherId === undefined) continue;
    const [kept, dropped] = compareLocalDates(mine.dueOn, theirs.dueOn) <= 0 ? [mine, theirs] : [theirs, mine];
    resolved.delete(dropped.ruleId);
    resolved.set(kept.ruleId, { ...kept, conflict: { ruleId: dropped.ruleId, dueOn: dropped.dueOn, citation: dropped.citation } });
  }
  return resolved;
}
