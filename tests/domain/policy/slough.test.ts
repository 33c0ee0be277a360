import { describe, expect, it } from 'vitest';
import type { CaseEvent, CaseFile } from '../../../domain/cases/case-events.js';
import { earliestDatesOn, obligationsOn } from '../../../domain/cases/timeline.js';
import { closureChecklistOn } from '../../../domain/closures/closure-checklist.js';
import { describeTiming } from '../../../domain/policy/describe-timing.js';
import { answerOn } from '../../../domain/questions/answer-on.js';
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
      expect(maximum.anchors).toEqual(expect.arrayContaining(usual.anchors));
      expect(maximum.topic).toBe(usual.topic);
      expect(asked({ topic: 'assessment', events: ['assessment-started'], anchorDate: '2026-03-02' as LocalDate })).toBe(usual.id);
    });

    // "… signed off by a CSW within 20 working days." names no start; the national limit is 45 working days from the
    // referral. Referral Monday 23 February 2026, assessment started Monday 2 March 2026:
    // 20 working days from 2 Mar: 3-6 Mar (4), 9-13 (9), 16-20 (14), 23-27 (19), Mon 30 Mar (20).
    // 45 working days from the referral, 23 Feb: 24-27 Feb (4), 2-6 Mar (9), 9-13 (14), 16-20 (19), 23-27 (24),
    // 30 Mar-2 Apr (28), Good Friday 3 Apr and Easter Monday 6 Apr skipped, 7-10 Apr (32), 13-17 (37), 20-24 (42),
    // 27-29 Apr (45): Wednesday 29 April 2026 (from 2 March it would be Thursday 7 May, after the 4 May bank holiday).
    it('says the 20 working days name no start, and names the national 45 working days from the referral beside them', () => {
      const usual = timescaleRuleOf('slough', 'slough.assessment.within-twenty-working-days');
      expect(usual.interpretation).toMatch(/names no start/);
      expect(usual.interpretation).toMatch(/45 working days from the point of referral/);
      const maximum = timescaleRuleOf('slough', 'slough.assessment.maximum-forty-five-working-days');
      expect(maximum.anchorChoice).toBe('earliest');
      expect(dueUnder('slough', maximum.id, '2026-03-02').dueOn).toBe('2026-05-07');
      const owedNow = owed(aCase([event('referral-received', '2026-02-23'), event('assessment-started', '2026-03-02')]), '2026-03-03');
      expect(owedNow.filter((obligation) => obligation.topic === 'assessment').map((obligation) => [obligation.ruleId, obligation.anchor.event, obligation.dueOn])).toEqual([
        ['slough.assessment.within-twenty-working-days', 'assessment-started', '2026-03-30'],
        ['slough.assessment.maximum-forty-five-working-days', 'referral-received', '2026-04-29'],
      ]);
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

    // "The CSW will determine the frequency of reviews depending on complexity, with a minimum frequency of 6 monthly
    // reviews." (Children with Disabilities) stands beside "A CIN plan … will be reviewed every three months." (The
    // Child in Need Plan): two figures for one thing, so both are cited and the stricter three months is followed.
    // Review held Wednesday 6 May 2026: + 3 months = Thursday 6 August 2026; + 6 months = Friday 6 November 2026.
    it('for disabled children the six-monthly minimum stands against the three months: due 6 August 2026, 6 November named', () => {
      expect(dueUnder('slough', 'slough.review.disabled-children-six-monthly', '2026-05-06').dueOn).toBe('2026-11-06');
      expect(dueUnder('slough', 'slough.review.every-three-months', '2026-05-06').dueOn).toBe('2026-08-06');
      const reviews = owed(aCase([event('review-held', '2026-05-06')], ['disabled-children']), '2026-05-07').filter(
        (obligation) => obligation.topic === 'review',
      );
      expect(reviews.map((obligation) => [obligation.ruleId, obligation.dueOn, obligation.conflict?.ruleId, obligation.conflict?.dueOn])).toEqual([
        ['slough.review.every-three-months', '2026-08-06', 'slough.review.disabled-children-six-monthly', '2026-11-06'],
      ]);
      expect(reviews[0]?.conflict?.citation.quote).toBe(
        'The CSW will determine the frequency of reviews depending on complexity, with a minimum frequency of 6 monthly reviews.',
      );
      const disabled = timescaleRuleOf('slough', 'slough.review.disabled-children-six-monthly');
      expect(disabled.conflictsWith).toEqual({ rule: 'slough.review.every-three-months', follow: 'stricter' });
      expect(disabled.interpretation).toMatch(/stricter three months/);
      const role = ruleOf('slough', 'slough.review.disabled-children-frequency-set-by-csw');
      expect(role.kind === 'role' && role.act).toBe('decides');
      expect(role.pathway).toBe('disabled-children');
    });

    it('answers a disabled child\u2019s review question with the three months and names the six-month minimum', () => {
      const dated = answerOn(slough, { topic: 'review', events: ['review-held'], anchorDate: '2026-05-06' as LocalDate, pathway: 'disabled-children', asksFrequency: false }, calendar);
      expect(dated.kind === 'due-date' && [dated.rule.id, dated.due.dueOn, dated.conflict?.rule.id, dated.conflict?.due.dueOn]).toEqual([
        'slough.review.every-three-months',
        '2026-08-06',
        'slough.review.disabled-children-six-monthly',
        '2026-11-06',
      ]);
      expect(dated.kind === 'due-date' && dated.related.map((other) => other.rule.id)).toEqual([]);
      const often = answerOn(slough, { topic: 'review', events: [], pathway: 'disabled-children', asksFrequency: true }, calendar);
      expect(often.kind === 'rule' && [often.rule.id, often.conflict?.id]).toEqual(['slough.review.every-three-months', 'slough.review.disabled-children-six-monthly']);
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

    // "If a case is open for nine months a Reflective Case Supervision will be held …" under the heading "CIN Plans
    // open 9 months plus": two readings, the earlier followed. Case opened Monday 5 January 2026, plan started Monday
    // 2 March 2026: from the case, 5 Jan + 9 months = Monday 5 October 2026; from the plan it would be 2 December.
    it('counts from the case being open or the plan starting, whichever is earlier: 5 October 2026, not 2 December', () => {
      const rule = timescaleRuleOf('slough', 'slough.escalation.nine-month-reflective-supervision');
      expect(rule.citation).toMatchObject({ section: 'CIN Plans open 9 months plus', quote: expect.stringContaining('If a case is open for nine months') });
      expect(rule.interpretation).toMatch(/"If a case is open for nine months"/);
      expect(rule.interpretation).toMatch(/"CIN Plans open 9 months plus"/);
      const [supervision] = owed(aCase([event('case-opened', '2026-01-05'), event('plan-started', '2026-03-02')]), '2026-03-03').filter(
        (obligation) => obligation.ruleId === rule.id,
      );
      expect([supervision?.anchor, supervision?.dueOn]).toEqual([{ event: 'case-opened', date: '2026-01-05' }, '2026-10-05']);
      const planOnly = owed(aCase([event('plan-started', '2026-03-02')]), '2026-03-03').find((obligation) => obligation.ruleId === rule.id);
      expect(planOnly?.dueOn).toBe('2026-12-02');
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

    // "The CIN Plan should be in place for at least three months and should be reviewed before it is closed or stepped
    // down." Plan started Monday 2 March 2026: the earliest normal closure is + 3 months, Tuesday 2 June 2026.
    it('gives the earliest normal closure date, three months from the plan\u2019s start: Tuesday 2 June 2026', () => {
      const rule = timescaleRuleOf('slough', 'slough.closure.earliest-date');
      expect([rule.dateIs, rule.citation.quote]).toEqual([
        'earliest',
        'The CIN Plan should be in place for at least three months and should be reviewed before it is closed or stepped down.',
      ]);
      const caseFile = aCase([event('plan-started', '2026-03-02'), event('review-held', '2026-05-04')]);
      expect(earliestDatesOn(caseFile, slough, calendar).map((entry) => [entry.ruleId, entry.from])).toEqual([['slough.closure.earliest-date', '2026-06-02']]);
      expect(owed(caseFile, '2026-03-03').map((obligation) => obligation.ruleId)).not.toContain(rule.id);
      const checklist = closureChecklistOn({ ...caseFile, reviews: [] }, 'closure', new Set(), '2026-06-01' as LocalDate, slough, calendar);
      expect(checklist.items.find((item) => item.ruleId === 'slough.closure.plan-in-place-three-months')?.check).toEqual({
        kind: 'not-in-place',
        event: 'plan-started',
        since: '2026-03-02',
        reachedOn: '2026-06-02',
      });
      const answer = answerOn(slough, { topic: 'closure', events: ['plan-started'], anchorDate: '2026-03-02' as LocalDate, asksFrequency: false }, calendar);
      expect(answer.kind === 'due-date' && [answer.rule.id, answer.due.dueOn]).toEqual([rule.id, '2026-06-02']);
      expect(describeTiming(rule)).toBe('from 3 months after the start of the CiN plan (the earliest date, not a deadline)');
      expect(earliestDatesOn(aCase([event('plan-started', '2026-03-02'), event('plan-closed', '2026-06-03')]), slough, calendar)).toEqual([]);
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
