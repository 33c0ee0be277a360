import { addCalendarDays } from '../calendar/add-calendar-days.js';
import { addCalendarMonths } from '../calendar/add-calendar-months.js';
import { addWorkingDays, type SkippedHoliday } from '../calendar/add-working-days.js';
import type { HolidayCalendar } from '../calendar/holiday-calendar.js';
import { isWorkingDay } from '../calendar/is-working-day.js';
import { lastWorkingDayOnOrBefore } from '../calendar/last-working-day-on-or-before.js';
import { dayOfWeek, type LocalDate } from '../dates/local-date.js';
import { assertNever } from '../result.js';
import type { Offset } from './offset.js';
import type { DueDate, Landing } from './working.js';

const DAY_NUMBER_AMBIGUITY =
  'The procedure counts "by day N" without saying whether the start is day 0 or day 1. ' +
  'This date reads the start as day 1 and counts working days; ' +
  'read with the start as day 0, it would be one working day later.';

/**
 * The due date `offset` away from `anchorDate`, with its working, by the one convention of
 * `design/timescales.md`. A calendar-counted date that lands on a weekend or bank holiday stays that date; the
 * working names the last working day before it.
 *
 * @example
 * dueDate('2026-03-09', { unit: 'workingDays', amount: 15, direction: 'after' }, englandAndWalesCalendar()).dueOn
 * //=> '2026-03-30'
 * dueDate('2025-11-30', { unit: 'months', amount: 3, direction: 'after' }, englandAndWalesCalendar()).dueOn
 * //=> '2026-02-28' (Saturday; last working day before it Friday 27 February)
 */
export function dueDate(anchorDate: LocalDate, offset: Offset, calendar: HolidayCalendar): DueDate {
  const sign = offset.direction === 'after' ? 1 : -1;
  const counted = countFrom(anchorDate, offset, sign, calendar);
  const landing =
    offset.unit === 'workingDays' || offset.unit === 'dayNumber'
      ? ({ kind: 'working-day' } as const)
      : landingOf(counted.date, calendar);
  return {
    dueOn: counted.date,
    working: {
      anchorDate,
      offset,
      calendar: calendar.name,
      method: counted.method,
      skippedHolidays: counted.skippedHolidays,
      landing,
      ...(offset.unit === 'dayNumber' ? { ambiguity: DAY_NUMBER_AMBIGUITY } : {}),
    },
  };
}

interface Counted {
  readonly date: LocalDate;
  readonly method: string;
  readonly skippedHolidays: readonly SkippedHoliday[];
}

function countFrom(anchorDate: LocalDate, offset: Offset, sign: number, calendar: HolidayCalendar): Counted {
  switch (offset.unit) {
    case 'workingDays': {
      const result = addWorkingDays(anchorDate, sign * offset.amount, calendar);
      return { ...result, method: 'working days (Monday to Friday, not bank holidays); the anchor day is day 0' };
    }
    case 'dayNumber': {
      const result = addWorkingDays(anchorDate, sign * Math.max(offset.amount - 1, 0), calendar);
      return { ...result, method: 'working days; the anchor day is day 1' };
    }
    case 'days':
      return { date: addCalendarDays(anchorDate, sign * offset.amount), method: 'calendar days', skippedHolidays: [] };
    case 'weeks':
      return {
        date: addCalendarDays(anchorDate, sign * 7 * offset.amount),
        method: 'calendar weeks of 7 days',
        skippedHolidays: [],
      };
    case 'months':
      return {
        date: addCalendarMonths(anchorDate, sign * offset.amount),
        method: 'calendar months; in a shorter month, its last day',
        skippedHolidays: [],
      };
    default:
      return assertNever(offset.unit);
  }
}

function landingOf(date: LocalDate, calendar: HolidayCalendar): Landing {
  if (isWorkingDay(date, calendar)) return { kind: 'working-day' };
  const holiday = calendar.holidayOn(date);
  const weekday = dayOfWeek(date);
  const lastWorkingDayBefore = lastWorkingDayOnOrBefore(date, calendar);
  if (weekday === 0 || weekday === 6) return { kind: 'weekend', ...(holiday ? { holiday } : {}), lastWorkingDayBefore };
  return { kind: 'bank-holiday', holiday: holiday ?? 'bank holiday', lastWorkingDayBefore };
}
