import { describe, expect, it } from 'vitest';
import type { LocalDate } from '../../../domain/dates/local-date.js';
import { teamTimeliness } from '../../../domain/timeliness/headline.js';
import { obligationKindOf } from '../../../domain/timeliness/obligation-kind.js';
import {
  censusByMonth,
  censusCasesBehind,
  censusDaysOf,
  datesBehind,
  dueByWeek,
  itemCasesBehind,
  monthsBetween,
  monthsEndingWith,
  onTimeByMonth,
  overduePerWorker,
  tallyCases,
  tallyItems,
  type CaseCensusDates,
  type TimelinessItem,
} from '../../../domain/timeliness/timeliness.js';
import { calendar } from '../../helpers/policy.js';

const on = (date: string) => date as LocalDate;
const item = (caseReference: string, kind: TimelinessItem['kind'], dueOn: string, doneOn?: string, workerId = 'w-1'): TimelinessItem => ({
  caseReference,
  team: 'north',
  workerId,
  kind,
  dueOn: on(dueOn),
  ...(doneOn === undefined ? {} : { doneOn: on(doneOn) }),
});

describe('obligationKindOf', () => {
  it('counts first reviews and visits with the rest, transfers of every direction together, and leaves other topics out', () => {
    expect(obligationKindOf('first-review')).toBe('review');
    expect(obligationKindOf('first-visit')).toBe('visit');
    expect(obligationKindOf('transfer-out')).toBe('transfer');
    expect(obligationKindOf('transfer-between-teams')).toBe('transfer');
    expect(obligationKindOf('chair')).toBeUndefined();
  });
});

describe('dueByWeek (today Wednesday 4 March 2026)', () => {
  const today = on('2026-03-04');
  const items = [
      item('OV1', 'review', '2026-03-03'), // yesterday, not done: overdue
      item('TD1', 'visit', '2026-03-04'), // due today: this week, not overdue
      item('DN1', 'visit', '2026-03-01', '2026-03-05'), // done (late): never in the chart
      item('DN2', 'assessment', '2026-03-06', '2026-03-04'), // done early: never in the chart
      item('LW1', 'transfer', '2026-04-26'), // Sunday of the eighth week
      item('LW2', 'transfer', '2026-04-27'), // Monday after the eighth week: left out
      item('W2A', 'assessment', '2026-03-09'),
      item('W2B', 'initial-meeting', '2026-03-15'),
  ];
  const buckets = dueByWeek(tallyItems(items).open, today);

  it('puts the overdue first, then eight weeks from the Monday of this week', () => {
    expect(buckets.map((bucket) => bucket.bucket)).toEqual(['overdue', '2026-03-02', '2026-03-09', '2026-03-16', '2026-03-23', '2026-03-30', '2026-04-06', '2026-04-13', '2026-04-20']);
    expect(buckets.map((bucket) => bucket.total)).toEqual([1, 1, 2, 0, 0, 0, 0, 0, 1]);
  });

  it('stacks each week by kind, and lists the cases behind a bar by the same tests', () => {
    expect(buckets[0]?.byKind.review).toBe(1);
    expect(buckets[1]?.byKind.visit).toBe(1);
    const behind = (bucket: 'overdue' | string, kind: TimelinessItem['kind']) => itemCasesBehind({ chart: 'due', bucket: bucket as LocalDate, kind }, items, today);
    expect(behind('overdue', 'review')).toEqual(['OV1']);
    expect(behind('2026-03-02', 'visit')).toEqual(['TD1']);
    expect(behind('2026-03-09', 'assessment')).toEqual(['W2A']);
    expect(behind('2026-03-09', 'initial-meeting')).toEqual(['W2B']);
    expect(behind('2026-04-20', 'transfer')).toEqual(['LW1']);
    expect(behind('2026-02-23', 'visit')).toEqual([]);
  });

  it('narrows the read for a bar to the days it can count', () => {
    expect(datesBehind({ chart: 'due', bucket: 'overdue', kind: 'visit' }, today)).toEqual({ before: '2026-03-04' });
    expect(datesBehind({ chart: 'due', bucket: on('2026-03-09'), kind: 'visit' }, today)).toEqual({ from: '2026-03-09', before: '2026-03-16' });
    expect(datesBehind({ chart: 'late', month: '2025-12', kind: 'visit' }, today)).toEqual({ from: '2025-12-01', before: '2026-01-01' });
  });
});

describe('onTimeByMonth (today Wednesday 4 March 2026)', () => {
  const today = on('2026-03-04');
  const items = [
      item('A1', 'visit', '2026-02-10', '2026-02-10'), // done on the due day: on time
      item('A2', 'visit', '2026-02-11', '2026-02-12'), // a day late
      item('B1', 'review', '2025-12-25', '2025-12-24'), // due on Christmas Day (a calendar-counted date stays put), done the day before
      item('B2', 'review', '2025-12-25', '2025-12-29'), // done the next working day after the bank holidays: still late
      item('C1', 'assessment', '2026-03-03'), // due yesterday, not done: late
      item('C2', 'assessment', '2026-03-04'), // due today, not done: not counted yet
      item('C3', 'assessment', '2026-03-10', '2026-03-02'), // done before it fell due: on time, in the month it is due
      item('D1', 'visit', '2025-03-31', '2025-03-31'), // before the twelve months
  ];
  const months = onTimeByMonth(tallyItems(items), today);

  it('covers the twelve months ending with this one', () => {
    expect(months.map((month) => month.month)).toEqual(monthsEndingWith(today));
    expect(months[0]?.month).toBe('2025-04');
    expect(months[11]?.month).toBe('2026-03');
  });

  it('counts each item in the month it fell due, done on the due day as on time', () => {
    const byMonth = new Map(months.map((month) => [month.month, month.byKind]));
    expect(byMonth.get('2026-02')?.visit).toEqual({ onTime: 1, late: 1, rate: 50 });
    expect(byMonth.get('2025-12')?.review).toEqual({ onTime: 1, late: 1, rate: 50 });
    expect(byMonth.get('2026-03')?.assessment).toEqual({ onTime: 1, late: 1, rate: 50 });
    expect(byMonth.get('2025-04')?.visit).toEqual({ onTime: 0, late: 0, rate: null });
  });

  it('lists the late cases behind a point, done late or still not done', () => {
    const late = (month: string, kind: TimelinessItem['kind']) => itemCasesBehind({ chart: 'late', month, kind }, items, today);
    expect(late('2026-02', 'visit')).toEqual(['A2']);
    expect(late('2025-12', 'review')).toEqual(['B2']);
    expect(late('2026-03', 'assessment')).toEqual(['C1']);
  });

  it('wraps the year: twelve months ending in January', () => {
    expect(monthsEndingWith(on('2027-01-15'))).toEqual(['2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12', '2027-01']);
  });
});

describe('overduePerWorker', () => {
  it('counts what is due before today and not done, most first', () => {
    const today = on('2026-03-04');
    const items = [
          item('AB12', 'visit', '2026-03-01', undefined, 'w-2'),
          item('CD34', 'review', '2026-02-01', undefined, 'w-2'),
          item('EF56', 'review', '2026-02-01', undefined, 'w-1'),
          item('GH78', 'review', '2026-03-04', undefined, 'w-3'), // due today: not overdue
          item('IJ90', 'review', '2026-02-01', '2026-03-03', 'w-3'), // done late: not overdue any more
    ];
    expect(overduePerWorker(tallyItems(items).open, today)).toEqual([
      { workerId: 'w-2', overdue: 2 },
      { workerId: 'w-1', overdue: 1 },
    ]);
    expect(itemCasesBehind({ chart: 'worker-overdue', workerId: 'w-2' }, items, today)).toEqual(['AB12', 'CD34']);
    expect(itemCasesBehind({ chart: 'worker-overdue', workerId: 'w-3' }, items, today)).toEqual([]);
  });
});

describe('censusByMonth (today Wednesday 20 May 2026)', () => {
  // Referral Thursday 5 March 2026 is day 0. Working days counted by hand, skipping Good Friday 3 April, Easter
  // Monday 6 April and the early May bank holiday 4 May: 6 Mar is 1, 2 Apr is 20, 7 Apr 21, 1 May 39, 5 May 40,
  // 12 May is the 45th. Counting weekdays only (no bank holidays), the 45th would be 7 May.
  const base = { openedOn: on('2026-03-05'), referralOn: on('2026-03-05') };
  const cases: CaseCensusDates[] = [
    { caseReference: 'ON45', ...base, assessmentCompletedOn: on('2026-05-12'), planStartedOn: on('2026-05-15') },
    { caseReference: 'LATE', ...base, assessmentCompletedOn: on('2026-05-13'), closedOn: on('2026-05-20') },
    { caseReference: 'HOLS', ...base, assessmentCompletedOn: on('2026-05-08'), planStartedOn: on('2026-04-01'), planClosedOn: on('2026-04-30') },
    { caseReference: 'FUTR', ...base, assessmentCompletedOn: on('2026-05-21') },
    { caseReference: 'NOREF', openedOn: on('2026-04-10'), assessmentCompletedOn: on('2026-04-20') },
    { caseReference: 'OLD', openedOn: on('2025-01-10'), closedOn: on('2025-06-30'), planStartedOn: on('2025-02-01'), planClosedOn: on('2025-06-30') },
  ];
  const today = on('2026-05-20');
  const months = new Map(censusByMonth(tallyCases(cases, censusDaysOf(monthsEndingWith(today), today)), today, calendar).map((month) => [month.month, month]));
  const behind = (chart: 'assessments-late' | 'without-plan', month: string) => censusCasesBehind({ chart, month }, cases, today, calendar);

  it('counts an assessment completed on the 45th working day (bank holidays skipped) as within, the day after as late', () => {
    expect(months.get('2026-05')).toMatchObject({ assessmentsCompleted: 3, assessmentsWithin45: 2, assessmentsWithin45Rate: 67 });
    expect(behind('assessments-late', '2026-05')).toEqual(['LATE']);
  });

  it('counts an assessment without a recorded referral as not within', () => {
    expect(months.get('2026-04')).toMatchObject({ assessmentsCompleted: 1, assessmentsWithin45: 0 });
    expect(behind('assessments-late', '2026-04')).toEqual(['NOREF']);
  });

  it('takes the share with a plan at each month end, and on today for this month', () => {
    // 30 April: ON45, LATE, HOLS (its plan ended that day), FUTR, NOREF open; none with a plan.
    expect(months.get('2026-04')).toMatchObject({ openCases: 5, openCasesWithPlan: 0, withPlanRate: 0 });
    // 31 March: ON45, LATE, HOLS, FUTR open (NOREF not yet).
    expect(months.get('2026-03')).toMatchObject({ openCases: 4, openCasesWithPlan: 0 });
    // 20 May: LATE closed today, so not open; ON45 has a plan; HOLS, FUTR, NOREF have none.
    expect(months.get('2026-05')).toMatchObject({ openCases: 4, openCasesWithPlan: 1, withPlanRate: 25 });
    expect(behind('without-plan', '2026-05')).toEqual(['FUTR', 'HOLS', 'NOREF']);
    expect(behind('without-plan', '2026-04')).toEqual(['FUTR', 'HOLS', 'LATE', 'NOREF', 'ON45']);
    // 30 June 2025: OLD closed that day: not open.
    expect(months.get('2025-06')).toMatchObject({ openCases: 0, withPlanRate: null });
  });
});

describe('teamTimeliness headline', () => {
  it('leads with the overdue, this week, the rates and the five longest overdue', () => {
    const today = on('2026-03-04');
    const items = [
      ...['2026-01-05', '2026-01-06', '2026-01-07', '2026-02-02', '2026-02-03', '2026-03-03'].map((due, index) => item(`OV${index}`, 'visit', due)),
      item('WK1', 'review', '2026-03-08'),
      item('OK1', 'review', '2026-02-10', '2026-02-10'),
      item('OK2', 'review', '2026-02-11', '2026-02-09'),
    ];
    const cases: CaseCensusDates[] = [{ caseReference: 'OV0', openedOn: on('2026-01-02'), planStartedOn: on('2026-01-20') }, { caseReference: 'OK1', openedOn: on('2026-01-02') }];
    const { headline } = teamTimeliness({ ...tallyItems(items), ...tallyCases(cases, censusDaysOf(monthsEndingWith(today), today)) }, items, today, calendar);
    expect(headline).toEqual({
      overdue: 6,
      dueThisWeek: 1,
      onTimeRate: 25, // OK1, OK2 on time; the six overdue late: 2 of 8
      assessmentsWithin45Rate: null,
      withPlanRate: 50,
      mostOverdue: ['OV0', 'OV1', 'OV2', 'OV3', 'OV4'].map((caseReference, index) => ({
        caseReference,
        workerId: 'w-1',
        kind: 'visit',
        dueOn: ['2026-01-05', '2026-01-06', '2026-01-07', '2026-02-02', '2026-02-03'][index],
      })),
    });
  });
});

describe('monthsBetween', () => {
  it("lists every month from the first date's to the last's, across a year end", () => {
    expect(monthsBetween(on('2025-11-20'), on('2026-02-03'))).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsBetween(on('2026-03-01'), on('2026-03-31'))).toEqual(['2026-03']);
  });
});
