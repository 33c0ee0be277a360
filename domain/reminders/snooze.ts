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
  const earliest = addWorkingDays(today, 1, calendar).date;
  const latest = lastWorkingDayOnOrBefore(addCalendarDays(dueOn, -1), calendar);
  if (compareLocalDates(latest, earliest) < 0) return err({ kind: 'no-day-left', dueOn });
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
