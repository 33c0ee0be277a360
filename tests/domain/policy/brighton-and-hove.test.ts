import { describe, expect, it } from 'vitest';
import type { CaseEvent, CaseFile } from '../../../domain/cases/case-events.js';
import { obligationsOn } from '../../../domain/cases/timeline.js';
import type { LocalDate } from '../../../domain/dates/local-date.js';
import { policyFor } from '../../../domain/policy/registry.js';
import type { Pathway } from '../../../domain/policy/schema.js';
import type { Question } from '../../../domain/questions/question.js';
import { ruleFor } from '../../../domain/questions/rule-for.js';
import { answerOn } from '../../../domain/questions/answer-on.js';
import { describeTiming } from '../../../domain/policy/describe-timing.js';
import { calendar, dueUnder, ruleOf, timescaleRuleOf } from '../../helpers/policy.js';

const BH = 'brighton-and-hove';
const due = (ruleId: string, anchorDate: string) => dueUnder(BH, `${BH}.${ruleId}`, anchorDate);

const policy = (() => {
  const found = policyFor(BH);
  if (!found.ok) throw new Error('Brighton and Hove policy missing');
  return found.value;
})();

const on = (date: string) => date as LocalDate;
const event = (kind: Exclude<CaseEvent['kind'], 'review-booked' | 'supervision-order-made'>, date: string): CaseEvent => ({
  kind,
  on: on(date),
});
const aCase = (events: CaseEvent[], pathways: Pathway[] = []): CaseFile => ({ authorityId: BH, pathways, events });
const owed = (caseFile: CaseFile, today: string) =>
  obligationsOn(caseFile, on(today), policy, calendar).map(({ ruleId, dueOn, status }) => ({ ruleId, dueOn, status }));
const ask = (question: Partial<Question>) => ruleFor(policy, { events: [], asksFrequency: false, ...question })?.id;

// Every expected date below was counted by hand on a printed 2026/2027 calendar (Python's calendar.month, as
// `cal` is not installed here). Working days: the anchor is day 0; Monday to Friday except England and Wales
// bank holidays (2026: Good Friday 3 Apr, Easter Monday 6 Apr, 4 May, 25 May, 31 Aug, 25 Dec, 28 Dec
// (substitute for Boxing Day); 2027: 1 Jan).
describe('Brighton and Hove', () => {
  describe('Initial Child in Need Network Meeting: no later than fifteen working days after the plan is established', () => {
    it.each([
      // Mon 9 Mar: 10-13 Mar are days 1-4, 16-20 days 5-9, 23-27 days 10-14, Mon 30 Mar day 15.
      ['2026-03-09', '2026-03-30'],
      // Wed 1 Apr: Thu 2 is day 1; Good Friday 3 and Easter Monday 6 skipped; 7-10 days 2-5, 13-17 days 6-10,
      // 20-24 days 11-15: Fri 24 Apr.
      ['2026-04-01', '2026-04-24'],
      // Thu 14 May: Fri 15 day 1, 18-22 days 2-6, Mon 25 May bank holiday skipped, 26-29 days 7-10,
      // 1-5 Jun days 11-15: Fri 5 Jun.
      ['2026-05-14', '2026-06-05'],
      // Thu 20 Aug: Fri 21 day 1, 24-28 days 2-6, Mon 31 Aug skipped, 1-4 Sep days 7-10, 7-11 Sep days 11-15.
      ['2026-08-20', '2026-09-11'],
      // Mon 14 Dec: 15-18 days 1-4, 21-24 days 5-8, 25 and 28 Dec skipped, 29-31 days 9-11, 1 Jan skipped,
      // 4-7 Jan days 12-15: Thu 7 Jan 2027.
      ['2026-12-14', '2027-01-07'],
      // Sat 7 Mar is still day 0: 9-13 days 1-5, 16-20 days 6-10, 23-27 days 11-15.
      ['2026-03-07', '2026-03-27'],
    ])('plan established %s: initial network meeting by %s', (establishedOn, dueOn) => {
      expect(due('initial-meeting.within-fifteen-working-days', establishedOn).dueOn).toBe(dueOn);
    });

    it('names the Easter bank holidays it skipped', () => {
      expect(due('initial-meeting.within-fifteen-working-days', '2026-04-01').working.skippedHolidays).toEqual([
        { date: '2026-04-03', name: 'Good Friday' },
        { date: '2026-04-06', name: 'Easter Monday' },
      ]);
    });

    it('names the Christmas bank holidays it skipped', () => {
      expect(due('initial-meeting.within-fifteen-working-days', '2026-12-14').working.skippedHolidays).toEqual([
        { date: '2026-12-25', name: 'Christmas Day' },
        { date: '2026-12-28', name: 'Boxing Day (substitute day)' },
        { date: '2027-01-01', name: "New Year's Day" },
      ]);
    });

    it('counts from the plan being established and is met by the initial meeting', () => {
      const rule = timescaleRuleOf(BH, `${BH}.initial-meeting.within-fifteen-working-days`);
      expect(rule.anchors).toEqual(['plan-started']);
      expect(rule.fulfilledBy).toEqual(['initial-meeting-held']);
      expect(rule.recurring).toBe(false);
    });
  });

  describe('minutes distributed within ten working days of the network meeting', () => {
    it.each([
      // Thu 7 May: Fri 8 day 1, 11-15 days 2-6, 18-21 days 7-10: Thu 21 May (no bank holiday in the way).
      ['2026-05-07', '2026-05-21'],
      // Mon 30 Mar: 31 Mar, 1 and 2 Apr days 1-3, Easter 3 and 6 Apr skipped, 7-10 days 4-7, 13-15 days 8-10.
      ['2026-03-30', '2026-04-15'],
      // Mon 18 May: 19-22 days 1-4, 25 May skipped, 26-29 days 5-8, 1-2 Jun days 9-10.
      ['2026-05-18', '2026-06-02'],
      // Tue 25 Aug: 26-28 days 1-3, 31 Aug skipped, 1-4 Sep days 4-7, 7-9 Sep days 8-10.
      ['2026-08-25', '2026-09-09'],
      // Fri 18 Dec: 21-24 days 1-4, 25 and 28 skipped, 29-31 days 5-7, 1 Jan skipped, 4-6 Jan days 8-10.
      ['2026-12-18', '2027-01-06'],
    ])('meeting held %s: minutes out by %s', (heldOn, dueOn) => {
      expect(due('minutes-circulation.within-ten-working-days', heldOn).dueOn).toBe(dueOn);
    });

    it('counts from the initial meeting or any later network meeting', () => {
      expect(timescaleRuleOf(BH, `${BH}.minutes-circulation.within-ten-working-days`).anchors).toEqual([
        'initial-meeting-held',
        'review-held',
      ]);
    });
  });

  describe('network meetings at a minimum of once every 3 months', () => {
    it('last meeting Thursday 15 January 2026: next by Wednesday 15 April 2026', () => {
      const { dueOn, working } = due('review.network-meeting-every-three-months', '2026-01-15');
      expect(dueOn).toBe('2026-04-15');
      expect(working.landing).toEqual({ kind: 'working-day' });
    });

    it('30 November 2025 + 3 months clamps to 28 February 2026, a Saturday; last working day before it Friday 27th', () => {
      const { dueOn, working } = due('review.network-meeting-every-three-months', '2025-11-30');
      expect(dueOn).toBe('2026-02-28');
      expect(working.landing).toEqual({ kind: 'weekend', lastWorkingDayBefore: '2026-02-27' });
    });

    it('30 November 2026 + 3 months clamps to 28 February 2027, a Sunday; last working day before it Friday 26th', () => {
      const { dueOn, working } = due('review.network-meeting-every-three-months', '2026-11-30');
      expect(dueOn).toBe('2027-02-28');
      expect(working.landing).toEqual({ kind: 'weekend', lastWorkingDayBefore: '2027-02-26' });
    });

    it.each([
      // 6 Jan + 3 months = Mon 6 Apr, Easter Monday; Fri 3 is Good Friday, so the last working day is Thu 2 Apr.
      ['2026-01-06', '2026-04-06', 'Easter Monday', '2026-04-02'],
      // 25 Feb + 3 months = Mon 25 May, the late-May bank holiday; last working day before it Fri 22 May.
      ['2026-02-25', '2026-05-25', 'Spring bank holiday', '2026-05-22'],
      // 31 May + 3 months = Mon 31 Aug, the August bank holiday; last working day before it Fri 28 Aug.
      ['2026-05-31', '2026-08-31', 'Summer bank holiday', '2026-08-28'],
      // 25 Sep + 3 months = Fri 25 Dec; last working day before it Thu 24 Dec.
      ['2026-09-25', '2026-12-25', 'Christmas Day', '2026-12-24'],
      // 28 Sep + 3 months = Mon 28 Dec, substitute for Boxing Day; Fri 25 is Christmas, so Thu 24 Dec.
      ['2026-09-28', '2026-12-28', 'Boxing Day (substitute day)', '2026-12-24'],
      // 1 Oct + 3 months = Fri 1 Jan 2027; last working day before it Thu 31 Dec.
      ['2026-10-01', '2027-01-01', "New Year's Day", '2026-12-31'],
    ])('last meeting %s: next due %s, a bank holiday (%s); last working day before it %s', (heldOn, dueOn, holiday, before) => {
      const { dueOn: got, working } = due('review.network-meeting-every-three-months', heldOn);
      expect(got).toBe(dueOn);
      expect(working.landing).toEqual({ kind: 'bank-holiday', holiday, lastWorkingDayBefore: before });
    });

    it('recurs from the last meeting actually held, not from when it was due', () => {
      // Initial meeting 15 Jan 2026 → next due 15 Apr; it was held late, on Wed 29 Apr → next due Wed 29 Jul.
      const caseFile = aCase([
        event('plan-started', '2025-12-22'),
        event('initial-meeting-held', '2026-01-15'),
        event('review-held', '2026-04-29'),
      ]);
      const network = owed(caseFile, '2026-05-01').find((o) => o.ruleId === `${BH}.review.network-meeting-every-three-months`);
      expect(network).toEqual({ ruleId: `${BH}.review.network-meeting-every-three-months`, dueOn: '2026-07-29', status: 'upcoming' });
    });

    it('is the first rule a "next network meeting" question finds', () => {
      expect(ask({ topic: 'review', events: ['review-held'], anchorDate: on('2026-01-15') })).toBe(
        `${BH}.review.network-meeting-every-three-months`,
      );
    });
  });

  describe('visits at a minimum of once every 6 weeks', () => {
    it('last visit Tuesday 20 October 2026: next by Tuesday 1 December (11 days to 31 Oct + 31 days)', () => {
      expect(due('visit.every-six-weeks', '2026-10-20').dueOn).toBe('2026-12-01');
    });

    it.each([
      // Fri 20 Feb + 42 days: 8 days to 28 Feb, 34 more → Fri 3 Apr, Good Friday; last working day Thu 2 Apr.
      ['2026-02-20', '2026-04-03', 'Good Friday', '2026-04-02'],
      // Mon 13 Apr + 42: 17 to 30 Apr, 25 more → Mon 25 May; last working day Fri 22 May.
      ['2026-04-13', '2026-05-25', 'Spring bank holiday', '2026-05-22'],
      // Mon 20 Jul + 42: 11 to 31 Jul, 31 more → Mon 31 Aug; last working day Fri 28 Aug.
      ['2026-07-20', '2026-08-31', 'Summer bank holiday', '2026-08-28'],
      // Fri 13 Nov + 42: 17 to 30 Nov, 25 more → Fri 25 Dec; last working day Thu 24 Dec.
      ['2026-11-13', '2026-12-25', 'Christmas Day', '2026-12-24'],
      // Mon 16 Nov + 42: 14 to 30 Nov, 28 more → Mon 28 Dec (substitute day); last working day Thu 24 Dec.
      ['2026-11-16', '2026-12-28', 'Boxing Day (substitute day)', '2026-12-24'],
    ])('last visit %s: next due %s (%s); last working day before it %s', (visitedOn, dueOn, holiday, before) => {
      const { dueOn: got, working } = due('visit.every-six-weeks', visitedOn);
      expect(got).toBe(dueOn);
      expect(working.landing).toEqual({ kind: 'bank-holiday', holiday, lastWorkingDayBefore: before });
    });

    it('recurs from the last actual visit, and from the plan start before any visit', () => {
      const rule = timescaleRuleOf(BH, `${BH}.visit.every-six-weeks`);
      expect(rule.recurring).toBe(true);
      expect(rule.anchors).toEqual(['plan-started', 'visit-made']);
      expect(rule.exceptPathway).toBe('direct-payments');
    });

    it('sets no separate first-visit timescale and says what it does instead', () => {
      const rule = ruleOf(BH, `${BH}.first-visit.no-separate-timescale`);
      expect(rule.kind).toBe('no-figure-set');
      expect(rule.kind === 'no-figure-set' && rule.says).toMatch(/no separate timescale for a first visit/);
      expect(rule.kind === 'no-figure-set' && rule.says).toMatch(/once every 6 weeks/);
    });
  });

  describe('ICDDS Direct Payments pathway (section 8)', () => {
    it('visits once every 3 months: 30 November 2026 → 28 February 2027 (Sunday), last working day Friday 26th', () => {
      const { dueOn, working } = due('visit.direct-payments-every-three-months', '2026-11-30');
      expect(dueOn).toBe('2027-02-28');
      expect(working.landing).toEqual({ kind: 'weekend', lastWorkingDayBefore: '2027-02-26' });
    });

    it('visits once every 3 months: 3 January 2026 → 3 April 2026, Good Friday; last working day Thursday 2 April', () => {
      const { dueOn, working } = due('visit.direct-payments-every-three-months', '2026-01-03');
      expect(dueOn).toBe('2026-04-03');
      expect(working.landing).toEqual({ kind: 'bank-holiday', holiday: 'Good Friday', lastWorkingDayBefore: '2026-04-02' });
    });

    it('reviews at least every 6 months: 31 August 2026 → 28 February 2027 (Sunday; month-end clamp), last working day Friday 26th', () => {
      const { dueOn, working } = due('review.direct-payments-every-six-months', '2026-08-31');
      expect(dueOn).toBe('2027-02-28');
      expect(working.landing).toEqual({ kind: 'weekend', lastWorkingDayBefore: '2027-02-26' });
    });

    it('reviews at least every 6 months: Thursday 15 October 2026 → Thursday 15 April 2027', () => {
      expect(due('review.direct-payments-every-six-months', '2026-10-15').dueOn).toBe('2027-04-15');
    });

    it('replaces the general visiting and review rules on a direct-payments case', () => {
      // Visit Tue 20 Oct 2026 and review Thu 15 Oct 2026 on a direct-payments case: visit due 20 Jan 2027
      // (3 months), review due 15 Apr 2027 (6 months); the 6-weekly and 3-monthly rules do not apply.
      const caseFile = aCase([event('review-held', '2026-10-15'), event('visit-made', '2026-10-20')], ['direct-payments']);
      const ids = owed(caseFile, '2026-10-21');
      expect(ids).toContainEqual({ ruleId: `${BH}.visit.direct-payments-every-three-months`, dueOn: '2027-01-20', status: 'upcoming' });
      expect(ids).toContainEqual({ ruleId: `${BH}.review.direct-payments-every-six-months`, dueOn: '2027-04-15', status: 'upcoming' });
      expect(ids.map((o) => o.ruleId)).not.toContain(`${BH}.visit.every-six-weeks`);
      expect(ids.map((o) => o.ruleId)).not.toContain(`${BH}.review.network-meeting-every-three-months`);
    });

    it('does not apply to other cases, which keep the 6-weekly visits and 3-monthly network meetings', () => {
      // Visit Tue 20 Oct → 1 Dec 2026; meeting Thu 15 Oct → Fri 15 Jan 2027.
      const ids = owed(aCase([event('review-held', '2026-10-15'), event('visit-made', '2026-10-20')]), '2026-10-21');
      expect(ids).toContainEqual({ ruleId: `${BH}.visit.every-six-weeks`, dueOn: '2026-12-01', status: 'upcoming' });
      expect(ids).toContainEqual({ ruleId: `${BH}.review.network-meeting-every-three-months`, dueOn: '2027-01-15', status: 'upcoming' });
      expect(ids.map((o) => o.ruleId)).not.toContain(`${BH}.visit.direct-payments-every-three-months`);
    });

    it('answers a direct-payments "how often must we visit?" with the 3-monthly rule, and others with 6 weeks', () => {
      expect(ask({ topic: 'visit', pathway: 'direct-payments', asksFrequency: true })).toBe(`${BH}.visit.direct-payments-every-three-months`);
      expect(ask({ topic: 'visit', asksFrequency: true })).toBe(`${BH}.visit.every-six-weeks`);
      expect(ask({ topic: 'review', pathway: 'direct-payments', asksFrequency: true })).toBe(`${BH}.review.direct-payments-every-six-months`);
    });

    it('is decided by Managers in ICDDS', () => {
      const rule = ruleOf(BH, `${BH}.authorisation.direct-payments-pathway`);
      expect(rule.kind === 'role' && [rule.act, rule.who, rule.pathway]).toEqual(['decides', 'Managers in ICDDS', 'direct-payments']);
    });
  });

  describe('Supervision Orders: a network meeting in a timely way before the order expires', () => {
    // "If a child is subject to Supervision Order, a child in Need Network Meeting should be held in a timely way before
    // the order expires, so that should the concerns and issues remain, there is the opportunity to return the matter
    // to court if required." No figure: the expiry is the outer limit, and the meeting must come well before it.
    it('sets no figure: the expiry is the outer limit, reminded from 40 working days before, and says why', () => {
      const rule = ruleOf(BH, `${BH}.supervision-order.meeting-before-expiry`);
      expect(rule.kind).toBe('no-figure-set');
      expect(rule.kind === 'no-figure-set' && rule.outerLimit).toEqual({
        anchors: ['supervision-order-made'],
        responsible: { role: 'worker', words: 'social worker' },
        fulfilledBy: ['review-held'],
        remindWorkingDaysBefore: [40, 20],
      });
      expect(rule.kind === 'no-figure-set' && rule.says).toMatch(/in time to return to court/);
      expect(rule.interpretation).toMatch(/40 working days \(about eight weeks\) before the expiry/);
      expect(describeTiming(rule)).toBe(
        'no figure set; before the expiry of the supervision order at the latest (the outer limit), reminded from 40 working days before it',
      );
    });

    it('order expiring Friday 25 September 2026: the answer gives that day as the outer limit, not a due date', () => {
      const answer = answerOn(policy, { topic: 'supervision-order', events: ['supervision-order-made'], anchorDate: on('2026-09-25'), asksFrequency: false }, calendar);
      expect(answer.kind === 'outer-limit' && [answer.rule.id, answer.limit.dueOn]).toEqual([`${BH}.supervision-order.meeting-before-expiry`, '2026-09-25']);
    });

    it('order expiring Sunday 27 December 2026: the outer limit names the last working day before it, Thursday 24 December', () => {
      const answer = answerOn(policy, { topic: 'supervision-order', events: ['supervision-order-made'], anchorDate: on('2026-12-27'), asksFrequency: false }, calendar);
      expect(answer.kind === 'outer-limit' && [answer.limit.dueOn, answer.limit.working.landing]).toEqual([
        '2026-12-27',
        { kind: 'weekend', lastWorkingDayBefore: '2026-12-24' },
      ]);
    });

    it('without a date, answers with what the guidance says instead of a figure', () => {
      const answer = answerOn(policy, { topic: 'supervision-order', events: [], asksFrequency: false }, calendar);
      expect(answer.kind === 'rule' && answer.rule.id).toBe(`${BH}.supervision-order.meeting-before-expiry`);
    });

    it('answers "supervision order expires on …: when is the network meeting?" with this rule', () => {
      expect(
        ask({ topic: 'initial-meeting', events: ['supervision-order-made'], anchorDate: on('2026-12-27'), pathway: 'supervision-order' }),
      ).toBe(`${BH}.supervision-order.meeting-before-expiry`);
      expect(ask({ topic: 'supervision-order', events: ['supervision-order-made'], anchorDate: on('2026-12-27') })).toBe(
        `${BH}.supervision-order.meeting-before-expiry`,
      );
    });

    it('anchors on the expiry date recorded with the order', () => {
      // Order made Mon 2 Mar 2026, expiring Mon 1 Mar 2027.
      const caseFile = aCase([{ kind: 'supervision-order-made', on: on('2026-03-02'), expiresOn: on('2027-03-01') }]);
      expect(owed(caseFile, '2026-03-03')).toContainEqual({
        ruleId: `${BH}.supervision-order.meeting-before-expiry`,
        dueOn: '2027-03-01',
        status: 'upcoming',
      });
    });

    it('is owed on the case at the outer limit, with the earlier reminders, and met by a network meeting before it', () => {
      const order: CaseEvent = { kind: 'supervision-order-made', on: on('2026-03-02'), expiresOn: on('2027-03-01') };
      const [owedHere] = obligationsOn(aCase([order]), on('2026-03-03'), policy, calendar).filter((obligation) => obligation.topic === 'supervision-order');
      expect(owedHere).toMatchObject({ dueIs: 'outer-limit', dueOn: '2027-03-01', remindWorkingDaysBefore: [40, 20], responsible: { role: 'worker' } });
      const met = obligationsOn(aCase([order, event('review-held', '2027-01-11')]), on('2027-01-12'), policy, calendar).find(
        (obligation) => obligation.topic === 'supervision-order',
      );
      expect([met?.status, met?.doneOn]).toEqual(['done', '2027-01-11']);
    });
  });

  describe('roles', () => {
    it('the network meeting is chaired by a social worker or social work manager', () => {
      const rule = ruleOf(BH, `${BH}.chair.social-worker-or-manager`);
      expect(rule.kind === 'role' && [rule.act, rule.who]).toEqual(['chairs', 'a social worker or social work manager']);
      expect(ask({ topic: 'chair' })).toBe(`${BH}.chair.social-worker-or-manager`);
    });

    it('excluding a family member is endorsed by a Pod Manager or Team Manager (ICDDS)', () => {
      const rule = ruleOf(BH, `${BH}.authorisation.exclude-family-member`);
      expect(rule.kind === 'role' && [rule.act, rule.who]).toEqual(['endorses', 'Pod Manager or Team Manager (ICDDS)']);
      expect(ask({ topic: 'authorisation' })).toBe(`${BH}.authorisation.exclude-family-member`);
    });
  });

  describe('the outline plan addresses the five questions', () => {
    it('lists exactly the five questions, in order', () => {
      const elements = policy.rules.filter((rule) => rule.kind === 'plan-content' && rule.topic === 'plan-content');
      expect(elements.map((rule) => rule.kind === 'plan-content' && rule.element)).toEqual([
        'what are we worried about?',
        'what needs to change?',
        'what needs to happen?',
        'by when?',
        'by whom?',
      ]);
    });
  });

  describe('the network meeting agenda', () => {
    it('records each agenda item and each point a subsequent meeting reviews, apart from the plan\'s contents', () => {
      const agenda = policy.rules.filter((rule) => rule.topic === 'meeting-agenda');
      expect(agenda).toHaveLength(17);
      expect(agenda.every((rule) => rule.kind === 'plan-content')).toBe(true);
    });
  });

  describe('closure and step-down', () => {
    it('a network meeting must have considered it; the bot can check one was held', () => {
      const rule = ruleOf(BH, `${BH}.closure.network-meeting-decision`);
      expect(rule.kind === 'condition' && rule.appliesTo).toEqual(['closure', 'step-down']);
      expect(rule.kind === 'condition' && rule.autoCheck).toEqual({ kind: 'event-recorded', event: 'review-held' });
    });

    it('a child on a Supervision Order has a network meeting before the order expires', () => {
      const rule = ruleOf(BH, `${BH}.closure.supervision-order-meeting`);
      expect(rule.kind === 'condition' && rule.pathway).toBe('supervision-order');
    });
  });

  it('holds every timescale the guidance sets', () => {
    expect(policy.rules.filter((rule) => rule.kind === 'timescale').map((rule) => rule.id)).toEqual([
      `${BH}.initial-meeting.within-fifteen-working-days`,
      `${BH}.review.network-meeting-every-three-months`,
      `${BH}.review.direct-payments-every-six-months`,
      `${BH}.minutes-circulation.within-ten-working-days`,
      `${BH}.visit.every-six-weeks`,
      `${BH}.visit.direct-payments-every-three-months`,
    ]);
  });

  it('sets no assessment timescale and says what it says instead', () => {
    const rule = ruleOf(BH, `${BH}.assessment.no-timescale-set`);
    expect(rule.kind === 'no-figure-set' && rule.says).toMatch(/no timescale for the assessment/);
  });
});
