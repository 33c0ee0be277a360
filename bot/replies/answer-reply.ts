import { compareLocalDates, formatLongDate, type LocalDate } from '../../domain/dates/local-date.js';
import { eventKindWords } from '../../domain/cases/event-kinds.js';
import { describeTiming } from '../../domain/policy/describe-timing.js';
import type { Policy, Rule, TimescaleRule } from '../../domain/policy/schema.js';
import type { EventKind } from '../../domain/cases/event-kinds.js';
import type { Answer } from '../../domain/questions/answer-on.js';
import type { NoFigure } from '../../domain/questions/no-figure.js';
import type { Term } from '../../domain/questions/vocabulary.js';
import { describeOffset } from '../../domain/timescales/offset.js';
import type { DueDate } from '../../domain/timescales/working.js';
import type { AnswerView } from '../../cards/answer-card.js';

type Citations = AnswerView['citations'];

/** The card view and its plain-text twin for a dated answer. */
export function dueDateView(policy: Policy, answer: Extract<Answer, { kind: 'due-date' }>, today: LocalDate, reading: Reading): AnswerView {
  const { rule, due } = answer;
  const notes = [
    ...countedFromNote(rule, reading.givenEvents),
    // A weekend matters to a deadline, not to the day from which something may happen.
    ...(countsAsFrom(rule) ? [] : landingNotes(due)),
    ...(due.working.ambiguity ? [due.working.ambiguity] : []),
    ...(rule.interpretation ? [`How the procedure is read: ${rule.interpretation}`] : []),
    ...(answer.conflict
      ? [
          `The same document gives another figure: ${lowerFirst(describeTiming(answer.conflict.rule) ?? '')}, which gives ` +
            `${formatLongDate(answer.conflict.due.dueOn)}. Both are cited below; reminders follow the stricter, earlier date.`,
        ]
      : []),
    ...answer.related.map(
      (other) => `The document also says: ${lowerFirst(other.rule.requires)}, ${describeTiming(other.rule)}: ${formatLongDate(other.due.dueOn)}.`,
    ),
    ...(compareLocalDates(due.dueOn, today) < 0
      ? [`This date has already ${countsAsFrom(rule) ? 'been reached' : 'passed'} (today is ${formatLongDate(today)}).`]
      : []),
  ];
  return {
    ...readingOf(policy, reading),
    headlineLabel: `${rule.requires} ${countsAsFrom(rule) ? 'from' : 'by'}`,
    headline: formatLongDate(due.dueOn),
    attention: compareLocalDates(due.dueOn, today) < 0,
    ruleInWords: `${upperFirst(describeTiming(rule) ?? rule.requires)}.`,
    working: workingLines(rule, due),
    notes,
    citations: citationsOf(policy, [rule, ...(answer.conflict ? [answer.conflict.rule] : []), ...answer.related.map((other) => other.rule)]),
  };
}

/** The card view for a rule with no figure whose outer limit is a date: the limit, and that the step must come well before it. */
export function outerLimitView(policy: Policy, answer: Extract<Answer, { kind: 'outer-limit' }>, today: LocalDate, reading: Reading): AnswerView {
  const { rule, limit } = answer;
  const [earliestNotice] = [...rule.outerLimit.remindWorkingDaysBefore].sort((left, right) => right - left);
  return {
    ...readingOf(policy, reading),
    headlineLabel: `${rule.requires}: no figure is set; outer limit`,
    headline: formatLongDate(limit.dueOn),
    attention: compareLocalDates(limit.dueOn, today) < 0,
    ruleInWords: rule.says,
    working: [
      `Outer limit: ${rule.outerLimit.anchors.map(eventKindWords).join(' or ')}, ${formatLongDate(limit.dueOn)}. It must come before then, not on it.`,
      'No number of days before it is set by the procedure.',
      ...(earliestNotice ? [`Reminders start ${earliestNotice} working days before the outer limit.`] : []),
    ],
    notes: [
      ...(limit.working.landing.kind === 'working-day'
        ? []
        : [`${formatLongDate(limit.dueOn)} is not a working day: the last working day before it is ${formatLongDate(limit.working.landing.lastWorkingDayBefore)}.`]),
      ...(rule.interpretation ? [`How the procedure is read: ${rule.interpretation}`] : []),
      ...(compareLocalDates(limit.dueOn, today) < 0 ? [`This date has already passed (today is ${formatLongDate(today)}).`] : []),
    ],
    citations: citationsOf(policy, [rule]),
  };
}

/** The card view for an answer without a date: a frequency, a role, a content rule, or a gap. */
export function ruleView(policy: Policy, rules: readonly Rule[], reading: Reading, conflict?: Rule): AnswerView {
  const [main] = rules;
  if (!main) throw new Error('ruleView needs at least one rule');
  const several = rules.length > 1;
  return {
    ...readingOf(policy, reading),
    headlineLabel: several ? topicHeading(main) : labelOf(main),
    headline: several ? `${rules.length} points in the procedure` : headlineOf(main),
    attention: false,
    ruleInWords: several ? `${policy.authority.name}\u2019s procedure sets out:` : detailOf(main),
    working: several ? rules.map((rule) => sentenceOf(rule)) : [],
    notes: [
      ...(main.interpretation ? [`How the procedure is read: ${main.interpretation}`] : []),
      ...(conflict
        ? [`The same document gives another figure: ${lowerFirst(describeTiming(conflict) ?? conflict.requires)}. Both are cited below; reminders follow the stricter.`]
        : []),
    ],
    citations: citationsOf(policy, [...rules, ...(conflict ? [conflict] : [])]),
  };
}

/**
 * The card view for a question for a timescale the document does not set: says so plainly, gives no date (no other
 * rule's in its place), and quotes what the document says instead, when it says anything.
 */
export function noFigureView(policy: Policy, noFigure: NoFigure, reading: Omit<Reading, 'understood'>): AnswerView {
  const [main] = noFigure.rules;
  const thing = noFigure.subject.length > 0 ? subjectWords(noFigure.subject) : main ? lowerFirst(main.requires) : 'this';
  return {
    ...readingOf(policy, { ...reading, understood: `a timescale for ${thing}` }),
    headlineLabel: `${upperFirst(thing)}: timescale`,
    headline: 'No figure is set',
    attention: false,
    ruleInWords:
      `${policy.authority.name}\u2019s procedure does not set a timescale for ${noFigure.subject.length > 0 ? thing : 'this'}, so no date is given` +
      (noFigure.rules.length > 0 ? '. What it says instead:' : ', and no other rule\u2019s date stands in for it.'),
    working: noFigure.rules.map((rule) => sentenceOf(rule)),
    notes: noFigure.rules.flatMap((rule) => (rule.interpretation ? [`How the procedure is read: ${rule.interpretation}`] : [])),
    citations: citationsOf(policy, noFigure.rules),
  };
}

/** How the things a timescale is asked for are said in an answer. */
const THING_WORDS: Partial<Record<Term, string>> = {
  meeting: 'the meeting',
  review: 'the review',
  visit: 'visits',
  assessment: 'the assessment',
  plan: 'the plan',
  minutes: 'the minutes',
  invitations: 'invitations',
  report: 'reports',
  closure: 'closure',
  stepdown: 'step-down',
  referral: 'the referral',
  order: 'the supervision order',
  into: 'a family moving into the area',
  out: 'a family moving away',
};

/** "The plan and the minutes for a family moving away". */
function subjectWords(subject: readonly Term[]): string {
  const move = subject.find((term) => term === 'into' || term === 'out');
  const words = subject.filter((term) => term !== move).flatMap((term) => THING_WORDS[term] ?? []);
  const things = words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1) ?? ''}`;
  const moving = move ? THING_WORDS[move] : undefined;
  return moving ? (things ? `${things} for ${moving}` : moving) : things || 'this';
}

/**
 * The plain text sent with every card, one line naming the date or the fact: it is what notifications and
 * clients without cards show, and the card beside it says the rest once.
 */
export function answerText(view: AnswerView): string {
  return `${view.authorityName}: ${view.headlineLabel}: ${view.headline}.`;
}

/** What the question was read as, and the rules it may have meant instead. */
export interface Reading {
  /** The rule answered and the date counted from, in words, after "Read as: <authority>, ". */
  readonly understood: string;
  readonly alternatives: readonly Rule[];
  readonly anchorDate?: LocalDate;
  /** The events the question named, to say so when the rule counts from another. */
  readonly givenEvents: readonly EventKind[];
}

function readingOf(policy: Policy, reading: Reading) {
  return {
    authorityName: policy.authority.name,
    authorityId: policy.authority.id,
    readAs: `Read as: ${policy.authority.name}, ${reading.understood}`,
    alternatives: reading.alternatives.map((rule) => ({ ruleId: rule.id, title: choiceTitle(rule) })),
    anchorDate: reading.anchorDate ?? '',
  };
}

/** A rule as a button's title: what it requires and, for a timescale, when. */
export function choiceTitle(rule: Rule): string {
  const timing = rule.kind === 'timescale' ? describeTiming(rule) : undefined;
  const text = `${rule.requires}${timing ? ` (${timing})` : ''}`;
  return text.length > 140 ? `${text.slice(0, 137)}\u2026` : text;
}

/** The date given was for another event than the rule counts from: say which event it was taken as, and why. */
function countedFromNote(rule: TimescaleRule, givenEvents: readonly EventKind[]): string[] {
  const given = givenEvents.filter((event) => event !== 'review-booked' || rule.offset.direction !== 'before');
  if (given.length === 0 || rule.anchors.some((anchor) => given.includes(anchor))) return [];
  return [
    `Your date was read as ${eventKindWords(given[0] ?? rule.anchors[0] ?? 'case-opened')}; this rule counts from ${rule.anchors.map(eventKindWords).join(' or ')}, ` +
      'so the date was taken as that. If they were on different days, choose "Not what you asked?" or ask again with that date.',
  ];
}

function workingLines(rule: TimescaleRule, due: DueDate): string[] {
  const { working } = due;
  const skipped =
    working.skippedHolidays.length > 0
      ? `Bank holidays skipped: ${working.skippedHolidays.map((holiday) => `${holiday.name} (${formatLongDate(holiday.date)})`).join(', ')}.`
      : rule.offset.unit === 'workingDays' || rule.offset.unit === 'dayNumber'
        ? 'No bank holidays fell in the count.'
        : undefined;
  return [
    `Counted from: ${rule.anchors.map(eventKindWords).join(' or ')}, ${formatLongDate(working.anchorDate)}.`,
    `Timescale: ${describeOffset(working.offset)} (${working.method}).`,
    `Calendar: ${working.calendar}.`,
    ...(skipped ? [skipped] : []),
    `${countsAsFrom(rule) ? 'From' : 'Due'}: ${formatLongDate(due.dueOn)}.`,
  ];
}

/** An earliest date ("from day 10") or a trigger ("from 12 months") is read "from", never "by". */
function countsAsFrom(rule: TimescaleRule): boolean {
  return rule.dateIs === 'earliest' || rule.dateIs === 'trigger';
}

function landingNotes(due: DueDate): string[] {
  const { landing } = due.working;
  if (landing.kind === 'working-day') return [];
  const what = landing.kind === 'weekend' ? (landing.holiday ? `a weekend (and ${landing.holiday})` : 'a weekend') : `a bank holiday (${landing.holiday})`;
  return [
    `${formatLongDate(due.dueOn)} falls on ${what}. The due date is still that date; the last working day before it is ${formatLongDate(landing.lastWorkingDayBefore)}.`,
  ];
}

function headlineOf(rule: Rule): string {
  switch (rule.kind) {
    case 'timescale':
      return upperFirst(describeTiming(rule) ?? rule.requires);
    case 'no-figure-set':
      return 'No figure is set';
    case 'role':
      return upperFirst(rule.who);
    case 'plan-content':
      return rule.points ? `${rule.points.min} to ${rule.points.max} points` : upperFirst(rule.element);
    case 'condition':
      return 'Required first';
    case 'threshold':
      return rule.service;
  }
}

/** What the headline is, without saying the headline again. */
function labelOf(rule: Rule): string {
  if (rule.kind !== 'role') return rule.requires;
  const acts: Record<typeof rule.act, string> = {
    chairs: 'Who chairs',
    authorises: 'Who authorises',
    arranges: 'Who arranges',
    endorses: 'Who endorses',
    oversees: 'Who oversees',
    decides: 'Who decides',
  };
  return acts[rule.act];
}

/** The line under the headline: what it does not already say, or nothing. */
function detailOf(rule: Rule): string {
  switch (rule.kind) {
    case 'role':
      return `${rule.requires}.`;
    case 'no-figure-set':
      return rule.says;
    case 'timescale':
      return rule.recurring ? 'Counted each time from the last one actually held or made.' : '';
    default:
      return '';
  }
}

function sentenceOf(rule: Rule): string {
  switch (rule.kind) {
    case 'timescale':
      return `${rule.requires}: ${describeTiming(rule)}.`;
    case 'no-figure-set':
      return `${rule.says}`;
    case 'plan-content':
      return rule.points ? `${rule.requires} (${rule.points.min} to ${rule.points.max} points).` : `${rule.requires}.`;
    default:
      return `${rule.requires}.`;
  }
}

function topicHeading(rule: Rule): string {
  const headings: Partial<Record<Rule['topic'], string>> = {
    'plan-content': 'What the CiN plan must contain',
    closure: 'Before a case closes',
    'step-down': 'Before a case steps down',
    'transfer-out': 'When a family moves away',
    'transfer-in': 'When a family moves in',
  };
  return headings[rule.topic] ?? upperFirst(rule.requires);
}

function citationsOf(policy: Policy, rules: readonly Rule[]): Citations {
  return rules.map((rule) => ({
    authorityName: policy.authority.name,
    document: `${policy.source.title} (${policy.source.version})`,
    section: rule.citation.section,
    quote: rule.citation.quote,
    ruleId: rule.id,
  }));
}

function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
