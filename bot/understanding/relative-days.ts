import { addCalendarDays } from '../../domain/calendar/add-calendar-days.js';
import { dayOfWeek, type LocalDate } from '../../domain/dates/local-date.js';

const WEEKDAY_NUMBERS: Readonly<Record<string, number>> = {
  monday: 1, mon: 1, tuesday: 2, tue: 2, tues: 2, wednesday: 3, wed: 3, weds: 3,
  thursday: 4, thu: 4, thur: 4, thurs: 4, friday: 5, fri: 5, saturday: 6, sunday: 0,
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
  // "prev friday", "previous friday", "tues just gone", "friday gone": the last one (chrono took "gone" for the coming one).
  [new RegExp(`\\bprev(?:ious)? ${WEEKDAY}\\b|\\b${WEEKDAY} (?:just )?gone\\b`, 'gi'), (weekday, today) => lastBefore(today, weekday)],
  // "a week on monday", "monday week": a week after the coming one.
  [new RegExp(`\\ba week (?:on|from|next) ${WEEKDAY}\\b|\\b${WEEKDAY} week\\b`, 'gi'), (weekday, today) => addCalendarDays(nextAfter(today, weekday), 7)],
  // "tuesday next" (British): the coming one.
  [new RegExp(`\\b${WEEKDAY} next\\b(?! week)`, 'gi'), (weekday, today) => nextAfter(today, weekday)],
];

/** "the 3rd of last month", "last month on the 3rd", "the 20th of next month": a day of a month named from this one. */
const DAY_OF_A_NAMED_MONTH = /\b(?:on )?the (\d{1,2})(?:st|nd|rd|th)? of (last|this|next) month\b|\b(last|this|next) month,? on the (\d{1,2})(?:st|nd|rd|th)?\b/gi;
const MONTHS_AWAY: Readonly<Record<string, number>> = { last: -1, this: 0, next: 1 };

/**
 * Vague spans name no day: "a few days ago", "a couple of weeks ago", and "last week" or "next month" with no day
 * in it (chrono reads "last week" as exactly seven days ago); read as a date they would be a guess. "This time last
 * week" and "the end of last month" do name a day.
 */
const VAGUE_SPAN = /\b(?:a few|a couple of|a couple|several|some|a number of) (?:days?|weeks?|wks?|months?) (?:ago|back|before|earlier)\b|(?<!\b(?:time|end of|start of|beginning of) )\b(?:last|this|next|past) (?:week|wk|month)\b/gi;

/**
 * `text` with each day placed relative to a week or a month ("tuesday last week", "a week on monday", "the friday
 * before last", "the 3rd of last month") written as the date it means from `today`, and a vague span ("a few days
 * ago") left out, so the date reader can neither take one for another day nor guess.
 *
 * @example
 * withDaysPlaced('agreed tuesday last week', '2026-05-14') //=> 'agreed 5 May 2026'
 */
export function withDaysPlaced(text: string, today: LocalDate): string {
  // A day the month named does not have ("the 31st of last month" in May) is no date, not the nearest 31st.
  let placed = text.replace(DAY_OF_A_NAMED_MONTH, (_whole: string, dayBefore?: string, monthBefore?: string, monthAfter?: string, dayAfter?: string) => {
    const date = dayOfMonth(today, MONTHS_AWAY[(monthBefore ?? monthAfter ?? '').toLowerCase()] ?? 0, Number(dayBefore ?? dayAfter));
    return date === undefined ? ' ' : written(date);
  });
  for (const [pattern, dateOf] of PLACED_WEEKDAYS) {
    placed = placed.replace(pattern, (whole: string, ...groups: unknown[]) => {
      const name = groups.find((group): group is string => typeof group === 'string' && group.toLowerCase() in WEEKDAY_NUMBERS);
      const weekday = name === undefined ? undefined : WEEKDAY_NUMBERS[name.toLowerCase()];
      return weekday === undefined ? whole : written(dateOf(weekday, today));
    });
  }
  return placed.replace(VAGUE_SPAN, ' ');
}

/** Day `day` of the month `monthsAway` from today's, if that month has it. */
function dayOfMonth(today: LocalDate, monthsAway: number, day: number): LocalDate | undefined {
  const [year, month] = today.split('-').map(Number) as [number, number];
  const date = new Date(Date.UTC(year, month - 1 + monthsAway, day));
  if (day < 1 || date.getUTCDate() !== day) return undefined;
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}` as LocalDate;
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
