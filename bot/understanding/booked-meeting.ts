import type { EventKind } from '../../domain/cases/event-kinds.js';
import type { Term } from '../../domain/questions/vocabulary.js';

/**
 * The things that follow a meeting: asked for when the only date given is the one a meeting is booked for ("IIPM
 * booked for 15/1/27, when must the updated plan go out"), that date is the day the meeting is held, which is
 * what their rules count from.
 */
const FOLLOW_A_MEETING: readonly (readonly Term[])[] = [['minutes'], ['written'], ['update'], ['plan', 'circulate']];

/**
 * The event a booked meeting's date stands for when the question asks for something that follows the meeting:
 * the initial meeting held, or a review held; undefined when it asks for something before it (invitations, a
 * report), for which the booked date is counted back from as it is.
 *
 * @example
 * heldOnTheBookedDate(new Set(['plan', 'update', 'circulate']), new Set(['initial', 'meeting'])) //=> 'initial-meeting-held'
 */
export function heldOnTheBookedDate(askTerms: ReadonlySet<Term>, contextTerms: ReadonlySet<Term>): EventKind | undefined {
  if (!FOLLOW_A_MEETING.some((things) => things.every((thing) => askTerms.has(thing)))) return undefined;
  return askTerms.has('initial') || contextTerms.has('initial') ? 'initial-meeting-held' : 'review-held';
}
