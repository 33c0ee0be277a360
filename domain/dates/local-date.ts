import { UTCDate } from '@date-fns/utc';
import { z } from 'zod';

/**
 * A calendar date in Europe/London, written `YYYY-MM-DD`. It is a value, not an instant: no time, no zone,
 * so no server time zone can move it.
 */
export type LocalDate = string & { readonly __brand: 'LocalDate' };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Reads a `YYYY-MM-DD` string as a LocalDate, refusing impossible dates.
 *
 * @example
 * parseLocalDate('2026-02-29') //=> undefined (2026 is not a leap year)
 * parseLocalDate('2026-03-03') //=> '2026-03-03'
 */
export function parseLocalDate(text: string): LocalDate | undefined {
  if (!ISO_DATE.test(text)) return undefined;
  const [year, month, day] = text.split('-').map(Number) as [number, number, number];
  if (year < 1900) return undefined;
  const asDate = new Date(Date.UTC(year, month - 1, day));
  const real = asDate.getUTCFullYear() === year && asDate.getUTCMonth() === month - 1 && asDate.getUTCDate() === day;
  return real ? (text as LocalDate) : undefined;
}

export const LocalDateSchema = z
  .string()
  .refine((text) => parseLocalDate(text) !== undefined, { message: 'Expected a real date written YYYY-MM-DD' })
  .transform((text) => text as LocalDate);

/** The date as a UTC-midnight Date, for date-fns arithmetic that must not see the server's zone. */
export function toUtcDate(date: LocalDate): UTCDate {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new UTCDate(year, month - 1, day);
}

/** The calendar date of a UTC-based date-fns value. */
export function fromUtcDate(value: Date): LocalDate {
  // By hand rather than date-fns format: this runs for every date of every case's timeline.
  const year = String(value.getUTCFullYear()).padStart(4, '0');
  const month = String(value.getUTCMonth() + 1).padStart(2, '0');
  const day = String(value.getUTCDate()).padStart(2, '0');
  return `${year}-${month}-${day}` as LocalDate;
}

/**
 * Compares two dates: negative, zero or positive. Plain string order is date order for `YYYY-MM-DD`.
 *
 * @example
 * compareLocalDates('2026-03-03', '2026-12-28') //=> -1
 */
export function compareLocalDates(left: LocalDate, right: LocalDate): number {
  return left < right ? -1 : left > right ? 1 : 0;
}

/** Day of the week, 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: LocalDate): number {
  // A plain Date read in UTC rather than a UTCDate: counting working days asks this of every day counted.
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

/**
 * The date written for people: weekday, day, month and year, as the answers show it.
 *
 * @example
 * formatLongDate('2026-12-28') //=> 'Monday 28 December 2026'
 */
export function formatLongDate(date: LocalDate): string {
  // By hand rather than date-fns format: every answer writes two or three dates, and format parses its pattern each time.
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return `${WEEKDAYS[weekday] ?? ''} ${day} ${MONTHS[month - 1] ?? ''} ${year}`;
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * The London calendar date of an instant. Used at the edge (a message's timestamp), never with "now".
 *
 * @example
 * londonDateOf(new Date('2026-06-30T23:30:00Z')) //=> '2026-07-01' (British Summer Time)
 */
export function londonDateOf(instant: Date): LocalDate {
  const time = instant.getTime();
  if (time >= lastLondonDay.from && time < lastLondonDay.to) return lastLondonDay.date;
  const date = LONDON_DATE.format(instant) as LocalDate;
  lastLondonDay = { date, ...londonDayBounds(date) };
  return date;
}

const HOUR_MS = 60 * 60 * 1000;

/**
 * When a London day begins and ends, in UTC: at midnight GMT or at 23:00 the day before (BST). The clocks change
 * at 01:00 UTC, never at a midnight, so each end is one of those two, told apart by asking the formatter.
 */
function londonDayBounds(date: LocalDate): { readonly from: number; readonly to: number } {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const midnightUtc = Date.UTC(year, month - 1, day);
  const nextMidnightUtc = Date.UTC(year, month - 1, day + 1);
  const startsAnHourEarly = LONDON_DATE.format(midnightUtc - HOUR_MS) === date;
  const endsAnHourEarly = LONDON_DATE.format(nextMidnightUtc - HOUR_MS) !== date;
  return { from: startsAnHourEarly ? midnightUtc - HOUR_MS : midnightUtc, to: endsAnHourEarly ? nextMidnightUtc - HOUR_MS : nextMidnightUtc };
}

/** The London day of the last instant asked about: a message's day is nearly always the previous one's. */
let lastLondonDay: { readonly date: LocalDate; readonly from: number; readonly to: number } = { date: '' as LocalDate, from: 0, to: 0 };

// Made once: building an Intl formatter costs far more than using one, and this runs for every message.
// en-CA writes dates as YYYY-MM-DD.
const LONDON_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });
