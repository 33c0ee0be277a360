import { compareLocalDates, formatLongDate, type LocalDate } from '../../domain/dates/local-date.js';
import { eventKindWords } from '../../domain/cases/event-kinds.js';
import { describeTiming } from '../../domain/policy/describe-timing.js';
import type { Policy, Rule, TimescaleRule } from '../../domain/policy/schema.js';
import type { Answer } from '../../domain/questions/answer-on.js';
import { describeOffset } from '../../domain/timescales/offset.js';
import type { DueDate } from '../../domain/timescales/working.js';
import type { AnswerView } from '../../cards/answer-card.js';

type Citations = AnswerView['citations'];

/** The card view and its plain-text twin for a dated answer. */
export function dueDateView(policy: Policy, answer: Extract<Answer, { kind: 'due-date' }>, today: LocalDate): AnswerView {
  const { rule, due } = answer;
  const notes = [
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
    authorityName: policy.authority.name,
    headlineLabel: `${rule.requires} ${countsAsFrom(rule) ? 'from' : 'by'}`,
    headline: formatLongDate(due.dueOn),
    attention: compareLocalDates(due.dueOn, today) < 0,
    ruleInWords: `${rule.requires}: ${describeTiming(rule)}.`,
    working: workingLines(rule, due),
    notes,
    citations: citationsOf(policy, [rule, ...(answer.conflict ? [answer.conflict.rule] : [])]),
  };
}

/** The card view for a rule with no figure whose outer limit is a date: the limit, and that the step must come well before it. */
export function outerLimitView(policy: Policy, answer: Extract<Answer, { kind: 'outer-limit' }>, today: LocalDate): AnswerView {
  const { rule, limit } = answer;
  const [earliestNotice] = [...rule.outerLimit.remindWorkingDaysBefore].sort((left, right) => right - left);
  return {
    authorityName: policy.authority.name,
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
export function ruleView(policy: Policy, rules: readonly Rule[], conflict?: Rule): AnswerView {
  const [main] = rules;
  if (!main) throw new Error('ruleView needs at least one rule');
  const several = rules.length > 1;
  return {
    authorityName: policy.authority.name,
    headlineLabel: several ? topicHeading(main) : main.requires,
    headline: several ? `${rules.length} points in the procedure` : headlineOf(main),
    attention: false,
    ruleInWords: several ? `${policy.authority.name}\u2019s procedure sets out:` : sentenceOf(main),
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

/** The plain text sent with every card: for notifications, screen readers and clients without cards. */
export function answerText(view: AnswerView): string {
  const source = view.citations.map((citation) => `${citation.document}, "${citation.section}": "${citation.quote}"`).join(' Also: ');
  return [
    `${view.authorityName}: ${view.headlineLabel}: ${view.headline}.`,
    view.ruleInWords,
    ...view.working,
    ...view.notes,
    `Source: ${source}`,
  ].join('\n');
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
  }));
}

function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
