import type { LocalDate } from '../../../domain/dates/local-date.js';
import type { Plan, PlanAction } from '../../../domain/plans/plan.js';
import { planTemplateFor, type PlanTemplate } from '../../../domain/plans/plan-template.js';
import { policyFor } from '../../../domain/policy/registry.js';
import type { Policy } from '../../../domain/policy/schema.js';

export const MEETING_DAY = '2026-03-27' as LocalDate; // Friday 27 March 2026

export function policyOf(authorityId: string): Policy {
  const policy = policyFor(authorityId);
  if (!policy.ok) throw new Error(authorityId);
  return policy.value;
}

export function templateOf(authorityId: string): PlanTemplate {
  return planTemplateFor(policyOf(authorityId));
}

export const anAction = (overrides: Partial<PlanAction> = {}): PlanAction => ({
  action: 'Parenting course at the family hub',
  owner: 'Family support worker',
  dueOn: '2026-04-24', // Friday
  outcome: 'Bedtime routine in place',
  ...overrides,
});

/** A plan with every section of the authority written and one sound action. */
export function completePlan(authorityId: string, overrides: Partial<Plan> = {}): Plan {
  const template = templateOf(authorityId);
  return {
    sections: Object.fromEntries(template.sections.map((section) => [section.id, `${section.label}, written.`])),
    actions: [anAction()],
    reviewOn: '2026-05-08',
    ...overrides,
  };
}
