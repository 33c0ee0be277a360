import type { Rule } from '../policy/schema.js';

/** A span of time a text names: "20 working days", "six weeks", "a 9-month review", "12 months". */
export interface Figure {
  readonly amount: number;
  readonly unit: 'workingDays' | 'days' | 'weeks' | 'months';
}

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  fifteen: 15, twenty: 20, 'forty five': 45,
};
const FIGURE = /\b(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|forty[- ]five)[- ]?(working[- ]days?|wds?|days?|weeks?|wks?|months?|monthly|weekly)\b/gi;

/**
 * The spans of time `text` names, each once.
 *
 * @example
 * figuresIn('assessment started 2/3, 20 wd deadline?') //=> [{ amount: 20, unit: 'workingDays' }]
 */
export function figuresIn(text: string): Figure[] {
  const found = new Map<string, Figure>();
  for (const [, count = '', unitWord = ''] of text.matchAll(FIGURE)) {
    const amount = /^\d/.test(count) ? Number(count) : NUMBER_WORDS[count.toLowerCase().replace('-', ' ')];
    const unit = unitOf(unitWord.toLowerCase());
    if (amount !== undefined && amount > 0) found.set(`${amount} ${unit}`, { amount, unit });
  }
  return [...found.values()];
}

function unitOf(word: string): Figure['unit'] {
  if (word.startsWith('working') || word.startsWith('wd')) return 'workingDays';
  if (word.startsWith('day')) return 'days';
  if (word.startsWith('week') || word.startsWith('wk')) return 'weeks';
  return 'months';
}

const RULE_FIGURES = new WeakMap<Rule, readonly Figure[]>();

/** The spans of time a rule sets or names: its offset, and those in its own words and its quote. */
export function figuresOfRule(rule: Rule): readonly Figure[] {
  let known = RULE_FIGURES.get(rule);
  if (!known) {
    const named = figuresIn(`${rule.requires} ${rule.citation.quote}`);
    const offset = rule.kind === 'timescale' && rule.offset.unit !== 'dayNumber' ? [{ amount: rule.offset.amount, unit: rule.offset.unit }] : [];
    known = [...offset, ...named];
    RULE_FIGURES.set(rule, known);
  }
  return known;
}

/** Whether a rule sets or names a span of time the question names ("open 9 months": the nine-month supervision). */
export function namesTheFigure(rule: Rule, figures: readonly Figure[]): boolean {
  return figures.some((asked) => figuresOfRule(rule).some((own) => own.amount === asked.amount && own.unit === asked.unit));
}
