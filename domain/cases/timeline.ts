import type { HolidayCalendar } from '../calendar/holiday-calendar.js';
import { compareLocalDates, type LocalDate } from '../dates/local-date.js';
import type { Citation, Policy, Responsible, TimescaleRule, Topic } from '../policy/schema.js';
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
}

/**
 * A case's obligations on `today`, soonest first. Each timescale rule of the case's authority that applies to
 * its pathways and whose anchor event has happened gives one obligation: a one-off rule is `done` once a
 * fulfilling event is recorded on or after its anchor; a recurring rule always gives the next occurrence,
 * counted from the last actual one. Where the document conflicts with itself, the stricter date is kept and
 * the other named. Nothing is owed after the plan has closed.
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
  const applicable = policy.rules.filter(
    (rule): rule is TimescaleRule =>
      rule.kind === 'timescale' &&
      (rule.pathway === undefined || caseFile.pathways.includes(rule.pathway)) &&
      (rule.exceptPathway === undefined || !caseFile.pathways.includes(rule.exceptPathway)),
  );
  const obligations = new Map<string, Obligation>();
  for (const rule of applicable) {
    const obligation = obligationOf(rule, caseFile.events, today, calendar, closedOn);
    if (obligation) obligations.set(rule.id, obligation);
  }
  return [...resolveConflicts(obligations, applicable).values()].sort(
    (left, right) => compareLocalDates(left.dueOn, right.dueOn) || left.ruleId.localeCompare(right.ruleId),
  );
}

function obligationOf(
  rule: TimescaleRule,
  events: readonly CaseEvent[],
  today: LocalDate,
  calendar: HolidayCalendar,
  closedOn: LocalDate | undefined,
): Obligation | undefined {
  const anchorEvent = latestOf(events, rule.anchors);
  if (!anchorEvent) return undefined;
  const fulfilment = rule.recurring ? undefined : earliestOnOrAfter(events, rule.fulfilledBy, anchorEvent.on, anchorEvent);
  // Closing ends what was owed from anything recorded by then, a review booked for after the closure included
  // (its anchor date lies ahead, but it was booked before): only what happens after a closure owes anything.
  if (!fulfilment && closedOn !== undefined && compareLocalDates(anchorEvent.on, closedOn) <= 0) return undefined;
  const anchorDate = anchorDateOf(anchorEvent);
  const { dueOn, working } = dueDate(anchorDate, rule.offset, calendar);
  return {
    ruleId: rule.id,
    topic: rule.topic,
    requires: rule.requires,
    responsible: rule.responsible,
    recurring: rule.recurring,
    anchor: { event: anchorEvent.kind, date: anchorDate },
    dueOn,
    status: fulfilment ? 'done' : statusOn(today, dueOn),
    ...(fulfilment ? { doneOn: fulfilment.on } : {}),
    working,
    citation: rule.citation,
    ...(rule.interpretation ? { interpretation: rule.interpretation } : {}),
  };
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

function earliestOnOrAfter(
  events: readonly CaseEvent[],
  kinds: readonly EventKind[],
  from: LocalDate,
  anchorEvent: CaseEvent,
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
