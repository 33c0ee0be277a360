import { describe, expect, it } from 'vitest';
import type { CaseEvent, CaseFile } from '../../../domain/cases/case-events.js';
import { obligationsOn } from '../../../domain/cases/timeline.js';
import type { LocalDate } from '../../../domain/dates/local-date.js';
import { policyFor } from '../../../domain/policy/registry.js';
import { PolicySchema, type Policy, type PolicyInput } from '../../../domain/policy/schema.js';
import { calendar } from '../../helpers/policy.js';

const redbridge = (() => {
  const found = policyFor('redbridge');
  if (!found.ok) throw new Error('redbridge policy missing');
  return found.value;
})();

const event = (kind: Exclude<CaseEvent['kind'], 'review-booked' | 'supervision-order-made'>, on: string): CaseEvent => ({
  kind,
  on: on as LocalDate,
});
const aCase = (events: CaseEvent[], pathways: CaseFile['pathways'] = []): CaseFile => ({
  authorityId: 'redbridge',
  pathways,
  events,
});
const on = (date: string) => date as LocalDate;
const summary = (caseFile: CaseFile, today: string, policy: Policy = redbridge) =>
  obligationsOn(caseFile, on(today), policy, calendar).map(({ ruleId, dueOn, status, doneOn }) => ({
    ruleId,
    dueOn,
    status,
    ...(doneOn ? { doneOn } : {}),
  }));

describe('obligationsOn', () => {
  it('owes nothing before anything has happened', () => {
    expect(summary(aCase([]), '2026-03-10')).toEqual([]);
  });

  it('a decision that a plan is required starts the 15-working-day clock for the initial meeting', () => {
    expect(summary(aCase([event('plan-decision', '2026-03-09')]), '2026-03-10')).toEqual([
      { ruleId: 'redbridge.initial-meeting.convene', dueOn: '2026-03-30', status: 'upcoming' },
    ]);
  });

  it.each([
    ['2026-03-29', 'upcoming'],
    ['2026-03-30', 'due-today'],
    ['2026-03-31', 'overdue'],
  ] as const)('on %s the initial meeting due 30 March is %s', (today, status) => {
    expect(summary(aCase([event('plan-decision', '2026-03-09')]), today)[0]?.status).toBe(status);
  });

  it('a meeting held marks it done (with the day it was done) and starts the circulation clock', () => {
    const caseFile = aCase([event('plan-decision', '2026-03-09'), event('initial-meeting-held', '2026-03-27')]);
    expect(summary(caseFile, '2026-03-31')).toEqual([
      { ruleId: 'redbridge.initial-meeting.convene', dueOn: '2026-03-30', status: 'done', doneOn: '2026-03-27' },
      // 27 March + 10 working days: 30, 31 Mar, 1, 2 Apr (4), Good Friday and Easter Monday skipped, 7-10 Apr (8), 13, 14 Apr (10)
      { ruleId: 'redbridge.plan-circulation.send-copies', dueOn: '2026-04-14', status: 'upcoming' },
    ]);
  });

  it('recurring reviews count from the last review actually held, not from when it was due', () => {
    const caseFile = aCase([
      event('plan-started', '2026-02-02'),
      event('review-held', '2026-03-20' /* late: was due 16 March */),
    ]);
    const ruleIds = summary(caseFile, '2026-03-21');
    expect(ruleIds).toContainEqual({
      ruleId: 'redbridge.first-review.at-six-weeks',
      dueOn: '2026-03-16',
      status: 'done',
      doneOn: '2026-03-20',
    });
    expect(ruleIds).toContainEqual({ ruleId: 'redbridge.review.every-six-months', dueOn: '2026-09-20', status: 'upcoming' });
  });

  it('the next recurring review moves on when another review is held', () => {
    const caseFile = aCase([
      event('plan-started', '2026-02-02'),
      event('review-held', '2026-03-16'),
      event('review-held', '2026-09-10'),
    ]);
    expect(summary(caseFile, '2026-09-11')).toContainEqual({
      ruleId: 'redbridge.review.every-six-months',
      dueOn: '2027-03-10',
      status: 'upcoming',
    });
  });

  it('owes nothing further once the plan has closed, but keeps what was done', () => {
    const caseFile = aCase([
      event('plan-started', '2026-02-02'),
      event('review-held', '2026-03-16'),
      event('plan-closed', '2026-04-01'),
    ]);
    expect(summary(caseFile, '2026-10-01')).toEqual([
      { ruleId: 'redbridge.first-review.at-six-weeks', dueOn: '2026-03-16', status: 'done', doneOn: '2026-03-16' },
    ]);
  });

  it('ends on closure what a review booked for after it would have owed (Camden: invitations, report), and owes again from what is recorded after it', () => {
    const camden = (() => {
      const found = policyFor('camden');
      if (!found.ok) throw new Error('camden policy missing');
      return found.value;
    })();
    const booked: CaseEvent = { kind: 'review-booked', on: on('2026-12-01'), reviewOn: on('2027-03-03') };
    const closed = { authorityId: 'camden', pathways: [], events: [event('plan-started', '2026-12-01'), booked, event('plan-closed', '2026-12-10')] };
    expect(summary(closed, '2026-12-10', camden).filter((obligation) => obligation.status !== 'done')).toEqual([]);
    const rebooked: CaseEvent = { kind: 'review-booked', on: on('2026-12-20'), reviewOn: on('2027-03-03') };
    expect(summary({ ...closed, events: [...closed.events, rebooked] }, '2026-12-20', camden).map((obligation) => obligation.dueOn)).toEqual([
      '2027-02-17',
      '2027-03-01',
      '2027-03-01',
    ]);
  });

  it('carries each obligation\u2019s rule, responsible person and citation', () => {
    const [obligation] = obligationsOn(aCase([event('moved-in', '2026-04-10')]), on('2026-04-13'), redbridge, calendar);
    expect(obligation).toMatchObject({
      ruleId: 'redbridge.transfer-in.convene-meeting',
      dueOn: '2026-05-11',
      responsible: { role: 'worker' },
      anchor: { event: 'moved-in', date: '2026-04-10' },
      citation: { file: '000_382254547a6d8ff5.txt', section: '7. Children in Need Moving to Another Authority - Principles' },
    });
  });

  describe('rules counted before a booked date, and conflicts', () => {
    const citation = { section: 'Test', quote: 'A quote long enough for the schema.' };
    const worker = { role: 'worker', words: 'social worker' } as const;
    const policy = PolicySchema.parse({
      authority: { id: 'testshire', name: 'Testshire', alsoKnownAs: [] },
      source: { file: 'test.txt', title: 'Test procedure', version: 'version 1', checkedOn: '2026-11-22', sha256: '0'.repeat(64) },
      rules: [
        {
          id: 'testshire.review-invitations.send',
          kind: 'timescale',
          topic: 'review-invitations',
          requires: 'Send the review invitations',
          anchors: ['review-booked'],
          offset: { unit: 'workingDays', amount: 10, direction: 'before' },
          recurring: false,
          responsible: worker,
          fulfilledBy: ['invitations-sent'],
          citation,
        },
        {
          id: 'testshire.review.every-three-months',
          kind: 'timescale',
          topic: 'review',
          requires: 'Review every three months',
          anchors: ['review-held'],
          offset: { unit: 'months', amount: 3, direction: 'after' },
          recurring: true,
          responsible: worker,
          fulfilledBy: ['review-held'],
          conflictsWith: { rule: 'testshire.review.every-six-months', follow: 'stricter' },
          citation,
        },
        {
          id: 'testshire.review.every-six-months',
          kind: 'timescale',
          topic: 'review',
          requires: 'Review at least every six months',
          anchors: ['review-held'],
          offset: { unit: 'months', amount: 6, direction: 'after' },
          recurring: true,
          responsible: worker,
          fulfilledBy: ['review-held'],
          conflictsWith: { rule: 'testshire.review.every-three-months', follow: 'stricter' },
          pathway: 'disabled-children',
          citation,
        },
      ],
    } satisfies PolicyInput);
    const testshireCase = (events: CaseEvent[], pathways: CaseFile['pathways'] = []): CaseFile => ({
      authorityId: 'testshire',
      pathways,
      events,
    });

    it('counts invitations back from the booked review date, and invitations sent after booking fulfil it', () => {
      const booked: CaseEvent = { kind: 'review-booked', on: on('2026-09-01'), reviewOn: on('2026-09-21') };
      expect(summary(testshireCase([booked]), '2026-09-02', policy)).toEqual([
        { ruleId: 'testshire.review-invitations.send', dueOn: '2026-09-07', status: 'upcoming' },
      ]);
      expect(summary(testshireCase([booked, event('invitations-sent', '2026-09-04')]), '2026-09-10', policy)).toEqual([
        { ruleId: 'testshire.review-invitations.send', dueOn: '2026-09-07', status: 'done', doneOn: '2026-09-04' },
      ]);
    });

    it('keeps the stricter of two conflicting figures and names the other', () => {
      const [obligation, ...others] = obligationsOn(
        testshireCase([event('review-held', '2026-06-10')], ['disabled-children']),
        on('2026-06-11'),
        policy,
        calendar,
      );
      expect(others).toEqual([]);
      expect(obligation).toMatchObject({
        ruleId: 'testshire.review.every-three-months',
        dueOn: '2026-09-10',
        conflict: { ruleId: 'testshire.review.every-six-months', dueOn: '2026-12-10' },
      });
    });

    it('applies a pathway rule only on that pathway', () => {
      expect(summary(testshireCase([event('review-held', '2026-06-10')]), '2026-06-11', policy)).toEqual([
        { ruleId: 'testshire.review.every-three-months', dueOn: '2026-09-10', status: 'upcoming' },
      ]);
    });
  });
});
