import { describe, expect, it } from 'vitest';
import type { Question } from '../../../domain/questions/question.js';
import { decide, rankRules } from '../../../domain/questions/rank.js';
import { policyOf as policy } from '../../helpers/policy.js';

const question = (parts: Partial<Question>): Question => ({ events: [], asksFrequency: false, ...parts });
const decided = (id: string, parts: Partial<Question>) => {
  const asked = question(parts);
  return decide(policy(id), rankRules(policy(id), asked), asked);
};

describe('ranking every rule of an authority on the parts of a question', () => {
  it('answers the rule that fits what is asked, the things named and the event it counts from', () => {
    const decision = decided('brighton-and-hove', { asked: 'date', askTerms: ['minutes', 'circulate'], contextTerms: ['plan'], events: ['plan-started'], anchorDate: '2026-11-20' as never });
    expect(decision).toMatchObject({ kind: 'answer', rules: [{ id: 'brighton-and-hove.minutes-circulation.within-ten-working-days' }] });
  });

  it('asks back rather than answer who chairs one meeting when another is asked about', () => {
    const decision = decided('blackburn-with-darwen', { asked: 'who', askTerms: ['chair', 'review', 'who'], stems: ['chair', 'revie', 'black'] });
    expect(decision.kind).toBe('ask');
    if (decision.kind === 'ask') expect(decision.choices.map((rule) => rule.id)).toContain('blackburn-with-darwen.chair.appletrees-formal-review');
  });

  it('never answers a rule of another pathway unasked, but offers it', () => {
    const decision = decided('blackburn-with-darwen', { asked: 'frequency', asksFrequency: true, askTerms: ['formal', 'review', 'frequency'], stems: ['often', 'forma', 'revie'] });
    expect(decision.kind).toBe('ask');
    if (decision.kind === 'ask') expect(decision.choices.map((rule) => rule.id)).toContain('blackburn-with-darwen.review.appletrees-formal-six-monthly');
    const onPathway = decided('blackburn-with-darwen', { asked: 'frequency', asksFrequency: true, askTerms: ['formal', 'review', 'frequency'], pathway: 'disabled-children', stems: ['often', 'forma', 'revie'] });
    expect(onPathway).toMatchObject({ kind: 'answer', rules: [{ id: 'blackburn-with-darwen.review.appletrees-formal-six-monthly' }] });
  });

  it('does not count the document\u2019s other figure for the same step as a rival (Slough\u2019s 20 and 45 working days)', () => {
    const decision = decided('slough', { asked: 'date', askTerms: ['assessment', 'complete'], events: ['assessment-started'], anchorDate: '2026-03-02' as never });
    expect(decision).toMatchObject({ kind: 'answer', rules: [{ id: 'slough.assessment.within-twenty-working-days' }] });
  });

  it('weighs a span of time the question names for the rule that sets it ("open 9 months": the nine-month supervision)', () => {
    const parts = { asked: 'whether' as const, askTerms: ['escalation'] as never, contextTerms: [] as never, stems: ['sloug', 'open', 'month', 'happe'] };
    const withFigure = decided('slough', { ...parts, figures: [{ amount: 9, unit: 'months' }] });
    expect(withFigure.kind === 'answer' && withFigure.rules.map((rule) => rule.id)).toEqual(['slough.escalation.reflective-supervision-held-by']);
    const scores = (figures: Question['figures']) => rankRules(policy('slough'), question({ ...parts, ...(figures ? { figures } : {}) }));
    const scoreOf = (ranking: ReturnType<typeof scores>, id: string) => ranking.find((ranked) => ranked.rule.id === id)?.score ?? Number.NaN;
    expect(scoreOf(scores([{ amount: 9, unit: 'months' }]), 'slough.escalation.nine-month-reflective-supervision')).toBeGreaterThan(scoreOf(scores(undefined), 'slough.escalation.nine-month-reflective-supervision'));
    // Time gone by in another figure counts against no rule.
    expect(scoreOf(scores([{ amount: 2, unit: 'weeks' }]), 'slough.escalation.twelve-months-no-figure')).toBe(scoreOf(scores(undefined), 'slough.escalation.twelve-months-no-figure'));
  });

  it('gives a document\u2019s list whole: every closure condition together', () => {
    const decision = decided('redbridge', { asked: 'whether', askTerms: ['closure'] });
    expect(decision.kind === 'answer' && decision.rules.map((rule) => rule.id)).toEqual(['redbridge.closure.review-decision', 'redbridge.closure.absent-agency-views']);
  });

  it('reads a direct payments case as a disabled child\u2019s too: Slough\u2019s disabled children\u2019s reviews, not the rule for other children', () => {
    const decision = decided('slough', { asked: 'date', askTerms: ['review', 'next'], contextTerms: ['disabled', 'payments'], pathway: 'direct-payments', events: ['review-held'], anchorDate: '2026-05-06' as never });
    expect(decision).toMatchObject({ kind: 'answer', rules: [{ id: 'slough.review.disabled-children-six-monthly' }] });
  });

  it('answers who chairs the initial meeting with its own rule, not the reviews\u2019 rule that mentions it aside', () => {
    const decision = decided('slough', { asked: 'who', askTerms: ['meeting', 'initial', 'chair', 'who'], stems: ['chair', 'initi', 'meeti', 'slough'] });
    expect(decision).toMatchObject({ kind: 'answer', rules: [{ id: 'slough.chair.initial-meeting' }] });
  });

  it('gives, for a step-down, the closure conditions the document checks before a step-down too', () => {
    const decision = decided('redbridge', { asked: 'whether', askTerms: ['stepdown'], contextTerms: ['review', 'absent', 'professionals'] });
    expect(decision.kind === 'answer' && decision.rules.map((rule) => rule.id)).toEqual(expect.arrayContaining(['redbridge.closure.absent-agency-views', 'redbridge.step-down.manager-discussion']));
  });

  it('asks back rather than give the general rule when the question names a pathway whose own rule is near', () => {
    const decision = decided('blackburn-with-darwen', { asked: 'date', asksHowLong: true, askTerms: ['assessment', 'duration', 'complete', 'disabled'], pathway: 'disabled-children', stems: ['asses', 'disab', 'compl'] });
    expect(decision.kind).toBe('ask');
    if (decision.kind === 'ask') expect(decision.choices.map((rule) => rule.id)).toContain('blackburn-with-darwen.assessment.appletrees-joint-assessment');
  });

  it('answers a yes/no question with the rule whose own words it shares, given with the list it stands in', () => {
    const decision = decided('blackburn-with-darwen', { asked: 'whether', askTerms: ['assessment', 'joint', 'complete', 'disabled'], pathway: 'disabled-children', stems: ['asses', 'disab', 'joint'] });
    expect(decision.kind).toBe('answer');
    if (decision.kind === 'answer') {
      expect(decision.rules.map((rule) => rule.id)).toContain('blackburn-with-darwen.assessment.appletrees-joint-assessment');
      expect(decision.rules.map((rule) => rule.id)).not.toContain('blackburn-with-darwen.assessment.no-completion-timescale');
    }
  });

  it('never answers "who" with a rule that names no one\u2019s part', () => {
    const decision = decided('redbridge', { asked: 'who', askTerms: ['who', 'transfer', 'out'], events: ['moved-out'] });
    expect(decision.kind).not.toBe('answer');
  });

  it('answers "from when" with the date a trigger starts to apply (Redbridge\u2019s 12 months), not with who chairs', () => {
    const decision = decided('redbridge', { asked: 'date', asksFrom: true, askTerms: ['review', 'chair', 'manager'], stems: ['chair', 'revie', 'manag', 'team'] });
    expect(decision).toMatchObject({ kind: 'answer', rules: [{ id: 'redbridge.escalation.twelve-month-review-chair' }] });
  });

  it('answers "at most" with the maximum, not the usual timescale (Slough\u2019s 45 working days)', () => {
    const decision = decided('slough', { asked: 'date', asksHowLong: true, askTerms: ['assessment', 'maximum', 'duration'], stems: ['asses', 'long', 'most'] });
    expect(decision).toMatchObject({ kind: 'answer', rules: [{ id: 'slough.assessment.maximum-forty-five-working-days' }] });
  });

  it('answers the rule pressed on "Which did you mean?", whatever the ranking', () => {
    const decision = decided('camden', { ruleId: 'camden.review-report.two-working-days-before', events: ['review-booked'], anchorDate: '2026-12-08' as never });
    expect(decision).toMatchObject({ kind: 'answer', rules: [{ id: 'camden.review-report.two-working-days-before' }] });
  });

  it('places nothing when no rule fits at all', () => {
    expect(decided('camden', { askTerms: [] }).kind).toBe('none');
  });
});
