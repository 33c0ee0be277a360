import { dayOfWeek, type LocalDate } from '../dates/local-date.js';
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
  let current = date;
  let counted = 0;
  while (counted < Math.abs(amount)) {
    current = addCalendarDays(current, step);
    if (isWorkingDay(current, calendar)) {
      counted += 1;
      continue;
    }
    const holiday = calendar.holidayOn(current);
    if (holiday !== undefined && isWeekday(current)) skippedHolidays.push({ date: current, name: holiday });
  }
  return { date: current, skippedHolidays };
}

function isWeekday(date: LocalDate): boolean {
  const weekday = dayOfWeek(date);
  return weekday !== 0 && weekday !== 6;
}
