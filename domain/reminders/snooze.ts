import { addCalendarDays } from '../calendar/add-calendar-days.js';
import { addWorkingDays } from '../calendar/add-working-days.js';
import type { HolidayCalendar } from '../calendar/holiday-calendar.js';
import { isWorkingDay } from '../calendar/is-working-day.js';
import { lastWorkingDayOnOrBefore } from '../calendar/last-working-day-on-or-before.js';
import { compareLocalDates, type LocalDate } from '../dates/local-date.js';
import { err, ok, type Result } from '../result.js';

/** Why a snooze was refused, with the days a card can offer instead. */
export type SnoozeRefusal =
  /** No working day lies after today and before the due date: the item is due now or overdue. */
  | { readonly kind: 'no-day-left'; readonly dueOn: LocalDate }
  | { readonly kind: 'not-after-today'; readonly requested: LocalDate; readonly earliest: LocalDate }
  | { readonly kind: 'not-before-due-date'; readonly requested: LocalDate; readonly dueOn: LocalDate; readonly latest: LocalDate }
  | { readonly kind: 'not-a-working-day'; readonly requested: LocalDate; readonly holiday?: string; readonly nearest: LocalDate };

/** The days a reminder may be snoozed to: from the next working day to the last working day before it is due. */
export interface SnoozeWindow {
  readonly earliest: LocalDate;
  readonly latest: LocalDate;
}

/**
 * The snooze window of an item due on `dueOn`, as seen on `today`. The card offers it and `snoozeUntil` enforces
 * it, so both come from here.
 *
 * @example
 * snoozeWindow('2027-01-04', '2026-12-22', englandAndWalesCalendar()) //=> { ok: true, value: { earliest: '2026-12-23', latest: '2026-12-31' } }
 * snoozeWindow('2026-03-10', '2026-03-09', englandAndWalesCalendar()) //=> { ok: false, error: { kind: 'no-day-left', dueOn: '2026-03-10' } }
 */
export function snoozeWindow(dueOn: LocalDate, today: LocalDate, calendar: HolidayCalendar): Result<SnoozeWindow, Extract<SnoozeRefusal, { kind: 'no-day-left' }>> {
  const earliest = addWorkingDays(today, 1, calendar).date;
  const latest = lastWorkingDayOnOrBefore(addCalendarDays(dueOn, -1), calendar);
  return compareLocalDates(latest, earliest) < 0 ? err({ kind: 'no-day-left', dueOn }) : ok({ earliest, latest });
}

/**
 * Checks a worker's "remind me on…" day. The issue allows "a chosen working day before the due date, never
 * past it": so a working day after today and strictly before the due date. The due day itself is refused
 * because its own reminder comes then anyway; an item due today or overdue cannot be snoozed.
 *
 * @example
 * snoozeUntil('2026-12-29', '2027-01-04', '2026-12-22', englandAndWalesCalendar()) //=> { ok: true, value: '2026-12-29' }
 * snoozeUntil('2026-12-28', '2027-01-04', '2026-12-22', englandAndWalesCalendar())
 * //=> { ok: false, error: { kind: 'not-a-working-day', holiday: 'Boxing Day (substitute day)', nearest: '2026-12-24', … } }
 */
export function snoozeUntil(
  requested: LocalDate,
  dueOn: LocalDate,
  today: LocalDate,
  calendar: HolidayCalendar,
): Result<LocalDate, SnoozeRefusal> {
  const window = snoozeWindow(dueOn, today, calendar);
  if (!window.ok) return window;
  const { earliest, latest } = window.value;
  if (compareLocalDates(requested, today) <= 0) return err({ kind: 'not-after-today', requested, earliest });
  if (compareLocalDates(requested, dueOn) >= 0) return err({ kind: 'not-before-due-date', requested, dueOn, latest });
  if (!isWorkingDay(requested, calendar)) {
    const before = lastWorkingDayOnOrBefore(requested, calendar);
    const holiday = calendar.holidayOn(requested);
    return err({
      kind: 'not-a-working-day',
      requested,
      ...(holiday === undefined ? {} : { holiday }),
      nearest: compareLocalDates(before, earliest) >= 0 ? before : earliest,
    });
  }
  return ok(requested);
}
