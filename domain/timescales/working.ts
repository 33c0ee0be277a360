import type { SkippedHoliday } from '../calendar/add-working-days.js';
import type { LocalDate } from '../dates/local-date.js';
import type { Offset } from './offset.js';

/** Where a calendar-counted date landed, when it is not a working day. */
export type Landing =
  | { readonly kind: 'working-day' }
  | {
      readonly kind: 'weekend' | 'bank-holiday';
      /** The bank holiday's name, when it is one. */
      readonly holiday?: string;
      readonly lastWorkingDayBefore: LocalDate;
    };

/** The "show your working" record every due date carries (design/timescales.md, last section). */
export interface Working {
  readonly anchorDate: LocalDate;
  readonly offset: Offset;
  /** The calendar used, e.g. "England and Wales bank holidays". */
  readonly calendar: string;
  /** How the count was made, in words: "working days, the anchor day is day 0". */
  readonly method: string;
  readonly skippedHolidays: readonly SkippedHoliday[];
  readonly landing: Landing;
  /** Said aloud where the text is ambiguous (e.g. "by day N"). */
  readonly ambiguity?: string;
}

export interface DueDate {
  readonly dueOn: LocalDate;
  readonly working: Working;
}
