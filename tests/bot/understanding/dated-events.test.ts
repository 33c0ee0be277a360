import { describe, expect, it } from 'vitest';
import type { LocalDate } from '../../../domain/dates/local-date.js';
import { datedEventsIn } from '../../../bot/understanding/dated-events.js';

const today = '2026-02-20' as LocalDate;

describe('datedEventsIn: each event with the date the message gives it', () => {
  it('pairs each clause\u2019s events with its own date', () => {
    expect(datedEventsIn('referral came in 2 feb, c&f assessment done and TM decided on 16 feb that a cin plan is needed', today)).toEqual([
      { event: 'referral-received', on: '2026-02-02' },
      { event: 'plan-decision', on: '2026-02-16' },
    ]);
  });

  it('cuts a clause with two dates after each date', () => {
    expect(datedEventsIn('camden - review due 20th jan got cancelled on the 12th, when by must it be held', '2026-01-14' as LocalDate)).toEqual([
      { event: 'review-cancelled', on: '2026-01-12' },
    ]);
    expect(datedEventsIn('review held 3 march 2025 then plan agreed 10 march 2026', today)).toEqual([
      { event: 'review-held', on: '2025-03-03' },
      { event: 'plan-started', on: '2026-03-10' },
    ]);
  });

  it('pairs nothing where a clause gives events but no date', () => {
    expect(datedEventsIn('referral and assessment both done, plan needed', today)).toEqual([]);
  });
});
