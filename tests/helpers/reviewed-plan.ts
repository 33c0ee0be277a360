import { expect } from 'vitest';
import { planTemplateFor } from '../../domain/plans/plan-template.js';
import type { ReviewDecision } from '../../domain/plans/review.js';
import { POLICIES } from '../../domain/policy/registry.js';
import type { Json } from '../cards/card-queries.js';
import { shownText, submissionOf } from './chat-driver.js';

type Said = Promise<{ readonly said: string; readonly cards: readonly Json[]; readonly updatedCard?: Json }>;

/** How a test talks to the bot: a typed message, and a button pressed with its data. */
export interface Talker {
  readonly say: (userId: string, text: string, timestamp: string) => Said;
  readonly press: (userId: string, verb: string, data: Record<string, unknown>, timestamp: string) => Said;
}

export interface ReviewedPlan {
  readonly authorityId: string;
  readonly reference: string;
  /** The meeting that agrees the plan: the initial CiN meeting unless said. */
  readonly meeting?: 'initial-meeting' | 'review';
  /** The day of that meeting, and the review it books (within every authority's first-review limit of it). */
  readonly agreedOn: string;
  readonly reviewOn: string;
  /** The action's date: on or after the day the plan is agreed (the form refuses a date passed). */
  readonly actionDueOn: string;
  /** The review meeting recorded on the review card, and what it decided. */
  readonly heldOn: string;
  readonly decision: ReviewDecision;
}

/**
 * Agrees a plan for an open case on its form (every section written, one action) and records a review of it on
 * the review card, as a worker does: a closure checklist item naming a review's decision reads that decision.
 */
export async function agreePlanAndReview(talker: Talker, workerId: string, plan: ReviewedPlan, timestamp: string): Promise<void> {
  const policy = POLICIES.find((candidate) => candidate.authority.id === plan.authorityId);
  if (!policy) throw new Error(plan.authorityId);
  const sections = Object.fromEntries(planTemplateFor(policy).sections.map((section) => [`section-${section.id}`, `${section.label}: written for ${plan.reference}.`]));
  const form = (await talker.say(workerId, `plan ${plan.reference}`, timestamp)).cards[0];
  const agreed = await talker.press(
    workerId,
    'plan.agree',
    submissionOf(form, 'plan.agree', {
      ...sections,
      'action-0-action': 'Parenting course at the family hub',
      'action-0-owner': 'Family support worker',
      'action-0-dueOn': plan.actionDueOn,
      'action-0-outcome': 'Bedtime routine in place',
      reviewOn: plan.reviewOn,
      meeting: plan.meeting ?? 'initial-meeting',
      heldOn: plan.agreedOn,
    }),
    timestamp,
  );
  expect(agreed.said, shownText(agreed.updatedCard)).toContain(`Agreed: version 1 of ${plan.reference}'s CiN plan.`);
  const card = (await talker.say(workerId, `review ${plan.reference}`, timestamp)).cards[0];
  const reviewed = await talker.press(
    workerId,
    'plan.review',
    submissionOf(card, 'plan.review', { heldOn: plan.heldOn, 'progress-0': 'achieved', childViews: 'Happy at school', familyViews: 'Ready for what was decided', decision: plan.decision }),
    timestamp,
  );
  expect(reviewed.said).toContain(`recorded for ${plan.reference}`);
}
