import { POLICIES } from '../../domain/policy/registry.js';
import { format } from 'date-fns';
import { UTCDate } from '@date-fns/utc';
import { z } from 'zod';

export const EvalQuestionSchema = z.object({
  id: z.string(),
  text: z.string(),
  today: z.string(),
  expect: z.object({
    dates_any: z.array(z.string()).optional(),
    all: z.array(z.union([z.string(), z.array(z.string())])).optional(),
    any: z.array(z.string()).optional(),
    /** The reply must give no computed date (no authority, one we do not have, a rule with no figure). */
    no_date: z.boolean().optional(),
  }),
  rule: z.string().optional(),
  /** The policy rule the question is about, or `none`: a reply answering another rule is wrong. */
  rule_id: z.string().optional(),
  note: z.string().optional(),
});
export type EvalQuestion = z.infer<typeof EvalQuestionSchema>;

/** Everything the bot said: each activity's text and every string inside its attachments. */
export function replyText(activities: readonly Record<string, unknown>[]): string {
  const strings: string[] = [];
  const collect = (value: unknown): void => {
    if (typeof value === 'string') strings.push(value);
    else if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  for (const activity of activities) {
    collect(activity['text']);
    collect(activity['attachments']);
  }
  return strings.join('\n');
}

/** The common ways a date is written: 2026-04-27, 27/04/2026, 27/4/2026, 27 April 2026, Monday 27 April 2026, 27th April 2026. */
export function writtenForms(isoDate: string): string[] {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  const date = new UTCDate(year, month - 1, day);
  return [
    isoDate,
    format(date, 'dd/MM/yyyy'),
    format(date, 'd/M/yyyy'),
    format(date, 'd MMMM yyyy'),
    format(date, 'do MMMM yyyy'),
    format(date, 'd MMM yyyy'),
  ];
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function says(reply: string, phrase: string): boolean {
  if (ISO_DATE.test(phrase)) return writtenForms(phrase).some((form) => reply.toLowerCase().includes(form.toLowerCase()));
  const escaped = phrase.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^a-z0-9])${escaped}($|[^a-z0-9])`, 'i').test(reply);
}

/** How a reply is scored: answered right, asked back (or asked for what was missing), or wrong. */
export type Outcome = 'correct' | 'asked-back' | 'wrong';

export interface Scored {
  readonly outcome: Outcome;
  readonly misses: readonly string[];
  /** The rules an answer card answered (its "Show source" rule ids). */
  readonly answered: readonly string[];
  /** The rules a "Which did you mean?" card offered. */
  readonly choices: readonly string[];
}

/**
 * Scores a reply: correct when it meets every expectation and answers the rule asked about; wrong when it gives
 * a date or a fact for another rule (or a date where none is due, or a date that is not the expected one);
 * anything else (which did you mean, which authority, which date, not placed) is asked back.
 */
export function scoreReply(question: EvalQuestion, activities: readonly Record<string, unknown>[]): Scored {
  const reply = replyText(activities);
  const strings = reply.split('\n');
  const answered = strings.flatMap((line) => /^Rule id: (\S+)$/.exec(line)?.[1] ?? []);
  const choices = answered.length > 0 ? [] : chosenRuleIds(activities);
  const givesDate = /(^|\n)Due: /.test(reply);
  const misses = missesOf(question, reply);
  const ruleId = question.rule_id;
  const answersTheRule = ruleId !== undefined && answered.some((id) => sameRule(id, ruleId));
  const rightRule = ruleId === undefined || (ruleId === 'none' ? !givesDate : answersTheRule);
  const dateWhereNone = question.expect.no_date === true && givesDate;
  if (dateWhereNone) misses.push('gives a computed date where none is due');
  if (ruleId !== undefined && ruleId !== 'none' && answered.length > 0 && !answersTheRule) misses.push(`answers ${answered.join(', ')}, not ${ruleId}`);
  if (misses.length === 0 && rightRule) return { outcome: 'correct', misses, answered, choices };
  const answers = answered.length > 0 || givesDate;
  return { outcome: answers ? 'wrong' : 'asked-back', misses, answered, choices };
}

/**
 * Two rules that cite the same sentence of the same document are one answer: the policy files keep twins where
 * one sentence sets two things (Blackburn with Darwen's "authorised by the Team Manager" before a transfer is
 * both an authorisation and a transfer step), and a question written from the sentence may name either.
 */
const QUOTE_OF_RULE = new Map(
  POLICIES.flatMap((policy) => policy.rules.map((rule) => [rule.id, `${policy.source.file}\u0000${rule.citation.quote.replace(/\s+/g, ' ').trim()}`] as const)),
);

export function sameRule(answeredId: string, expectedId: string): boolean {
  if (answeredId === expectedId) return true;
  const quote = QUOTE_OF_RULE.get(answeredId);
  return quote !== undefined && quote === QUOTE_OF_RULE.get(expectedId);
}

/** The rule ids a "Which did you mean?" card carries on its buttons. */
function chosenRuleIds(activities: readonly Record<string, unknown>[]): string[] {
  const ids: string[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      const object = value as Record<string, unknown>;
      if (object['type'] === 'Action.Execute' && object['verb'] === 'question.choose') {
        const ruleId = (object['data'] as Record<string, unknown> | undefined)?.['ruleId'];
        if (typeof ruleId === 'string') ids.push(ruleId);
      }
      Object.values(object).forEach(walk);
    }
  };
  activities.forEach((activity) => walk(activity['attachments']));
  return ids;
}

/** The reasons a reply misses its expectation; empty when it meets it. */
export function missesOf(question: EvalQuestion, reply: string): string[] {
  const misses: string[] = [];
  const { dates_any: datesAny, all, any } = question.expect;
  if (datesAny && !datesAny.some((date) => says(reply, date))) misses.push(`names none of the dates ${datesAny.join(', ')}`);
  for (const item of all ?? []) {
    const options = Array.isArray(item) ? item : [item];
    if (!options.some((phrase) => says(reply, phrase))) misses.push(`does not say ${options.map((option) => `"${option}"`).join(' or ')}`);
  }
  if (any && !any.some((phrase) => says(reply, phrase))) misses.push(`says none of ${any.map((phrase) => `"${phrase}"`).join(', ')}`);
  return misses;
}
