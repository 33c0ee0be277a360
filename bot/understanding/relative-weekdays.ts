import { addCalendarDays } from '../../domain/calendar/add-calendar-days.js';
import { dayOfWeek, type LocalDate } from '../../domain/dates/local-date.js';

const WEEKDAY_NUMBERS: Readonly<Record<string, number>> = {
  monday: 1, mon: 1, tuesday: 2, tue: 2, tues: 2, wednesday: 3, wed: 3, weds: 3,
  thursday: 4, thu: 4, thur: 4, thurs: 4, friday: 5, fri: 5, saturday: 6, sat: 6, sunday: 0, sun: 0,
};
// "sat" and "sun" are left out as words of their own ("the panel sat last week").
const WEEKDAY = '(monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|weds?|thurs?|fri)';
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * The ways people place a weekday that chrono reads as another day ("tuesday last week" as this week's, "monday this
 * week" as next week's, "a week on monday" as this monday), each with the date it means from today. Weeks run
 * Monday to Sunday, as in the UK.
 */
const PLACED_WEEKDAYS: readonly (readonly [RegExp, (weekday: number, today: LocalDate) => LocalDate])[] = [
  // "tuesday last week", "last week tuesday", "tuesday of last week": that day in the week before this one.
  [new RegExp(`\\b${WEEKDAY} (?:of )?last week\\b|\\blast week(?: on)?,? ${WEEKDAY}\\b`, 'gi'), (weekday, today) => inWeek(today, -1, weekday)],
  [new RegExp(`\\b${WEEKDAY} (?:of )?this week\\b|\\bthis week(?: on)?,? ${WEEKDAY}\\b`, 'gi'), (weekday, today) => inWeek(today, 0, weekday)],
  [new RegExp(`\\b${WEEKDAY} (?:of )?next week\\b|\\bnext week(?: on)?,? ${WEEKDAY}\\b`, 'gi'), (weekday, today) => inWeek(today, 1, weekday)],
  // "the tuesday before last": a week before the last one.
  [new RegExp(`\\b(?:the )?${WEEKDAY} before last\\b`, 'gi'), (weekday, today) => addCalendarDays(lastBefore(today, weekday), -7)],
  // "prev friday", "previous friday": the last one.
  [new RegExp(`\\bprev(?:ious)? ${WEEKDAY}\\b`, 'gi'), (weekday, today) => lastBefore(today, weekday)],
  // "a week on monday", "monday week": a week after the coming one.
  [new RegExp(`\\ba week (?:on|from|next) ${WEEKDAY}\\b|\\b${WEEKDAY} week\\b`, 'gi'), (weekday, today) => addCalendarDays(nextAfter(today, weekday), 7)],
  // "tuesday next" (British): the coming one.
  [new RegExp(`\\b${WEEKDAY} next\\b(?! week)`, 'gi'), (weekday, today) => nextAfter(today, weekday)],
];

/**
 * `text` with each weekday placed relative to a week ("tuesday last week", "a week on monday", "the friday before
 * last") written as the date it means from `today`, so the date reader cannot take it for another day.
 *
 * @example
 * withWeekdaysPlaced('agreed tuesday last week', '2026-05-14') //=> 'agreed 5 May 2026'
 */
export function withWeekdaysPlaced(text: string, today: LocalDate): string {
  let placed = text;
  for (const [pattern, dateOf] of PLACED_WEEKDAYS) {
    placed = placed.replace(pattern, (whole: string, ...groups: unknown[]) => {
      const name = groups.find((group): group is string => typeof group === 'string' && group.toLowerCase() in WEEKDAY_NUMBERS);
      const weekday = name === undefined ? undefined : WEEKDAY_NUMBERS[name.toLowerCase()];
      return weekday === undefined ? whole : written(dateOf(weekday, today));
    });
  }
  return placed;
}

/** The given weekday of the week `weeksAway` from today's (Monday to Sunday). */
function inWeek(today: LocalDate, weeksAway: number, weekday: number): LocalDate {
  const monday = addCalendarDays(today, -((dayOfWeek(today) + 6) % 7));
  return addCalendarDays(monday, weeksAway * 7 + ((weekday + 6) % 7));
}

/** The last such weekday before today. */
function lastBefore(today: LocalDate, weekday: number): LocalDate {
  const back = (dayOfWeek(today) - weekday + 7) % 7 || 7;
  return addCalendarDays(today, -back);
}

/** The next such weekday after today. */
function nextAfter(today: LocalDate, weekday: number): LocalDate {
  const ahead = (weekday - dayOfWeek(today) + 7) % 7 || 7;
  return addCalendarDays(today, ahead);
}

function written(date: LocalDate): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return `${day} ${MONTH_NAMES[month - 1] ?? ''} ${year}`;
}
