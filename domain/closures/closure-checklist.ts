import type { HolidayCalendar } from '../calendar/holiday-calendar.js';
import type { CaseFile, CaseEvent } from '../cases/case-events.js';
import type { EventKind } from '../cases/event-kinds.js';
import { compareLocalDates, type LocalDate } from '../dates/local-date.js';
import type { ReviewDecision } from '../plans/review.js';
import type { Citation, Policy, Rule } from '../policy/schema.js';
import { dueDate } from '../timescales/due-date.js';

/** What a worker asks a manager to authorise: ending the plan and closing, or stepping down to early help. */
export type ClosureKind = 'closure' | 'step-down';

type ConditionRule = Extract<Rule, { kind: 'condition' }>;

/** A review recorded on the review card: when it was held and what it decided. */
export interface ReviewOutcome {
  readonly heldOn: LocalDate;
  readonly decision: ReviewDecision;
}

/** The case as the checklist reads it: its events, and its reviews with their decisions. */
export type ClosureCaseFile = CaseFile & { readonly reviews: readonly ReviewOutcome[] };

/** How one item of the checklist stands. */
export type ChecklistCheck =
  /** The case's events show it: the event and its date. */
  | { readonly kind: 'recorded'; readonly event: EventKind; readonly on: LocalDate }
  /** The bot looked for the event and found none. */
  | { readonly kind: 'not-recorded'; readonly event: EventKind }
  /** The latest review decided what the item names, on `on`. */
  | { readonly kind: 'review-decided'; readonly on: LocalDate; readonly decision: ReviewDecision }
  /** No review decided it: the latest review, if any, decided something else. */
  | { readonly kind: 'not-decided'; readonly latest?: ReviewOutcome }
  /** Long enough since `since`: in place from `since`, enough on `reachedOn`. */
  | { readonly kind: 'in-place'; readonly since: LocalDate; readonly reachedOn: LocalDate }
  /** Not long enough yet (or never started: `since` absent). */
  | { readonly kind: 'not-in-place'; readonly event: EventKind; readonly since?: LocalDate; readonly reachedOn?: LocalDate }
  /** The worker ticked it. */
  | { readonly kind: 'confirmed' }
  /** The automatic check failed, and the worker ticked the exception the procedure allows instead. */
  | { readonly kind: 'alternative-confirmed' }
  /** The worker has still to tick it. */
  | { readonly kind: 'to-confirm' }
  /** The manager's decision on this very request is what meets it. */
  | { readonly kind: 'on-approval' };

/** The exception a worker may confirm instead of a failed automatic check, in the procedure's words. */
export interface ChecklistAlternative {
  /** The key the worker's tick carries: `<rule id>#alternative`. */
  readonly key: string;
  readonly requires: string;
  readonly citation: Citation;
}

export interface ClosureChecklistItem {
  readonly ruleId: string;
  readonly requires: string;
  readonly citation: Citation;
  readonly check: ChecklistCheck;
  /** Whether it stands in the way of sending the request. */
  readonly met: boolean;
  /** Present when the worker may tick the exception instead (only while the automatic check is not met). */
  readonly alternative?: ChecklistAlternative;
  /** Whether the worker ticks it: the bot cannot see it in the case's events. */
  readonly confirmable: boolean;
}

export interface ClosureChecklist {
  readonly kind: ClosureKind;
  readonly items: readonly ClosureChecklistItem[];
  /** The rule ids of the items not met: while any remain, the request can be saved but not sent. */
  readonly missing: readonly string[];
}

/** The key a worker's tick of a rule's exception carries. */
export const alternativeKeyOf = (ruleId: string): string => `${ruleId}#alternative`;

/**
 * The authority's checklist for closing a case or stepping it down, as it stands on `today`: each condition rule
 * of the policy that applies to `kind` on the case's pathways, in the policy file's order. What the bot can see
 * in the case's events and reviews it checks itself (an item naming a review's decision is met only by a review
 * that decided so); the rest counts as met only when the worker has ticked it (`confirmed` holds rule ids, and
 * `<rule id>#alternative` for an exception the procedure allows).
 *
 * @example
 * closureChecklistOn({ authorityId: 'slough', pathways: [], events: [{ kind: 'plan-started', on: '2026-01-12' },
 *   { kind: 'review-held', on: '2026-03-02' }], reviews: [] }, 'closure', new Set(), '2026-03-10', sloughPolicy, englandAndWalesCalendar())
 * //=> { missing: ['slough.closure.plan-in-place-three-months', 'slough.closure.no-longer-in-need', …],
 * //     items: [{ ruleId: 'slough.closure.plan-in-place-three-months',
 * //               check: { kind: 'not-in-place', since: '2026-01-12', reachedOn: '2026-04-12' }, … }, …] }
 */
export function closureChecklistOn(
  caseFile: ClosureCaseFile,
  kind: ClosureKind,
  confirmed: ReadonlySet<string>,
  today: LocalDate,
  policy: Policy,
  calendar: HolidayCalendar,
): ClosureChecklist {
  const items = conditionsFor(policy, kind, caseFile.pathways).map((rule) => itemOf(rule, caseFile, confirmed, today, calendar));
  return { kind, items, missing: items.filter((item) => !item.met).map((item) => item.ruleId) };
}

function conditionsFor(policy: Policy, kind: ClosureKind, pathways: CaseFile['pathways']): ConditionRule[] {
  return policy.rules.filter(
    (rule): rule is ConditionRule =>
      rule.kind === 'condition' &&
      rule.appliesTo.includes(kind) &&
      (rule.pathway === undefined || pathways.includes(rule.pathway)) &&
      (rule.exceptPathway === undefined || !pathways.includes(rule.exceptPathway)),
  );
}

function itemOf(rule: ConditionRule, caseFile: ClosureCaseFile, confirmed: ReadonlySet<string>, today: LocalDate, calendar: HolidayCalendar): ClosureChecklistItem {
  const base = { ruleId: rule.id, requires: rule.requires, citation: rule.citation };
  const automatic = automaticCheckOf(rule, caseFile, today, calendar);
  if (automatic === undefined) {
    const ticked = confirmed.has(rule.id);
    return { ...base, check: ticked ? { kind: 'confirmed' } : { kind: 'to-confirm' }, met: ticked, confirmable: true };
  }
  const metAutomatically = automatic.kind === 'recorded' || automatic.kind === 'review-decided' || automatic.kind === 'in-place' || automatic.kind === 'on-approval';
  if (metAutomatically || rule.alternative === undefined) return { ...base, check: automatic, met: metAutomatically, confirmable: false };
  const alternative: ChecklistAlternative = {
    key: alternativeKeyOf(rule.id),
    requires: rule.alternative.requires,
    citation: { file: rule.citation.file, ...rule.alternative.citation },
  };
  const ticked = confirmed.has(alternative.key);
  return { ...base, check: ticked ? { kind: 'alternative-confirmed' } : automatic, met: ticked, alternative, confirmable: false };
}

function automaticCheckOf(rule: ConditionRule, { events, reviews }: ClosureCaseFile, today: LocalDate, calendar: HolidayCalendar): ChecklistCheck | undefined {
  const check = rule.autoCheck;
  if (check === undefined) return undefined;
  switch (check.kind) {
    case 'review-decided': {
      // The latest review speaks for the plan: an earlier "close" overtaken by a later "continue" does not count.
      const latest = reviews.reduce<ReviewOutcome | undefined>((found, review) => (found === undefined || compareLocalDates(review.heldOn, found.heldOn) >= 0 ? review : found), undefined);
      return latest !== undefined && check.decisions.some((decision) => decision === latest.decision)
        ? { kind: 'review-decided', on: latest.heldOn, decision: latest.decision }
        : { kind: 'not-decided', ...(latest ? { latest } : {}) };
    }
    case 'event-recorded': {
      const latest = latestOf(events, check.event);
      return latest ? { kind: 'recorded', event: check.event, on: latest.on } : { kind: 'not-recorded', event: check.event };
    }
    case 'in-place-for': {
      // The current plan counts: a plan started again after an earlier one counts from its own start.
      const started = latestOf(events, check.since);
      if (!started) return { kind: 'not-in-place', event: check.since };
      const reachedOn = dueDate(started.on, check.offset, calendar).dueOn;
      return compareLocalDates(reachedOn, today) <= 0
        ? { kind: 'in-place', since: started.on, reachedOn }
        : { kind: 'not-in-place', event: check.since, since: started.on, reachedOn };
    }
    case 'authorised-by-this-request':
      return { kind: 'on-approval' };
  }
}

function latestOf(events: readonly CaseEvent[], kind: EventKind): CaseEvent | undefined {
  return events.filter((event) => event.kind === kind).reduce<CaseEvent | undefined>((latest, event) => (latest === undefined || compareLocalDates(event.on, latest.on) >= 0 ? event : latest), undefined);
}
