import { fromUtcDate, type LocalDate } from '../dates/local-date.js';
import type { HolidayCalendar } from './holiday-calendar.js';

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
