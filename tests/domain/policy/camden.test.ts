import { describe, expect, it } from 'vitest';
import type { LocalDate } from '../../../domain/dates/local-date.js';
import { policyFor } from '../../../domain/policy/registry.js';
import type { Policy } from '../../../domain/policy/schema.js';
import type { Question } from '../../../domain/questions/question.js';
import { ruleFor } from '../../../domain/questions/rule-for.js';
import { obligationsOn } from '../../../domain/cases/timeline.js';
import { answerOn } from '../../../domain/questions/answer-on.js';
import { calendar, dueUnder, ruleOf, timescaleRuleOf } from '../../helpers/policy.js';

// Worked examples in the guidance's words: sentence, anchor date, the date a person counting by hand gets.
// Every expected date was counted on a printed calendar (python3 calendar.month, as `cal` is not installed):
// April 2026 starts on a Wednesday (Good Friday 3, Easter Monday 6), May 2026 on a Friday (bank holidays
// Mon 4 and Mon 25), August 2026 on a Saturday (bank holiday Mon 31), December 2026 on a Tuesday (Fri 25,
// Mon 28 substitute for Boxing Day), January 2027 on a Friday (Fri 1).

const camdenPolicy = (): Policy => {
  const policy = policyFor('camden');
  if (!policy.ok) throw new Error('No Camden policy');
  return policy.value;
};

const asked = (question: Partial<Question>): Question => ({ events: [], asksFrequency: false, ...question });

describe('Camden', () => {
  describe('initial CIN review meeting: held 2 weeks after the child and family assessment is completed', () => {
    it.each([
      ['2026-05-27' /* Wed */, '2026-06-10' /* Wed: 27 May + 14 days */],
      ['2026-02-02' /* Mon */, '2026-02-16' /* Mon */],
      ['2026-12-18' /* Fri */, '2027-01-01' /* Fri, New Year's Day: still the due date */],
    ])('assessment completed %s: initial CIN review due %s', (completedOn, dueOn) => {
      expect(dueUnder('camden', 'camden.initial-meeting.initial-cin-review', completedOn).dueOn).toBe(dueOn);
    });

    it('can land on Good Friday: completed Friday 20 March 2026 + 14 days = Friday 3 April; last working day before it Thursday 2 April', () => {
      const { dueOn, working } = dueUnder('camden', 'camden.initial-meeting.initial-cin-review', '2026-03-20');
      expect(dueOn).toBe('2026-04-03');
      expect(working.landing).toEqual({ kind: 'bank-holiday', holiday: 'Good Friday', lastWorkingDayBefore: '2026-04-02' });
    });

    it('reads "held 2 weeks after" as a 2-week calendar timescale and says so', () => {
      const rule = timescaleRuleOf('camden', 'camden.initial-meeting.initial-cin-review');
      expect(rule.offset).toEqual({ unit: 'weeks', amount: 2, direction: 'after' });
      expect(rule.anchors).toEqual(['assessment-completed']);
      expect(rule.interpretation).toMatch(/14 calendar days/);
    });

    it('the full CIN plan is due at the same meeting: completed Monday 11 May 2026 → Monday 25 May, the late-May bank holiday', () => {
      const { dueOn, working } = dueUnder('camden', 'camden.plan-required.at-initial-cin-review', '2026-05-11');
      expect(dueOn).toBe('2026-05-25');
      // 25 May is a bank holiday; Fri 22 May is the working day before it.
      expect(working.landing).toMatchObject({ kind: 'bank-holiday', lastWorkingDayBefore: '2026-05-22' });
    });
  });

  describe('CIN reviews every 3 months, counted from the last review actually held', () => {
    it.each([
      ['2026-06-10', '2026-09-10' /* Thu */],
      ['2026-03-16', '2026-06-16' /* Tue */],
    ])('last review %s: next review due %s', (heldOn, dueOn) => {
      expect(dueUnder('camden', 'camden.review.every-three-months', heldOn).dueOn).toBe(dueOn);
    });

    it('30 November 2025 + 3 months clamps to 28 February 2026 (a Saturday); last working day before it Friday 27 February', () => {
      const { dueOn, working } = dueUnder('camden', 'camden.review.every-three-months', '2025-11-30');
      expect(dueOn).toBe('2026-02-28');
      expect(working.landing).toEqual({ kind: 'weekend', lastWorkingDayBefore: '2026-02-27' });
    });

    it('30 November 2026 + 3 months clamps to 28 February 2027 (a Sunday); last working day before it Friday 26 February', () => {
      const { dueOn, working } = dueUnder('camden', 'camden.review.every-three-months', '2026-11-30');
      expect(dueOn).toBe('2027-02-28');
      expect(working.landing).toEqual({ kind: 'weekend', lastWorkingDayBefore: '2027-02-26' });
    });

    it('review held Friday 25 September 2026 → Friday 25 December, Christmas Day; last working day before it Thursday 24 December', () => {
      const { dueOn, working } = dueUnder('camden', 'camden.review.every-three-months', '2026-09-25');
      expect(dueOn).toBe('2026-12-25');
      expect(working.landing).toEqual({ kind: 'bank-holiday', holiday: 'Christmas Day', lastWorkingDayBefore: '2026-12-24' });
    });

    it('is recurring and counts from the initial CIN review meeting or the last review held', () => {
      const rule = timescaleRuleOf('camden', 'camden.review.every-three-months');
      expect(rule.recurring).toBe(true);
      expect(rule.anchors).toEqual(['initial-meeting-held', 'review-held']);
    });
  });

  describe('after a child protection plan ends: the conference chair\u2019s CIN plan is reviewed within 3 months', () => {
    it('CP plan ended Thursday 8 January 2026 → review by Wednesday 8 April 2026', () => {
      expect(dueUnder('camden', 'camden.review.after-cp-plan-ends', '2026-01-08').dueOn).toBe('2026-04-08');
    });

    it('ended Sunday 31 May 2026 → Monday 31 August, the August bank holiday; last working day before it Friday 28 August', () => {
      const { dueOn, working } = dueUnder('camden', 'camden.review.after-cp-plan-ends', '2026-05-31');
      expect(dueOn).toBe('2026-08-31');
      expect(working.landing).toEqual({ kind: 'bank-holiday', holiday: 'Summer bank holiday', lastWorkingDayBefore: '2026-08-28' });
    });

    it('ended Monday 31 August 2026 → 30 November 2026 (November has no 31st)', () => {
      expect(dueUnder('camden', 'camden.review.after-cp-plan-ends', '2026-08-31').dueOn).toBe('2026-11-30');
    });

    it('the conference chair draws up the CIN plan', () => {
      const rule = ruleOf('camden', 'camden.plan-required.cp-conference-chair-draws-up-plan');
      expect(rule.kind === 'role' && rule.who).toBe('the child protection conference chair');
    });
  });

  describe('after a return home from care: the IRO convenes and chairs a CIN review within 4 weeks of discharge', () => {
    it('discharged Monday 15 June 2026 → Monday 13 July 2026 (15 June + 28 days)', () => {
      expect(dueUnder('camden', 'camden.review.after-return-from-care', '2026-06-15').dueOn).toBe('2026-07-13');
    });

    it('discharged Monday 3 August 2026 → Monday 31 August, the August bank holiday; last working day before it Friday 28 August', () => {
      const { dueOn, working } = dueUnder('camden', 'camden.review.after-return-from-care', '2026-08-03');
      expect(dueOn).toBe('2026-08-31');
      expect(working.landing).toEqual({ kind: 'bank-holiday', holiday: 'Summer bank holiday', lastWorkingDayBefore: '2026-08-28' });
    });

    it('falls to the IRO, not the allocated social worker', () => {
      expect(timescaleRuleOf('camden', 'camden.review.after-return-from-care').responsible.role).toBe('iro');
    });
  });

  describe('invitation letters at least 10 working days before the scheduled review', () => {
    it.each([
      // Mon 21 Sep back: 18, 17, 16, 15, 14, 11, 10, 9, 8, 7 → day 10 is Mon 7 Sep.
      ['2026-09-21', '2026-09-07'],
      // Thu 16 Apr back: 15, 14, 13, 10, 9, 8, 7 (7 days), Mon 6 and Fri 3 skipped, 2 (8), 1 (9), Tue 31 Mar (10).
      ['2026-04-16', '2026-03-31'],
      // Thu 4 Jun back: 3, 2, 1, 29 May, 28, 27, 26 (7 days), Mon 25 skipped, 22 (8), 21 (9), Wed 20 May (10).
      ['2026-06-04', '2026-05-20'],
      // Tue 5 Jan 2027 back: Mon 4 (1), Fri 1 skipped, Thu 31 (2), 30 (3), 29 (4), Mon 28 and Fri 25 skipped,
      // Thu 24 (5), 23 (6), 22 (7), 21 (8), Fri 18 (9), Thu 17 Dec (10).
      ['2027-01-05', '2026-12-17'],
    ])('review booked %s: invitations sent by %s', (bookedFor, dueOn) => {
      expect(dueUnder('camden', 'camden.review-invitations.ten-working-days-before', bookedFor).dueOn).toBe(dueOn);
    });

    it('names the Christmas bank holidays it skipped', () => {
      const { working } = dueUnder('camden', 'camden.review-invitations.ten-working-days-before', '2027-01-05');
      expect([...working.skippedHolidays].sort((a, b) => a.date.localeCompare(b.date))).toEqual([
        { date: '2026-12-25', name: 'Christmas Day' },
        { date: '2026-12-28', name: 'Boxing Day (substitute day)' },
        { date: '2027-01-01', name: "New Year's Day" },
      ]);
    });

    it('counts back from the booked review', () => {
      const rule = timescaleRuleOf('camden', 'camden.review-invitations.ten-working-days-before');
      expect(rule.anchors).toEqual(['review-booked']);
      expect(rule.offset).toEqual({ unit: 'workingDays', amount: 10, direction: 'before' });
    });
  });

  describe('updated assessment report to families and professionals at least 2 working days before the review', () => {
    it.each([
      ['2026-06-03' /* Wed */, '2026-06-01' /* Mon: Tue 2 (1), Mon 1 (2) */],
      ['2026-04-07' /* Tue */, '2026-04-01' /* Wed: Mon 6 and Fri 3 skipped, Thu 2 (1), Wed 1 (2) */],
      ['2026-05-27' /* Wed */, '2026-05-22' /* Fri: Tue 26 (1), Mon 25 skipped, Fri 22 (2) */],
      ['2026-09-01' /* Tue */, '2026-08-27' /* Thu: Mon 31 Aug skipped, Fri 28 (1), Thu 27 (2) */],
    ])('review booked %s: report to the family by %s', (bookedFor, dueOn) => {
      expect(dueUnder('camden', 'camden.review-report.two-working-days-before', bookedFor).dueOn).toBe(dueOn);
    });

    it('the assessment update is due by the same date: review Tuesday 29 December 2026 → Wednesday 23 December', () => {
      // Mon 28 (substitute), the weekend and Fri 25 skipped: Thu 24 (1), Wed 23 (2).
      expect(dueUnder('camden', 'camden.assessment-update.before-each-review', '2026-12-29').dueOn).toBe('2026-12-23');
    });
  });

  describe('a cancelled review is re-scheduled to be held within 14 days', () => {
    it.each([
      ['2026-03-04' /* Wed */, '2026-03-18' /* Wed */],
      ['2026-05-20' /* Wed */, '2026-06-03' /* Wed, across the late-May bank holiday: calendar days still count */],
    ])('cancelled %s: held by %s', (cancelledOn, dueOn) => {
      expect(dueUnder('camden', 'camden.cancelled-review.within-fourteen-days', cancelledOn).dueOn).toBe(dueOn);
    });

    it('cancelled Monday 23 March 2026 → Monday 6 April, Easter Monday; last working day before it Thursday 2 April', () => {
      const { dueOn, working } = dueUnder('camden', 'camden.cancelled-review.within-fourteen-days', '2026-03-23');
      expect(dueOn).toBe('2026-04-06');
      expect(working.landing).toEqual({ kind: 'bank-holiday', holiday: 'Easter Monday', lastWorkingDayBefore: '2026-04-02' });
    });

    it('cancelled Friday 11 December 2026 → Friday 25 December, Christmas Day; last working day before it Thursday 24 December', () => {
      const { dueOn, working } = dueUnder('camden', 'camden.cancelled-review.within-fourteen-days', '2026-12-11');
      expect(dueOn).toBe('2026-12-25');
      expect(working.landing).toEqual({ kind: 'bank-holiday', holiday: 'Christmas Day', lastWorkingDayBefore: '2026-12-24' });
    });

    it('says what the 14 days are read as counting from', () => {
      expect(timescaleRuleOf('camden', 'camden.cancelled-review.within-fourteen-days').interpretation).toMatch(/from the cancellation/);
    });
  });

  describe('the chair\u2019s written report of the review, distributed within 14 days', () => {
    it('review held Wednesday 1 July 2026 → Wednesday 15 July', () => {
      expect(dueUnder('camden', 'camden.review-written-report.within-fourteen-days', '2026-07-01').dueOn).toBe('2026-07-15');
    });

    it('review held Monday 14 December 2026 → Monday 28 December, the substitute Boxing Day; last working day before it Thursday 24 December', () => {
      const { dueOn, working } = dueUnder('camden', 'camden.review-written-report.within-fourteen-days', '2026-12-14');
      expect(dueOn).toBe('2026-12-28');
      expect(working.landing).toEqual({
        kind: 'bank-holiday',
        holiday: 'Boxing Day (substitute day)',
        lastWorkingDayBefore: '2026-12-24',
      });
    });

    it('falls to the chair of the meeting', () => {
      expect(timescaleRuleOf('camden', 'camden.review-written-report.within-fourteen-days').responsible.role).toBe('chair');
    });
  });

  describe('the CIN IRO monitors cases open for more than 12 months', () => {
    it.each([
      ['2026-02-02', '2027-02-02' /* Tue */],
      ['2024-02-29', '2025-02-28' /* no 29 February in 2025 */],
    ])('case opened %s: IRO oversight from %s', (openedOn, dueOn) => {
      expect(dueUnder('camden', 'camden.escalation.iro-oversight-after-twelve-months', openedOn).dueOn).toBe(dueOn);
    });

    it('opened Thursday 25 December 2025 → Friday 25 December 2026, Christmas Day; last working day before it Thursday 24th', () => {
      const { dueOn, working } = dueUnder('camden', 'camden.escalation.iro-oversight-after-twelve-months', '2025-12-25');
      expect(dueOn).toBe('2026-12-25');
      expect(working.landing).toEqual({ kind: 'bank-holiday', holiday: 'Christmas Day', lastWorkingDayBefore: '2026-12-24' });
    });

    it('falls to the IRO', () => {
      expect(timescaleRuleOf('camden', 'camden.escalation.iro-oversight-after-twelve-months').responsible.role).toBe('iro');
    });
  });

  describe('where the guidance sets no figure, it says so and what it says instead', () => {
    it.each([
      ['camden.visit.no-frequency-set', /no visiting frequency/],
      ['camden.assessment.no-timescale-set', /no timescale for completing/],
      ['camden.transfer-in.cin-meeting-no-timescale', /transfer-in CIN meeting/],
      ['camden.transfer-out.no-timescale', /no timescale for transferring a case out/],
    ])('%s', (ruleId, says) => {
      const rule = ruleOf('camden', ruleId);
      expect(rule.kind).toBe('no-figure-set');
      expect(rule.kind === 'no-figure-set' && rule.says).toMatch(says);
    });
  });

  describe('roles', () => {
    it('CIN reviews are chaired by the supervising manager or senior; this is the first chair rule', () => {
      const chairs = camdenPolicy().rules.filter((rule) => rule.topic === 'chair');
      expect(chairs[0]?.id).toBe('camden.chair.manager-or-senior');
      expect(chairs.map((rule) => rule.kind === 'role' && rule.act)).toEqual(['chairs', 'chairs', 'chairs', 'chairs']);
    });

    it('the supervising manager or senior authorises closure, step-down and escalation', () => {
      const rule = ruleOf('camden', 'camden.authorisation.manager-or-senior');
      expect(rule.kind === 'role' && rule.act).toBe('authorises');
      expect(rule.requires).toMatch(/closure/);
    });
  });

  describe('closure and step-down conditions', () => {
    it('closure needs a CIN review that agreed it, which the bot sees from the review\u2019s recorded decision', () => {
      const rule = ruleOf('camden', 'camden.closure.agreed-at-review');
      expect(rule.kind === 'condition' && rule.autoCheck).toEqual({ kind: 'review-decided', decisions: ['close', 'step-down'] });
    });
  });

  describe('the CYPDS functional needs threshold (Appendix 2)', () => {
    it('lists the scored functions as the appendix names them, and Social / environmental as unscored', () => {
      const rule = ruleOf('camden', 'camden.threshold.cypds-functional-needs');
      if (rule.kind !== 'threshold') throw new Error('not a threshold rule');
      expect(rule.functions).toHaveLength(9);
      expect(rule.functions).toContain('Physical health');
      expect(rule.unscoredFunctions).toEqual(['Social / environmental']);
      expect(rule.eligibleWhenAnyOf).toEqual([
        { count: 2, levelOrAbove: 'moderate' },
        { count: 1, levelOrAbove: 'severe' },
      ]);
      expect(rule.pathway).toBe('disabled-children');
    });
  });

  describe('a question finds the rule it asks about', () => {
    const policy = camdenPolicy();
    it.each([
      [{ topic: 'first-review', events: ['assessment-completed'], anchorDate: '2026-05-27' }, 'camden.initial-meeting.initial-cin-review'],
      [{ topic: 'review', events: ['review-held'], anchorDate: '2026-06-10' }, 'camden.review.every-three-months'],
      [{ topic: 'review', asksFrequency: true }, 'camden.review.every-three-months'],
      [{ topic: 'review', events: ['cp-plan-ended'], anchorDate: '2026-01-08' }, 'camden.review.after-cp-plan-ends'],
      [{ topic: 'review', events: ['returned-from-care'], anchorDate: '2026-06-15' }, 'camden.review.after-return-from-care'],
      [{ topic: 'review-invitations', events: ['review-booked'], anchorDate: '2026-09-21' }, 'camden.review-invitations.ten-working-days-before'],
      [{ topic: 'review-report', events: ['review-booked'], anchorDate: '2026-06-03' }, 'camden.review-report.two-working-days-before'],
      [{ topic: 'cancelled-review', events: ['review-cancelled'], anchorDate: '2026-03-04' }, 'camden.cancelled-review.within-fourteen-days'],
      [{ topic: 'review-written-report', events: ['review-held'], anchorDate: '2026-07-01' }, 'camden.review-written-report.within-fourteen-days'],
      [{ topic: 'minutes-circulation', events: ['review-held'], anchorDate: '2026-07-01' }, 'camden.review-written-report.within-fourteen-days'],
      [{ topic: 'escalation' }, 'camden.escalation.iro-oversight-after-twelve-months'],
      [{ topic: 'transfer-in', events: ['moved-in'], anchorDate: '2026-04-10' }, 'camden.transfer-in.cin-meeting-no-timescale'],
      [{ topic: 'visit', asksFrequency: true }, 'camden.visit.no-frequency-set'],
      [{ topic: 'chair' }, 'camden.chair.manager-or-senior'],
    ] as const)('%o → %s', (question, ruleId) => {
      const { anchorDate, ...rest } = question as Partial<Question> & { anchorDate?: string };
      const full = asked({ ...rest, ...(anchorDate ? { anchorDate: anchorDate as LocalDate } : {}) });
      expect(ruleFor(policy, full)?.id).toBe(ruleId);
    });
  });

  // Appendix 1: "If the matter is urgent, professionals can make a child protection referral to the MASH by telephone
  // and follow up with a written referral within 48 hours." 48 hours read as 2 calendar days. Telephoned Wednesday
  // 4 March 2026: written referral by Friday 6 March. Telephoned Thursday 2 April 2026: Saturday 4 April; the last
  // working day before it is Thursday 2 April itself (Good Friday 3 April).
  describe('the written referral to the MASH within 48 hours of a telephone child protection referral', () => {
    const id = 'camden.escalation.written-referral-within-48-hours';

    it('telephoned 4 March 2026: by Friday 6 March; 2 April 2026: Saturday 4 April, last working day Thursday 2 April', () => {
      expect(dueUnder('camden', id, '2026-03-04').dueOn).toBe('2026-03-06');
      const { dueOn, working } = dueUnder('camden', id, '2026-04-02');
      expect([dueOn, working.landing]).toEqual(['2026-04-04', { kind: 'weekend', lastWorkingDayBefore: '2026-04-02' }]);
    });

    it('is a fact for answers, not a deadline on a case, and says how 48 hours is read', () => {
      const rule = timescaleRuleOf('camden', id);
      expect([rule.onCase, rule.citation.section]).toEqual([false, 'Appendix 1 \u2013 Thresholds and eligibility criteria for children\'s services']);
      expect(rule.interpretation).toMatch(/2 calendar days/);
      const caseFile = { authorityId: 'camden', pathways: [], events: [{ kind: 'referral-received' as const, on: '2026-03-04' as LocalDate }] };
      expect(obligationsOn(caseFile, '2026-03-05' as LocalDate, camdenPolicy(), calendar).map((obligation) => obligation.ruleId)).not.toContain(id);
      const answer = answerOn(camdenPolicy(), asked({ topic: 'escalation', events: ['referral-received'], anchorDate: '2026-03-04' as LocalDate }), calendar);
      expect(answer.kind === 'due-date' && [answer.rule.id, answer.due.dueOn]).toEqual([id, '2026-03-06']);
    });
  });
});
