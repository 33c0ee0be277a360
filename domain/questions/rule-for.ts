import type { EventKind } from '../cases/event-kinds.js';
import type { Policy, Rule, Topic } from '../policy/schema.js';
import type { Question } from './question.js';
import { fitsPathway } from './rank.js';

/** Topics that answer for one another when the exact one is not in a document. */
const NEAR_TOPICS: Partial<Record<Topic, readonly Topic[]>> = {
  review: ['first-review', 'initial-meeting'],
  'first-review': ['review', 'initial-meeting'],
  'initial-meeting': ['first-review', 'transfer-in'],
  visit: ['first-visit'],
  'first-visit': ['visit'],
  'plan-circulation': ['minutes-circulation', 'review-written-report'],
  'minutes-circulation': ['plan-circulation', 'review-written-report'],
  'review-written-report': ['minutes-circulation', 'plan-circulation'],
  'transfer-in': ['initial-meeting'],
  closure: ['step-down'],
  'step-down': ['closure'],
  'plan-required': ['plan-duration'],
};

/**
 * The rule of `policy` that best answers `question`, or undefined when none fits. A rule fits by its topic
 * (exact, else a near topic) and, for a dated question, by counting from an event the question names; a
 * pathway rule answers only when the question names the pathway, and the question's pathway prefers its
 * rules. Ties go to the rule listed first in the policy file, where the main rule of each topic stands.
 *
 * @example
 * ruleFor(redbridge, { topic: 'initial-meeting', events: ['plan-decision'], asksFrequency: false })?.id
 * //=> 'redbridge.initial-meeting.convene'
 */
export function ruleFor(policy: Policy, question: Question): Rule | undefined {
  let best: { rule: Rule; score: number } | undefined;
  for (const rule of policy.rules) {
    const score = scoreOf(rule, question);
    if (score > 0 && (!best || score > best.score)) best = { rule, score };
  }
  return best?.rule;
}

/** Rules of the same topic beside the chosen one (e.g. Slough's 45-day maximum beside its 20-day assessment). */
export function relatedRules(policy: Policy, chosen: Rule, question: Question): Rule[] {
  return policy.rules.filter(
    (rule) =>
      rule.id !== chosen.id &&
      rule.kind === 'timescale' &&
      chosen.kind === 'timescale' &&
      rule.topic === chosen.topic &&
      fitsPathway(rule, question) &&
      rule.anchors.some((anchor) => chosen.anchors.includes(anchor)) &&
      chosen.conflictsWith?.rule !== rule.id &&
      rule.conflictsWith?.rule !== chosen.id,
  );
}

function scoreOf(rule: Rule, question: Question): number {
  if (!fitsPathway(rule, question)) return 0;
  const topicScore =
    question.topic === undefined
      ? 0
      : rule.topic === question.topic
        ? 20
        : (NEAR_TOPICS[question.topic] ?? []).includes(rule.topic) || changesTheChair(rule, question)
          ? 8
          : 0;
  const anchors = anchorsOf(rule);
  const countsFromNamedEvent = anchors.some((anchor) => question.events.includes(anchor));
  // A dated question about an event ("a family moved in on 10 April") wants a rule counting from that event.
  const namesAnotherEvent = question.anchorDate !== undefined && question.events.length > 0 && anchors.length > 0;
  const anchorScore = countsFromNamedEvent ? 12 : namesAnotherEvent ? -10 : 0;
  if (topicScore === 0 && !(countsFromNamedEvent && question.anchorDate !== undefined)) return 0;
  const kindScore =
    rule.kind === 'timescale' ? (question.anchorDate !== undefined ? 4 : 2) + (question.asksFrequency === rule.recurring ? 3 : 0)
    : rule.kind === 'no-figure-set' && rule.outerLimit ? (question.anchorDate !== undefined ? 4 : 2) + (question.asksFrequency ? 0 : 3)
    : rule.kind === 'no-figure-set' ? 2
    : 0;
  const pathwayScore = question.pathway !== undefined && rule.pathway === question.pathway ? 10 : 0;
  return topicScore + anchorScore + kindScore + pathwayScore;
}

/** A trigger whose obligation is a review chaired by someone else from a date (Redbridge at 12 months) answers "from when is it chaired by…". */
function changesTheChair(rule: Rule, question: Question): boolean {
  return question.topic === 'chair' && rule.kind === 'timescale' && rule.dateIs === 'trigger';
}

/** The events a rule counts from: a timescale's anchors, or the event a no-figure rule must come before. */
function anchorsOf(rule: Rule): readonly EventKind[] {
  if (rule.kind === 'timescale') return rule.anchors;
  return rule.kind === 'no-figure-set' ? (rule.outerLimit?.anchors ?? []) : [];
}
