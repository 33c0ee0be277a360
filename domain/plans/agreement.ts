import type { HolidayCalendar } from '../calendar/holiday-calendar.js';
import type { CaseEvent, CaseFile } from '../cases/case-events.js';
import { obligationsOn, type Obligation } from '../cases/timeline.js';
import { compareLocalDates, type LocalDate } from '../dates/local-date.js';
import type { Policy, Rule, Topic } from '../policy/schema.js';
import type { MeetingKind } from './plan.js';

/** At which meeting, on which day, the plan was agreed. */
export interface Agreement {
  readonly meeting: MeetingKind;
  readonly heldOn: LocalDate;
}

const MEETING_EVENTS: Readonly<Record<MeetingKind, 'initial-meeting-held' | 'review-held'>> = { 'initial-meeting': 'initial-meeting-held', review: 'review-held' };

/** What goes out after the meeting that agrees a plan: the plan itself, or the minutes or written report that carry it. */
const CIRCULATION_TOPICS: readonly Topic[] = ['plan-circulation', 'minutes-circulation', 'review-written-report'];
const REVIEW_TOPICS: readonly Topic[] = ['first-review', 'review'];

/**
 * The events that agreeing a plan puts on the case: the meeting held (unless already recorded that day), the
 * start of the CiN plan (when the case has none yet), and, with a review date, the next review booked. The
 * authority's timescale rules then give the circulation deadline and the next review from them.
 *
 * @example
 * eventsOnAgreeing([{ kind: 'plan-decision', on: '2026-03-09' }], { meeting: 'initial-meeting', heldOn: '2026-03-27' }, '2026-05-08')
 * //=> [{ kind: 'initial-meeting-held', on: '2026-03-27' }, { kind: 'plan-started', on: '2026-03-27' },
 * //    { kind: 'review-booked', on: '2026-03-27', reviewOn: '2026-05-08' }]
 */
export function eventsOnAgreeing(events: readonly CaseEvent[], agreement: Agreement, reviewOn?: LocalDate): CaseEvent[] {
  const meetingKind = MEETING_EVENTS[agreement.meeting];
  const added: CaseEvent[] = [];
  if (!events.some((event) => event.kind === meetingKind && event.on === agreement.heldOn)) added.push({ kind: meetingKind, on: agreement.heldOn });
  if (!events.some((event) => event.kind === 'plan-started')) added.push({ kind: 'plan-started', on: agreement.heldOn });
  if (reviewOn !== undefined && !events.some((event) => event.kind === 'review-booked' && event.reviewOn === reviewOn)) {
    added.push({ kind: 'review-booked', on: agreement.heldOn, reviewOn });
  }
  return added;
}

/**
 * The next review the authority's rules require once the plan is agreed: the earliest review still owed after
 * the agreeing meeting, with its rule. Undefined where no review rule applies to the case.
 *
 * @example
 * nextReviewAfterAgreeing({ authorityId: 'redbridge', pathways: [], events: [] }, { meeting: 'initial-meeting', heldOn: '2026-03-27' },
 *   redbridgePolicy, calendar)
 * //=> { ruleId: 'redbridge.first-review.at-six-weeks', dueOn: '2026-05-08', … } (6 weeks after the plan started)
 */
export function nextReviewAfterAgreeing(caseFile: CaseFile, agreement: Agreement, policy: Policy, calendar: HolidayCalendar): Obligation | undefined {
  const events = [...caseFile.events, ...eventsOnAgreeing(caseFile.events, agreement)];
  return nextReviewOf(obligationsOn({ ...caseFile, events }, agreement.heldOn, policy, calendar));
}

/** The earliest review still owed among a case's obligations. */
export function nextReviewOf(obligations: readonly Obligation[]): Obligation | undefined {
  return obligations
    .filter((obligation) => REVIEW_TOPICS.includes(obligation.topic) && obligation.status !== 'done')
    .sort((left, right) => compareLocalDates(left.dueOn, right.dueOn))[0];
}

export interface AgreementDeadlines {
  /** What must be circulated after the meeting, by when, under which rule. */
  readonly circulation: readonly Obligation[];
  /** Where the procedure sets no timescale for circulating the plan, what it says instead. */
  readonly circulationSays?: { readonly ruleId: string; readonly says: string; readonly section: string };
  readonly nextReview?: Obligation;
}

/**
 * The deadlines an agreed plan sets running, from the case's obligations once the agreeing meeting is recorded.
 *
 * @example
 * agreementDeadlinesOf(obligations, { meeting: 'initial-meeting', heldOn: '2026-03-27' }, redbridgePolicy)
 * //=> { circulation: [{ ruleId: 'redbridge.plan-circulation.send-copies', dueOn: '2026-04-14', … }],
 * //     nextReview: { ruleId: 'redbridge.first-review.at-six-weeks', dueOn: '2026-05-08', … } }
 */
export function agreementDeadlinesOf(obligations: readonly Obligation[], agreement: Agreement, policy: Policy): AgreementDeadlines {
  const meetingKind = MEETING_EVENTS[agreement.meeting];
  const circulation = obligations.filter(
    (obligation) => CIRCULATION_TOPICS.includes(obligation.topic) && obligation.anchor.event === meetingKind && obligation.anchor.date === agreement.heldOn,
  );
  const silent = policy.rules.find((rule): rule is Extract<Rule, { kind: 'no-figure-set' }> => rule.kind === 'no-figure-set' && rule.topic === 'plan-circulation');
  const nextReview = nextReviewOf(obligations);
  return {
    circulation,
    ...(circulation.length === 0 && silent ? { circulationSays: { ruleId: silent.id, says: silent.says, section: silent.citation.section } } : {}),
    ...(nextReview ? { nextReview } : {}),
  };
}
