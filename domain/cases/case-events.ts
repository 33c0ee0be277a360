import type { LocalDate } from '../dates/local-date.js';
import type { Pathway } from '../policy/schema.js';
import type { EventKind } from './event-kinds.js';

/** Something that happened on a case, on a date. Two kinds carry a second date that rules count from. */
export type CaseEvent =
  | { readonly kind: Exclude<EventKind, 'review-booked' | 'supervision-order-made'>; readonly on: LocalDate }
  /** Recorded when the review is booked; `reviewOn` is the date it will be held. */
  | { readonly kind: 'review-booked'; readonly on: LocalDate; readonly reviewOn: LocalDate }
  /** Recorded when the order is made; `expiresOn` is when it ends. */
  | { readonly kind: 'supervision-order-made'; readonly on: LocalDate; readonly expiresOn: LocalDate };

/** What the timeline needs to know of a case: no names, no reference even (the caller keeps those). */
export interface CaseFile {
  readonly authorityId: string;
  readonly pathways: readonly Pathway[];
  readonly events: readonly CaseEvent[];
}

/**
 * The date a rule counts from when `event` is its anchor: the booked review's date, the order's expiry, or
 * else the day the event happened.
 *
 * @example
 * anchorDateOf({ kind: 'review-booked', on: '2026-09-01', reviewOn: '2026-09-21' }) //=> '2026-09-21'
 */
export function anchorDateOf(event: CaseEvent): LocalDate {
  switch (event.kind) {
    case 'review-booked':
      return event.reviewOn;
    case 'supervision-order-made':
      return event.expiresOn;
    default:
      return event.on;
  }
}
