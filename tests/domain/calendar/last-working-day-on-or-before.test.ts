import { describe, expect, it } from 'vitest';
import { englandAndWalesCalendar } from '../../../domain/calendar/holiday-calendar.js';
import { lastWorkingDayOnOrBefore } from '../../../domain/calendar/last-working-day-on-or-before.js';
import type { LocalDate } from '../../../domain/dates/local-date.js';

const calendar = englandAndWalesCalendar();

describe('lastWorkingDayOnOrBefore', () => {
  it.each([
    ['2027-02-14' /* Sun */, '2027-02-12' /* Fri */],
    ['2026-04-06' /* Easter Monday */, '2026-04-02' /* Thu: Good Friday is a bank holiday too */],
    ['2026-12-28' /* substitute Boxing Day */, '2026-12-24' /* Thu */],
    ['2026-03-03' /* Tue, a working day */, '2026-03-03'],
  ])('%s → %s', (date, expected) => {
    expect(lastWorkingDayOnOrBefore(date as LocalDate, calendar)).toBe(expected);
  });
});
