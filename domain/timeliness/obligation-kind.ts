import type { Topic } from '../policy/schema.js';

/** The kinds of obligation the timeliness charts count, as managers are asked about them. */
export const OBLIGATION_KINDS = ['assessment', 'initial-meeting', 'plan-circulation', 'review', 'visit', 'transfer'] as const;
export type ObligationKind = (typeof OBLIGATION_KINDS)[number];

/** Each kind as a sentence names it: 'initial meeting due …'. */
export const OBLIGATION_KIND_WORDS: Readonly<Record<ObligationKind, string>> = {
  assessment: 'assessment',
  'initial-meeting': 'initial meeting',
  'plan-circulation': 'plan circulation',
  review: 'review',
  visit: 'visit',
  transfer: 'transfer',
};

const KIND_OF_TOPIC: Partial<Record<Topic, ObligationKind>> = {
  assessment: 'assessment',
  'initial-meeting': 'initial-meeting',
  'plan-circulation': 'plan-circulation',
  'first-review': 'review',
  review: 'review',
  'first-visit': 'visit',
  visit: 'visit',
  'transfer-in': 'transfer',
  'transfer-out': 'transfer',
  'transfer-between-teams': 'transfer',
};

/**
 * The chart kind a rule's topic counts under, or undefined for topics no timeliness chart counts (supervision,
 * plan content, escalation…).
 *
 * @example
 * obligationKindOf('first-review') //=> 'review'
 * obligationKindOf('chair') //=> undefined
 */
export function obligationKindOf(topic: Topic): ObligationKind | undefined {
  return KIND_OF_TOPIC[topic];
}

/** A record with one entry per kind, in the order of OBLIGATION_KINDS. */
export function forEveryKind<Value>(valueOf: (kind: ObligationKind) => Value): Record<ObligationKind, Value> {
  const entries = OBLIGATION_KINDS.map((kind) => [kind, valueOf(kind)] as const);
  return Object.fromEntries(entries) as Record<ObligationKind, Value>;
}
