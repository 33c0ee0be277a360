import { describe, expect, it } from 'vitest';
import type { CaseEvent } from '../../../domain/cases/case-events.js';
import type { EventKind } from '../../../domain/cases/event-kinds.js';
import { obligationsOn } from '../../../domain/cases/timeline.js';
import type { LocalDate } from '../../../domain/dates/local-date.js';
import { describeTiming } from '../../../domain/policy/describe-timing.js';
import { policyFor } from '../../../domain/policy/registry.js';
import { answerOn } from '../../../domain/questions/answer-on.js';
import { calendar, dueUnder, ruleOf, timescaleRuleOf } from '../../helpers/policy.js';

const redbridge = (() => {
  const found = policyFor('redbridge');
  if (!found.ok) throw new Error('redbridge policy missing');
  return found.value;
})();
const on = (date: string) => date as LocalDate;
const event = (kind: Exclude<EventKind, 'review-booked' | 'supervision-order-made'>, date: string): CaseEvent => ({ kind, on: on(date) });
const chairObligation = (events: CaseEvent[], today: string) =>
  obligationsOn({ authorityId: 'redbridge', pathways: [], events }, on(today), redbridge, calendar).find(
    (obligation) => obligation.ruleId === 'redbridge.escalation.twelve-month-review-chair',
  );

// Worked examples in the procedure's words: sentence, anchor date, the date a person counting by hand gets.
describe('Redbridge', () => {
  describe('initial CiN meeting: within 15 working days of the decision that a CiN Plan is required', () => {
    it.each([
      ['2026-03-09' /* Mon */, '2026-03-30' /* Mon: day 15 */],
      ['2026-03-26' /* Thu */, '2026-04-20' /* Mon: Good Friday 3 Apr and Easter Monday 6 Apr skipped */],
      ['2026-05-14' /* Thu */, '2026-06-05' /* Fri: late-May bank holiday 25 May skipped */],
      ['2026-08-20' /* Thu */, '2026-09-11' /* Fri: August bank holiday 31 Aug skipped */],
      ['2026-12-14' /* Mon */, '2027-01-07' /* Thu: 25 Dec, 28 Dec substitute, 1 Jan skipped */],
      ['2026-03-07' /* Sat: day 0 even on a weekend */, '2026-03-27' /* Fri */],
    ])('decided %s: meeting due %s', (decidedOn, dueOn) => {
      expect(dueUnder('redbridge', 'redbridge.initial-meeting.convene', decidedOn).dueOn).toBe(dueOn);
    });

    it('names the bank holidays it skipped', () => {
      const { working } = dueUnder('redbridge', 'redbridge.initial-meeting.convene', '2026-12-14');
      expect(working.skippedHolidays).toEqual([
        { date: '2026-12-25', name: 'Christmas Day' },
        { date: '2026-12-28', name: 'Boxing Day (substitute day)' },
        { date: '2027-01-01', name: "New Year's Day" },
      ]);
    });
  });

  it.each([
    ['2025-12-22' /* Mon */, '2026-01-08' /* Thu: 25, 26 Dec and 1 Jan skipped */],
    ['2026-03-30', '2026-04-15' /* Wed: Easter skipped */],
  ])('plan copies within 10 working days of the meeting held %s: by %s', (heldOn, dueOn) => {
    expect(dueUnder('redbridge', 'redbridge.plan-circulation.send-copies', heldOn).dueOn).toBe(dueOn);
  });

  describe('CiN Plan within 3 months of the case being open', () => {
    it('31 October 2025 + 3 months is 31 January 2026, a Saturday; last working day before it Friday 30th', () => {
      const { dueOn, working } = dueUnder('redbridge', 'redbridge.plan-required.within-three-months', '2025-10-31');
      expect(dueOn).toBe('2026-01-31');
      expect(working.landing).toEqual({ kind: 'weekend', lastWorkingDayBefore: '2026-01-30' });
    });

    it('30 November 2025 + 3 months clamps to 28 February 2026 (Saturday)', () => {
      const { dueOn, working } = dueUnder('redbridge', 'redbridge.plan-required.within-three-months', '2025-11-30');
      expect(dueOn).toBe('2026-02-28');
      expect(working.landing).toEqual({ kind: 'weekend', lastWorkingDayBefore: '2026-02-27' });
    });
  });

  it('first review at 6 weeks: plan began Monday 2 February 2026, review Monday 16 March', () => {
    expect(dueUnder('redbridge', 'redbridge.first-review.at-six-weeks', '2026-02-02').dueOn).toBe('2026-03-16');
  });

  it('first review at 6 weeks can land on Easter Monday: plan began 23 February 2026 → 6 April, a bank holiday', () => {
    const { dueOn, working } = dueUnder('redbridge', 'redbridge.first-review.at-six-weeks', '2026-02-23');
    expect(dueOn).toBe('2026-04-06');
    expect(working.landing).toEqual({ kind: 'bank-holiday', holiday: 'Easter Monday', lastWorkingDayBefore: '2026-04-02' });
  });

  it('reviews at least every 6 months after the first: 16 March 2026 → 16 September 2026', () => {
    expect(dueUnder('redbridge', 'redbridge.review.every-six-months', '2026-03-16').dueOn).toBe('2026-09-16');
  });

  it('12 months in place: the next review is chaired by a Team Manager or Senior Practitioner', () => {
    expect(dueUnder('redbridge', 'redbridge.escalation.twelve-month-review-chair', '2026-02-02').dueOn).toBe('2027-02-02');
  });

  it.each([
    ['2026-04-10' /* Fri */, '2026-05-11' /* Mon: 20th working day, 4 May skipped */],
    ['2026-04-09' /* Thu */, '2026-05-08' /* Fri: day 19 is 7 May, day 20 is 8 May */],
  ])('transfer in: family resident %s, CiN meeting within 20 working days by %s', (residentOn, dueOn) => {
    expect(dueUnder('redbridge', 'redbridge.transfer-in.convene-meeting', residentOn).dueOn).toBe(dueOn);
  });

  // "The initial CiN Plan should be reviewed at 6 weeks …": the sentence names no start event. Plan started Monday
  // 9 March 2026 + 6 weeks (42 days) = Monday 20 April 2026.
  it('first review at 6 weeks: says the start is not named, and counts from the plan\u2019s start (9 March 2026: 20 April)', () => {
    const rule = timescaleRuleOf('redbridge', 'redbridge.first-review.at-six-weeks');
    expect(rule.interpretation).toMatch(/does not name the event the 6 weeks count from/);
    expect(rule.anchors).toEqual(['plan-started']);
    expect(dueUnder('redbridge', rule.id, '2026-03-09').dueOn).toBe('2026-04-20');
  });

  // "If a Plan has been in place for 12 months the next review must be chaired by a Team Manager or Senior
  // Practitioner …": a trigger. Plan started Monday 5 January 2026: 12 months is Tuesday 5 January 2027. Reviews held
  // Monday 16 February 2026 (the 6-week review) and Monday 17 August 2026; the next is due 17 August + 6 months =
  // Wednesday 17 February 2027, the first scheduled review after the trigger: that is what is owed.
  describe('the 12-month chair: a trigger, owed at the next scheduled review', () => {
    const history = [event('plan-started', '2026-01-05'), event('review-held', '2026-02-16'), event('review-held', '2026-08-17')];

    it('answers "from when" with the 12-month date, Tuesday 5 January 2027', () => {
      const rule = timescaleRuleOf('redbridge', 'redbridge.escalation.twelve-month-review-chair');
      expect([rule.dateIs, rule.nextOf]).toEqual(['trigger', 'redbridge.review.every-six-months']);
      expect(describeTiming(rule)).toBe('from 12 months after the start of the CiN plan, then at the next scheduled review');
      const answer = answerOn(redbridge, { topic: 'chair', events: ['plan-started'], anchorDate: on('2026-01-05'), asksFrequency: false }, calendar);
      expect(answer.kind === 'due-date' && [answer.rule.id, answer.due.dueOn]).toEqual([rule.id, '2027-01-05']);
      const who = answerOn(redbridge, { topic: 'chair', events: [], asksFrequency: false }, calendar);
      expect(who.kind === 'rule' && who.rule.id).toBe('redbridge.chair.twelve-month-review');
    });

    it('is owed at the next scheduled review after the trigger: Wednesday 17 February 2027', () => {
      expect(chairObligation(history, '2027-01-06')).toMatchObject({
        dueIs: 'next-occurrence',
        triggeredOn: '2027-01-05',
        dueOn: '2027-02-17',
        status: 'upcoming',
        responsible: { role: 'manager' },
      });
    });

    it('is met by that review chaired by a Team Manager or Senior Practitioner, which also restarts the 6-monthly reviews', () => {
      // Senior-chaired review Wednesday 10 February 2027; next review 10 February + 6 months = Tuesday 10 August 2027.
      const events = [...history, event('oversight-review-held', '2027-02-10')];
      expect(chairObligation(events, '2027-02-11')).toMatchObject({ status: 'done', doneOn: '2027-02-10' });
      const review = obligationsOn({ authorityId: 'redbridge', pathways: [], events }, on('2027-02-11'), redbridge, calendar).find(
        (obligation) => obligation.ruleId === 'redbridge.review.every-six-months',
      );
      expect(review?.dueOn).toBe('2027-08-10');
    });

    it('passes to the following review when the next one is recorded as an ordinary review, or came before the trigger', () => {
      // Ordinary review Wednesday 10 February 2027: still owed, at the review after, Tuesday 10 August 2027.
      expect(chairObligation([...history, event('review-held', '2027-02-10')], '2027-02-11')).toMatchObject({ status: 'upcoming', dueOn: '2027-08-10' });
      // A senior-chaired review before the 12 months (Tuesday 1 December 2026) does not meet it: the next review, 1 June 2027, does.
      expect(chairObligation([...history, event('oversight-review-held', '2026-12-01')], '2026-12-02')).toMatchObject({ status: 'upcoming', dueOn: '2027-06-01' });
    });
  });

  // "Receiving local authorities should seek to convene a Child in Need Meeting within 20 working days of the family
  // being resident in their area": the document's "seek to convene" is kept.
  it('transfer in: keeps the document\u2019s "should seek to convene"', () => {
    const rule = timescaleRuleOf('redbridge', 'redbridge.transfer-in.convene-meeting');
    expect(rule.requires).toMatch(/^Seek to convene a Child in Need Meeting/);
    expect(rule.citation.quote).toContain('should seek to convene');
    expect(rule.interpretation).toMatch(/"should seek to convene"/);
  });

  it('sets no minimum visiting frequency and says what it does instead', () => {
    const rule = ruleOf('redbridge', 'redbridge.visit.frequency-set-in-plan');
    expect(rule.kind).toBe('no-figure-set');
    expect(rule.kind === 'no-figure-set' && rule.says).toMatch(/set in the CiN Plan/);
  });
});
