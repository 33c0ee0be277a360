import type { EventKind } from '../cases/event-kinds.js';
import type { Policy, Rule } from '../policy/schema.js';
import type { Question } from './question.js';
import { answeredWith, fitsPathway, ruleNames, type Decision, type RankedRule } from './rank.js';
import type { Term } from './vocabulary.js';

/** A question for a timescale that the document does not set: what it was read as asking about, and what the document says instead. */
export interface NoFigure {
  /** The things asked about that no rule with a figure covers (empty when the rules offered were all without one). */
  readonly subject: readonly Term[];
  /** The document's nearest rules, none with a figure, best first; empty when it says nothing about them. */
  readonly rules: readonly Rule[];
}

/** The things a timescale is set for: when one is asked for, it is for the one the asking clause names. */
const TIMED_THINGS: readonly Term[] = ['meeting', 'review', 'visit', 'assessment', 'plan', 'minutes', 'invitations', 'report', 'closure', 'stepdown', 'referral', 'order'];

/** What a case is going through, which the document may cover in a section of its own: named anywhere, it is what is asked about when the asking clause names nothing that has a timescale ("closing a case, how long to finalise the recordings"). */
const SITUATIONS: readonly Term[] = ['closure', 'stepdown'];

/** The thing each event is of: a rule counting from an assessment's start is about the assessment as well as its own step. */
const EVENT_THINGS: Partial<Record<EventKind, Term>> = {
  'referral-received': 'referral',
  'assessment-started': 'assessment',
  'assessment-completed': 'assessment',
  'assessment-updated': 'assessment',
  'initial-meeting-held': 'meeting',
  'review-booked': 'review',
  'review-held': 'review',
  'review-cancelled': 'review',
  'plan-decision': 'plan',
  'plan-started': 'plan',
  'visit-made': 'visit',
  'moved-in': 'into',
  'moved-out': 'out',
  'supervision-order-made': 'order',
};

/** Below this a rule fits the question so badly that it is about something else, even if it names the same thing. */
const LEAST_TO_CITE = -1;

/** A review is a meeting and a meeting a review (Brighton and Hove's network meetings are its reviews). */
const NEAR_THINGS: Partial<Record<Term, readonly Term[]>> = { review: ['meeting'], meeting: ['review'] };

/**
 * Whether the honest answer to a question for a date, a notice period or a duration is that the document sets no
 * figure, so that no other rule's date is given in its place:
 * - the rules the ranking would answer or offer all set no figure (a condition, a role, a rule saying none is set);
 * - or the question's own pathway has a rule saying its document sets none ("supervision order: when is the meeting");
 * - or no rule with a figure is about everything the asking clause names (Redbridge's invitations, a transfer in
 *   where the document has no transfer rule), and then the nearest rules without a figure are what it says instead.
 *
 * @example
 * noFigureFor(redbridge, ranking, decision, { asked: 'date', askTerms: ['invitations', 'circulate'], … })
 * //=> { subject: ['invitations'], rules: [] }
 */
export function noFigureFor(policy: Policy, ranking: readonly RankedRule[], decision: Decision, question: Question): NoFigure | undefined {
  if (question.ruleId !== undefined || !asksForATimescale(question)) return undefined;
  const offered = decision.kind === 'answer' ? decision.rules : decision.kind === 'ask' ? decision.choices : [];
  // A rule that says itself that no figure is set, or who sets a date, already answers; a condition answering "when" does not.
  if (decision.kind === 'answer' && offered.every((rule) => rule.kind === 'no-figure-set' || rule.kind === 'role' || rule.kind === 'threshold')) return undefined;
  if (offered.length > 0 && offered.every((rule) => !setsAFigure(rule))) return { subject: [], rules: offered };
  const [first] = offered;
  if (decision.kind === 'ask' && first?.kind === 'no-figure-set' && !setsAFigure(first) && first.pathway !== undefined && first.pathway === question.pathway) {
    return { subject: [], rules: [first] };
  }
  const subject = subjectOf(question);
  if (subject.length === 0) return undefined;
  const namesAll = (rule: Rule) => subject.every((term) => namesOrNear(rule, term));
  if (policy.rules.some((rule) => setsAFigure(rule) && fitsPathway(rule, question) && namesAll(rule))) return undefined;
  // Quoted instead only if its topic is one of the things asked about: Redbridge's transfer-out papers name the
  // review's minutes, but say nothing about sending them after a review.
  const isAboutOne = (rule: Rule) => subject.some((term) => [term, ...(NEAR_THINGS[term] ?? [])].some((thing) => ruleNames(rule, thing, true)));
  const nearest = ranking.find(({ rule, score }) => score > LEAST_TO_CITE && !setsAFigure(rule) && fitsPathway(rule, question) && namesAll(rule) && isAboutOne(rule));
  return { subject, rules: nearest ? answeredWith(policy, nearest.rule, question) : [] };
}

/** A date, a notice period, a duration or "how long", not how often (a frequency left unset has its own rules). */
function asksForATimescale(question: Question): boolean {
  if (question.asksFrequency) return false;
  return question.asked === 'date' || question.asked === 'notice' || question.asked === 'duration' || question.asksHowLong === true;
}

/**
 * The things the asking clause names that a timescale could be set for, and, for a family moving, which way
 * (the receiving authority's transfer in, the sending one's transfer out), wherever the message says it, unless
 * what is asked is the next of a series, which goes on after the move.
 */
export function subjectOf(question: Question): Term[] {
  const ask = new Set(question.askTerms ?? []);
  const context = new Set(question.contextTerms ?? []);
  const asked = TIMED_THINGS.filter((term) => ask.has(term));
  const things = asked.length > 0 ? asked : SITUATIONS.filter((term) => context.has(term));
  const moving = ask.has('transfer') || context.has('transfer') || question.events.includes('moved-in') || question.events.includes('moved-out');
  // "Moved in on 1 November, when's the next review": reviews go on after a move; the next one is not the move's.
  const goesOnAfterTheMove = ask.has('next') && !ask.has('transfer') && !ask.has('into') && !ask.has('out');
  if (!moving || goesOnAfterTheMove) return things;
  const outward = ask.has('out') || (context.has('out') && !ask.has('into') && !context.has('into'));
  const inward = ask.has('into') || context.has('into');
  return outward ? [...things, 'out'] : inward ? [...things, 'into'] : things;
}

function namesOrNear(rule: Rule, term: Term): boolean {
  return [term, ...(NEAR_THINGS[term] ?? [])].some((thing) => ruleNames(rule, thing) || countsFromOne(rule, thing));
}

function countsFromOne(rule: Rule, thing: Term): boolean {
  return rule.kind === 'timescale' && rule.anchors.some((anchor) => EVENT_THINGS[anchor] === thing);
}

/** A rule that gives a date: a timescale, or a rule without a figure whose outer limit is an event's date. */
function setsAFigure(rule: Rule): boolean {
  return rule.kind === 'timescale' || (rule.kind === 'no-figure-set' && rule.outerLimit !== undefined);
}
