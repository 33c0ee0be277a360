import { describe, expect, it } from 'vitest';
import { englandAndWalesCalendar } from '../../../domain/calendar/holiday-calendar.js';
import { isWorkingDay } from '../../../domain/calendar/is-working-day.js';
import { addCalendarDays } from '../../../domain/calendar/add-calendar-days.js';
import { dayOfWeek, type LocalDate } from '../../../domain/dates/local-date.js';
import published from '../../fixtures/bank-holidays-england-wales.json' with { type: 'json' };

const calendar = englandAndWalesCalendar();

function weekdayHolidaysOf(year: number): string[] {
  const days: string[] = [];
  for (let date = `${year}-01-01` as LocalDate; date.startsWith(String(year)); date = addCalendarDays(date, 1)) {
    const weekday = dayOfWeek(date);
    if (weekday !== 0 && weekday !== 6 && calendar.holidayOn(date) !== undefined) days.push(date);
  }
  return days;
}

describe('englandAndWalesCalendar', () => {
  it.each(Object.entries(published.dates))('gives exactly the published days off in %s', (year, days) => {
    expect(weekdayHolidaysOf(Number(year))).toEqual(days);
  });

  it.each([
    ['2026-12-28', 'Boxing Day (substitute day)'],
    ['2027-12-27', 'Christmas Day (substitute day)'],
    ['2027-12-28', 'Boxing Day (substitute day)'],
    ['2028-01-03', "New Year's Day (substitute day)"],
    ['2026-08-31', 'Summer bank holiday'],
  ])('names %s as %s', (date, name) => {
    expect(calendar.holidayOn(date as LocalDate)).toBe(name);
  });

  it('does not count observances: Easter Sunday and Mother\u2019s Day are not holidays', () => {
    expect(calendar.holidayOn('2026-04-05' as LocalDate /* Easter Sunday */)).toBeUndefined();
    expect(calendar.holidayOn('2026-03-15' as LocalDate /* Mothering Sunday */)).toBeUndefined();
  });

  it('treats weekends and bank holidays as non-working, ordinary weekdays as working', () => {
    expect(isWorkingDay('2026-04-03' as LocalDate /* Good Friday */, calendar)).toBe(false);
    expect(isWorkingDay('2026-04-04' as LocalDate /* Saturday */, calendar)).toBe(false);
    expect(isWorkingDay('2026-04-07' as LocalDate /* Tuesday after Easter */, calendar)).toBe(true);
  });
});
