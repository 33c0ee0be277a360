import { describe, expect, it } from 'vitest';
import { understand } from '../../../bot/understanding/understand.js';
import type { LocalDate } from '../../../domain/dates/local-date.js';
import { POLICIES } from '../../../domain/policy/registry.js';
import { distinctivenessOf, factFit, namesTheItem, statesThePartNamed } from '../../../domain/questions/fact-fit.js';
import type { Question } from '../../../domain/questions/question.js';
import { decide, rankRules } from '../../../domain/questions/rank.js';
import { stemsOf } from '../../../domain/questions/stems.js';
import { policyOf as policy, ruleIn as rule } from '../../helpers/policy.js';

const TODAY = '2026-12-04' as LocalDate;
const read = (text: string): Question => understand(text, TODAY, POLICIES).question;
const answered = (authority: string, text: string): string[] => {
  const of = policy(authority);
  const question = read(text);
  const decision = decide(of, rankRules(of, question), question);
  return decision.kind === 'answer' ? decision.rules.map((each) => each.id) : [];
};

describe('a question that names one item of a plan', () => {
  it('names the item when it has every content word of the item, and not a neighbouring item', () => {
    const slough = policy('slough');
    const question = read('does the slough cin plan need a contingency plan');
    expect(namesTheItem(rule(slough, 'slough.plan-content.contingency-plan'), question)).toBe(true);
    expect(namesTheItem(rule(slough, 'slough.plan-content.smart'), question)).toBe(false);
  });

  it('weighs the item named above the other items of the same list', () => {
    const slough = policy('slough');
    const question = read('does the slough cin plan need a contingency plan');
    const distinctiveness = distinctivenessOf(slough);
    expect(factFit(rule(slough, 'slough.plan-content.contingency-plan'), question, distinctiveness)).toBeGreaterThan(
      factFit(rule(slough, 'slough.plan-content.child-wishes'), question, distinctiveness) + 2,
    );
    expect(answered('slough', 'does the slough cin plan need a contingency plan')).toEqual(['slough.plan-content.contingency-plan']);
  });

  it('names no item of a rule that is not a plan item', () => {
    expect(namesTheItem(rule(policy('slough'), 'slough.review.every-three-months'), read('does the slough plan need a review every three months'))).toBe(false);
  });
});

describe('how a yes/no, who or what-must-it-contain question is read', () => {
  it('reads "does it need the review date on it" as whether, not a date', () => {
    expect(read('does a blackburn cin plan need the review date on it').asked).toBe('whether');
  });

  it('reads a yes/no question after a leading clause of its own as whether', () => {
    expect(read('redbridge - before i start a cin plan do i need to check for a CAF').asked).toBe('whether');
    expect(read('in camden can the health visitor request an earlier cin review').asked).toBe('whether');
  });

  it('reads "need to set out" and "got to detail" as asking what a plan contains', () => {
    expect(read('what does a camden cin plan need to set out').asked).toBe('contents');
    expect(read('blackburn, what has the initial outline plan got to detail').asked).toBe('contents');
  });

  it('keeps the part asked who holds, and none when no part is named', () => {
    expect(read('camden: who is the lead professional for a child on a cin plan').roleNamed).toEqual(stemsOf('lead professional'));
    expect(read('who chairs cin reviews in camden').roleNamed).toBeUndefined();
  });
});

describe('who holds a part, who decides, who may ask', () => {
  it('answers "who is the lead professional" with the rule that states who is, though it names no act', () => {
    const camden = policy('camden');
    const question = read('camden: who is the lead professional for a child on a cin plan');
    expect(statesThePartNamed(rule(camden, 'camden.plan-content.lead-professional'), question)).toBe(true);
    expect(statesThePartNamed(rule(camden, 'camden.plan-content.smart'), question)).toBe(false);
    expect(answered('camden', 'camden: who is the lead professional for a child on a cin plan')).toEqual(['camden.plan-content.lead-professional']);
  });

  it('leaves a part that is an act ("who is the chair") to the role rules of that act', () => {
    const camden = policy('camden');
    expect(statesThePartNamed(rule(camden, 'camden.plan-required.cp-conference-chair-draws-up-plan'), read('who is the chair of the cin review in camden'))).toBe(false);
    expect(answered('camden', 'who is the chair of the cin review in camden')).toEqual(['camden.chair.manager-or-senior']);
  });

  it('weighs "can X request an earlier review" with the rule of who decides on a request', () => {
    expect(answered('camden', 'in camden can the health visitor request an earlier cin review')).toEqual(['camden.review.early-review-request']);
  });

  it('reads "who makes the decision to close" as who authorises closing', () => {
    expect(answered('camden', 'camden who makes the decision to close a cin case')).toEqual(['camden.authorisation.manager-or-senior']);
  });
});
