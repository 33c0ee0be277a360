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
  }),
  rule: z.string().optional(),
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
