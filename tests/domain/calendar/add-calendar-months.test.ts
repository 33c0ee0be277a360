import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarMonths } from '../../../domain/calendar/add-calendar-months.js';
import type { LocalDate } from '../../../domain/dates/local-date.js';
import { aLocalDate } from '../../helpers/arbitraries.js';

describe('addCalendarMonths', () => {
  it.each([
    ['2025-11-30', 3, '2026-02-28' /* clamped: February 2026 has 28 days */],
    ['2027-11-30', 3, '2028-02-29' /* 2028 is a leap year */],
    ['2026-08-31', 1, '2026-09-30'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2026-03-16', 6, '2026-09-16'],
    ['2026-01-12', 9, '2026-10-12'],
    ['2026-05-31', -3, '2026-02-28' /* counting back clamps too */],
  ])('%s + %i months is %s', (date, amount, expected) => {
    expect(addCalendarMonths(date as LocalDate, amount)).toBe(expected);
  });

  it('keeps the day of the month whenever the target month has it', () => {
    fc.assert(
      fc.property(aLocalDate(), fc.integer({ min: 1, max: 24 }), (date, amount) => {
        const result = addCalendarMonths(date, amount);
        const day = Number(date.slice(8));
        if (day <= 28) expect(result.slice(8)).toBe(date.slice(8));
        else expect(Number(result.slice(8))).toBeLessThanOrEqual(day);
      }),
    );
  });
});
