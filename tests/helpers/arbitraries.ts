import fc from 'fast-check';
import { addCalendarDays } from '../../domain/calendar/add-calendar-days.js';
import type { LocalDate } from '../../domain/dates/local-date.js';

/** Any date from 2019 to 2030, the span the product's users plan within. */
export const aLocalDate = (): fc.Arbitrary<LocalDate> =>
  fc.integer({ min: 0, max: 4382 }).map((offset) => addCalendarDays('2019-01-01' as LocalDate, offset));
