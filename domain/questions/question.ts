import type { EventKind } from '../cases/event-kinds.js';
import type { LocalDate } from '../dates/local-date.js';
import type { Pathway, Topic } from '../policy/schema.js';
import type { Figure } from './figures.js';
import type { Term } from './vocabulary.js';

/**
 * What kind of answer a question wants, from how it asks. Besides a date or a figure: `who` (a role: who chairs,
 * authorises), `recipients` (who receives or attends: "who do the minutes go to", "who should be at it"), `doer` (who
 * does a step: "who writes up the notes"), `contents`, `whether` (may, must, can it happen), `manner` ("how do they
 * ask"), `place` ("where is it held"), `threshold`.
 */
export type Asked =
  | 'date'
  | 'frequency'
  | 'who'
  | 'recipients'
  | 'doer'
  | 'contents'
  | 'notice'
  | 'duration'
  | 'threshold'
  | 'whether'
  | 'manner'
  | 'place';

/** An event the question names with its own date. */
export interface DatedEvent {
  readonly event: EventKind;
  readonly on: LocalDate;
}

/** A procedural question, once read into parts: what is asked, about what, after which events, from which date. */
export interface Question {
  /** What the question asks for (the rule's topic), when it could be told. */
  readonly topic?: Topic;
  /** Events the question says happened (or are booked); a rule counting from one of them fits best. */
  readonly events: readonly EventKind[];
  /** The date those events happened on, when the question gives one (the first, when it gives several). */
  readonly anchorDate?: LocalDate;
  /** The message gives more than one date: a rule counts only from the date given for its own event. */
  readonly severalDates?: boolean;
  /** Each event the message dates ("referral 2 feb, decided 16 feb"), when it gives more than one date. */
  readonly datedEvents?: readonly DatedEvent[];
  /** A pathway the question names ("direct payments case", "disabled child"). */
  readonly pathway?: Pathway;
  /** "How often…?": a recurring rule is wanted. */
  readonly asksFrequency: boolean;
  /** The kind of answer wanted, when the asking words tell it. */
  readonly asked?: Asked;
  /** "How many days do we have to…", "how long for…": the figure itself is wanted, not a date to count from. */
  readonly asksHowLong?: boolean;
  /** The things named in the asking clause ("when do minutes go out"), which weigh most. */
  readonly askTerms?: readonly Term[];
  /** The things named elsewhere ("plan agreed today"). */
  readonly contextTerms?: readonly Term[];
  /** The question's content words, cut to stems, to tell apart rules about the same thing. */
  readonly stems?: readonly string[];
  /** "From when…", "at what point…": the date from which a rule applies is wanted (a trigger, an earliest date). */
  readonly asksFrom?: boolean;
  /** The asked date lies before an event ("invites before the review", "how much notice"). */
  readonly before?: boolean;
  /** "Who is the lead professional": the stems of the part asked who holds, which a rule that names no act may state. */
  readonly roleNamed?: readonly string[];
  /** Spans of time the question names ("20 wd", "open 9 months", "the 6 week review"): a rule setting one fits it. */
  readonly figures?: readonly Figure[];
  /** The rule chosen by pressing a button of "Which did you mean?" or "Not what you asked?". */
  readonly ruleId?: string;
}
