import { describe, expect, it } from 'vitest';
import type { CaseEvent, CaseFile } from '../../../domain/cases/case-events.js';
import { obligationsOn } from '../../../domain/cases/timeline.js';
import type { LocalDate } from '../../../domain/dates/local-date.js';
import { policyFor } from '../../../domain/policy/registry.js';
import type { Policy } from '../../../domain/policy/schema.js';
import type { Question } from '../../../domain/questions/question.js';
import { ruleFor } from '../../../domain/questions/rule-for.js';
import { calendar, dueUnder, ruleOf, timescaleRuleOf } from '../../helpers/policy.js';

const slough: Policy = (() => {
  const found = policyFor('slough');
  if (!found.ok) throw new Error('slough policy missing');
  return found.value;
})();

const event = (kind: Exclude<CaseEvent['kind'], 'review-booked' | 'supervision-order-made'>, on: string): CaseEvent => ({
  kind,
  on: on as LocalDate,
});
const aCase = (events: CaseEvent[], pathways: CaseFile['pathways'] = []): CaseFile => ({ authorityId: 'slough', pathways, events });
const owed = (caseFile: CaseFile, today: string) => obligationsOn(caseFile, today as LocalDate, slough, calendar);
const asked = (question: Partial<Question>): string | undefined =>
  ruleFor(slough, { events: [], asksFrequency: false, ...question })?.id;

// Worked examples in the guidance's words: sentence, anchor date, the date a person counting by hand gets.
// Working days skip weekends and the bank holidays of England: Good Friday 3 Apr and Easter Monday 6 Apr 2026,
// early May 4 May 2026, late May 25 May 2026, August 31 Aug 2026, Christmas Fri 25 Dec 2026, Boxing Day
// substitute Mon 28 Dec 2026, New Year Fri 1 Jan 2027. The anchor is day 0.
describe('Slough Children\u2019s Services Trust', () => {
  describe('first visit: within a maximum timeframe of five working days of the referral', () => {
    it.each([
      ['2026-05-15' /* Fri */, '2026-05-22' /* Fri: Mon 18 .. Fri 22 are days 1-5 */],
      ['2026-05-21' /* Thu */, '2026-05-29' /* Fri: 22 (1), late-May bank holiday 25 skipped, 26-29 (2-5) */],
      ['2026-04-01' /* Wed */, '2026-04-10' /* Fri: 2 Apr (1), Good Friday and Easter Monday skipped, 7-10 (2-5) */],
      ['2026-03-07' /* Sat: day 0 even on a weekend */, '2026-03-13' /* Fri: Mon 9 .. Fri 13 */],
    ])('referred %s: first visit by %s', (referredOn, dueOn) => {
      expect(dueUnder('slough', 'slough.first-visit.within-five-working-days', referredOn).dueOn).toBe(dueOn);
    });

    it('names the bank holidays it skipped', () => {
      expect(dueUnder('slough', 'slough.first-visit.within-five-working-days', '2026-04-01').working.skippedHolidays).toEqual([
        { date: '2026-04-03', name: 'Good Friday' },
        { date: '2026-04-06', name: 'Easter Monday' },
      ]);
    });
  });

  describe('visits at intervals of no more than 4 weeks (28 calendar days from the last visit)', () => {
    it('last visit Wednesday 5 August 2026: next by Wednesday 2 September (5 Aug + 28 days)', () => {
      expect(dueUnder('slough', 'slough.visit.at-most-four-weeks-apart', '2026-08-05').dueOn).toBe('2026-09-02');
    });

    it('last visit Monday 9 March 2026: 28 days later is Easter Monday 6 April; last working day before is Thursday 2 April', () => {
      const { dueOn, working } = dueUnder('slough', 'slough.visit.at-most-four-weeks-apart', '2026-03-09');
      expect(dueOn).toBe('2026-04-06');
      expect(working.landing).toEqual({ kind: 'bank-holiday', holiday: 'Easter Monday', lastWorkingDayBefore: '2026-04-02' });
    });

    it('last visit Friday 27 November 2026: 28 days later is Christmas Day; last working day before is Thursday 24 December', () => {
      const { dueOn, working } = dueUnder('slough', 'slough.visit.at-most-four-weeks-apart', '2026-11-27');
      expect(dueOn).toBe('2026-12-25');
      expect(working.landing).toEqual({ kind: 'bank-holiday', holiday: 'Christmas Day', lastWorkingDayBefore: '2026-12-24' });
    });

    it('recurs from the visit that actually happened, not from when it was due', () => {
      // Visits 5 Aug and (early) 20 Aug 2026: the next is due 20 Aug + 28 days = Thursday 17 September.
      const visits = owed(aCase([event('visit-made', '2026-08-05'), event('visit-made', '2026-08-20')]), '2026-08-21');
      expect(visits.find((obligation) => obligation.ruleId === 'slough.visit.at-most-four-weeks-apart')?.dueOn).toBe('2026-09-17');
    });

    it('for disabled children with stable packages of care sets no figure, and says so', () => {
      const rule = ruleOf('slough', 'slough.visit.disabled-children-stable-package');
      expect(rule.kind).toBe('no-figure-set');
      expect(rule.pathway).toBe('disabled-children');
      expect(rule.kind === 'no-figure-set' && rule.says).toMatch(/different arrangements.*sets no figure/);
      expect(asked({ topic: 'visit', pathway: 'disabled-children', asksFrequency: true })).toBe('slough.visit.disabled-children-stable-package');
      expect(asked({ topic: 'visit', asksFrequency: true })).toBe('slough.visit.at-most-four-weeks-apart');
    });
  });

  describe('child and family assessment: within 20 working days, up to a maximum of 45 with the CSW\u2019s authorisation', () => {
    it.each([
      ['2026-03-02' /* Mon */, '2026-03-30' /* Mon: 4 weeks of 5 working days, no holidays */],
      ['2026-03-23' /* Mon */, '2026-04-22' /* Wed: 24 Mar - 2 Apr are days 1-8, Easter skipped, 7-22 Apr days 9-20 */],
      ['2026-11-02' /* Mon */, '2026-11-30' /* Mon: 4 weeks, no holidays */],
    ])('started %s: completed by %s', (startedOn, dueOn) => {
      expect(dueUnder('slough', 'slough.assessment.within-twenty-working-days', startedOn).dueOn).toBe(dueOn);
    });

    it.each([
      // 2 Mar: day 20 is 30 Mar; 31 Mar - 2 Apr days 21-23; Easter skipped; 7 Apr - 1 May days 24-42;
      // early May bank holiday 4 May skipped; 5, 6, 7 May days 43-45.
      ['2026-03-02', '2026-05-07'],
      // 2 Nov: day 20 is 30 Nov; 1-24 Dec days 21-38; 25 and 28 Dec skipped; 29-31 Dec days 39-41; 1 Jan skipped;
      // 4-7 Jan 2027 days 42-45.
      ['2026-11-02', '2027-01-07'],
    ])('started %s: 45 working day maximum %s', (startedOn, dueOn) => {
      expect(dueUnder('slough', 'slough.assessment.maximum-forty-five-working-days', startedOn).dueOn).toBe(dueOn);
    });

    it('lists the 20-day rule first, and the 45-day maximum beside it on the same anchor', () => {
      const usual = timescaleRuleOf('slough', 'slough.assessment.within-twenty-working-days');
      const maximum = timescaleRuleOf('slough', 'slough.assessment.maximum-forty-five-working-days');
      expect(maximum.anchors).toEqual(usual.anchors);
      expect(maximum.topic).toBe(usual.topic);
      expect(asked({ topic: 'assessment', events: ['assessment-started'], anchorDate: '2026-03-02' as LocalDate })).toBe(usual.id);
    });

    it('the CSW signs off the assessment and authorises further time', () => {
      const rule = ruleOf('slough', 'slough.authorisation.assessment-sign-off');
      expect(rule.kind === 'role' && rule.act).toBe('authorises');
      expect(rule.kind === 'role' && rule.who).toMatch(/CSW/);
    });
  });

  describe('assessments updated at 6 monthly intervals', () => {
    it('completed Wednesday 4 March 2026: update by Friday 4 September 2026', () => {
      expect(dueUnder('slough', 'slough.assessment-update.six-monthly', '2026-03-04').dueOn).toBe('2026-09-04');
    });

    it('completed 31 August 2026: + 6 months clamps to Sunday 28 February 2027; last working day Friday 26th', () => {
      const { dueOn, working } = dueUnder('slough', 'slough.assessment-update.six-monthly', '2026-08-31');
      expect(dueOn).toBe('2027-02-28');
      expect(working.landing).toEqual({ kind: 'weekend', lastWorkingDayBefore: '2027-02-26' });
    });
  });

  describe('initial CIN meeting: within 10 working days after the assessment has been completed', () => {
    it.each([
      ['2026-03-16' /* Mon */, '2026-03-30' /* Mon: two weeks of working days */],
      ['2026-03-27' /* Fri */, '2026-04-14' /* Tue: 30 Mar - 2 Apr days 1-4, Easter skipped, 7-14 Apr days 5-10 */],
      ['2026-05-18' /* Mon */, '2026-06-02' /* Tue: 19-22 May days 1-4, 25 May skipped, 26 May - 2 Jun days 5-10 */],
      ['2026-08-24' /* Mon */, '2026-09-08' /* Tue: 25-28 Aug days 1-4, 31 Aug skipped, 1-8 Sep days 5-10 */],
      ['2026-12-18' /* Fri */, '2027-01-06' /* Wed: 21-24 Dec 1-4, 25 and 28 skipped, 29-31 Dec 5-7, 1 Jan skipped, 4-6 Jan 8-10 */],
    ])('assessment completed %s: meeting by %s', (completedOn, dueOn) => {
      expect(dueUnder('slough', 'slough.initial-meeting.within-ten-working-days', completedOn).dueOn).toBe(dueOn);
    });

    it('names the Christmas bank holidays it skipped', () => {
      expect(dueUnder('slough', 'slough.initial-meeting.within-ten-working-days', '2026-12-18').working.skippedHolidays).toEqual([
        { date: '2026-12-25', name: 'Christmas Day' },
        { date: '2026-12-28', name: 'Boxing Day (substitute day)' },
        { date: '2027-01-01', name: "New Year's Day" },
      ]);
    });

    it('is chaired by the Social Worker; reviews, as good practice, by a CSW or Senior Social Worker', () => {
      const initial = ruleOf('slough', 'slough.chair.initial-meeting');
      const reviews = ruleOf('slough', 'slough.chair.reviews');
      expect(initial.kind === 'role' && initial.who).toMatch(/^the Social Worker/);
      expect(reviews.kind === 'role' && reviews.who).toMatch(/CSW or Senior Social Worker/);
    });
  });

  describe('first Review CiN Planning Meeting: within three months of the Initial CIN Meeting', () => {
    it('initial meeting Wednesday 14 January 2026: first review by Tuesday 14 April 2026', () => {
      expect(dueUnder('slough', 'slough.first-review.within-three-months', '2026-01-14').dueOn).toBe('2026-04-14');
    });

    it('initial meeting 30 November 2026: + 3 months clamps to Sunday 28 February 2027; last working day Friday 26th', () => {
      const { dueOn, working } = dueUnder('slough', 'slough.first-review.within-three-months', '2026-11-30');
      expect(dueOn).toBe('2027-02-28');
      expect(working.landing).toEqual({ kind: 'weekend', lastWorkingDayBefore: '2027-02-26' });
    });
  });

  describe('reviews after the first: the guidance gives two figures (every three months / at least every six months)', () => {
    it('review held Monday 1 June 2026: three months gives Tuesday 1 September, six months Tuesday 1 December', () => {
      expect(dueUnder('slough', 'slough.review.every-three-months', '2026-06-01').dueOn).toBe('2026-09-01');
      expect(dueUnder('slough', 'slough.review.every-six-months', '2026-06-01').dueOn).toBe('2026-12-01');
    });

    it('review held Friday 25 September 2026: three months later is Christmas Day; last working day Thursday 24 December', () => {
      const { dueOn, working } = dueUnder('slough', 'slough.review.every-three-months', '2026-09-25');
      expect(dueOn).toBe('2026-12-25');
      expect(working.landing).toEqual({ kind: 'bank-holiday', holiday: 'Christmas Day', lastWorkingDayBefore: '2026-12-24' });
    });

    it('review held 31 August 2026: six months clamps to Sunday 28 February 2027', () => {
      expect(dueUnder('slough', 'slough.review.every-six-months', '2026-08-31').dueOn).toBe('2027-02-28');
    });

    it('records the conflict on both sides, each with its own citation', () => {
      const three = timescaleRuleOf('slough', 'slough.review.every-three-months');
      const six = timescaleRuleOf('slough', 'slough.review.every-six-months');
      expect(three.conflictsWith).toEqual({ rule: six.id, follow: 'stricter' });
      expect(six.conflictsWith).toEqual({ rule: three.id, follow: 'stricter' });
      expect(three.citation.section).toBe('The Child in Need Plan');
      expect(six.citation.section).toBe('The Child in Need Meeting');
      expect(three.recurring && six.recurring).toBe(true);
    });

    it('reminders follow the stricter three months and name the six-month date', () => {
      const [review] = owed(aCase([event('review-held', '2026-06-01')]), '2026-06-02').filter((obligation) => obligation.topic === 'review');
      expect(review?.ruleId).toBe('slough.review.every-three-months');
      expect(review?.dueOn).toBe('2026-09-01');
      expect(review?.conflict).toMatchObject({ ruleId: 'slough.review.every-six-months', dueOn: '2026-12-01' });
    });

    it('for disabled children the CSW sets the frequency, at least six-monthly, replacing the general figures', () => {
      expect(dueUnder('slough', 'slough.review.disabled-children-six-monthly', '2026-06-01').dueOn).toBe('2026-12-01');
      const reviews = owed(aCase([event('review-held', '2026-06-01')], ['disabled-children']), '2026-06-02').filter(
        (obligation) => obligation.topic === 'review',
      );
      expect(reviews.map((obligation) => [obligation.ruleId, obligation.dueOn])).toEqual([['slough.review.disabled-children-six-monthly', '2026-12-01']]);
      const role = ruleOf('slough', 'slough.review.disabled-children-frequency-set-by-csw');
      expect(role.kind === 'role' && role.act).toBe('decides');
      expect(role.pathway).toBe('disabled-children');
    });
  });

  describe('step-down from a CP Plan: draft CIN Plan reviewed at the first CIN meeting within 10 working days', () => {
    it.each([
      ['2026-08-03' /* Mon */, '2026-08-17' /* Mon: two weeks of working days */],
      ['2026-08-21' /* Fri */, '2026-09-07' /* Mon: 24-28 Aug days 1-5, 31 Aug skipped, 1-7 Sep days 6-10 */],
      ['2026-12-21' /* Mon */, '2027-01-07' /* Thu: 22-24 Dec 1-3, 25 and 28 skipped, 29-31 Dec 4-6, 1 Jan skipped, 4-7 Jan 7-10 */],
    ])('CP Plan ended %s: first CIN meeting by %s', (endedOn, dueOn) => {
      expect(dueUnder('slough', 'slough.step-down.from-cp-first-cin-meeting', endedOn).dueOn).toBe(dueOn);
    });

    it('answers a question about the first CIN meeting after a CP Plan ended', () => {
      expect(asked({ topic: 'initial-meeting', events: ['cp-plan-ended'], anchorDate: '2026-08-03' as LocalDate })).toBe(
        'slough.step-down.from-cp-first-cin-meeting',
      );
    });
  });

  describe('CIN Plans open 9 months: Reflective Case Supervision', () => {
    it('plan started Monday 12 January 2026: by Monday 12 October 2026', () => {
      expect(dueUnder('slough', 'slough.escalation.nine-month-reflective-supervision', '2026-01-12').dueOn).toBe('2026-10-12');
    });

    it('plan started 31 May 2026: + 9 months clamps to Sunday 28 February 2027; last working day Friday 26th', () => {
      const { dueOn, working } = dueUnder('slough', 'slough.escalation.nine-month-reflective-supervision', '2026-05-31');
      expect(dueOn).toBe('2027-02-28');
      expect(working.landing).toEqual({ kind: 'weekend', lastWorkingDayBefore: '2027-02-26' });
    });

    it('plan started 25 March 2026: nine months later is Christmas Day 2026', () => {
      const { dueOn, working } = dueUnder('slough', 'slough.escalation.nine-month-reflective-supervision', '2026-03-25');
      expect(dueOn).toBe('2026-12-25');
      expect(working.landing).toEqual({ kind: 'bank-holiday', holiday: 'Christmas Day', lastWorkingDayBefore: '2026-12-24' });
    });

    it('falls to the Group Manager, and sets no separate 12-month step', () => {
      expect(timescaleRuleOf('slough', 'slough.escalation.nine-month-reflective-supervision').responsible.role).toBe('manager');
      const twelve = ruleOf('slough', 'slough.escalation.twelve-months-no-figure');
      expect(twelve.kind === 'no-figure-set' && twelve.says).toMatch(/no separate 12-month/);
    });
  });

  describe('the CIN Plan', () => {
    it('is no more than 6-8 points long, and the points rule answers "how many points"', () => {
      const rule = ruleOf('slough', 'slough.plan-content.six-to-eight-points');
      expect(rule.kind === 'plan-content' && rule.points).toEqual({ min: 6, max: 8 });
      expect(asked({ topic: 'plan-content' })).toBe(rule.id);
    });

    it.each([
      ['slough.plan-content.contingency-plan', /contingency plan/],
      ['slough.plan-content.strengths-based', /strengths-based/],
      ['slough.plan-content.child-wishes', /wishes and feelings/],
      ['slough.plan-content.smart', /SMART/],
    ])('%s is a plan content rule', (id, words) => {
      const rule = ruleOf('slough', id);
      expect(rule.kind).toBe('plan-content');
      expect(rule.requires).toMatch(words);
    });

    it('sets no timescale for producing or sending out the plan or the minutes', () => {
      for (const id of ['slough.plan-required.after-initial-meeting', 'slough.plan-circulation.no-figure', 'slough.minutes-circulation.no-figure']) {
        expect(ruleOf('slough', id).kind).toBe('no-figure-set');
      }
    });
  });

  describe('closure and step-down', () => {
    it('the plan has been in place at least three months (checked from the plan\u2019s start) and reviewed', () => {
      const inPlace = ruleOf('slough', 'slough.closure.plan-in-place-three-months');
      expect(inPlace.kind === 'condition' && inPlace.appliesTo).toEqual(['closure', 'step-down']);
      expect(inPlace.kind === 'condition' && inPlace.autoCheck).toEqual({
        kind: 'in-place-for',
        since: 'plan-started',
        offset: { unit: 'months', amount: 3, direction: 'after' },
      });
      const reviewed = ruleOf('slough', 'slough.closure.reviewed-first');
      expect(reviewed.kind === 'condition' && reviewed.autoCheck).toEqual({ kind: 'event-recorded', event: 'review-held' });
    });

    it('a shorter plan needs a recorded management decision with a clear rationale', () => {
      const rule = ruleOf('slough', 'slough.plan-duration.at-least-three-months');
      expect(rule.kind === 'role' && rule.act).toBe('decides');
      expect(rule.requires).toMatch(/at least three months.*management decision/);
      expect(asked({ topic: 'plan-duration' })).toBe(rule.id);
    });

    it('lists the closure record conditions', () => {
      const closure = slough.rules.filter((rule) => rule.topic === 'closure' && rule.kind === 'condition').map((rule) => rule.id);
      expect(closure).toEqual(
        expect.arrayContaining([
          'slough.closure.records-complete',
          'slough.closure.rationale-recorded',
          'slough.closure.contingency-in-summary',
          'slough.closure.evaluate-impact',
          'slough.closure.views-case-note',
        ]),
      );
    });
  });

  describe('pathways and gaps', () => {
    it('sets no timescale of its own for supervision orders or children returning from care', () => {
      expect(ruleOf('slough', 'slough.supervision-order.no-figure').kind).toBe('no-figure-set');
      expect(asked({ topic: 'supervision-order', pathway: 'supervision-order' })).toBe('slough.supervision-order.no-figure');
      expect(ruleOf('slough', 'slough.plan-required.returned-from-care').kind).toBe('no-figure-set');
    });

    it('disabled children and direct payments: an up-to-date CIN Plan', () => {
      expect(ruleOf('slough', 'slough.plan-required.disabled-children').pathway).toBe('disabled-children');
      expect(ruleOf('slough', 'slough.plan-required.direct-payments').pathway).toBe('direct-payments');
    });

    it('sets no timescale for transfers between Hubs but requires a Case Transfer Meeting', () => {
      expect(asked({ topic: 'transfer-between-teams' })).toBe('slough.transfer-between-teams.no-figure');
      const meeting = ruleOf('slough', 'slough.transfer-between-teams.transfer-meeting');
      expect(meeting.kind === 'condition' && meeting.autoCheck).toEqual({ kind: 'event-recorded', event: 'transfer-meeting-held' });
    });
  });
});
