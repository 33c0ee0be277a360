import { describe, expect, it } from 'vitest';
import { englandAndWalesCalendar } from '../../../domain/calendar/holiday-calendar.js';
import type { CaseEvent } from '../../../domain/cases/case-events.js';
import { obligationsOn } from '../../../domain/cases/timeline.js';
import type { LocalDate } from '../../../domain/dates/local-date.js';
import { agreementDeadlinesOf, eventsOnAgreeing, type Agreement } from '../../../domain/plans/agreement.js';
import { MEETING_DAY, policyOf } from './plan-examples.js';

const calendar = englandAndWalesCalendar();
const atInitialMeeting: Agreement = { meeting: 'initial-meeting', heldOn: MEETING_DAY };

function deadlinesAfterAgreeing(authorityId: string, reviewOn: string) {
  const before: CaseEvent[] = [{ kind: 'case-opened', on: '2026-03-02' as LocalDate }];
  const events = [...before, ...eventsOnAgreeing(before, atInitialMeeting, reviewOn as LocalDate)];
  const policy = policyOf(authorityId);
  return agreementDeadlinesOf(obligationsOn({ authorityId, pathways: [], events }, MEETING_DAY, policy, calendar), atInitialMeeting, policy);
}

describe('eventsOnAgreeing', () => {
  it('records the meeting, the plan\u2019s start and the booked review', () => {
    expect(eventsOnAgreeing([{ kind: 'plan-decision', on: '2026-03-09' as LocalDate }], atInitialMeeting, '2026-05-08' as LocalDate)).toEqual([
      { kind: 'initial-meeting-held', on: MEETING_DAY },
      { kind: 'plan-started', on: MEETING_DAY },
      { kind: 'review-booked', on: MEETING_DAY, reviewOn: '2026-05-08' },
    ]);
  });

  it('adds nothing already recorded: the meeting that day, a plan already started, the same review booked', () => {
    const recorded: CaseEvent[] = [
      { kind: 'plan-started', on: '2026-03-20' as LocalDate },
      { kind: 'review-held', on: '2026-05-08' as LocalDate },
      { kind: 'review-booked', on: '2026-05-08' as LocalDate, reviewOn: '2026-08-07' as LocalDate },
    ];
    expect(eventsOnAgreeing(recorded, { meeting: 'review', heldOn: '2026-05-08' as LocalDate }, '2026-08-07' as LocalDate)).toEqual([]);
  });
});

describe('agreementDeadlinesOf', () => {
  it('Redbridge: copies within 10 working days (Tuesday 14 April 2026, over Easter), first review 6 weeks on (Friday 8 May 2026)', () => {
    const deadlines = deadlinesAfterAgreeing('redbridge', '2026-05-08');
    expect(deadlines.circulation.map((obligation) => [obligation.ruleId, obligation.dueOn])).toEqual([['redbridge.plan-circulation.send-copies', '2026-04-14']]);
    expect(deadlines.nextReview).toMatchObject({ ruleId: 'redbridge.first-review.at-six-weeks', dueOn: '2026-05-08' });
  });

  it('Blackburn with Darwen: the plan and the meeting\u2019s notes within 5 working days (Tuesday 7 April 2026)', () => {
    const deadlines = deadlinesAfterAgreeing('blackburn-with-darwen', '2026-05-08');
    expect(deadlines.circulation.map((obligation) => obligation.dueOn)).toEqual(['2026-04-07', '2026-04-07']);
  });

  it('Camden: the written record within 14 days (Friday 10 April 2026), the next review in 3 months (Saturday 27 June 2026)', () => {
    const deadlines = deadlinesAfterAgreeing('camden', '2026-06-26');
    expect(deadlines.circulation.map((obligation) => [obligation.ruleId, obligation.dueOn])).toEqual([['camden.review-written-report.within-fourteen-days', '2026-04-10']]);
    expect(deadlines.nextReview).toMatchObject({ ruleId: 'camden.review.every-three-months', dueOn: '2026-06-27' });
  });

  it('Slough: says what the guidance says where it sets no circulation timescale', () => {
    const deadlines = deadlinesAfterAgreeing('slough', '2026-06-26');
    expect(deadlines.circulation).toEqual([]);
    expect(deadlines.circulationSays?.ruleId).toBe('slough.plan-circulation.no-figure');
    expect(deadlines.circulationSays?.says).toContain('sets no timescale for sending out copies of the CIN Plan');
    expect(deadlines.nextReview).toMatchObject({ ruleId: 'slough.first-review.within-three-months', dueOn: '2026-06-27' });
  });

  it('Brighton and Hove: the minutes within 10 working days (Tuesday 14 April 2026), the network meeting every 3 months', () => {
    const deadlines = deadlinesAfterAgreeing('brighton-and-hove', '2026-06-26');
    expect(deadlines.circulation.map((obligation) => [obligation.ruleId, obligation.dueOn])).toEqual([['brighton-and-hove.minutes-circulation.within-ten-working-days', '2026-04-14']]);
    expect(deadlines.nextReview).toMatchObject({ ruleId: 'brighton-and-hove.review.network-meeting-every-three-months', dueOn: '2026-06-27' });
  });
});
