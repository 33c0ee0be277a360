import { z } from 'zod';
import { addWorkingDays } from '../calendar/add-working-days.js';
import type { HolidayCalendar } from '../calendar/holiday-calendar.js';
import { isWorkingDay } from '../calendar/is-working-day.js';
import type { LocalDate } from '../dates/local-date.js';

/** A Europe/London wall-clock time, `HH:MM` on the 24-hour clock. */
export type LocalTime = string & { readonly __brand: 'LocalTime' };

export const LocalTimeSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'Expected a time written HH:MM, 00:00 to 23:59' })
  .transform((text) => text as LocalTime);

/**
 * A moment as Europe/London shows it. The domain has no clock and no zone database, so bot/ turns an instant
 * into these parts with `Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', … })` before asking. Both
 * parts are fixed-width, so `${date} ${time}` strings sort in time order (an outbox's "not before" column).
 */
export interface LondonDateTime {
  readonly date: LocalDate;
  readonly time: LocalTime;
}

/** When reminders may arrive on a working day: from `from` (inclusive) to `to` (exclusive), London time. */
export const WorkingHoursSchema = z
  .strictObject({ from: LocalTimeSchema, to: LocalTimeSchema })
  .refine((hours) => hours.from < hours.to, { message: 'The working day must start before it ends' });
export type WorkingHours = z.infer<typeof WorkingHoursSchema>;

export const DEFAULT_WORKING_HOURS: WorkingHours = { from: '08:00' as LocalTime, to: '18:00' as LocalTime };

/**
 * Whether a reminder may be delivered at this London moment: a working day, within working hours. 18:00 is
 * already quiet: a message at 18:00:30 would land after the day has ended.
 *
 * @example
 * isWithinWorkingHours({ date: '2026-12-29', time: '07:59' }, englandAndWalesCalendar()) //=> false
 * isWithinWorkingHours({ date: '2026-12-29', time: '08:00' }, englandAndWalesCalendar()) //=> true
 */
export function isWithinWorkingHours(
  at: LondonDateTime,
  calendar: HolidayCalendar,
  hours: WorkingHours = DEFAULT_WORKING_HOURS,
): boolean {
  return isWorkingDay(at.date, calendar) && at.time >= hours.from && at.time < hours.to;
}

/**
 * The first London moment a reminder may go: for a send day, the start of its working hours (or of the next
 * working day's, should the day not be one); for a moment in the quiet hours, the start of the next working
 * hours; a moment within working hours stays as it is.
 *
 * @example
 * deliveryTimeFor({ date: '2026-12-25', time: '10:00' }, englandAndWalesCalendar())
 * //=> { date: '2026-12-29', time: '08:00' } (Christmas Day, weekend, Boxing Day substitute Monday 28)
 * deliveryTimeFor({ date: '2026-12-29', time: '07:00' }, englandAndWalesCalendar()) //=> { date: '2026-12-29', time: '08:00' }
 */
export function deliveryTimeFor(
  due: LocalDate | LondonDateTime,
  calendar: HolidayCalendar,
  hours: WorkingHours = DEFAULT_WORKING_HOURS,
): LondonDateTime {
  const at: LondonDateTime = typeof due === 'string' ? { date: due, time: hours.from } : due;
  if (isWithinWorkingHours(at, calendar, hours)) return at;
  const sameDay = isWorkingDay(at.date, calendar) && at.time < hours.from;
  return { date: sameDay ? at.date : addWorkingDays(at.date, 1, calendar).date, time: hours.from };
}
