import { describe, expect, it } from 'vitest';
import { dueUnder, ruleOf } from '../../helpers/policy.js';

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

  it('sets no minimum visiting frequency and says what it does instead', () => {
    const rule = ruleOf('redbridge', 'redbridge.visit.frequency-set-in-plan');
    expect(rule.kind).toBe('no-figure-set');
    expect(rule.kind === 'no-figure-set' && rule.says).toMatch(/set in the CiN Plan/);
  });
});
