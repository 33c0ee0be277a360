import * as chrono from 'chrono-node';
import Holidays from 'date-holidays';
import { compareLocalDates, parseLocalDate, type LocalDate } from '../../domain/dates/local-date.js';
import { withDaysPlaced } from './relative-days.js';

/** Days people name instead of a date; movable ones are looked up in the England and Wales calendar. */
const NAMED_DAYS: Readonly<Record<string, string>> = {
  'christmas eve': '12-24',
  'christmas day': '12-25',
  christmas: '12-25',
  'boxing day': '12-26',
  "new year's eve": '12-31',
  "new year's day": '01-01',
  'new year': '01-01',
};
const MOVABLE_DAYS: Readonly<Record<string, string>> = {
  'good friday': 'Good Friday',
  'easter monday': 'Easter Monday',
  'early may bank holiday': 'Early May bank holiday',
  'spring bank holiday': 'Spring bank holiday',
  'august bank holiday': 'Summer bank holiday',
  'summer bank holiday': 'Summer bank holiday',
};
const holidays = new Holidays('GB', 'ENG');

const parser = chrono.en.GB.clone();
parser.parsers.push({
  pattern: () => /\b(christmas eve|christmas day|christmas|boxing day|new year's eve|new year's day|new year|good friday|easter monday|early may bank holiday|spring bank holiday|august bank holiday|summer bank holiday)(?:\s+(\d{4}))?\b/i,
  extract: (context, match) => {
    const name = (match[1] ?? '').toLowerCase();
    const year = match[2] ? Number(match[2]) : context.reference.instant.getFullYear();
    const monthDay = NAMED_DAYS[name] ?? movableDay(MOVABLE_DAYS[name] ?? '', year);
    if (!monthDay) return null;
    const [month, day] = monthDay.split('-').map(Number) as [number, number];
    return { day, month, year };
  },
});

function movableDay(holidayName: string, year: number): string | undefined {
  return holidays
    .getHolidays(year)
    .find((holiday) => holiday.name === holidayName)
    ?.date.slice(5, 10);
}

/**
 * The calendar dates a message names, in order: UK formats (3/2/2026 is 3 February), "3rd March", "3 Mar 26",
 * "Christmas Eve 2026", "yesterday", "last Monday", "a fortnight ago". Relative words count from `today`, the
 * message's own London date; a date without a year is the nearest such date to it. chrono is given local noon
 * of that date and only calendar fields are read back, so the server's zone never moves a date.
 *
 * @example
 * datesIn('we decided on 3/2/2026', '2026-03-10') //=> ['2026-02-03']
 * datesIn('a fortnight ago', '2026-03-10') //=> ['2026-02-24']
 */
export function datesIn(text: string, today: LocalDate): LocalDate[] {
  const [year, month, day] = today.split('-').map(Number) as [number, number, number];
  const reference = new Date(year, month - 1, day, 12, 0, 0);
  const prepared = withMonthImplied(withDaysPlaced(text, today), today)
    .replace(DOTTED_DATE, '$1/$2/$3')
    .replace(PART_OF_TODAY, 'today')
    .replace(WEEKDAY_BEFORE_DATE, '')
    .replace(COUNT_AFTER_MONTH, '$1; ')
    .replace(SHORT_WEEKDAY, (short: string) => SHORT_WEEKDAYS[short.toLowerCase()] ?? short)
    .replace(/\b(\d+) ?wks?\b/gi, '$1 weeks').replace(/\blast wk\b/gi, 'last week')
    .replace(/\ba fortnight\b/gi, '2 weeks').replace(/\bfortnight\b/gi, '2 weeks').replace(/\b(\d+) fortnights\b/gi, (_all, count: string) => `${Number(count) * 2} weeks`);
  const found: LocalDate[] = [];
  for (const result of parser.parse(prepared, reference)) {
    if (!result.start.isCertain('day') && !result.start.isCertain('weekday')) continue;
    // "now living in Redbridge" says where a family is, not when anything happened.
    if (/^(right )?now$/i.test(result.text.trim())) continue;
    const parsedYear = result.start.get('year');
    const parsedMonth = result.start.get('month');
    const parsedDay = result.start.get('day');
    if (parsedYear === null || parsedMonth === null || parsedDay === null) continue;
    const date = parseLocalDate(`${String(parsedYear).padStart(4, '0')}-${pad(parsedMonth)}-${pad(parsedDay)}`);
    if (date) found.push(date);
  }
  return found;
}

/** "9.12.26", "09.12.2026": a UK date written with dots, read as the same date with slashes. */
const DOTTED_DATE = /\b(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})\b/g;

/** "this morning", "this afternoon", "tonight": parts of today, which chrono reads as no certain day. */
const PART_OF_TODAY = /\b(this (morning|afternoon|evening|am|pm)|tonight|earlier today)\b/gi;

/**
 * A weekday written before a day and month ("monday 23 nov") only repeats the date: left in, chrono picks the year
 * whose 23 November is a Monday (2020), not the nearest 23 November.
 */
const WEEKDAY_BEFORE_DATE = /\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?,?\s+(?=\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))/gi;

/** "23 nov, 20 wd": a count of days after a month's name is not its year (chrono reads "nov, 20" as 2020). */
const COUNT_AFTER_MONTH = /(\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*)\s*,?\s+(?=\d{1,3}\s*(?:wd|wds|working|days?|weeks?|wks?|months?|d)\b)/gi;

/** "tues", "thurs", "weds": short forms chrono does not know, written out. */
const SHORT_WEEKDAYS: Readonly<Record<string, string>> = { tues: 'tuesday', thur: 'thursday', thurs: 'thursday', weds: 'wednesday' };
const SHORT_WEEKDAY = /\b(?:tues|thurs?|weds)\b/gi;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
// "The 2nd review", "the 3rd cin network meeting": an ordinal before a thing counts it, it is not a day.
const DAY_WITHOUT_MONTH = /\b(?:the|on|from) (\d{1,2})(?:st|nd|rd|th)\b(?!\s*(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|\d))(?!\s+(?:(?:cin|cp|network|formal|informal|initial|core|statutory|home|six[- ]weekly|6[- ]weekly|review|child)\s+)*(?:reviews?|meetings?|mtgs?|visits?|assessments?|plans?|conferences?|time|one|child|children|referrals?|months?|weeks?|days?|versions?|stage|attempt)\b)/gi;

/** "the 14th" with the month implied: the nearest 14th to today, this month, the last or the next. */
function withMonthImplied(text: string, today: LocalDate): string {
  const [year, month, day] = today.split('-').map(Number) as [number, number, number];
  return text.replace(DAY_WITHOUT_MONTH, (whole, dayText: string) => {
    const wanted = Number(dayText);
    if (wanted < 1 || wanted > 31) return whole;
    const candidates = [-1, 0, 1].map((shift) => new Date(Date.UTC(year, month - 1 + shift, wanted))).filter((date) => date.getUTCDate() === wanted);
    const todayTime = Date.UTC(year, month - 1, day);
    const [nearest] = candidates.sort((left, right) => Math.abs(left.getTime() - todayTime) - Math.abs(right.getTime() - todayTime));
    if (!nearest) return whole;
    return `${whole.split(' ')[0]} ${wanted} ${MONTHS[nearest.getUTCMonth()]} ${nearest.getUTCFullYear()}`;
  });
}

/** Whether `date` is after `today`: a review "on" that date is booked rather than held. */
export function isAhead(date: LocalDate, today: LocalDate): boolean {
  return compareLocalDates(date, today) > 0;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
