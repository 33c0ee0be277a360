import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays } from '../../../domain/calendar/add-calendar-days.js';
import { isWorkingDay } from '../../../domain/calendar/is-working-day.js';
import { compareLocalDates, type LocalDate } from '../../../domain/dates/local-date.js';
import { snoozeUntil, snoozeWindow } from '../../../domain/reminders/snooze.js';
import { aLocalDate } from '../../helpers/arbitraries.js';
import { calendar } from '../../helpers/policy.js';

const on = (date: string) => date as LocalDate;
// Today Tue 22 Dec 2026, due Mon 4 Jan 2027: allowed from Wed 23 Dec to Thu 31 Dec, working days only
// (not Fri 25 Christmas, Sat 26, Sun 27, Mon 28 Boxing Day substitute, Fri 1 Jan, Sat 2, Sun 3).
const snooze = (requested: string, dueOn = '2027-01-04', today = '2026-12-22') => snoozeUntil(on(requested), on(dueOn), on(today), calendar);

describe('snoozeUntil', () => {
  it('allows a working day after today and before the due date', () => {
    expect(snooze('2026-12-23')).toEqual({ ok: true, value: '2026-12-23' });
    expect(snooze('2026-12-29')).toEqual({ ok: true, value: '2026-12-29' });
    expect(snooze('2026-12-31')).toEqual({ ok: true, value: '2026-12-31' });
  });

  it('refuses today and earlier, offering the next working day', () => {
    expect(snooze('2026-12-22')).toEqual({ ok: false, error: { kind: 'not-after-today', requested: '2026-12-22', earliest: '2026-12-23' } });
  });

  it('refuses the due date and anything past it, offering the last working day before it', () => {
    expect(snooze('2027-01-04')).toEqual({
      ok: false,
      error: { kind: 'not-before-due-date', requested: '2027-01-04', dueOn: '2027-01-04', latest: '2026-12-31' },
    });
    expect(snooze('2027-01-20').ok).toBe(false);
  });

  it('refuses a bank holiday, naming it and offering the working day before', () => {
    expect(snooze('2026-12-28')).toEqual({
      ok: false,
      error: { kind: 'not-a-working-day', requested: '2026-12-28', holiday: 'Boxing Day (substitute day)', nearest: '2026-12-24' },
    });
    expect(snooze('2027-01-01')).toEqual({
      ok: false,
      error: { kind: 'not-a-working-day', requested: '2027-01-01', holiday: "New Year's Day", nearest: '2026-12-31' },
    });
  });

  it('refuses a weekend day, offering the next working day when the one before is not after today', () => {
    // Today Fri 27 Nov 2026; Sat 28 → the working day before is today itself, so Mon 30 is offered.
    expect(snooze('2026-11-28', '2026-12-11', '2026-11-27')).toEqual({
      ok: false,
      error: { kind: 'not-a-working-day', requested: '2026-11-28', nearest: '2026-11-30' },
    });
  });

  it('has no day to offer on New Year’s Eve for an item due Monday 4 January, nor for an overdue item', () => {
    // After Thu 31 Dec the next working day is Mon 4 Jan, the due date itself.
    expect(snooze('2027-01-04', '2027-01-04', '2026-12-31')).toEqual({ ok: false, error: { kind: 'no-day-left', dueOn: '2027-01-04' } });
    expect(snooze('2026-12-23', '2026-12-01', '2026-12-22')).toEqual({ ok: false, error: { kind: 'no-day-left', dueOn: '2026-12-01' } });
  });

  it('only ever allows a working day after today and before the due date', () => {
    fc.assert(
      fc.property(aLocalDate(), fc.integer({ min: -10, max: 40 }), fc.integer({ min: -10, max: 40 }), (today, toRequested, toDue) => {
        const requested = addCalendarDays(today, toRequested);
        const dueOn = addCalendarDays(today, toDue);
        const result = snoozeUntil(requested, dueOn, today, calendar);
        if (!result.ok) return true;
        return (
          isWorkingDay(result.value, calendar) &&
          compareLocalDates(result.value, today) > 0 &&
          compareLocalDates(result.value, dueOn) < 0
        );
      }),
    );
  });
});

describe('snoozeWindow', () => {
  it('runs from the next working day to the last working day before the due date, over Christmas', () => {
    // Today Tue 22 Dec 2026, due Mon 4 Jan 2027: Wed 23 Dec to Thu 31 Dec (Fri 1 Jan is New Year's Day).
    expect(snoozeWindow(on('2027-01-04'), on('2026-12-22'), calendar)).toEqual({ ok: true, value: { earliest: '2026-12-23', latest: '2026-12-31' } });
  });

  it('is a single day when one working day lies between', () => {
    // Today Fri 6 Mar 2026, due Tue 10 Mar: only Mon 9.
    expect(snoozeWindow(on('2026-03-10'), on('2026-03-06'), calendar)).toEqual({ ok: true, value: { earliest: '2026-03-09', latest: '2026-03-09' } });
  });

  it('is empty for an item due the next working day, due today, or overdue', () => {
    expect(snoozeWindow(on('2026-03-09'), on('2026-03-06'), calendar)).toEqual({ ok: false, error: { kind: 'no-day-left', dueOn: '2026-03-09' } });
    expect(snoozeWindow(on('2026-03-09'), on('2026-03-09'), calendar)).toEqual({ ok: false, error: { kind: 'no-day-left', dueOn: '2026-03-09' } });
    expect(snoozeWindow(on('2026-03-02'), on('2026-03-09'), calendar)).toEqual({ ok: false, error: { kind: 'no-day-left', dueOn: '2026-03-02' } });
  });

  it('holds exactly the days snoozeUntil accepts', () => {
    fc.assert(
      fc.property(aLocalDate(), fc.integer({ min: -10, max: 40 }), fc.integer({ min: -10, max: 40 }), (today, toRequested, toDue) => {
        const requested = addCalendarDays(today, toRequested);
        const dueOn = addCalendarDays(today, toDue);
        const window = snoozeWindow(dueOn, today, calendar);
        const inWindow =
          window.ok && isWorkingDay(requested, calendar) && compareLocalDates(requested, window.value.earliest) >= 0 && compareLocalDates(requested, window.value.latest) <= 0;
        return snoozeUntil(requested, dueOn, today, calendar).ok === inWindow;
      }),
    );
  });
});
