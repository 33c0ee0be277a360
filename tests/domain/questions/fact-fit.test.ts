import { describe, expect, it } from 'vitest';
import { aDateRuleStatesIt, asksAFact, distinctivenessOf, factFit } from '../../../domain/questions/fact-fit.js';
import type { Question } from '../../../domain/questions/question.js';
import { policyOf as policy, ruleIn as rule } from '../../helpers/policy.js';

const question = (parts: Partial<Question>): Question => ({ events: [], asksFrequency: false, ...parts });

describe('what a rule states against the fact a question asks', () => {
  it('tells a fact asked (who, what, whether, how, where) from a date or a figure', () => {
    for (const asked of ['who', 'recipients', 'doer', 'contents', 'whether', 'manner', 'place', 'threshold'] as const) expect(asksAFact(question({ asked }))).toBe(true);
    for (const asked of ['date', 'notice', 'duration'] as const) expect(asksAFact(question({ asked }))).toBe(false);
    expect(asksAFact(question({ asked: 'contents', asksFrequency: true }))).toBe(false);
  });

  it('answers who receives or does a step with a date rule as it stands, but not whether or how, nor once a date is given', () => {
    expect(aDateRuleStatesIt(question({ asked: 'recipients' }))).toBe(true);
    expect(aDateRuleStatesIt(question({ asked: 'doer' }))).toBe(true);
    expect(aDateRuleStatesIt(question({ asked: 'whether' }))).toBe(false);
    expect(aDateRuleStatesIt(question({ asked: 'recipients', anchorDate: '2026-12-01' as never }))).toBe(false);
  });

  it('weighs nothing for a question asking a date, so dated questions read as before', () => {
    const camden = policy('camden');
    expect(factFit(rule(camden, 'camden.review.every-three-months'), question({ asked: 'date', stems: ['revie', 'next'] }), distinctivenessOf(camden))).toBe(0);
  });

  it('counts against a date rule when whether, how or where is asked without a date', () => {
    const slough = policy('slough');
    const asked = question({ asked: 'whether', stems: [] });
    expect(factFit(rule(slough, 'slough.assessment.within-twenty-working-days'), asked, distinctivenessOf(slough))).toBeLessThan(0);
    expect(factFit(rule(slough, 'slough.assessment.services-without-waiting'), asked, distinctivenessOf(slough))).toBe(0);
  });

  it('prefers the rule whose own words (its quote too) share the rare words of the question', () => {
    const blackburn = policy('blackburn-with-darwen');
    const asked = question({ asked: 'whether', askTerms: ['plan'], stems: ['depen', 'resou', 'scarc'] });
    const scarce = factFit(rule(blackburn, 'blackburn-with-darwen.plan-content.available-resources'), asked, distinctivenessOf(blackburn));
    const smart = factFit(rule(blackburn, 'blackburn-with-darwen.plan-content.smart'), asked, distinctivenessOf(blackburn));
    expect(scarce).toBeGreaterThan(smart + 1);
  });

  it('gives the authority\u2019s own names no weight, since every question names them', () => {
    const redbridge = policy('redbridge');
    expect(distinctivenessOf(redbridge).get('redbr')).toBeUndefined();
  });

  it('prefers, for who receives or does a step, the rule naming that act over a date rule for another step', () => {
    const blackburn = policy('blackburn-with-darwen');
    const asked = question({ asked: 'recipients', askTerms: ['invitations', 'initial', 'meeting'], stems: [] });
    const invited = factFit(rule(blackburn, 'blackburn-with-darwen.review-invitations.who-is-invited'), asked, distinctivenessOf(blackburn));
    const convened = factFit(rule(blackburn, 'blackburn-with-darwen.initial-meeting.convene-by-day-15'), asked, distinctivenessOf(blackburn));
    expect(invited).toBeGreaterThan(convened);
  });

  it('counts a threshold stated as a condition as a threshold when one is asked', () => {
    const camden = policy('camden');
    const asked = question({ asked: 'threshold', askTerms: ['threshold'], stems: [] });
    expect(factFit(rule(camden, 'camden.threshold.complex-needs-level-3'), asked, distinctivenessOf(camden))).toBeGreaterThan(0);
    expect(factFit(rule(camden, 'camden.threshold.cypds-functional-needs'), asked, distinctivenessOf(camden))).toBe(0);
  });
});
