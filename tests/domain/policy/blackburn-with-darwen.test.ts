import { describe, expect, it } from 'vitest';
import type { CaseEvent } from '../../../domain/cases/case-events.js';
import type { EventKind } from '../../../domain/cases/event-kinds.js';
import { earliestDatesOn, obligationsOn } from '../../../domain/cases/timeline.js';
import type { LocalDate } from '../../../domain/dates/local-date.js';
import { describeTiming } from '../../../domain/policy/describe-timing.js';
import { policyFor } from '../../../domain/policy/registry.js';
import type { Pathway } from '../../../domain/policy/schema.js';
import { calendar, dueUnder, ruleOf, timescaleRuleOf } from '../../helpers/policy.js';

const BWD = 'blackburn-with-darwen';
const policy = (() => {
  const found = policyFor(BWD);
  if (!found.ok) throw new Error('Blackburn with Darwen policy missing');
  return found.value;
})();
const event = (kind: Exclude<EventKind, 'review-booked' | 'supervision-order-made'>, date: string): CaseEvent => ({ kind, on: date as LocalDate });
const aCase = (events: CaseEvent[], pathways: Pathway[] = []) => ({ authorityId: BWD, pathways, events });

// Worked examples in the procedure's words: sentence, anchor date, the date a person counting by hand gets.
// "By day N" (and "from day N", "prior to day N"): the assessment start is day 1 and days are working days
// (design/timescales.md), so day N is N - 1 working days after the start.
describe('Blackburn with Darwen', () => {
  describe('Initial Intervention Planning Meeting: convened by day 15 of the assessment', () => {
    it.each([
      // Mon 14 Sep = day 1; 14-18 Sep days 1-5, 21-25 Sep days 6-10, 28 Sep-2 Oct days 11-15.
      ['2026-09-14', '2026-10-02'],
      // Mon 23 Mar = day 1; 23-27 Mar days 1-5; 30, 31 Mar, 1, 2 Apr days 6-9; Good Friday 3 Apr and Easter
      // Monday 6 Apr skipped; 7-10 Apr days 10-13; Mon 13 Apr day 14; Tue 14 Apr day 15.
      ['2026-03-23', '2026-04-14'],
      // Mon 14 Dec = day 1; 14-18 Dec days 1-5; 21-24 Dec days 6-9; 25 Dec and 28 Dec (substitute) skipped;
      // 29-31 Dec days 10-12; 1 Jan skipped; Mon 4, Tue 5, Wed 6 Jan days 13-15.
      ['2026-12-14', '2027-01-06'],
    ])('assessment started %s: meeting by %s', (startedOn, dueOn) => {
      expect(dueUnder(BWD, 'blackburn-with-darwen.initial-meeting.convene-by-day-15', startedOn).dueOn).toBe(dueOn);
    });

    it('names the Christmas bank holidays it skipped and says the day-N reading is ambiguous', () => {
      const { working } = dueUnder(BWD, 'blackburn-with-darwen.initial-meeting.convene-by-day-15', '2026-12-14');
      expect(working.skippedHolidays.map((holiday) => holiday.date)).toEqual(['2026-12-25', '2026-12-28', '2027-01-01']);
      expect(working.ambiguity).toMatch(/day 1/);
      expect(ruleOf(BWD, 'blackburn-with-darwen.initial-meeting.convene-by-day-15').interpretation).toMatch(/day 1, counted in working days/);
    });

    it('is counted from the start of the assessment, as a day number', () => {
      const rule = timescaleRuleOf(BWD, 'blackburn-with-darwen.initial-meeting.convene-by-day-15');
      expect(rule.anchors).toEqual(['assessment-started']);
      expect(rule.offset).toEqual({ unit: 'dayNumber', amount: 15, direction: 'after' });
    });
  });

  describe('initial outline CiN Plan: completed from day 10 of the assessment process', () => {
    it.each([
      // Mon 14 Sep = day 1; day 10 is Fri 25 Sep.
      ['2026-09-14', '2026-09-25'],
      // Mon 18 May = day 1; 18-22 May days 1-5; late-May bank holiday Mon 25 May skipped; 26-29 May days 6-9;
      // Mon 1 Jun day 10.
      ['2026-05-18', '2026-06-01'],
    ])('assessment started %s: outline plan from %s', (startedOn, dueOn) => {
      expect(dueUnder(BWD, 'blackburn-with-darwen.outline-plan.from-day-10', startedOn).dueOn).toBe(dueOn);
    });

    it('says that "from day 10" is not "by day 10"', () => {
      expect(ruleOf(BWD, 'blackburn-with-darwen.outline-plan.from-day-10').interpretation).toMatch(/"from day 10", not "by day 10"/);
    });

    // "The initial outline Child in Need Plan should be completed from day 10 of the assessment process …": an
    // earliest date, not a deadline of its own (the day-15 meeting is). Assessment started Monday 2 March 2026 (day 1):
    // 2-6 Mar days 1-5, 9-13 Mar days 6-10: day 10 is Friday 13 March; 16-20 Mar days 11-15: day 15 is Friday 20 March.
    it('is shown "from day 10" (Friday 13 March 2026) and owes no deadline of its own; the meeting is due by day 15', () => {
      const rule = timescaleRuleOf(BWD, 'blackburn-with-darwen.outline-plan.from-day-10');
      expect(rule.dateIs).toBe('earliest');
      expect(describeTiming(rule)).toMatch(/^from day 10, counting the start of the child and family assessment as day 1/);
      const started = aCase([event('assessment-started', '2026-03-02')]);
      expect(earliestDatesOn(started, policy, calendar).map((entry) => [entry.ruleId, entry.from])).toEqual([[rule.id, '2026-03-13']]);
      const owed = obligationsOn(started, '2026-03-16' as LocalDate, policy, calendar);
      expect(owed.map((obligation) => obligation.ruleId)).not.toContain(rule.id);
      expect(owed.find((obligation) => obligation.ruleId === 'blackburn-with-darwen.initial-meeting.convene-by-day-15')?.dueOn).toBe('2026-03-20');
      expect(earliestDatesOn(aCase([event('assessment-started', '2026-03-02'), event('outline-plan-completed', '2026-03-13')]), policy, calendar)).toEqual([]);
    });
  });

  describe('services reflected in the case notes and the plan prior to day 15 (read as by day 14)', () => {
    it.each([
      // Mon 14 Sep = day 1; day 14 is Thu 1 Oct (day 15 is Fri 2 Oct).
      ['2026-09-14', '2026-10-01'],
      // Mon 17 Aug = day 1; 17-21 Aug days 1-5; 24-28 Aug days 6-10; August bank holiday Mon 31 Aug skipped;
      // Tue 1-Fri 4 Sep days 11-14.
      ['2026-08-17', '2026-09-04'],
    ])('assessment started %s: recorded by %s', (startedOn, dueOn) => {
      expect(dueUnder(BWD, 'blackburn-with-darwen.outline-plan.services-recorded-before-day-15', startedOn).dueOn).toBe(dueOn);
    });
  });

  it('case transfers to the long term team at the day-15 meeting: assessment from Thu 20 Aug 2026 → Thu 10 Sep', () => {
    // Thu 20, Fri 21 Aug days 1-2; 24-28 Aug days 3-7; Mon 31 Aug bank holiday skipped; 1-4 Sep days 8-11;
    // 7-10 Sep days 12-15.
    const due = dueUnder(BWD, 'blackburn-with-darwen.transfer-between-teams.to-long-term-team-at-initial-meeting', '2026-08-20');
    expect(due.dueOn).toBe('2026-09-10');
    expect(due.working.skippedHolidays.map((holiday) => holiday.date)).toEqual(['2026-08-31']);
  });

  describe('updated initial CiN Plan circulated to all parties within 5 working days of the meeting', () => {
    it.each([
      // Thu 1 Oct: Fri 2, Mon 5, Tue 6, Wed 7, Thu 8 Oct are days 1-5.
      ['2026-10-01', '2026-10-08'],
      // Wed 1 Apr: Thu 2 Apr day 1; Good Friday 3 and Easter Monday 6 skipped; 7-10 Apr days 2-5.
      ['2026-04-01', '2026-04-10'],
      // Wed 23 Dec: Thu 24 day 1; 25 and 28 Dec skipped; 29-31 Dec days 2-4; 1 Jan skipped; Mon 4 Jan day 5.
      ['2026-12-23', '2027-01-04'],
    ])('meeting %s: plan circulated by %s', (heldOn, dueOn) => {
      expect(dueUnder(BWD, 'blackburn-with-darwen.plan-circulation.initial-plan-within-5-working-days', heldOn).dueOn).toBe(dueOn);
    });
  });

  it('meeting notes of the Initial Intervention Planning Meeting within 5 working days: Thu 27 Aug 2026 → Fri 4 Sep', () => {
    // Fri 28 Aug day 1; Mon 31 Aug bank holiday skipped; Tue 1-Fri 4 Sep days 2-5.
    const due = dueUnder(BWD, 'blackburn-with-darwen.minutes-circulation.initial-meeting-notes-within-5-working-days', '2026-08-27');
    expect(due.dueOn).toBe('2026-09-04');
    expect(timescaleRuleOf(BWD, 'blackburn-with-darwen.minutes-circulation.initial-meeting-notes-within-5-working-days').responsible.words).toBe(
      'receiving social worker in the long term social work team',
    );
  });

  describe('review form circulated within 5 working days of the review meeting', () => {
    it.each([
      // Mon 9 Mar: 10-13 Mar days 1-4, Mon 16 Mar day 5.
      ['2026-03-09', '2026-03-16'],
      // Thu 21 May: Fri 22 day 1; late-May bank holiday Mon 25 skipped; 26-29 May days 2-5.
      ['2026-05-21', '2026-05-29'],
    ])('review %s: form circulated by %s', (heldOn, dueOn) => {
      expect(dueUnder(BWD, 'blackburn-with-darwen.minutes-circulation.review-form-within-5-working-days', heldOn).dueOn).toBe(dueOn);
    });
  });

  describe('initial plan reviewed within a maximum of 6 weeks', () => {
    // "The initial plan should be reviewed within a maximum of 6 weeks …" names no start. Read from the plan agreed at
    // the Initial Intervention Planning Meeting: held Friday 20 March 2026 + 42 days = Friday 1 May 2026. The other
    // reading, from the outline plan on day 10 (Friday 13 March), gives Friday 24 April, a week earlier.
    it('names the other reading, from the outline plan around day 10, in the interpretation', () => {
      const rule = timescaleRuleOf(BWD, 'blackburn-with-darwen.first-review.initial-plan-within-6-weeks');
      expect(rule.interpretation).toMatch(/does not say what the 6 weeks count from/);
      expect(rule.interpretation).toMatch(/Another reading counts from the initial outline plan, completed from day 10/);
      expect(dueUnder(BWD, rule.id, '2026-03-20').dueOn).toBe('2026-05-01');
      expect(dueUnder(BWD, rule.id, '2026-03-13').dueOn).toBe('2026-04-24');
    });

    it('plan agreed Mon 5 January 2026: review by Mon 16 February (5 Jan + 42 days)', () => {
      expect(dueUnder(BWD, 'blackburn-with-darwen.first-review.initial-plan-within-6-weeks', '2026-01-05').dueOn).toBe('2026-02-16');
    });

    it('plan agreed 23 February 2026: 6 weeks lands on Easter Monday 6 April; last working day before it Thu 2 April', () => {
      // 23 Feb + 5 days = 28 Feb; + 37 days = 6 Apr.
      const { dueOn, working } = dueUnder(BWD, 'blackburn-with-darwen.first-review.initial-plan-within-6-weeks', '2026-02-23');
      expect(dueOn).toBe('2026-04-06');
      expect(working.landing).toEqual({ kind: 'bank-holiday', holiday: 'Easter Monday', lastWorkingDayBefore: '2026-04-02' });
    });

    it('plan agreed Fri 13 November 2026: 6 weeks lands on Christmas Day; last working day before it Thu 24 December', () => {
      // 13 Nov + 17 days = 30 Nov; + 25 days = 25 Dec.
      const { dueOn, working } = dueUnder(BWD, 'blackburn-with-darwen.first-review.initial-plan-within-6-weeks', '2026-11-13');
      expect(dueOn).toBe('2026-12-25');
      expect(working.landing).toMatchObject({ lastWorkingDayBefore: '2026-12-24' });
    });
  });

  describe('6 weekly Child in Need Meeting', () => {
    it('is recurring, every 6 weeks from the last meeting, and not for Appletrees cases (they have their own rule)', () => {
      const rule = timescaleRuleOf(BWD, 'blackburn-with-darwen.review.six-weekly-cin-meeting');
      expect(rule.recurring).toBe(true);
      expect(rule.offset).toEqual({ unit: 'weeks', amount: 6, direction: 'after' });
      expect(rule.exceptPathway).toBe('disabled-children');
    });

    it('meeting Mon 20 April 2026: next by Mon 1 June (20 Apr + 10 = 30 Apr; + 32 = 1 Jun)', () => {
      expect(dueUnder(BWD, 'blackburn-with-darwen.review.six-weekly-cin-meeting', '2026-04-20').dueOn).toBe('2026-06-01');
    });

    it('meeting Mon 20 July 2026: next lands on the August bank holiday, Mon 31 August; last working day before it Fri 28 August', () => {
      // 20 Jul + 11 = 31 Jul; + 31 = 31 Aug.
      const { dueOn, working } = dueUnder(BWD, 'blackburn-with-darwen.review.six-weekly-cin-meeting', '2026-07-20');
      expect(dueOn).toBe('2026-08-31');
      expect(working.landing).toMatchObject({ kind: 'bank-holiday', lastWorkingDayBefore: '2026-08-28' });
    });
  });

  describe('children with disabilities (Appletrees Hub)', () => {
    it('six weekly Child in Need Reviews: Mon 16 Nov 2026 → Mon 28 Dec, the Boxing Day substitute; last working day Thu 24 Dec', () => {
      // 16 Nov + 14 = 30 Nov; + 28 = 28 Dec. Fri 25 Dec and Mon 28 Dec are bank holidays, 26-27 a weekend.
      const { dueOn, working } = dueUnder(BWD, 'blackburn-with-darwen.review.appletrees-six-weekly-cin-review', '2026-11-16');
      expect(dueOn).toBe('2026-12-28');
      expect(working.landing).toMatchObject({ kind: 'bank-holiday', lastWorkingDayBefore: '2026-12-24' });
    });

    it.each([
      // 16 Mar + 6 months = 16 Sep 2026 (Wed).
      ['2026-03-16', '2026-09-16'],
      // 31 Aug + 6 months: February 2027 has 28 days, so 28 Feb 2027 (a Sunday).
      ['2026-08-31', '2027-02-28'],
      // 30 Nov + 6 months = 30 May 2027 (a Sunday).
      ['2026-11-30', '2027-05-30'],
    ])('formal review at no less than 6 monthly intervals: from %s, by %s', (fromOn, dueOn) => {
      expect(dueUnder(BWD, 'blackburn-with-darwen.review.appletrees-formal-six-monthly', fromOn).dueOn).toBe(dueOn);
    });

    it('month-end clamp: 31 August 2026 + 6 months is Sunday 28 February 2027; last working day before it Fri 26 February', () => {
      const { working } = dueUnder(BWD, 'blackburn-with-darwen.review.appletrees-formal-six-monthly', '2026-08-31');
      expect(working.landing).toEqual({ kind: 'weekend', lastWorkingDayBefore: '2027-02-26' });
    });

    it('minutes of the Child in Need Review to attendees within 5 working days: Thu 24 Dec 2026 → Tue 5 Jan 2027', () => {
      // 25 and 28 Dec skipped; 29, 30, 31 Dec days 1-3; 1 Jan skipped; Mon 4 Jan day 4; Tue 5 Jan day 5.
      expect(dueUnder(BWD, 'blackburn-with-darwen.minutes-circulation.appletrees-within-5-working-days', '2026-12-24').dueOn).toBe('2027-01-05');
      // Mon 1 Jun: 2-5 Jun days 1-4; Mon 8 Jun day 5.
      expect(dueUnder(BWD, 'blackburn-with-darwen.minutes-circulation.appletrees-within-5-working-days', '2026-06-01').dueOn).toBe('2026-06-08');
    });

    it('keeps every disabled-children rule on that pathway', () => {
      for (const id of [
        'blackburn-with-darwen.review.appletrees-six-weekly-cin-review',
        'blackburn-with-darwen.review.appletrees-formal-six-monthly',
        'blackburn-with-darwen.minutes-circulation.appletrees-within-5-working-days',
        'blackburn-with-darwen.plan-circulation.appletrees-no-figure',
        'blackburn-with-darwen.chair.appletrees-formal-review',
        'blackburn-with-darwen.chair.joint-sen-annual-review',
        'blackburn-with-darwen.authorisation.appletrees-plan',
        'blackburn-with-darwen.transfer-between-teams.appletrees-hub-criteria',
      ]) {
        expect(ruleOf(BWD, id).pathway, id).toBe('disabled-children');
      }
    });

    it('the formal review is chaired by the relevant Team Manager; the joint SEN review jointly with the school SEN representative', () => {
      const formal = ruleOf(BWD, 'blackburn-with-darwen.chair.appletrees-formal-review');
      const joint = ruleOf(BWD, 'blackburn-with-darwen.chair.joint-sen-annual-review');
      expect(formal.kind === 'role' && formal.who).toMatch(/Team Manager/);
      expect(joint.kind === 'role' && joint.who).toMatch(/Team Manager and school SEN representative/);
    });

    it('sets no timescale for circulating the Appletrees plan', () => {
      const rule = ruleOf(BWD, 'blackburn-with-darwen.plan-circulation.appletrees-no-figure');
      expect(rule.kind === 'no-figure-set' && rule.says).toMatch(/no timescale/);
    });
  });

  describe('no figure set', () => {
    it('sets no visiting frequency: the child is seen as agreed on the CiN Plan', () => {
      const rule = ruleOf(BWD, 'blackburn-with-darwen.visit.as-agreed-in-plan');
      expect(rule.kind).toBe('no-figure-set');
      expect(rule.kind === 'no-figure-set' && rule.says).toMatch(/No minimum visiting frequency/);
      expect(rule.kind === 'no-figure-set' && rule.says).toMatch(/as agreed on the Child in Need Plan/);
    });

    it('sets no assessment completion timescale and says what it counts instead', () => {
      const rule = ruleOf(BWD, 'blackburn-with-darwen.assessment.no-completion-timescale');
      expect(rule.kind === 'no-figure-set' && rule.says).toMatch(/day 10.*day 15/);
    });

    it('sets no timescale for invitations, and says who is invited', () => {
      const rule = ruleOf(BWD, 'blackburn-with-darwen.review-invitations.who-is-invited');
      expect(rule.kind === 'no-figure-set' && rule.says).toMatch(/family members.*key professionals/);
    });
  });

  describe('roles', () => {
    it('the Initial Intervention Planning Meeting is chaired by the allocated worker in the Referral and Assessment Team', () => {
      const rule = ruleOf(BWD, 'blackburn-with-darwen.chair.initial-intervention-planning-meeting');
      expect(rule.kind === 'role' && rule.act).toBe('chairs');
      expect(rule.kind === 'role' && rule.who).toBe('allocated worker in the Referral and Assessment Team');
    });

    it('the Team Manager authorises the initial plan before transfer, and authorises closure', () => {
      const plan = ruleOf(BWD, 'blackburn-with-darwen.authorisation.initial-plan-before-transfer');
      const closure = ruleOf(BWD, 'blackburn-with-darwen.closure.team-manager-authorises');
      expect(plan.kind === 'role' && plan.act).toBe('authorises');
      expect(closure.kind === 'role' && closure.who).toBe('Team Manager');
    });
  });

  it('closure is decided at a review meeting, which the bot checks from the review\u2019s recorded decision', () => {
    const rule = ruleOf(BWD, 'blackburn-with-darwen.closure.decided-at-review-meeting');
    expect(rule.kind === 'condition' && rule.autoCheck).toEqual({ kind: 'review-decided', decisions: ['close', 'step-down'] });
  });

  // "A joint Child in Need Review and Special Educational Needs annual review will be co-ordinated to take place for
  // those children and young people who have an Education, Health and Care Plan or an existing IPRA. This will be
  // jointly chaired by the Team Manager and school SEN representative." Yearly, on the SEN annual review's own date,
  // which the procedure does not set: no date is counted.
  it('the joint CiN and SEN annual review: yearly, jointly chaired, with no date counted, and why', () => {
    const rule = ruleOf(BWD, 'blackburn-with-darwen.review.joint-sen-annual-review');
    expect([rule.kind, rule.pathway, rule.topic]).toEqual(['no-figure-set', 'disabled-children', 'review']);
    expect(rule.kind === 'no-figure-set' && rule.says).toMatch(/once a year/);
    expect(rule.kind === 'no-figure-set' && rule.says).toMatch(/jointly chaired by the Team Manager and the school SEN representative/);
    expect(rule.interpretation).toMatch(/neither sets nor records/);
    const owed = obligationsOn(aCase([event('plan-started', '2026-03-02'), event('review-held', '2026-04-13')], ['disabled-children']), '2026-04-14' as LocalDate, policy, calendar);
    expect(owed.map((obligation) => obligation.ruleId)).not.toContain(rule.id);
  });
});
