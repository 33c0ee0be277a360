import { describe, expect, it } from 'vitest';
import { sameRule, scoreReply, type EvalQuestion } from '../../scripts/eval/expectations.js';

const question = (ruleId: string): EvalQuestion => ({
  id: 'scoring-1',
  text: 'does the initial plan need TM sign off before the case transfers to the long term team, blackburn',
  today: '2026-11-12T09:30:00Z',
  expect: {},
  rule_id: ruleId,
});

/** An answer card as the bot sends it: its text and the rule id under "Show source". */
const answerCard = (ruleId: string, text = 'Blackburn with Darwen: required first.'): Record<string, unknown>[] => [
  { text, attachments: [{ content: { body: [{ type: 'TextBlock', text: `Rule id: ${ruleId}` }] } }] },
];

describe('eval scoring', () => {
  it('takes two rules citing one sentence of one document as the same answer', () => {
    expect(sameRule('blackburn-with-darwen.transfer-between-teams.plan-authorised-first', 'blackburn-with-darwen.authorisation.initial-plan-before-transfer')).toBe(true);
    const scored = scoreReply(question('blackburn-with-darwen.authorisation.initial-plan-before-transfer'), answerCard('blackburn-with-darwen.transfer-between-teams.plan-authorised-first'));
    expect(scored.outcome).toBe('correct');
  });

  it('scores an answer for a rule citing another sentence as wrong', () => {
    expect(sameRule('redbridge.review.every-six-months', 'redbridge.escalation.twelve-month-review-chair')).toBe(false);
    const scored = scoreReply(question('redbridge.escalation.twelve-month-review-chair'), answerCard('redbridge.review.every-six-months', 'London Borough of Redbridge: the next review by Friday 28 August 2026.'));
    expect(scored.outcome).toBe('wrong');
  });
});
