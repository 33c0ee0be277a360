import { describe, expect, it } from 'vitest';
import { planFormCard } from '../../cards/plan-form-card.js';
import { planReviewCard } from '../../cards/plan-review-card.js';
import { planVersionCard } from '../../cards/plan-version-card.js';
import { planFormView, PlanSubmissionSchema, PlanVersionNumberSchema, planOfSubmission } from '../../bot/plans/plan-form-view.js';
import type { LocalDate } from '../../domain/dates/local-date.js';
import { planFindingsOn } from '../../domain/plans/plan-checks.js';
import { submissionOf, inputValue } from '../helpers/chat-driver.js';
import { objectsIn, type Json } from './card-queries.js';
import { templateFor, twelveActionPlan, twelveActionReview, twelveActionVersion } from './plan-sample-views.js';

const AUTHORITIES = ['redbridge', 'blackburn-with-darwen', 'camden', 'slough', 'brighton-and-hove'];

/** The element that follows the input with `id` in its container: where a message beside the field shows. */
function nextTo(card: Json, id: string): Json | undefined {
  for (const container of objectsIn(card)) {
    const items = (container['items'] ?? container['body']) as Json[] | undefined;
    const index = items?.findIndex((item) => item['id'] === id) ?? -1;
    if (items && index >= 0) return items[index + 1];
  }
  return undefined;
}

describe.each(AUTHORITIES)('the %s plan form', (authorityId) => {
  const template = templateFor(authorityId);
  const plan = twelveActionPlan(template);

  it('round-trips a complete 12-action plan: what the card sends back is the plan it showed', () => {
    const card = planFormCard(planFormView(plan, template, { caseReference: 'AB12', status: 'New plan' }));
    const sent = PlanSubmissionSchema.parse(submissionOf(card, 'plan.save-draft'));
    expect(planOfSubmission(sent, template)).toEqual(plan);
  });

  it('comes back refused with every value kept and each problem beside its own field', () => {
    const broken = { ...plan, sections: {}, actions: plan.actions.map((action, index) => (index === 3 ? { ...action, owner: '' } : action)), reviewOn: '2026-03-01' };
    const findings = planFindingsOn(broken, '2026-03-27' as LocalDate, template);
    const card = planFormCard(planFormView(broken, template, { caseReference: 'AB12', status: 'Draft', findings, meeting: 'review', heldOn: '2026-03-27' }));
    expect(planOfSubmission(PlanSubmissionSchema.parse(submissionOf(card, 'plan.agree')), template)).toEqual({
      ...broken,
      sections: Object.fromEntries(template.sections.map((section) => [section.id, ''])),
    });
    expect(JSON.stringify(nextTo(card, 'action-3-owner'))).toContain(`Say who: \\"${template.columns.owner.label}\\"`);
    expect(JSON.stringify(nextTo(card, 'action-2-owner'))).not.toContain('Say who');
    expect(JSON.stringify(nextTo(card, 'reviewOn'))).toContain('Sunday 1 March 2026 has passed');
    for (const section of template.sections) expect(JSON.stringify(nextTo(card, `section-${section.id}`))).toContain('Write this section');
    expect(inputValue(card, 'meeting')).toBe('review');
  });
});

describe('PlanSubmissionSchema', () => {
  it('refuses a row count beyond what a card shows, and cuts a crafted over-long cell to the card\u2019s limit', () => {
    expect(PlanSubmissionSchema.safeParse({ caseReference: 'AB12', rowCount: 500 }).success).toBe(false);
    const template = templateFor('camden');
    const sent = PlanSubmissionSchema.parse({ caseReference: 'AB12', rowCount: 1, 'action-0-action': 'x'.repeat(5000), 'action-0-owner': 42 });
    const plan = planOfSubmission(sent, template);
    expect(plan.actions[0]?.action).toHaveLength(500);
    expect(plan.actions[0]?.owner).toBe('');
  });
});

describe('plan cards', () => {
  it('bind every TextRun to text, so a number such as the version is shown, not dropped by the renderer', () => {
    for (const card of [planVersionCard(twelveActionVersion('camden')), planReviewCard(twelveActionReview({ refused: false }))]) {
      const runs = objectsIn(card).filter((object) => object['type'] === 'TextRun');
      expect(runs.filter((run) => typeof run['text'] !== 'string')).toEqual([]);
      expect(runs.map((run) => run['text']).join('')).toMatch(/version (3|1)/);
    }
  });
});

describe('PlanVersionNumberSchema', () => {
  it('takes a version as a card sends it, and refuses one the database column could not hold', () => {
    expect(PlanVersionNumberSchema.parse('2')).toBe(2);
    expect(PlanVersionNumberSchema.safeParse(2_147_483_648).success).toBe(false);
    expect(PlanVersionNumberSchema.safeParse(0).success).toBe(false);
  });
});
