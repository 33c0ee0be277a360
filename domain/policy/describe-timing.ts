import { eventKindWords } from '../cases/event-kinds.js';
import { describeOffset } from '../timescales/offset.js';
import type { Rule } from './schema.js';

/**
 * A rule's timing in plain words, or undefined for rules that set none.
 *
 * @example
 * describeTiming(redbridgeInitialMeetingRule) //=> '15 working days after the decision that a CiN plan is required'
 * describeTiming(redbridgeReviewRule) //=> 'every 6 months, counted from the last review meeting'
 */
export function describeTiming(rule: Rule): string | undefined {
  if (rule.kind !== 'timescale') return rule.kind === 'no-figure-set' ? 'no figure set' : undefined;
  const anchors = rule.anchors.map(eventKindWords).join(' or ');
  const { offset } = rule;
  if (offset.unit === 'dayNumber') return `by day ${offset.amount}, counting ${anchors} as day 1 (working days)`;
  if (offset.amount === 0) return `${offset.direction === 'before' ? 'before' : 'on or after'} ${anchors}`;
  if (rule.recurring) return `every ${describeOffset(offset).replace(/ after$/, '')}, counted from ${anchors}`;
  return `${describeOffset(offset)} ${anchors}`;
}
