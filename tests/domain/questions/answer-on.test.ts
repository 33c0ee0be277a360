import { describe, expect, it } from 'vitest';
import type { LocalDate } from '../../../domain/dates/local-date.js';
import { policyFor } from '../../../domain/policy/registry.js';
import type { Policy } from '../../../domain/policy/schema.js';
import { answerOn } from '../../../domain/questions/answer-on.js';
import type { Question } from '../../../domain/questions/question.js';
import { calendar } from '../../helpers/policy.js';

const redbridge = ((): Policy => {
  const found = policyFor('redbridge');
  if (!found.ok) throw new Error('no redbridge');
  return found.value;
})();
const ask = (question: Partial<Question>) => answerOn(redbridge, { events: [], asksFrequency: false, ...question }, calendar);

describe('answerOn', () => {
  it('counts from the date given for the rule\u2019s own event when the question gives several', () => {
    // Referral on Monday 2 February, decision on Monday 16 February 2026: 15 working days from the decision are
    // 17-20 Feb (4), 23-27 Feb (9), 2-6 Mar (14), 9 Mar (15): Monday 9 March 2026. From the referral it would be 23 February.
    const answer = ask({
      topic: 'initial-meeting',
      events: ['referral-received', 'plan-decision'],
      anchorDate: '2026-02-02' as LocalDate,
      severalDates: true,
      datedEvents: [
        { event: 'referral-received', on: '2026-02-02' as LocalDate },
        { event: 'plan-decision', on: '2026-02-16' as LocalDate },
      ],
    });
    expect(answer.kind === 'due-date' && [answer.rule.id, answer.due.dueOn]).toEqual(['redbridge.initial-meeting.convene', '2026-03-09']);
  });

  it('asks for the date rather than count from another event\u2019s when several dates are given and none is the rule\u2019s', () => {
    const answer = ask({ topic: 'initial-meeting', events: ['plan-decision'], anchorDate: '2026-02-02' as LocalDate, severalDates: true, datedEvents: [{ event: 'referral-received', on: '2026-02-02' as LocalDate }] });
    expect(answer.kind).toBe('needs-date');
  });

  it('counts the date from the rule the question is about', () => {
    const answer = ask({ topic: 'initial-meeting', events: ['plan-decision'], anchorDate: '2026-03-09' as LocalDate });
    expect(answer.kind === 'due-date' && [answer.rule.id, answer.due.dueOn]).toEqual(['redbridge.initial-meeting.convene', '2026-03-30']);
  });

  it('prefers the rule counting from the event named over the topic\u2019s usual rule', () => {
    const answer = ask({ topic: 'initial-meeting', events: ['moved-in'], anchorDate: '2026-04-10' as LocalDate });
    expect(answer.kind === 'due-date' && [answer.rule.id, answer.due.dueOn]).toEqual(['redbridge.transfer-in.convene-meeting', '2026-05-11']);
  });

  it('tells the first review from the next one by the event named', () => {
    const first = ask({ topic: 'first-review', events: ['plan-started'], anchorDate: '2026-02-02' as LocalDate });
    const next = ask({ topic: 'review', events: ['review-held'], anchorDate: '2026-03-16' as LocalDate });
    expect(first.kind === 'due-date' && first.due.dueOn).toBe('2026-03-16');
    expect(next.kind === 'due-date' && next.due.dueOn).toBe('2026-09-16');
  });

  it('asks for the date when a dated rule is asked without one', () => {
    const answer = ask({ topic: 'initial-meeting' });
    expect(answer.kind === 'needs-date' && answer.rule.id).toBe('redbridge.initial-meeting.convene');
  });

  it('answers a frequency question with the rule, and a gap with what the document says instead', () => {
    const visits = ask({ topic: 'visit', asksFrequency: true });
    expect(visits.kind === 'rule' && visits.rule.kind).toBe('no-figure-set');
  });

  it('places nothing rather than guess', () => {
    expect(ask({ topic: 'threshold' }).kind).toBe('no-match');
    expect(ask({}).kind).toBe('no-match');
  });
});
