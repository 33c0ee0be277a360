import type { LocalDate } from '../../domain/dates/local-date.js';
import type { DatedEvent } from '../../domain/questions/question.js';
import { datesIn, isAhead } from './dates.js';
import { eventsIn } from './events.js';
import { normaliseText } from './normalise.js';

/** Where one stretch of a message ends: a sentence, a clause, "and", "but", a dash. */
const STRETCH_END = /[.;!?\n]|,\s|\s-\s|\s(?:and|but|then|while)\s/i;

/**
 * Each event the message dates in the same stretch as the event ("referral came in 2 feb, TM decided on 16 feb that
 * a plan is needed": the referral on 2 February, the decision on 16 February), so that a rule counts from the date
 * of its own event and never from another's. A stretch naming one date and its events pairs them; a stretch with two
 * dates or none pairs nothing.
 *
 * @example
 * datedEventsIn('referral 2 feb, decided on 16 feb a plan is needed', '2026-02-20')
 * //=> [{ event: 'referral-received', on: '2026-02-02' }, { event: 'plan-decision', on: '2026-02-16' }]
 */
export function datedEventsIn(text: string, today: LocalDate): DatedEvent[] {
  const paired: DatedEvent[] = [];
  for (const stretch of text.split(STRETCH_END).flatMap((part) => oneDateEach(part, today))) {
    const [on, another] = datesIn(stretch, today);
    if (on === undefined || another !== undefined) continue;
    for (const event of eventsIn(normaliseText(stretch), isAhead(on, today))) {
      if (!paired.some((known) => known.event === event)) paired.push({ event, on });
    }
  }
  return paired;
}

/**
 * A stretch naming two dates ("review due 20th jan got cancelled on the 12th") cut after each date, so each piece
 * holds one date and the words before it: "review due 20th jan", "got cancelled on the 12th". A date is whole once
 * the next word does not change it ("3 march" then "2025" does).
 */
function oneDateEach(stretch: string, today: LocalDate): string[] {
  if (datesIn(stretch, today).length < 2) return [stretch];
  const words = stretch.trim().split(/\s+/);
  const pieces: string[] = [];
  let start = 0;
  let dated: LocalDate | undefined;
  for (let end = 1; end <= words.length; end += 1) {
    const [date, another] = datesIn(words.slice(start, end).join(' '), today);
    const single = another === undefined ? date : undefined;
    if (dated !== undefined && single === dated) {
      pieces.push(words.slice(start, end - 1).join(' '));
      start = end - 1;
      dated = datesIn(words[start] ?? '', today)[0];
    } else {
      dated = single;
    }
  }
  pieces.push(words.slice(start).join(' '));
  return pieces;
}
