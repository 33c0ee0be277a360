import { describe, expect, it } from 'vitest';
import type { LocalDate } from '../../../domain/dates/local-date.js';
import { repeatDaysAfter } from '../../../domain/reminders/repeat-days.js';
import { calendar } from '../../helpers/policy.js';

const on = (date: string) => date as LocalDate;

describe('repeatDaysAfter', () => {
  it('starts the next working day after Christmas Eve 2026 and repeats every Tuesday', () => {
    // After Thu 24 Dec: Fri 25 Christmas, Sat, Sun, Mon 28 Boxing Day substitute → Tue 29; then Tue 5 and Tue 12 Jan.
    expect(repeatDaysAfter(on('2026-12-24'), 7, on('2027-01-12'), calendar)).toEqual(['2026-12-29', '2027-01-05', '2027-01-12']);
  });

  it('moves a repeat landing on Good Friday 3 April 2026 back to Thursday 2 April', () => {
    // After Thu 19 Mar: Fri 20, 27 Mar, Fri 3 Apr (Good Friday) → Thu 2 Apr, Fri 10 Apr.
    expect(repeatDaysAfter(on('2026-03-19'), 7, on('2026-04-10'), calendar)).toEqual(['2026-03-20', '2026-03-27', '2026-04-02', '2026-04-10']);
  });

  it('gives nothing when the horizon comes before the first one', () => {
    expect(repeatDaysAfter(on('2026-12-24'), 7, on('2026-12-28'), calendar)).toEqual([]);
  });
});
