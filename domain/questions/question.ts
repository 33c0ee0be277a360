import type { EventKind } from '../cases/event-kinds.js';
import type { LocalDate } from '../dates/local-date.js';
import type { Pathway, Topic } from '../policy/schema.js';

/** A procedural question, once understood: what is asked, about which event, from which date. */
export interface Question {
  /** What the question asks for (the rule's topic), when it could be told. */
  readonly topic?: Topic;
  /** Events the question says happened (or are booked); a rule counting from one of them fits best. */
  readonly events: readonly EventKind[];
  /** The date those events happened on, when the question gives one. */
  readonly anchorDate?: LocalDate;
  /** A pathway the question names ("direct payments case", "disabled child"). */
  readonly pathway?: Pathway;
  /** "How often…?": a recurring rule is wanted. */
  readonly asksFrequency: boolean;
}
