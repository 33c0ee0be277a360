import { addCalendarDays } from '../calendar/add-calendar-days.js';
import { addWorkingDays } from '../calendar/add-working-days.js';
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
 * Items done on time, counted per month of due date and kind rather than listed: an on-time item is on no chart
 * but as a count (no bar lists on-time cases), so a store may count them where they are kept.
 */
export interface OnTimeTally {
  readonly kind: ObligationKind;
  /** `YYYY-MM` of the due date. */
  readonly month: string;
  readonly count: number;
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

/** A count with the case references behind it, so a chart's bar can list them. */
export interface CountedCases {
  readonly count: number;
  readonly caseReferences: readonly string[];
}

export interface DueBucket {
  /** 'overdue', or the Monday the week begins. */
  readonly bucket: 'overdue' | LocalDate;
  readonly byKind: Readonly<Record<ObligationKind, CountedCases>>;
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
  /** The cases of the late ones. */
  readonly lateCases: readonly string[];
}

export interface WorkerOverdue {
  readonly workerId: string;
  readonly overdue: number;
  readonly caseReferences: readonly string[];
}

export interface CensusMonth {
  readonly month: string;
  readonly assessmentsCompleted: number;
  readonly assessmentsWithin45: number;
  /** Whole per cent, or null when no assessment was completed in the month. */
  readonly assessmentsWithin45Rate: number | null;
  /** The cases whose assessment took longer than 45 working days. */
  readonly assessmentsLateCases: readonly string[];
  readonly openCases: number;
  readonly openCasesWithPlan: number;
  /** Whole per cent, or null when no case was open at the month's end. */
  readonly withPlanRate: number | null;
  /** The open cases without a plan at the month's end. */
  readonly withoutPlanCases: readonly string[];
}

/**
 * What falls due and is not done: first everything overdue on `today` (due before it), then each of the eight
 * weeks from the Monday of `today`'s week, stacked by kind. An item done is never counted, even when done late.
 *
 * @example
 * dueByWeek([{ caseReference: 'AB12', kind: 'review', dueOn: '2026-03-02', … }], '2026-03-04')
 * //=> [{ bucket: 'overdue', total: 1, byKind: { review: { count: 1, caseReferences: ['AB12'] }, … } }, { bucket: '2026-03-02', total: 0, … }, …]
 */
export function dueByWeek(items: readonly TimelinessItem[], today: LocalDate): DueBucket[] {
  const monday = mondayOf(today);
  const weeks = Array.from({ length: WEEKS_AHEAD }, (_, index) => addCalendarDays(monday, index * 7));
  const end = chartedBefore(today);
  const buckets = new Map<string, Map<ObligationKind, string[]>>([['overdue', new Map()], ...weeks.map((week) => [week, new Map()] as const)]);
  // A team's thousands of items fall on a few dozen days: each day's Monday is worked out once.
  const mondays = new Map<LocalDate, LocalDate>();
  for (const item of items) {
    if (item.doneOn !== undefined || compareLocalDates(item.dueOn, end) >= 0) continue;
    let bucket: 'overdue' | LocalDate = 'overdue';
    if (compareLocalDates(item.dueOn, today) >= 0) {
      bucket = mondays.get(item.dueOn) ?? mondayOf(item.dueOn);
      mondays.set(item.dueOn, bucket);
    }
    pushTo(buckets.get(bucket), item.kind, item.caseReference);
  }
  return [...buckets].map(([bucket, byKind]) => {
    const counted = countedByKind(byKind);
    return { bucket: bucket as DueBucket['bucket'], byKind: counted, total: OBLIGATION_KINDS.reduce((sum, kind) => sum + counted[kind].count, 0) };
  });
}

/**
 * On-time rate per month of due date, for the twelve months ending with `today`'s, per kind. An item counts in
 * the month it fell due once that day has passed or it is done: on time when done on or before the due day
 * (done on the due day is on time), late when done after it or still not done after it. Items due later in
 * the current month and not yet done are not counted yet. `months` may name other months (an export's).
Items done on time may come counted instead of listed (`countedOnTime`, see OnTimeTally); they add the same.
 *
 * @example
 * onTimeByMonth([{ kind: 'visit', dueOn: '2026-02-10', doneOn: '2026-02-10', … }], '2026-03-04')
 * //=> [… { month: '2026-02', byKind: { visit: { onTime: 1, late: 0, rate: 100, lateCases: [] }, … } }, { month: '2026-03', … }]
 */
export function onTimeByMonth(
  items: readonly TimelinessItem[],
  today: LocalDate,
  months: readonly string[] = monthsEndingWith(today),
  countedOnTime: readonly OnTimeTally[] = [],
): OnTimeMonth[] {
  const tallies = new Map(months.map((month) => [month, new Map<ObligationKind, { onTime: number; late: string[] }>()]));
  for (const counted of countedOnTime) {
    const ofMonth = tallies.get(counted.month);
    if (ofMonth === undefined) continue;
    const tally = ofMonth.get(counted.kind) ?? { onTime: 0, late: [] };
    tally.onTime += counted.count;
    ofMonth.set(counted.kind, tally);
  }
  for (const item of items) {
    const ofMonth = tallies.get(item.dueOn.slice(0, 7));
    if (ofMonth === undefined) continue;
    const settled = item.doneOn !== undefined || compareLocalDates(item.dueOn, today) < 0;
    if (!settled) continue;
    const tally = ofMonth.get(item.kind) ?? { onTime: 0, late: [] };
    if (isDoneOnTime(item)) tally.onTime += 1;
    else tally.late.push(item.caseReference);
    ofMonth.set(item.kind, tally);
  }
  return months.map((month) => {
    const ofMonth = tallies.get(month) ?? new Map<ObligationKind, { onTime: number; late: string[] }>();
    const byKind = forEveryKind((kind): OnTimeCount => {
      const tally = ofMonth.get(kind) ?? { onTime: 0, late: [] };
      return { onTime: tally.onTime, late: tally.late.length, rate: percent(tally.onTime, tally.onTime + tally.late.length), lateCases: sorted(tally.late) };
    });
    return { month, byKind };
  });
}

/**
 * Overdue items (due before `today`, not done) per worker, most first, then by worker id.
 *
 * @example
 * overduePerWorker(items, '2026-03-04') //=> [{ workerId: 'w-2', overdue: 3, caseReferences: ['AB12', 'CD34', 'CD34'] }, …]
 */
export function overduePerWorker(items: readonly TimelinessItem[], today: LocalDate): WorkerOverdue[] {
  const byWorker = new Map<string, string[]>();
  for (const item of items) {
    if (item.doneOn !== undefined || compareLocalDates(item.dueOn, today) >= 0) continue;
    pushTo(byWorker, item.workerId, item.caseReference);
  }
  return [...byWorker]
    .map(([workerId, references]) => ({ workerId, overdue: references.length, caseReferences: sorted(references) }))
    .sort((left, right) => right.overdue - left.overdue || left.workerId.localeCompare(right.workerId));
}

/**
 * The census-style indicators per month, for the twelve months ending with `today`'s. Assessments: those
 * completed in the month, and how many within 45 working days of the referral (the referral day is day 0;
 * weekends and bank holidays are not counted; completed on the 45th working day is within). Plans: of the cases
 * open at the month's end (or on `today`, for the current month), how many had a plan started and not ended.
 *
 * @example
 * censusByMonth([{ caseReference: 'AB12', openedOn: '2026-01-05', referralOn: '2026-01-05', assessmentCompletedOn: '2026-03-09', … }], '2026-03-31', calendar)
 * //=> [… { month: '2026-03', assessmentsCompleted: 1, assessmentsWithin45: 1, … }]
 */
export function censusByMonth(cases: readonly CaseCensusDates[], today: LocalDate, calendar: HolidayCalendar, months: readonly string[] = monthsEndingWith(today)): CensusMonth[] {
  // Many cases share a referral date, and counting 45 working days walks 60-odd days: count each date once.
  const deadlines = new Map<LocalDate, LocalDate>();
  const deadlineOf = (referralOn: LocalDate): LocalDate => {
    let deadline = deadlines.get(referralOn);
    if (deadline === undefined) {
      deadline = addWorkingDays(referralOn, ASSESSMENT_WORKING_DAYS, calendar).date;
      deadlines.set(referralOn, deadline);
    }
    return deadline;
  };
  return months.map((month) => {
    const monthEnd = minDate(lastDayOf(month), today);
    let completed = 0;
    let within = 0;
    const lateAssessments: string[] = [];
    let open = 0;
    let withPlan = 0;
    const withoutPlan: string[] = [];
    for (const record of cases) {
      const completedOn = record.assessmentCompletedOn;
      if (completedOn !== undefined && completedOn.startsWith(month) && compareLocalDates(completedOn, today) <= 0) {
        completed += 1;
        if (record.referralOn !== undefined && compareLocalDates(completedOn, deadlineOf(record.referralOn)) <= 0) within += 1;
        else lateAssessments.push(record.caseReference);
      }
      if (!openOn(record, monthEnd)) continue;
      open += 1;
      if (planActiveOn(record, monthEnd)) withPlan += 1;
      else withoutPlan.push(record.caseReference);
    }
    return {
      month,
      assessmentsCompleted: completed,
      assessmentsWithin45: within,
      assessmentsWithin45Rate: percent(within, completed),
      assessmentsLateCases: sorted(lateAssessments),
      openCases: open,
      openCasesWithPlan: withPlan,
      withPlanRate: percent(withPlan, open),
      withoutPlanCases: sorted(withoutPlan),
    };
  });
}

function openOn(record: CaseCensusDates, day: LocalDate): boolean {
  return compareLocalDates(record.openedOn, day) <= 0 && (record.closedOn === undefined || compareLocalDates(record.closedOn, day) > 0);
}

function planActiveOn(record: CaseCensusDates, day: LocalDate): boolean {
  const started = record.planStartedOn;
  if (started === undefined || compareLocalDates(started, day) > 0) return false;
  const ended = record.planClosedOn;
  // A plan end before its (latest) start belongs to an earlier plan.
  return ended === undefined || compareLocalDates(ended, started) < 0 || compareLocalDates(ended, day) > 0;
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

function pushTo<Key>(map: Map<Key, string[]> | undefined, key: Key, value: string): void {
  if (map === undefined) return;
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function countedByKind(byKind: ReadonlyMap<ObligationKind, readonly string[]>): Record<ObligationKind, CountedCases> {
  return forEveryKind((kind) => {
    const references = sorted(byKind.get(kind) ?? []);
    return { count: references.length, caseReferences: references };
  });
}

function sorted(references: readonly string[]): string[] {
  return [...references].sort();
}
