import { compareLocalDates, fromUtcDate, type LocalDate } from '../dates/local-date.js';
import { addCalendarDays } from './add-calendar-days.js';
import type { HolidayCalendar } from './holiday-calendar.js';
import { isWorkingDay } from './is-working-day.js';

export interface SkippedHoliday {
  readonly date: LocalDate;
  readonly name: string;
}

export interface WorkingDaysResult {
  readonly date: LocalDate;
  /** Bank holidays on weekdays passed over while counting, in the order met. */
  readonly skippedHolidays: readonly SkippedHoliday[];
}

/**
 * The Nth working day after `date` (or before it, when `amount` is negative). `date` itself is day 0, whether
 * or not it is a working day, as `design/timescales.md` requires.
 *
 * @example
 * addWorkingDays('2026-04-01', 15, englandAndWalesCalendar())
 * //=> { date: '2026-04-24', skippedHolidays: [Good Friday 3 April, Easter Monday 6 April] }
 */
export function addWorkingDays(date: LocalDate, amount: number, calendar: HolidayCalendar): WorkingDaysResult {
  const step = amount < 0 ? -1 : 1;
  const skippedHolidays: SkippedHoliday[] = [];
  // One UTC day moved along, and a date written only for a weekday (a weekend is never a working day, and a holiday
  // on one is not reported): every answer with a working-day timescale counts its days here.
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const cursor = new Date(Date.UTC(year, month - 1, day));
  let current = date;
  let counted = 0;
  while (counted < Math.abs(amount)) {
    cursor.setUTCDate(cursor.getUTCDate() + step);
    const weekday = cursor.getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    current = fromUtcDate(cursor);
    const holiday = calendar.holidayOn(current);
    if (holiday === undefined) counted += 1;
    else skippedHolidays.push({ date: current, name: holiday });
  }
  return { date: current, skippedHolidays };
}

/**
 * The `amount`th working day after each of `dates` (`amount` at least 1), exactly as addWorkingDays gives it,
 * walking the calendar once over the dates' span rather than once for each date: a team's thousands of
 * assessments come from a few hundred referral days, each 60-odd days from its deadline.
 *
 * @example
 * workingDaysAfterEach(['2026-03-05', '2026-03-06'], 45, englandAndWalesCalendar())
 * //=> Map { '2026-03-05' => '2026-05-12', '2026-03-06' => '2026-05-13' }
 */
export function workingDaysAfterEach(dates: Iterable<LocalDate>, amount: number, calendar: HolidayCalendar): Map<LocalDate, LocalDate> {
  if (!Number.isInteger(amount) || amount < 1) throw new RangeError('workingDaysAfterEach counts at least one working day forward');
  const ascending = [...new Set(dates)].sort();
  const deadlines = new Map<LocalDate, LocalDate>();
  // Every working day walked so far, in order; `firstAfter` indexes the first one after the date in hand.
  const workingDays: LocalDate[] = [];
  let walked = ascending[0];
  let firstAfter = 0;
  for (const date of ascending) {
    while (firstAfter < workingDays.length && compareLocalDates(workingDays[firstAfter] ?? date, date) <= 0) firstAfter += 1;
    // Days between the last walked and this date count for no date: start again from it.
    if (firstAfter === workingDays.length && walked !== undefined && compareLocalDates(walked, date) < 0) walked = date;
    while (walked !== undefined && workingDays.length < firstAfter + amount) {
      walked = addCalendarDays(walked, 1);
      if (isWorkingDay(walked, calendar)) workingDays.push(walked);
    }
    const deadline = workingDays[firstAfter + amount - 1];
    if (deadline !== undefined) deadlines.set(date, deadline);
  }
  return deadlines;
}
