import { describe, expect, it } from 'vitest';
import { englandAndWalesCalendar } from '../../../domain/calendar/holiday-calendar.js';
import type { LocalDate } from '../../../domain/dates/local-date.js';
import { dueDate } from '../../../domain/timescales/due-date.js';
import type { Offset } from '../../../domain/timescales/offset.js';

const calendar = englandAndWalesCalendar();
const due = (anchor: string, offset: Offset) => dueDate(anchor as LocalDate, offset, calendar);

// One block per row of design/timescales.md.
describe('dueDate', () => {
  describe('within N working days of E: the Nth working day after E, E is day 0', () => {
    const within15 = { unit: 'workingDays', amount: 15, direction: 'after' } as const;

    it('day 15 from Monday 9 March 2026 is Monday 30 March; day 16 is Tuesday 31 March', () => {
      expect(due('2026-03-09', within15).dueOn).toBe('2026-03-30');
      expect(due('2026-03-09', { ...within15, amount: 16 }).dueOn).toBe('2026-03-31');
    });

    it('E on a Sunday is still day 0: 15 working days from Sunday 8 March 2026 is Friday 27 March', () => {
      expect(due('2026-03-08', within15).dueOn).toBe('2026-03-27');
    });

    it('shows its working', () => {
      expect(due('2026-04-01', within15)).toEqual({
        dueOn: '2026-04-24',
        working: {
          anchorDate: '2026-04-01',
          offset: within15,
          calendar: 'England and Wales bank holidays',
          method: 'working days (Monday to Friday, not bank holidays); the anchor day is day 0',
          skippedHolidays: [
            { date: '2026-04-03', name: 'Good Friday' },
            { date: '2026-04-06', name: 'Easter Monday' },
          ],
          landing: { kind: 'working-day' },
        },
      });
    });
  });

  describe('at least N working days before M: the Nth working day before M', () => {
    it('10 working days before Monday 21 September 2026 is Monday 7 September', () => {
      expect(due('2026-09-21', { unit: 'workingDays', amount: 10, direction: 'before' }).dueOn).toBe('2026-09-07');
    });

    it('2 working days before Wednesday 3 June 2026 is Monday 1 June', () => {
      expect(due('2026-06-03', { unit: 'workingDays', amount: 2, direction: 'before' }).dueOn).toBe('2026-06-01');
    });

    it('2 working days before Wednesday 27 May 2026 skips the late-May bank holiday: Friday 22 May', () => {
      expect(due('2026-05-27', { unit: 'workingDays', amount: 2, direction: 'before' }).dueOn).toBe('2026-05-22');
    });
  });

  describe('within N days / N weeks of E: E + N calendar days / E + 7N', () => {
    it('14 days after Wednesday 4 March 2026 is Wednesday 18 March', () => {
      expect(due('2026-03-04', { unit: 'days', amount: 14, direction: 'after' }).dueOn).toBe('2026-03-18');
    });

    it('4 weeks after Monday 15 June 2026 is Monday 13 July', () => {
      expect(due('2026-06-15', { unit: 'weeks', amount: 4, direction: 'after' }).dueOn).toBe('2026-07-13');
    });

    it('2 weeks after Friday 18 December 2026 is Friday 1 January 2027, a bank holiday: said, not moved', () => {
      const { dueOn, working } = due('2026-12-18', { unit: 'weeks', amount: 2, direction: 'after' });
      expect(dueOn).toBe('2027-01-01');
      expect(working.landing).toEqual({ kind: 'bank-holiday', holiday: "New Year's Day", lastWorkingDayBefore: '2026-12-31' });
    });

    it('14 days after Monday 14 December 2026 is Monday 28 December, the substitute Boxing Day', () => {
      const { dueOn, working } = due('2026-12-14', { unit: 'days', amount: 14, direction: 'after' });
      expect(dueOn).toBe('2026-12-28');
      expect(working.landing).toEqual({
        kind: 'bank-holiday',
        holiday: 'Boxing Day (substitute day)',
        lastWorkingDayBefore: '2026-12-24',
      });
    });
  });

  describe('within / at / every N months: E + N calendar months, clamped to the month end', () => {
    it('30 November 2025 + 3 months = Saturday 28 February 2026; last working day before it Friday 27th', () => {
      const { dueOn, working } = due('2025-11-30', { unit: 'months', amount: 3, direction: 'after' });
      expect(dueOn).toBe('2026-02-28');
      expect(working.landing).toEqual({ kind: 'weekend', lastWorkingDayBefore: '2026-02-27' });
    });

    it('a Sunday landing names the Friday before: 14 November 2026 + 3 months = Sunday 14 February 2027', () => {
      const { dueOn, working } = due('2026-11-14', { unit: 'months', amount: 3, direction: 'after' });
      expect(dueOn).toBe('2027-02-14');
      expect(working.landing).toEqual({ kind: 'weekend', lastWorkingDayBefore: '2027-02-12' });
    });

    it('a weekend that is also a bank holiday names it: 26 September 2026 + 3 months = Saturday 26 December', () => {
      const { working } = due('2026-09-26', { unit: 'months', amount: 3, direction: 'after' });
      expect(working.landing).toEqual({ kind: 'weekend', holiday: 'Boxing Day', lastWorkingDayBefore: '2026-12-24' });
    });
  });

  describe('by day N of the assessment: ambiguous, start read as day 1, working days', () => {
    it('day 15 of an assessment started Monday 14 September 2026 is Friday 2 October, and says it is ambiguous', () => {
      const { dueOn, working } = due('2026-09-14', { unit: 'dayNumber', amount: 15, direction: 'after' });
      expect(dueOn).toBe('2026-10-02');
      expect(working.ambiguity).toMatch(/day 1/);
    });

    it('day 1 is the start itself', () => {
      expect(due('2026-09-14', { unit: 'dayNumber', amount: 1, direction: 'after' }).dueOn).toBe('2026-09-14');
    });
  });
});
