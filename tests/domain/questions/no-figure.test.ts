import { describe, expect, it } from 'vitest';
import { noFigureFor, subjectOf } from '../../../domain/questions/no-figure.js';
import type { Question } from '../../../domain/questions/question.js';
import { decide, rankRules } from '../../../domain/questions/rank.js';
import { policyOf as policy } from '../../helpers/policy.js';

const question = (parts: Partial<Question>): Question => ({ events: [], asksFrequency: false, ...parts });
const noFigure = (id: string, parts: Partial<Question>) => {
  const asked = question(parts);
  const ranking = rankRules(policy(id), asked);
  return noFigureFor(policy(id), ranking, decide(policy(id), ranking, asked), asked);
};
const ids = (found: ReturnType<typeof noFigure>) => found?.rules.map((rule) => rule.id);

describe('a timescale asked for that the document does not set', () => {
  it('says none is set for a thing no rule with a figure is about (Redbridge\u2019s invitations), with no other rule\u2019s date', () => {
    const found = noFigure('redbridge', { asked: 'date', askTerms: ['invitations', 'circulate', 'out'], contextTerms: ['review', 'next'], events: ['review-booked'], anchorDate: '2026-12-08' as never, before: true });
    expect(found).toEqual({ subject: ['invitations'], rules: [] });
  });

  it('does not borrow a meeting rule for a transfer in where the document has no transfer rule (Brighton and Hove)', () => {
    const found = noFigure('brighton-and-hove', { asked: 'date', askTerms: ['meeting', 'transfer', 'into'], contextTerms: ['next', 'transfer', 'out', 'family'], events: ['moved-out'] });
    expect(found?.subject).toEqual(['meeting', 'into']);
  });

  it('quotes the document\u2019s rules without a figure when they are what was asked about (Redbridge\u2019s transfer out)', () => {
    const found = noFigure('redbridge', { asksHowLong: true, askTerms: ['circulate'], contextTerms: ['transfer', 'out'] });
    expect(ids(found)).toEqual(['redbridge.transfer-out.notify-and-share', 'redbridge.transfer-out.consent']);
  });

  it('quotes no rule whose topic is another thing, even if its words name what was asked (Redbridge\u2019s review minutes)', () => {
    const found = noFigure('redbridge', { asked: 'date', askTerms: ['minutes', 'circulate', 'out'], contextTerms: ['review'], events: ['review-held'], anchorDate: '2026-12-01' as never });
    expect(found).toEqual({ subject: ['minutes'], rules: [] });
  });

  it('answers "no figure" with the pathway\u2019s own rule saying so (Slough, supervision order)', () => {
    const found = noFigure('slough', { asked: 'date', askTerms: ['meeting'], contextTerms: ['supervision', 'order', 'family'], pathway: 'supervision-order' });
    expect(ids(found)).toEqual(['slough.supervision-order.no-figure']);
  });

  it('leaves a question alone when a rule with a figure is about what it asks, counting from the event named', () => {
    expect(noFigure('slough', { asked: 'date', askTerms: ['initial', 'meeting', 'assessment', 'complete'], events: ['assessment-completed'], anchorDate: '2026-11-10' as never })).toBeUndefined();
    expect(noFigure('camden', { asked: 'date', askTerms: ['invitations', 'circulate'], contextTerms: ['review'], events: ['review-booked'], anchorDate: '2026-12-08' as never, before: true })).toBeUndefined();
  });

  it('leaves frequencies and questions that ask for no timescale to the ranking', () => {
    expect(noFigure('redbridge', { asked: 'frequency', asksFrequency: true, askTerms: ['visit', 'frequency'] })).toBeUndefined();
    expect(noFigure('redbridge', { asked: 'who', askTerms: ['invitations', 'who'] })).toBeUndefined();
  });
});

describe('what a timescale is asked for', () => {
  it('is what the asking clause names, and which way a family moves', () => {
    expect(subjectOf(question({ askTerms: ['report', 'circulate', 'chair'], contextTerms: ['review'] }))).toEqual(['report']);
    expect(subjectOf(question({ askTerms: ['meeting'], contextTerms: ['transfer', 'into'] }))).toEqual(['meeting', 'into']);
    expect(subjectOf(question({ askTerms: ['plan', 'minutes', 'circulate'], contextTerms: ['transfer', 'out'] }))).toEqual(['plan', 'minutes', 'out']);
  });

  it('is not the move when the next of a series is asked, which goes on after it', () => {
    expect(subjectOf(question({ askTerms: ['review', 'next'], contextTerms: ['transfer', 'into'], events: ['moved-in'] }))).toEqual(['review']);
  });

  it('is the case\u2019s situation when the asking clause names nothing with a timescale', () => {
    expect(subjectOf(question({ askTerms: ['duration', 'worker'], contextTerms: ['closure'] }))).toEqual(['closure']);
  });

  it('is not a move for words that only say something goes out', () => {
    expect(subjectOf(question({ askTerms: ['invitations', 'circulate', 'out'] }))).toEqual(['invitations']);
  });
});
