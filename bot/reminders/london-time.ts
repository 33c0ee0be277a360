import type { LocalDate } from '../../domain/dates/local-date.js';
import type { LocalTime, LondonDateTime } from '../../domain/reminders/working-hours.js';

const LONDON_PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/**
 * The London date and time of an instant (the domain has no zone database; this is the edge that has one).
 *
 * @example
 * londonDateTimeOf(new Date('2026-06-30T23:30:00Z')) //=> { date: '2026-07-01', time: '00:30' } (BST)
 */
export function londonDateTimeOf(instant: Date): LondonDateTime {
  const parts = Object.fromEntries(LONDON_PARTS.formatToParts(instant).map((part) => [part.type, part.value]));
  return { date: `${parts.year}-${parts.month}-${parts.day}` as LocalDate, time: `${parts.hour}:${parts.minute}` as LocalTime };
}

/**
 * The instant a London date and time names. Near a clock change the hour may not exist (01:30 on the last
 * Sunday of March) or exist twice; reminders only ever ask for working hours, far from both.
 *
 * @example
 * instantOf({ date: '2026-03-30', time: '08:00' }) //=> 2026-03-30T07:00:00.000Z (BST)
 */
export function instantOf(at: LondonDateTime): Date {
  const [year, month, day] = at.date.split('-').map(Number) as [number, number, number];
  const [hour, minute] = at.time.split(':').map(Number) as [number, number];
  const asIfUtc = Date.UTC(year, month - 1, day, hour, minute);
  // London is UTC or UTC+1: try both and keep the one that reads back as the time asked for.
  for (const offsetHours of [0, 1]) {
    const candidate = new Date(asIfUtc - offsetHours * 3_600_000);
    const back = londonDateTimeOf(candidate);
    if (back.date === at.date && back.time === at.time) return candidate;
  }
  return new Date(asIfUtc);
}
