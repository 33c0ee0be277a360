import type { EventKind } from '../cases/event-kinds.js';
import type { Offset, OffsetUnit } from '../timescales/offset.js';
import type { Topic } from './schema.js';
import {
  ANCHOR_WORDS,
  BEFORE_WORDS,
  DAY_NUMBER_WORDS,
  DEADLINE_WORDS,
  DECIDING_ROLES,
  DECIDING_WORDS,
  FREQUENCY_WORDS,
  NUMBER_WORDS,
  TOPIC_WORDS,
  UNIT_WORDS,
} from './timescale-vocabulary.js';

/** What a procedure's sentence states that the bot's rules care about. */
export type Statement = 'timescale' | 'frequency' | 'deadline' | 'who-decides';

/** A figure as printed ("15 working days", "day 15") and what it means. */
export interface Figure {
  readonly text: string;
  readonly amount: number;
  readonly unit: OffsetUnit;
}

/** What a timescale sentence lets a draft rule say, every part of it for a person to confirm. */
export interface TimescaleReading {
  readonly figure: Figure;
  readonly offset: Offset;
  readonly recurring: boolean;
  /** The words the figure counts from, as printed, when the sentence names them. */
  readonly anchorWords: string | undefined;
  readonly anchor: EventKind;
  readonly topic: Topic;
  readonly fulfilledBy: EventKind;
}

const NUMBER = `\\d+|${Object.keys(NUMBER_WORDS).join('|')}`;
const UNIT_PHRASES = UNIT_WORDS.flatMap(({ unit, words }) => words.map((word) => ({ unit, word })));
const LENGTH = new RegExp(`\\b(${NUMBER})(?:\\s+|-)(${UNIT_PHRASES.map(({ word }) => word).join('|')})\\b`, 'gi');
const DAY_NUMBER = new RegExp(`\\b(?:${DAY_NUMBER_WORDS.join('|')})\\s+(${NUMBER})\\b`, 'gi');
const ANCHOR_LEAD = /^\W*(?:\w+\W+){0,3}?(?:of|from|after|before|following|prior to|ahead of)\s+([^,;.()]{3,120})/i;
/** Deadlines that need no figure: "before the order expires", "no later than the review". */
const FIGURELESS_DEADLINE_WORDS = ['before the', 'prior to', 'no later than', 'in a timely way', 'by the time', 'deadline'];

/** Whether the text has the phrase at the start of a word, so "invitation" finds "invitations" too. */
function contains(text: string, phrase: string): boolean {
  return new RegExp(`\\b${phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'i').test(text);
}

function amountOf(word: string): number {
  return /^\d+$/.test(word) ? Number(word) : (NUMBER_WORDS[word.toLowerCase()] ?? Number.NaN);
}

/**
 * The figures of a sentence, in order.
 *
 * @example
 * figuresIn('Reviews within 15 working days, then every three months.')
 * //=> [{ text: '15 working days', amount: 15, unit: 'workingDays' }, { text: 'three months', amount: 3, unit: 'months' }]
 */
export function figuresIn(sentence: string): Figure[] {
  const found: { index: number; figure: Figure }[] = [];
  for (const match of sentence.matchAll(LENGTH)) {
    const unitWord = (match[2] ?? '').toLowerCase();
    const unit = UNIT_PHRASES.find(({ word }) => word === unitWord)?.unit ?? 'days';
    found.push({ index: match.index, figure: { text: match[0], amount: amountOf(match[1] ?? ''), unit } });
  }
  for (const match of sentence.matchAll(DAY_NUMBER)) {
    const text = match[0].replace(/^\S+\s+/, '');
    found.push({ index: match.index, figure: { text, amount: amountOf(match[1] ?? ''), unit: 'dayNumber' } });
  }
  return found.sort((one, other) => one.index - other.index).map(({ figure }) => figure);
}

/**
 * What a sentence states: a timescale (a figure of time), a frequency, a deadline, who decides; empty for none.
 *
 * @example
 * statementsIn('Child in need reviews are held every 3 months.') //=> ['timescale', 'frequency']
 * statementsIn('The Team Manager will authorise the closure.') //=> ['who-decides']
 */
export function statementsIn(sentence: string): Statement[] {
  const statements: Statement[] = [];
  const hasFigure = figuresIn(sentence).length > 0;
  if (hasFigure) statements.push('timescale');
  if (hasFigure && FREQUENCY_WORDS.some((word) => contains(sentence, word))) statements.push('frequency');
  const deadlineWords = hasFigure ? DEADLINE_WORDS : FIGURELESS_DEADLINE_WORDS;
  if (deadlineWords.some((word) => contains(sentence, word))) statements.push('deadline');
  if (DECIDING_WORDS.some((word) => contains(sentence, word)) && DECIDING_ROLES.some((role) => contains(sentence, role))) {
    statements.push('who-decides');
  }
  return statements;
}

/** Whether a sentence sets a date: a figure of time, or a deadline without one. */
export function setsATimescale(sentence: string): boolean {
  const statements = statementsIn(sentence);
  return statements.includes('timescale') || statements.includes('deadline');
}

/**
 * How each timescale of a sentence reads as an offset from an anchor; a deadline without a figure reads as the
 * anchor itself (0 days before it).
 *
 * @example
 * timescalesIn('Convene the meeting within 15 working days of the decision that a CiN Plan is required.')[0]
 * //=> { figure: { text: '15 working days', … }, offset: { unit: 'workingDays', amount: 15, direction: 'after' },
 * //     anchorWords: 'the decision that a CiN Plan is required', anchor: 'plan-decision', … }
 */
export function timescalesIn(sentence: string): TimescaleReading[] {
  const figures = figuresIn(sentence);
  if (figures.length === 0) {
    if (!setsATimescale(sentence)) return [];
    const beforeAt = sentence.search(/\bbefore\b|\bprior to\b|\bno later than\b/i);
    const anchorWords = beforeAt >= 0 ? ANCHOR_LEAD.exec(sentence.slice(beforeAt))?.[1]?.trim() : undefined;
    const figure: Figure = { text: 'no figure', amount: 0, unit: 'days' };
    const recurring = FREQUENCY_WORDS.some((word) => contains(sentence, word));
    return [{ figure, offset: { unit: 'days', amount: 0, direction: 'before' }, ...meaningOf(sentence, recurring, anchorWords), anchorWords }];
  }
  let searchFrom = 0;
  return figures.map((figure) => {
    const at = sentence.indexOf(figure.text, searchFrom);
    // A figure recurs when a frequency word stands in it or just before it, after the previous figure ("6 monthly",
    // "once every 6 weeks"): "reviewed at 6 weeks and thereafter at a minimum frequency of 6 months" recurs only in
    // its second figure; "Every child … within 3 months" does not recur.
    const before = sentence.slice(searchFrom, at).split(' ').slice(-6).join(' ');
    const around = `${before} ${figure.text}`;
    searchFrom = at + figure.text.length;
    const after = sentence.slice(searchFrom);
    const direction = BEFORE_WORDS.some((word) => new RegExp(`^\\W*${word}\\b`, 'i').test(after)) ? 'before' : 'after';
    const anchorWords = ANCHOR_LEAD.exec(after)?.[1]?.trim();
    const recurring = FREQUENCY_WORDS.some((word) => contains(around, word));
    const meaning = meaningOf(sentence, recurring, anchorWords);
    return { figure, offset: { unit: figure.unit, amount: figure.amount, direction }, ...meaning, anchorWords, anchor: figure.unit === 'dayNumber' ? 'assessment-started' : meaning.anchor };
  });
}

/**
 * What a timescale is about and what it counts from: something that recurs is not the initial one and counts
 * from its own last occurrence; otherwise the words after the figure name the anchor, else an event the
 * sentence names, else the topic's usual anchor.
 */
function meaningOf(sentence: string, recurring: boolean, anchorWords: string | undefined): Pick<TimescaleReading, 'recurring' | 'anchor' | 'topic' | 'fulfilledBy'> {
  const about = TOPIC_WORDS.find(({ words, topic }) => !(recurring && topic === 'initial-meeting') && words.some((word) => contains(sentence, word)));
  const { topic, fulfilledBy, countsFrom } = about ?? { topic: 'review' as const, fulfilledBy: 'review-held' as const, countsFrom: undefined };
  const named = ANCHOR_WORDS.find((entry) => entry.named && entry.words.some((word) => contains(sentence, word)))?.event;
  const anchor = recurring ? fulfilledBy : anchorWords ? anchorOf(anchorWords) : (named ?? countsFrom ?? anchorOf(sentence));
  return { recurring, anchor, topic, fulfilledBy };
}

function anchorOf(words: string): EventKind {
  return ANCHOR_WORDS.find((entry) => entry.words.some((word) => contains(words, word)))?.event ?? 'case-opened';
}
