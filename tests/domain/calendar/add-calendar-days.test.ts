import { UTCDate } from '@date-fns/utc';
import { addDays, format } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays } from '../../../domain/calendar/add-calendar-days.js';
import { dayOfWeek, parseLocalDate, type LocalDate } from '../../../domain/dates/local-date.js';

const dates = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((instant) => instant.toISOString().slice(0, 10) as LocalDate);

// Worked out by hand, as the working-day counts are; the properties below check the rest against date-fns.
describe('addCalendarDays', () => {
  it.each([
    ['2026-03-04', 14, '2026-03-18'],
    ['2026-03-28', 2, '2026-03-30'], // over the clocks going forward (29 March 2026)
    ['2026-10-24', 2, '2026-10-26'], // over the clocks going back (25 October 2026)
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-01-01', -1, '2025-12-31'],
  ])('%s plus %i days is %s', (date, amount, expected) => {
    expect(addCalendarDays(date as LocalDate, amount)).toBe(expected);
  });

  it('agrees with date-fns addDays in UTC for any date and count', () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: -800, max: 800 }), (date, amount) => {
        const [year, month, day] = date.split('-').map(Number) as [number, number, number];
        expect(addCalendarDays(date, amount)).toBe(format(addDays(new UTCDate(year, month - 1, day), amount), 'yyyy-MM-dd'));
      }),
    );
  });
});

describe('dayOfWeek and parseLocalDate', () => {
  it('agree with a UTCDate for any date', () => {
    fc.assert(
      fc.property(dates, (date) => {
        const [year, month, day] = date.split('-').map(Number) as [number, number, number];
        expect(dayOfWeek(date)).toBe(new UTCDate(year, month - 1, day).getDay());
        expect(parseLocalDate(date)).toBe(date);
      }),
    );
  });

  it.each(['2026-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '1899-12-31'])('refuses %s', (text) => {
    expect(parseLocalDate(text)).toBeUndefined();
  });
});
