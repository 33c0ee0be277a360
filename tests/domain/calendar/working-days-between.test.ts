import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addWorkingDays } from '../../../domain/calendar/add-working-days.js';
import { englandAndWalesCalendar } from '../../../domain/calendar/holiday-calendar.js';
import { workingDaysBetween } from '../../../domain/calendar/working-days-between.js';
import type { LocalDate } from '../../../domain/dates/local-date.js';
import { aLocalDate } from '../../helpers/arbitraries.js';

const calendar = englandAndWalesCalendar();
const between = (from: string, to: string) => workingDaysBetween(from as LocalDate, to as LocalDate, calendar);

describe('workingDaysBetween', () => {
  it('counts the days after the first up to and including the last: Thursday 26 to Monday 30 March 2026 is 2', () => {
    // Fri 27 (1), Sat 28 and Sun 29 skipped, Mon 30 (2)
    expect(between('2026-03-26', '2026-03-30')).toBe(2);
  });

  it('skips Good Friday 3 and Easter Monday 6 April 2026: Thursday 2 to Tuesday 7 is 1', () => {
    expect(between('2026-04-02', '2026-04-07')).toBe(1);
  });

  it('skips Christmas, Boxing Day substitute and New Year: Thursday 24 December 2026 to Monday 4 January 2027 is 4', () => {
    // Fri 25 Christmas, Mon 28 Boxing Day (substitute), Fri 1 Jan: Tue 29, Wed 30, Thu 31, Mon 4
    expect(between('2026-12-24', '2027-01-04')).toBe(4);
  });

  it('is none for the same day, a weekend after a Friday, or a day before the first', () => {
    expect(between('2026-03-09', '2026-03-09')).toBe(0);
    expect(between('2026-03-06', '2026-03-08')).toBe(0);
    expect(between('2026-03-09', '2026-03-02')).toBe(0);
  });

  it('undoes addWorkingDays', () => {
    fc.assert(
      fc.property(aLocalDate(), fc.integer({ min: 0, max: 60 }), (from, amount) => between(from, addWorkingDays(from, amount, calendar).date) === amount),
    );
  });
});
