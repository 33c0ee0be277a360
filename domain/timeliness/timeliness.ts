import { addCalendarDays } from '../calendar/add-calendar-days.js';
import { workingDaysAfterEach } from '../calendar/add-working-days.js';
import type { HolidayCalendar } from '../calendar/holiday-calendar.js';
import { compareLocalDates, dayOfWeek, type LocalDate } from '../dates/local-date.js';
import { forEveryKind, OBLIGATION_KINDS, type ObligationKind } from './obligation-kind.js';

/** One obligation as the charts see it: its case reference (never a name), who holds it, when due and done. */
export interface TimelinessItem {
  readonly caseReference: string;
  readonly team: string;
  readonly workerId: string;
  readonly kind: ObligationKind;
  readonly dueOn: LocalDate;
  readonly doneOn?: LocalDate;
}

/**
 * Whether an item was done on time: on or before its due day (done on the due day is on time).
 *
 * @example
 * isDoneOnTime({ dueOn: '2026-02-10', doneOn: '2026-02-10' }) //=> true
 * isDoneOnTime({ dueOn: '2026-02-10', doneOn: '2026-02-11' }) //=> false
 */
export function isDoneOnTime(item: Pick<TimelinessItem, 'dueOn' | 'doneOn'>): boolean {
  return item.doneOn !== undefined && compareLocalDates(item.doneOn, item.dueOn) <= 0;
}

/** The census dates of one case: the latest of each recorded event, as the census export writes them. */
export interface CaseCensusDates {
  readonly caseReference: string;
  readonly openedOn: LocalDate;
  readonly closedOn?: LocalDate;
  readonly referralOn?: LocalDate;
  readonly assessmentCompletedOn?: LocalDate;
  readonly planStartedOn?: LocalDate;
  readonly planClosedOn?: LocalDate;
}

/** The DfE indicator's threshold: an assessment completed within 45 working days of the referral. */
export const ASSESSMENT_WORKING_DAYS = 45;
export const WEEKS_AHEAD = 8;
export const MONTHS_BACK = 12;

/**
 * Open items of one kind held by one worker and due on one day, counted: everything the charts of what is due,
 * what is overdue and who holds it need of an item not done.
 */
export interface OpenTally {
  readonly kind: ObligationKind;
  readonly workerId: string;
  readonly dueOn: LocalDate;
  readonly count: number;
}

/** Items done, counted per kind and month of due date: on time (isDoneOnTime) and late. */
export interface DoneTally {
  readonly kind: ObligationKind;
  /** `YYYY-MM` of the due date. */
  readonly month: string;
  readonly onTime: number;
  readonly late: number;
}

/** Assessments completed on one day after a referral on another (or with none recorded), counted. */
export interface AssessmentTally {
  readonly referralOn?: LocalDate;
  readonly completedOn: LocalDate;
  readonly count: number;
}

/** On one census day (censusDaysOf): the cases open, and how many of them had a plan (openOn, planActiveOn). */
export interface PlanTally {
  readonly day: LocalDate;
  readonly open: number;
  readonly withPlan: number;
}

/** What every figure of the Team view is counted from; a store may count these where the rows are kept. */
export interface TimelinessTallies {
  readonly open: readonly OpenTally[];
  readonly done: readonly DoneTally[];
  readonly assessments: readonly AssessmentTally[];
  readonly plans: readonly PlanTally[];
}

export interface DueBucket {
  /** 'overdue', or the Monday the week begins. */
  readonly bucket: 'overdue' | LocalDate;
  readonly byKind: Readonly<Record<ObligationKind, number>>;
  readonly total: number;
}

export interface OnTimeMonth {
  /** `YYYY-MM`. */
  readonly month: string;
  readonly byKind: Readonly<Record<ObligationKind, OnTimeCount>>;
}

export interface OnTimeCount {
  readonly onTime: number;
  readonly late: number;
  /** Whole per cent of onTime / (onTime + late), or null when nothing fell due. */
  readonly rate: number | null;
}

export interface WorkerOverdue {
  readonly workerId: string;
  readonly overdue: number;
}

export interface CensusMonth {
  readonly month: string;
  readonly assessmentsCompleted: number;
  readonly assessmentsWithin45: number;
  /** Whole per cent, or null when no assessment was completed in the month. */
  readonly assessmentsWithin45Rate: number | null;
  readonly openCases: number;
  readonly openCasesWithPlan: number;
  /** Whole per cent, or null when no case was open on the month's census day. */
  readonly withPlanRate: number | null;
}

/**
 * Which bar of the charts an item not done counts in: 'overdue' when due before `today`, else the Monday of the
 * week it falls due in, or undefined when due beyond the eight weeks charted.
 *
 * @example
 * dueBucketOf('2026-03-03', '2026-03-04') //=> 'overdue'
 * dueBucketOf('2026-03-12', '2026-03-04') //=> '2026-03-09'
 */
export function dueBucketOf(dueOn: LocalDate, today: LocalDate): 'overdue' | LocalDate | undefined {
  if (compareLocalDates(dueOn, today) < 0) return 'overdue';
  return compareLocalDates(dueOn, chartedBefore(today)) < 0 ? mondayOf(dueOn) : undefined;
}

/**
 * Whether an item counts on time or late in the month it fell due, on `today`: on time when done on or before the
 * due day, late when done after it or still not done after it; undefined while not done and not yet past due.
 *
 * @example
 * onTimeStateOf({ dueOn: '2026-03-03' }, '2026-03-04') //=> 'late'
 * onTimeStateOf({ dueOn: '2026-03-04' }, '2026-03-04') //=> undefined
 */
export function onTimeStateOf(item: Pick<TimelinessItem, 'dueOn' | 'doneOn'>, today: LocalDate): 'on-time' | 'late' | undefined {
  if (item.doneOn === undefined) return compareLocalDates(item.dueOn, today) < 0 ? 'late' : undefined;
  return isDoneOnTime(item) ? 'on-time' : 'late';
}

/**
 * Items counted as the domain defines OpenTally and DoneTally: what a store counting where the rows are kept must
 * agree with.
 *
 * @example
 * tallyItems([{ kind: 'visit', workerId: 'w-1', dueOn: '2026-02-10', doneOn: '2026-02-11', … }])
 * //=> { open: [], done: [{ kind: 'visit', month: '2026-02', onTime: 0, late: 1 }] }
 */
export function tallyItems(items: readonly TimelinessItem[]): Pick<TimelinessTallies, 'open' | 'done'> {
  const open = new Map<string, { kind: ObligationKind; workerId: string; dueOn: LocalDate; count: number }>();
  const done = new Map<string, { kind: ObligationKind; month: string; onTime: number; late: number }>();
  for (const item of items) {
    if (item.doneOn === undefined) {
      const key = `${item.kind}|${item.workerId}|${item.dueOn}`;
      const tally = open.get(key) ?? { kind: item.kind, workerId: item.workerId, dueOn: item.dueOn, count: 0 };
      tally.count += 1;
      open.set(key, tally);
      continue;
    }
    const month = item.dueOn.slice(0, 7);
    const key = `${item.kind}|${month}`;
    const tally = done.get(key) ?? { kind: item.kind, month, onTime: 0, late: 0 };
    if (isDoneOnTime(item)) tally.onTime += 1;
    else tally.late += 1;
    done.set(key, tally);
  }
  return { open: [...open.values()], done: [...done.values()] };
}

/**
 * Cases counted as the domain defines AssessmentTally and PlanTally (openOn, planActiveOn on each census day):
 * what a store counting where the rows are kept must agree with.
 *
 * @example
 * tallyCases([{ caseReference: 'AB12', openedOn: '2026-01-05', planStartedOn: '2026-02-01' }], ['2026-01-31', '2026-02-28'])
 * //=> { assessments: [], plans: [{ day: '2026-01-31', open: 1, withPlan: 0 }, { day: '2026-02-28', open: 1, withPlan: 1 }] }
 */
export function tallyCases(cases: readonly CaseCensusDates[], censusDays: readonly LocalDate[]): Pick<TimelinessTallies, 'assessments' | 'plans'> {
  const assessments = new Map<string, { referralOn?: LocalDate; completedOn: LocalDate; count: number }>();
  for (const record of cases) {
    const completedOn = record.assessmentCompletedOn;
    if (completedOn === undefined) continue;
    const key = `${record.referralOn ?? ''}|${completedOn}`;
    const tally = assessments.get(key) ?? { ...(record.referralOn === undefined ? {} : { referralOn: record.referralOn }), completedOn, count: 0 };
    tally.count += 1;
    assessments.set(key, tally);
  }
  const plans = censusDays.map((day) => {
    const open = cases.filter((record) => openOn(record, day));
    return { day, open: open.length, withPlan: open.filter((record) => planActiveOn(record, day)).length };
  });
  return { assessments: [...assessments.values()], plans };
}

/**
 * What falls due and is not done: first everything overdue on `today` (due before it), then each of the eight
 * weeks from the Monday of `today`'s week, stacked by kind (dueBucketOf).
 *
 * @example
 * dueByWeek([{ kind: 'review', workerId: 'w-1', dueOn: '2026-03-02', count: 2 }], '2026-03-04')
 * //=> [{ bucket: 'overdue', total: 2, byKind: { review: 2, … } }, { bucket: '2026-03-02', total: 0, … }, …]
 */
export function dueByWeek(open: readonly OpenTally[], today: LocalDate): DueBucket[] {
  const monday = mondayOf(today);
  const weeks = Array.from({ length: WEEKS_AHEAD }, (_, index) => addCalendarDays(monday, index * 7));
  const buckets = new Map<string, Map<ObligationKind, number>>([['overdue', new Map()], ...weeks.map((week) => [week, new Map()] as const)]);
  for (const tally of open) {
    const bucket = dueBucketOf(tally.dueOn, today);
    if (bucket !== undefined) addTo(buckets.get(bucket), tally.kind, tally.count);
  }
  return [...buckets].map(([bucket, byKind]) => {
    const counted = forEveryKind((kind) => byKind.get(kind) ?? 0);
    return { bucket: bucket as DueBucket['bucket'], byKind: counted, total: OBLIGATION_KINDS.reduce((sum, kind) => sum + counted[kind], 0) };
  });
}

/**
 * On-time rate per month of due date, for the twelve months ending with `today`'s, per kind (onTimeStateOf): an
 * item counts in the month it fell due once that day has passed or it is done. `months` may name other months
 * (an export's).
 *
 * @example
 * onTimeByMonth({ open: [], done: [{ kind: 'visit', month: '2026-02', onTime: 1, late: 0 }] }, '2026-03-04')
 * //=> [… { month: '2026-02', byKind: { visit: { onTime: 1, late: 0, rate: 100 }, … } }, { month: '2026-03', … }]
 */
export function onTimeByMonth(tallies: Pick<TimelinessTallies, 'open' | 'done'>, today: LocalDate, months: readonly string[] = monthsEndingWith(today)): OnTimeMonth[] {
  const counts = new Map(months.map((month) => [month, new Map<ObligationKind, { onTime: number; late: number }>()]));
  const countOf = (month: string, kind: ObligationKind) => {
    const ofMonth = counts.get(month);
    if (ofMonth === undefined) return undefined;
    const count = ofMonth.get(kind) ?? { onTime: 0, late: 0 };
    ofMonth.set(kind, count);
    return count;
  };
  for (const tally of tallies.done) {
    const count = countOf(tally.month, tally.kind);
    if (count === undefined) continue;
    count.onTime += tally.onTime;
    count.late += tally.late;
  }
  for (const tally of tallies.open) {
    if (onTimeStateOf(tally, today) !== 'late') continue;
    const count = countOf(tally.dueOn.slice(0, 7), tally.kind);
    if (count !== undefined) count.late += tally.count;
  }
  return months.map((month) => {
    const ofMonth = counts.get(month);
    const byKind = forEveryKind((kind): OnTimeCount => {
      const { onTime, late } = ofMonth?.get(kind) ?? { onTime: 0, late: 0 };
      return { onTime, late, rate: percent(onTime, onTime + late) };
    });
    return { month, byKind };
  });
}

/**
 * Overdue items (due before `today`, not done) per worker, most first, then by worker id.
 *
 * @example
 * overduePerWorker([{ kind: 'visit', workerId: 'w-2', dueOn: '2026-03-01', count: 3 }], '2026-03-04') //=> [{ workerId: 'w-2', overdue: 3 }]
 */
export function overduePerWorker(open: readonly OpenTally[], today: LocalDate): WorkerOverdue[] {
  const byWorker = new Map<string, number>();
  for (const tally of open) if (dueBucketOf(tally.dueOn, today) === 'overdue') addTo(byWorker, tally.workerId, tally.count);
  return [...byWorker]
    .map(([workerId, overdue]) => ({ workerId, overdue }))
    .sort((left, right) => right.overdue - left.overdue || left.workerId.localeCompare(right.workerId));
}

/**
 * The test of the DfE indicator for assessments after the given referral days: completed within 45 working days
 * of the referral (the referral day is day 0; weekends and bank holidays are not counted; completed on the 45th
 * working day is within). One without a recorded referral, or after a referral day not given, is not within.
 *
 * @example
 * const within45 = assessedWithin45(['2026-03-05'], calendar)
 * within45({ referralOn: '2026-03-05', completedOn: '2026-05-12' }) //=> true (Easter and 4 May skipped)
 * within45({ referralOn: '2026-03-05', completedOn: '2026-05-13' }) //=> false
 */
export function assessedWithin45(
  referralDays: Iterable<LocalDate>,
  calendar: HolidayCalendar,
): (assessment: Pick<AssessmentTally, 'referralOn' | 'completedOn'>) => boolean {
  const deadlines = workingDaysAfterEach(referralDays, ASSESSMENT_WORKING_DAYS, calendar);
  return ({ referralOn, completedOn }) => {
    const deadline = referralOn === undefined ? undefined : deadlines.get(referralOn);
    return deadline !== undefined && compareLocalDates(completedOn, deadline) <= 0;
  };
}

/**
 * The census-style indicators per month, for the twelve months ending with `today`'s. Assessments: those
 * completed in the month (and by `today`), and how many within 45 working days of the referral
 * (assessedWithin45). Plans: of the cases open on the month's census day (censusDaysOf), how many had a plan
 * started and not ended (the PlanTally of that day).
 *
 * @example
 * censusByMonth({ assessments: [{ referralOn: '2026-01-05', completedOn: '2026-03-09', count: 1 }], plans }, '2026-03-31', calendar)
 * //=> [… { month: '2026-03', assessmentsCompleted: 1, assessmentsWithin45: 1, … }]
 */
export function censusByMonth(
  tallies: Pick<TimelinessTallies, 'assessments' | 'plans'>,
  today: LocalDate,
  calendar: HolidayCalendar,
  months: readonly string[] = monthsEndingWith(today),
): CensusMonth[] {
  const assessed = new Map<string, { completed: number; within: number }>();
  const within45 = assessedWithin45(referralDaysOf(tallies.assessments), calendar);
  for (const tally of tallies.assessments) {
    if (compareLocalDates(tally.completedOn, today) > 0) continue;
    const month = tally.completedOn.slice(0, 7);
    const counts = assessed.get(month) ?? { completed: 0, within: 0 };
    counts.completed += tally.count;
    if (within45(tally)) counts.within += tally.count;
    assessed.set(month, counts);
  }
  const plansOn = new Map(tallies.plans.map((tally) => [tally.day, tally]));
  const days = censusDaysOf(months, today);
  return months.map((month, index) => {
    const { completed, within } = assessed.get(month) ?? { completed: 0, within: 0 };
    const { open, withPlan } = plansOn.get(days[index] ?? today) ?? { open: 0, withPlan: 0 };
    return {
      month,
      assessmentsCompleted: completed,
      assessmentsWithin45: within,
      assessmentsWithin45Rate: percent(within, completed),
      openCases: open,
      openCasesWithPlan: withPlan,
      withPlanRate: percent(withPlan, open),
    };
  });
}

/**
 * The day each month's plan share is taken on: its last day, or `today` for the month not yet over.
 *
 * @example
 * censusDaysOf(['2026-02', '2026-03'], '2026-03-04') //=> ['2026-02-28', '2026-03-04']
 */
export function censusDaysOf(months: readonly string[], today: LocalDate): LocalDate[] {
  return months.map((month) => minDate(lastDayOf(month), today));
}

/** Whether a case was open on `day`: opened by then and not closed by then (closed on the day is not open). */
export function openOn(record: Pick<CaseCensusDates, 'openedOn' | 'closedOn'>, day: LocalDate): boolean {
  return compareLocalDates(record.openedOn, day) <= 0 && (record.closedOn === undefined || compareLocalDates(record.closedOn, day) > 0);
}

/** Whether a case had a plan on `day`: its latest plan started by then and not ended by then. */
export function planActiveOn(record: Pick<CaseCensusDates, 'planStartedOn' | 'planClosedOn'>, day: LocalDate): boolean {
  const started = record.planStartedOn;
  if (started === undefined || compareLocalDates(started, day) > 0) return false;
  const ended = record.planClosedOn;
  // A plan end before its (latest) start belongs to an earlier plan.
  return ended === undefined || compareLocalDates(ended, started) < 0 || compareLocalDates(ended, day) > 0;
}

/** A bar (or point) of the Team view's charts, whose cases can be listed when it is clicked. */
export type TimelinessBar =
  | { readonly chart: 'due'; readonly bucket: 'overdue' | LocalDate; readonly kind: ObligationKind }
  | { readonly chart: 'late'; readonly month: string; readonly kind: ObligationKind }
  | { readonly chart: 'worker-overdue'; readonly workerId: string }
  | { readonly chart: 'assessments-late'; readonly month: string }
  | { readonly chart: 'without-plan'; readonly month: string };

export type ItemBar = Extract<TimelinessBar, { chart: 'due' | 'late' | 'worker-overdue' }>;
export type CensusBar = Extract<TimelinessBar, { chart: 'assessments-late' | 'without-plan' }>;

/**
 * The case references behind a bar of the obligation charts, one for each item it counts (a case twice when it
 * has two such items), sorted: the same tests as the counts (dueBucketOf, onTimeStateOf), over the items read.
 *
 * @example
 * itemCasesBehind({ chart: 'due', bucket: 'overdue', kind: 'visit' }, items, '2026-03-04') //=> ['AB12', 'CD34']
 */
export function itemCasesBehind(bar: ItemBar, items: readonly TimelinessItem[], today: LocalDate): string[] {
  const counted = items.filter((item) => {
    switch (bar.chart) {
      case 'due':
        return item.kind === bar.kind && item.doneOn === undefined && dueBucketOf(item.dueOn, today) === bar.bucket;
      case 'late':
        return item.kind === bar.kind && item.dueOn.startsWith(bar.month) && onTimeStateOf(item, today) === 'late';
      case 'worker-overdue':
        return item.workerId === bar.workerId && item.doneOn === undefined && dueBucketOf(item.dueOn, today) === 'overdue';
    }
  });
  return sorted(counted.map((item) => item.caseReference));
}

/**
 * The case references behind a bar of the census chart: the month's assessments not within 45 working days, or
 * the cases open on the month's census day without a plan; sorted.
 *
 * @example
 * censusCasesBehind({ chart: 'without-plan', month: '2026-03' }, cases, '2026-03-04', calendar) //=> ['AB12']
 */
export function censusCasesBehind(bar: CensusBar, cases: readonly CaseCensusDates[], today: LocalDate, calendar: HolidayCalendar): string[] {
  const [day = today] = censusDaysOf([bar.month], today);
  const within45 = assessedWithin45(referralDaysOf(cases), calendar);
  const counted = cases.filter((record) => {
    if (bar.chart === 'without-plan') return openOn(record, day) && !planActiveOn(record, day);
    const completedOn = record.assessmentCompletedOn;
    if (completedOn === undefined || !completedOn.startsWith(bar.month) || compareLocalDates(completedOn, today) > 0) return false;
    return !within45({ ...(record.referralOn === undefined ? {} : { referralOn: record.referralOn }), completedOn });
  });
  return sorted(counted.map((record) => record.caseReference));
}

/**
 * The due dates (or, for the census bars, the dates of the month) a bar's cases can have, `from` (when bounded)
 * to the day before `before`: what a store narrows its read to before the tests above decide.
 *
 * @example
 * datesBehind({ chart: 'due', bucket: '2026-03-09', kind: 'visit' }, '2026-03-04') //=> { from: '2026-03-09', before: '2026-03-16' }
 */
export function datesBehind(bar: TimelinessBar, today: LocalDate): { readonly from?: LocalDate; readonly before: LocalDate } {
  switch (bar.chart) {
    case 'due':
      return bar.bucket === 'overdue' ? { before: today } : { from: bar.bucket, before: addCalendarDays(bar.bucket, 7) };
    case 'worker-overdue':
      return { before: today };
    default:
      return { from: `${bar.month}-01` as LocalDate, before: `${nextMonth(bar.month)}-01` as LocalDate };
  }
}

/**
 * `YYYY-MM` of every month from `from`'s to `to`'s, oldest first: the months an export covers.
 *
 * @example
 * monthsBetween('2025-11-20', '2026-02-03') //=> ['2025-11', '2025-12', '2026-01', '2026-02']
 */
export function monthsBetween(from: LocalDate, to: LocalDate): string[] {
  const months: string[] = [];
  for (let month = from.slice(0, 7); month <= to.slice(0, 7); month = nextMonth(month)) months.push(month);
  return months;
}

function nextMonth(month: string): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  return monthNumber === 12 ? `${String(year + 1).padStart(4, '0')}-01` : `${month.slice(0, 4)}-${String(monthNumber + 1).padStart(2, '0')}`;
}

/**
 * The first day beyond the eight weeks ahead: an item not done and due from then on is on none of the Team
 * view's charts (not in a week's bar, not overdue, not late), so need not be read.
 *
 * @example
 * chartedBefore('2026-03-04') //=> '2026-04-27' (the Monday eight weeks after Monday 2 March)
 */
export function chartedBefore(today: LocalDate): LocalDate {
  return addCalendarDays(mondayOf(today), WEEKS_AHEAD * 7);
}

/** `YYYY-MM` of the twelve months ending with `today`'s, oldest first. */
export function monthsEndingWith(today: LocalDate): string[] {
  const [year, month] = today.split('-').map(Number) as [number, number];
  return Array.from({ length: MONTHS_BACK }, (_, index) => {
    const back = month - 1 - (MONTHS_BACK - 1 - index);
    const shiftedYear = year + Math.floor(back / 12);
    const shiftedMonth = ((back % 12) + 12) % 12;
    return `${String(shiftedYear).padStart(4, '0')}-${String(shiftedMonth + 1).padStart(2, '0')}`;
  });
}

/** The first day counted by the charts of `today`: the first of the month eleven months before. */
export function firstMonthStart(today: LocalDate): LocalDate {
  return `${monthsEndingWith(today)[0] ?? today.slice(0, 7)}-01` as LocalDate;
}

function lastDayOf(month: string): LocalDate {
  return addCalendarDays(`${nextMonth(month)}-01` as LocalDate, -1);
}

function mondayOf(date: LocalDate): LocalDate {
  return addCalendarDays(date, -((dayOfWeek(date) + 6) % 7));
}

function minDate(left: LocalDate, right: LocalDate): LocalDate {
  return compareLocalDates(left, right) <= 0 ? left : right;
}

function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((100 * part) / whole);
}

function referralDaysOf(records: readonly { readonly referralOn?: LocalDate }[]): LocalDate[] {
  return records.flatMap((record) => (record.referralOn === undefined ? [] : [record.referralOn]));
}

function addTo<Key>(map: Map<Key, number> | undefined, key: Key, count: number): void {
  map?.set(key, (map.get(key) ?? 0) + count);
}

function sorted(references: readonly string[]): string[] {
  return [...references].sort();
}
