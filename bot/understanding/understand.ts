import type { LocalDate } from '../../domain/dates/local-date.js';
import type { Question } from '../../domain/questions/question.js';
import type { Policy } from '../../domain/policy/schema.js';
import { authoritiesIn } from './authority.js';
import { datesIn, isAhead } from './dates.js';
import { eventsIn, pathwayIn } from './events.js';
import { normaliseText } from './normalise.js';
import { asksFrequency, topicIn } from './topic.js';

export interface Understanding {
  /** Authorities the message names, in order of appearance. */
  readonly authorityIds: readonly string[];
  readonly question: Question;
}

/**
 * A message read as a procedural question, deterministically: which authorities it names, what it asks, what
 * happened and when. `today` is the message's own London date.
 *
 * @example
 * understand('Redbridge: we decided on 9 March 2026 that a CiN plan is needed. When must the initial CiN meeting be held by?',
 *   '2026-03-10', POLICIES)
 * //=> { authorityIds: ['redbridge'], question: { topic: 'initial-meeting', events: ['plan-decision'], anchorDate: '2026-03-09', … } }
 */
export function understand(text: string, today: LocalDate, policies: readonly Policy[]): Understanding {
  const normalised = normaliseText(text);
  const [anchorDate] = datesIn(text, today);
  const topic = topicIn(normalised);
  const pathway = pathwayIn(normalised);
  return {
    authorityIds: authoritiesIn(text, policies),
    question: {
      ...(topic ? { topic } : {}),
      events: eventsIn(normalised, anchorDate !== undefined && isAhead(anchorDate, today)),
      ...(anchorDate ? { anchorDate } : {}),
      ...(pathway ? { pathway } : {}),
      asksFrequency: asksFrequency(normalised),
    },
  };
}
