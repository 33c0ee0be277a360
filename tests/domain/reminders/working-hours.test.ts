import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LocalDate } from '../../../domain/dates/local-date.js';
import {
  deliveryTimeFor,
  isWithinWorkingHours,
  LocalTimeSchema,
  WorkingHoursSchema,
  type LocalTime,
  type LondonDateTime,
} from '../../../domain/reminders/working-hours.js';
import { aLocalDate } from '../../helpers/arbitraries.js';
import { calendar } from '../../helpers/policy.js';

const at = (date: string, time: string): LondonDateTime => ({ date: date as LocalDate, time: time as LocalTime });

describe('isWithinWorkingHours', () => {
  it('opens at 08:00 and closes at 18:00 on a working day', () => {
    expect(isWithinWorkingHours(at('2026-12-29' /* Tue */, '07:59'), calendar)).toBe(false);
    expect(isWithinWorkingHours(at('2026-12-29', '08:00'), calendar)).toBe(true);
    expect(isWithinWorkingHours(at('2026-12-29', '17:59'), calendar)).toBe(true);
    expect(isWithinWorkingHours(at('2026-12-29', '18:00'), calendar)).toBe(false);
  });

  it('is closed all day on weekends and bank holidays', () => {
    expect(isWithinWorkingHours(at('2026-04-03' /* Good Friday */, '10:00'), calendar)).toBe(false);
    expect(isWithinWorkingHours(at('2026-12-28' /* Mon, Boxing Day substitute */, '10:00'), calendar)).toBe(false);
    expect(isWithinWorkingHours(at('2026-11-28' /* Sat */, '10:00'), calendar)).toBe(false);
  });

  it('follows a configured window', () => {
    const hours = WorkingHoursSchema.parse({ from: '09:30', to: '16:00' });
    expect(isWithinWorkingHours(at('2026-12-29', '09:00'), calendar, hours)).toBe(false);
    expect(isWithinWorkingHours(at('2026-12-29', '15:59'), calendar, hours)).toBe(true);
  });
});

describe('deliveryTimeFor', () => {
  it('sends a reminder planned for a working day at 08:00 that day', () => {
    expect(deliveryTimeFor('2026-12-24' as LocalDate /* Thu */, calendar)).toEqual(at('2026-12-24', '08:00'));
  });

  it('holds 19:30 on a Friday until 08:00 on Monday', () => {
    expect(deliveryTimeFor(at('2026-11-27' /* Fri */, '19:30'), calendar)).toEqual(at('2026-11-30' /* Mon */, '08:00'));
  });

  it('holds 07:00 on Tuesday 29 December 2026 until 08:00 the same day', () => {
    expect(deliveryTimeFor(at('2026-12-29', '07:00'), calendar)).toEqual(at('2026-12-29', '08:00'));
  });

  it('holds anything on Christmas Day 2026 until Tuesday 29 December', () => {
    // Fri 25 Christmas, Sat 26, Sun 27, Mon 28 Boxing Day substitute.
    expect(deliveryTimeFor(at('2026-12-25', '10:00'), calendar)).toEqual(at('2026-12-29', '08:00'));
    expect(deliveryTimeFor('2026-12-25' as LocalDate, calendar)).toEqual(at('2026-12-29', '08:00'));
  });

  it('holds 18:00 on Christmas Eve until Tuesday 29 December, and leaves 14:15 as it is', () => {
    expect(deliveryTimeFor(at('2026-12-24', '18:00'), calendar)).toEqual(at('2026-12-29', '08:00'));
    expect(deliveryTimeFor(at('2026-12-24', '14:15'), calendar)).toEqual(at('2026-12-24', '14:15'));
  });

  it('uses the configured start', () => {
    const hours = WorkingHoursSchema.parse({ from: '09:30', to: '16:00' });
    expect(deliveryTimeFor(at('2026-12-31', '16:00'), calendar, hours)).toEqual(at('2027-01-04', '09:30'));
  });

  it('always lands within working hours, never earlier than asked', () => {
    const aTime = fc
      .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
      .map(([hour, minute]) => `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}` as LocalTime);
    fc.assert(
      fc.property(aLocalDate(), aTime, (date, time) => {
        const delivered = deliveryTimeFor({ date, time }, calendar);
        return isWithinWorkingHours(delivered, calendar) && `${delivered.date} ${delivered.time}` >= `${date} ${time}`;
      }),
    );
  });
});

describe('WorkingHoursSchema', () => {
  it('refuses a window that ends before it starts, and times not written HH:MM', () => {
    expect(WorkingHoursSchema.safeParse({ from: '18:00', to: '08:00' }).success).toBe(false);
    expect(WorkingHoursSchema.safeParse({ from: '08:00', to: '08:00' }).success).toBe(false);
    expect(LocalTimeSchema.safeParse('8:00').success).toBe(false);
    expect(LocalTimeSchema.safeParse('24:00').success).toBe(false);
  });
});
