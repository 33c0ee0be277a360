import { describe, expect, it } from 'vitest';
import type { LocalDate } from '../../../domain/dates/local-date.js';
import { isoWeekOf, teamWeekKey, teamWeekSendDay } from '../../../domain/reminders/team-week.js';
import { calendar } from '../../helpers/policy.js';

const on = (date: string) => date as LocalDate;

describe("the manager's weekly card day", () => {
  it('is the Monday of an ordinary week, whichever day of the week is asked', () => {
    for (const day of ['2026-03-23', '2026-03-25', '2026-03-29']) expect(teamWeekSendDay(on(day), calendar)).toBe('2026-03-23');
  });

  it('is the Tuesday after Easter Monday, the early May, spring and summer bank holidays', () => {
    expect(teamWeekSendDay(on('2026-04-06'), calendar)).toBe('2026-04-07');
    expect(teamWeekSendDay(on('2026-05-08'), calendar)).toBe('2026-05-05');
    expect(teamWeekSendDay(on('2026-05-25'), calendar)).toBe('2026-05-26');
    expect(teamWeekSendDay(on('2026-08-31'), calendar)).toBe('2026-09-01');
  });

  it('is the Tuesday in Christmas week 2026, when Boxing Day moves to Monday 28 December', () => {
    // Christmas Day is Friday 25 December; Saturday 26 December's bank holiday is Monday 28 December.
    expect(teamWeekSendDay(on('2026-12-30'), calendar)).toBe('2026-12-29');
  });
});

describe('the ISO week of the card key', () => {
  it('runs Monday to Sunday and belongs to the year of its Thursday', () => {
    expect(isoWeekOf(on('2026-03-23'))).toBe('2026-W13');
    expect(isoWeekOf(on('2026-03-29'))).toBe('2026-W13');
    expect(isoWeekOf(on('2026-03-30'))).toBe('2026-W14');
    // 2026 has 53 ISO weeks: Thursday 31 December 2026 is in week 53, and so is Sunday 3 January 2027.
    expect(isoWeekOf(on('2026-12-28'))).toBe('2026-W53');
    expect(isoWeekOf(on('2027-01-03'))).toBe('2026-W53');
    expect(isoWeekOf(on('2027-01-04'))).toBe('2027-W01');
    // Monday 29 December 2025 is in week 1 of 2026, whose Thursday is 1 January.
    expect(isoWeekOf(on('2025-12-29'))).toBe('2026-W01');
  });

  it('keys one card per manager per week', () => {
    expect(teamWeekKey('tenant-a', 'manager-1', '2026-W13')).toBe('team-week|tenant-a|manager-1|2026-W13');
  });
});
