import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addWorkingDays, workingDaysAfterEach } from '../../../domain/calendar/add-working-days.js';
import { englandAndWalesCalendar } from '../../../domain/calendar/holiday-calendar.js';
import { isWorkingDay } from '../../../domain/calendar/is-working-day.js';
import { addCalendarDays } from '../../../domain/calendar/add-calendar-days.js';
import { compareLocalDates, dayOfWeek, type LocalDate } from '../../../domain/dates/local-date.js';
import { aLocalDate } from '../../helpers/arbitraries.js';

const calendar = englandAndWalesCalendar();
const add = (date: string, amount: number) => addWorkingDays(date as LocalDate, amount, calendar);

describe('addWorkingDays', () => {
  it('counts the anchor as day 0: Monday + 1 is Tuesday', () => {
    expect(add('2026-03-02', 1).date).toBe('2026-03-03');
  });

  it('steps over a weekend: Friday + 1 is Monday', () => {
    expect(add('2026-03-06', 1).date).toBe('2026-03-09');
  });

  it('counts from a Saturday anchor as day 0: Saturday + 1 is Monday', () => {
    expect(add('2026-03-07', 1).date).toBe('2026-03-09');
  });

  it('skips Easter Monday 6 April 2026 and Good Friday 3 April', () => {
    // Thu 2 Apr + 2: Fri 3 (Good Friday) and Mon 6 (Easter Monday) are skipped → Tue 7 (1), Wed 8 (2)
    expect(add('2026-04-02', 2)).toEqual({
      date: '2026-04-08',
      skippedHolidays: [
        { date: '2026-04-03', name: 'Good Friday' },
        { date: '2026-04-06', name: 'Easter Monday' },
      ],
    });
  });

  it('skips Christmas 2026 with the Boxing Day substitute on Monday 28 December', () => {
    // Thu 24 Dec + 1: Fri 25 Christmas, Sat, Sun, Mon 28 substitute → Tue 29
    expect(add('2026-12-24', 1).date).toBe('2026-12-29');
  });

  it('counts back: 10 working days before Monday 21 September 2026 is Monday 7 September', () => {
    expect(add('2026-09-21', -10).date).toBe('2026-09-07');
  });

  it('counts back over the August bank holiday: 2 working days before Tuesday 1 September 2026 is Thursday 27 August', () => {
    // Mon 31 Aug is the bank holiday: Fri 28 (1), Thu 27 (2)
    expect(add('2026-09-01', -2)).toEqual({
      date: '2026-08-27',
      skippedHolidays: [{ date: '2026-08-31', name: 'Summer bank holiday' }],
    });
  });

  it('adding 0 returns the anchor, working day or not', () => {
    expect(add('2026-12-25', 0).date).toBe('2026-12-25');
  });

  it('always lands on a working day when N > 0', () => {
    fc.assert(
      fc.property(aLocalDate(), fc.integer({ min: 1, max: 60 }), (date, amount) => {
        expect(isWorkingDay(addWorkingDays(date, amount, calendar).date, calendar)).toBe(true);
      }),
    );
  });

  it('adding then subtracting N working days from a working day returns it', () => {
    fc.assert(
      fc.property(aLocalDate().filter((date) => isWorkingDay(date, calendar)), fc.integer({ min: 0, max: 60 }), (date, amount) => {
        const forward = addWorkingDays(date, amount, calendar).date;
        expect(addWorkingDays(forward, -amount, calendar).date).toBe(date);
      }),
    );
  });

  it('is monotonic: more working days never give an earlier date', () => {
    fc.assert(
      fc.property(aLocalDate(), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 }), (date, first, extra) => {
        const nearer = addWorkingDays(date, first, calendar).date;
        const further = addWorkingDays(date, first + extra, calendar).date;
        expect(compareLocalDates(nearer, further)).toBeLessThanOrEqual(0);
      }),
    );
  });

  it('N + 1 working days is the next working day after N working days', () => {
    fc.assert(
      fc.property(aLocalDate(), fc.integer({ min: 0, max: 40 }), (date, amount) => {
        const dayN = addWorkingDays(date, amount, calendar).date;
        expect(addWorkingDays(date, amount + 1, calendar).date).toBe(addWorkingDays(dayN, 1, calendar).date);
      }),
    );
  });

  it('gives what counting day by day with isWorkingDay gives, skipped weekday holidays included, either way', () => {
    fc.assert(
      fc.property(aLocalDate(), fc.integer({ min: -60, max: 60 }), (date, amount) => {
        expect(addWorkingDays(date, amount, calendar)).toEqual(countedDayByDay(date, amount));
      }),
      { numRuns: 2000 },
    );
  });
});

/** The definition, one calendar day at a time: the Nth working day, and the weekday bank holidays passed over. */
function countedDayByDay(date: LocalDate, amount: number): { date: LocalDate; skippedHolidays: { date: LocalDate; name: string }[] } {
  const step = amount < 0 ? -1 : 1;
  const skippedHolidays: { date: LocalDate; name: string }[] = [];
  let current = date;
  let counted = 0;
  while (counted < Math.abs(amount)) {
    current = addCalendarDays(current, step);
    if (isWorkingDay(current, calendar)) counted += 1;
    else if (dayOfWeek(current) !== 0 && dayOfWeek(current) !== 6) skippedHolidays.push({ date: current, name: calendar.holidayOn(current) ?? '' });
  }
  return { date: current, skippedHolidays };
}

describe('workingDaysAfterEach', () => {
  it('gives the 45th working day after referrals around Easter and Christmas, as counted by hand', () => {
    // Thursday 5 March 2026: Good Friday, Easter Monday and 4 May skipped, the 45th is Tuesday 12 May. Saturday
    // 7 March is day 0 like any day, and Friday 6 March is not counted from it: its 45th is Wednesday 13 May.
    // Friday 18 December 2026: Christmas Day, the substitute Boxing Day (Monday 28th) and New Year's Day skipped.
    const deadlines = workingDaysAfterEach(['2026-12-18', '2026-03-05', '2026-03-07', '2026-03-05'] as LocalDate[], 45, calendar);
    expect(Object.fromEntries(deadlines)).toEqual({ '2026-03-05': '2026-05-12', '2026-03-07': '2026-05-13', '2026-12-18': '2027-02-24' });
  });

  it('agrees with addWorkingDays for any dates and count', () => {
    fc.assert(
      fc.property(fc.array(aLocalDate(), { maxLength: 30 }), fc.integer({ min: 1, max: 70 }), (dates, amount) => {
        const deadlines = workingDaysAfterEach(dates, amount, calendar);
        expect(deadlines.size).toBe(new Set(dates).size);
        for (const date of dates) expect(deadlines.get(date)).toBe(add(date, amount).date);
      }),
    );
  });

  it('refuses to count nothing or backwards', () => {
    expect(() => workingDaysAfterEach(['2026-03-05' as LocalDate], 0, calendar)).toThrow(RangeError);
  });
});
