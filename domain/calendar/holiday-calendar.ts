import Holidays from 'date-holidays';
import type { LocalDate } from '../dates/local-date.js';

/** The bank holidays that decide which weekdays are not working days. */
export interface HolidayCalendar {
  /** Shown in every answer's working, e.g. "England and Wales bank holidays". */
  readonly name: string;
  /** The bank holiday's name if `date` is one, e.g. 'Boxing Day (substitute day)'. */
  holidayOn(date: LocalDate): string | undefined;
}

/**
 * The bank holidays of England and Wales, substitute days included, from date-holidays (GB, region ENG).
 * Only holidays of type `public` and `bank` count: observances such as Easter Sunday and Mother's Day are not
 * days off. Region ENG is required, or the August bank holiday is missing. Years are computed on first use
 * and kept, so the calendar stays a value: the same date always gives the same answer.
 *
 * @example
 * englandAndWalesCalendar().holidayOn('2026-12-28') //=> 'Boxing Day (substitute day)'
 */
export function englandAndWalesCalendar(): HolidayCalendar {
  const source = new Holidays('GB', 'ENG');
  const years = new Map<number, ReadonlyMap<string, string>>();
  const holidaysOf = (year: number): ReadonlyMap<string, string> => {
    const known = years.get(year);
    if (known) return known;
    const days = new Map<string, string>();
    for (const holiday of source.getHolidays(year)) {
      if (holiday.type === 'public' || holiday.type === 'bank') days.set(holiday.date.slice(0, 10), holiday.name);
    }
    years.set(year, days);
    return days;
  };
  return {
    name: 'England and Wales bank holidays',
    holidayOn: (date) => holidaysOf(Number(date.slice(0, 4))).get(date),
  };
}

/** A calendar from a fixed list, for tests and for authorities that publish their own closure days. */
export function fixedHolidayCalendar(name: string, holidays: Readonly<Record<string, string>>): HolidayCalendar {
  return { name, holidayOn: (date) => holidays[date] };
}
