import { eventKindWords } from '../cases/event-kinds.js';
import { describeOffset } from '../timescales/offset.js';
import type { Rule, TimescaleRule } from './schema.js';

/**
 * A rule's timing in plain words, or undefined for rules that set none.
 *
 * @example
 * describeTiming(redbridgeInitialMeetingRule) //=> '15 working days after the decision that a CiN plan is required'
 * describeTiming(redbridgeReviewRule) //=> 'every 6 months, counted from the last review meeting'
 * describeTiming(blackburnOutlinePlanRule) //=> 'from day 10, counting … as day 1 (working days) (the earliest date, not a deadline)'
 */
export function describeTiming(rule: Rule): string | undefined {
  if (rule.kind === 'no-figure-set') {
    if (!rule.outerLimit) return 'no figure set';
    const limit = rule.outerLimit.anchors.map(eventKindWords).join(' or ');
    const notice = Math.max(...rule.outerLimit.remindWorkingDaysBefore);
    return `no figure set; before ${limit} at the latest (the outer limit), reminded from ${notice} working days before it`;
  }
  if (rule.kind !== 'timescale') return undefined;
  const anchors = rule.anchors.map(eventKindWords).join(' or ');
  const whicheverFirst = rule.anchorChoice === 'earliest' && rule.anchors.length > 1 ? ', whichever comes first' : '';
  const counted = countedTiming(rule, `${anchors}${whicheverFirst}`);
  if (rule.dateIs === 'earliest') return `from ${counted.replace(/^by /, '')} (the earliest date, not a deadline)`;
  if (rule.dateIs === 'trigger') return `from ${counted}, then at the next scheduled review`;
  return rule.onCase === false ? `${counted} (a fact for answers; no case deadline)` : counted;
}

function countedTiming(rule: TimescaleRule, anchors: string): string {
  const { offset } = rule;
  if (offset.unit === 'dayNumber') return `by day ${offset.amount}, counting ${anchors} as day 1 (working days)`;
  if (offset.amount === 0) return `${offset.direction === 'before' ? 'before' : 'on or after'} ${anchors}`;
  if (rule.recurring) return `every ${describeOffset(offset).replace(/ after$/, '')}, counted from ${anchors}`;
  return `${describeOffset(offset)} ${anchors}`;
}
