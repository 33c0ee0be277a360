import type { HolidayCalendar } from '../calendar/holiday-calendar.js';
import type { LocalDate } from '../dates/local-date.js';
import { compareLocalDates } from '../dates/local-date.js';
import type { OuterLimitRule, Policy, Rule, TimescaleRule } from '../policy/schema.js';
import { dueDate } from '../timescales/due-date.js';
import type { DueDate } from '../timescales/working.js';
import { aDateRuleStatesIt } from './fact-fit.js';
import type { Question } from './question.js';
import { relatedRules, ruleFor } from './rule-for.js';

/** What the procedure says in reply to a question; the bot turns it into words and a card. */
export type Answer =
  /** A date, counted from the question's date under the rule. */
  | {
      readonly kind: 'due-date';
      readonly rule: TimescaleRule;
      readonly due: DueDate;
      /** The same document's other figure for the same thing, with its date (design/timescales.md). */
      readonly conflict?: { readonly rule: TimescaleRule; readonly due: DueDate };
      /** Other figures for the same step, e.g. an absolute maximum beside the usual timescale. */
      readonly related: readonly { readonly rule: TimescaleRule; readonly due: DueDate }[];
    }
  /**
   * A rule that sets no figure but names the event it must come before (a supervision order's expiry): that
   * event's date, as the outer limit, never a target.
   */
  | { readonly kind: 'outer-limit'; readonly rule: OuterLimitRule; readonly limit: DueDate }
  /** The rule needs a date the question did not give. */
  | { readonly kind: 'needs-date'; readonly rule: TimescaleRule }
  /** The rule itself: a frequency, a role, a content rule, or a gap where the document sets no figure. */
  | { readonly kind: 'rule'; readonly rule: Rule; readonly conflict?: Rule; readonly related: readonly Rule[] }
  | { readonly kind: 'no-match' };

/**
 * Answers `question` from `policy` under `chosen` (the ranked best rule), else the rule its topic finds: a due
 * date with its working when the question gives a date and the rule counts from one, else the rule with its
 * figures and citation.
 *
 * @example
 * answerOn(redbridge, { topic: 'initial-meeting', events: ['plan-decision'], anchorDate: '2026-03-09',
 *   asksFrequency: false }, englandAndWalesCalendar())
 * //=> { kind: 'due-date', rule: { id: 'redbridge.initial-meeting.convene', … }, due: { dueOn: '2026-03-30', … } }
 */
export function answerOn(policy: Policy, question: Question, calendar: HolidayCalendar, chosen?: Rule): Answer {
  const found = chosen ?? ruleFor(policy, question);
  if (!found) return { kind: 'no-match' };
  const named = policy.rules.find((candidate) => found.kind === 'timescale' && candidate.id === found.conflictsWith?.rule);
  // Two figures for one thing: the answer leads with the stricter and names the other (design/timescales.md).
  const [rule, conflict] = named?.kind === 'timescale' && found.kind === 'timescale' ? stricterFirst(found, named, question.anchorDate, calendar) : [found, named];
  const related = relatedRules(policy, rule, question);
  if (rule.kind === 'no-figure-set' && rule.outerLimit && question.anchorDate !== undefined && !question.asksFrequency) {
    const limit = dueDate(question.anchorDate, { unit: 'days', amount: 0, direction: 'before' }, calendar);
    return { kind: 'outer-limit', rule: { ...rule, outerLimit: rule.outerLimit }, limit };
  }
  // "What's the rule once a plan has been open 12 months" asks what applies from a point, not for a deadline: it gets the rule.
  const asksWhatAppliesFrom = question.asked === 'whether' && rule.kind === 'timescale' && rule.dateIs !== undefined && rule.dateIs !== 'due';
  const wantsTheFigure =
    question.asksFrequency ||
    (question.anchorDate === undefined && (question.asked === 'notice' || question.asked === 'duration' || question.asksHowLong === true || asksWhatAppliesFrom));
  // "Who do the minutes go to" is answered by the rule on sending them, as it stands: no date is asked for.
  if (rule.kind !== 'timescale' || wantsTheFigure || aDateRuleStatesIt(question)) {
    return { kind: 'rule', rule, ...(conflict ? { conflict } : {}), related };
  }
  const anchorDate = countedFrom(rule, question);
  if (anchorDate === undefined) return { kind: 'needs-date', rule };
  const dated = (timescale: TimescaleRule) => ({ rule: timescale, due: dueDate(anchorDate, timescale.offset, calendar) });
  return {
    kind: 'due-date',
    rule,
    due: dueDate(anchorDate, rule.offset, calendar),
    ...(conflict?.kind === 'timescale' ? { conflict: dated(conflict) } : {}),
    related: related.filter((other): other is TimescaleRule => other.kind === 'timescale').map(dated),
  };
}

/**
 * The date a rule counts from: the date the question gives for the rule's own event (the earliest or the latest of
 * its events' dates, as the rule says), else the question's date when it gives only one; a message with several
 * dates, none of them for this rule's event, gives none, since counting from another event's date would be a guess.
 */
function countedFrom(rule: TimescaleRule, question: Question): LocalDate | undefined {
  const own = (question.datedEvents ?? []).filter((dated) => rule.anchors.includes(dated.event)).map((dated) => dated.on).sort(compareLocalDates);
  if (own.length > 0) return rule.anchorChoice === 'earliest' ? own[0] : own.at(-1);
  return question.severalDates === true ? undefined : question.anchorDate;
}

/** Any one date orders two offsets as every other does; the question's own date when it gives one. */
const SOME_DATE = '2026-01-01' as LocalDate;

function stricterFirst(
  one: TimescaleRule,
  other: TimescaleRule,
  anchorDate: LocalDate | undefined,
  calendar: HolidayCalendar,
): readonly [TimescaleRule, TimescaleRule] {
  const from = anchorDate ?? SOME_DATE;
  const order = compareLocalDates(dueDate(from, one.offset, calendar).dueOn, dueDate(from, other.offset, calendar).dueOn);
  return order <= 0 ? [one, other] : [other, one];
}
