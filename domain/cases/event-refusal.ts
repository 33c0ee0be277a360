import { compareLocalDates, type LocalDate } from '../dates/local-date.js';
import type { CaseEvent } from './case-events.js';

/** Why an event cannot be recorded on a case, as plain data the bot words for the user. */
export type EventRefusal =
  | { readonly kind: 'in-the-future'; readonly on: LocalDate; readonly today: LocalDate }
  | { readonly kind: 'before-case-opened'; readonly on: LocalDate; readonly openedOn: LocalDate };

/**
 * Whether `event` may be recorded on a case opened on `openedOn`, on `today`: nothing can have happened after
 * today or before the case opened. (A booked review's date and an order's expiry may lie ahead; the day they
 * were booked or made may not.)
 *
 * @example
 * eventRefusalOn({ kind: 'visit-made', on: '2026-03-12' }, '2026-03-01', '2026-03-10')
 * //=> { kind: 'in-the-future', on: '2026-03-12', today: '2026-03-10' }
 */
export function eventRefusalOn(event: CaseEvent, openedOn: LocalDate, today: LocalDate): EventRefusal | undefined {
  if (compareLocalDates(event.on, today) > 0) return { kind: 'in-the-future', on: event.on, today };
  if (compareLocalDates(event.on, openedOn) < 0) return { kind: 'before-case-opened', on: event.on, openedOn };
  return undefined;
}
