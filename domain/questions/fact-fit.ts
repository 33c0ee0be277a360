import type { Policy, Rule } from '../policy/schema.js';
import type { Asked, Question } from './question.js';
import { stemsOf } from './stems.js';
import { ROLE_ACT_TERMS, termsIn, type Term } from './vocabulary.js';

/**
 * What a question asks that a rule states as a fact rather than a date: who receives or attends, who does a step,
 * what something contains, whether it may or must happen, how it is done, where it is held, a threshold, who
 * (a role). Such a question is answered with the rule's own statement and its citation, never with a request for
 * the date to count from.
 */
const FACTS: ReadonlySet<Asked> = new Set<Asked>(['who', 'recipients', 'doer', 'contents', 'whether', 'manner', 'place', 'threshold']);

/** A date answers none of these: "can services start before…", "how do they ask", "where is it held". */
const NOT_A_DATE: ReadonlySet<Asked> = new Set<Asked>(['whether', 'manner', 'place', 'contents']);

/** What a timescale rule loses when the question asks a fact a date does not state. */
const DATE_FOR_A_FACT = -2;

/**
 * The acts a "who receives" or "who does" question asks about ("who do I invite", "who writes up the notes"): a rule
 * whose own words name the act asked states who; a date rule for another step does not, though it names a meeting.
 */
const ACTS: readonly Term[] = ['circulate', 'minutes', 'invitations', 'report', 'written', 'update', 'complete', 'visit', 'attend'];
const NAMES_THE_ACT = 3;
const DATE_FOR_ANOTHER_ACT = -3;
/** "Who arranges the meeting": a rule of someone's part names who, which a date rule names only in passing. */
const NAMES_WHO = 1.5;

/**
 * "Does the next review need a senior practitioner to chair it", "can the TM sign it off": a yes/no question naming
 * an act is about the rule of who does that act ("who chairs" itself is weighed with the role asked for).
 */
const NAMES_THE_ROLE_ASKED = 1.5;
/**
 * "Does the plan need a contingency plan", "does it need the review date on it": a plan or agenda is a list of items,
 * one rule each, and a question that names an item (every content word of the rule's `element`) is about that item's
 * rule, not about the list; it outweighs the words the list's other items share with the question.
 */
const NAMES_THE_ITEM = 3;
/** The words every item of a plan shares, which tell no item apart. */
const ITEM_FILLER = new Set(['plan', 'cin', 'child', 'need']);
/**
 * "Who is the lead professional": a rule that states who holds the part named ("an allocated social worker who will be
 * their lead professional") answers it, though it names no act; a part that is an act ("who is the chair") is weighed
 * with the role rules of that act instead.
 */
const STATES_THE_PART = 3;
/** As much as a threshold rule gains when a threshold is asked. */
const THRESHOLD_STATED = 3;
/** Weight of the words a question shares with a rule's own statement, by how few rules of the authority use them. */
const DISTINCTIVE_WEIGHT = 0.35;
const MOST_DISTINCTIVE = 3;

/** Whether the question asks a fact (who, what, whether, how, where) rather than a date or a figure. */
export function asksAFact(question: Question): boolean {
  return !question.asksFrequency && question.asked !== undefined && FACTS.has(question.asked);
}

/**
 * Whether a date rule, as it stands, answers the question: it says who does its step and to whom ("who do the minutes
 * go to"), which a question asking who is answered with; whether, how or what is not a date rule's to answer, so
 * such a question is asked back for the date (or the choice) rather than answered with a rule it may not mean.
 */
export function aDateRuleStatesIt(question: Question): boolean {
  return question.anchorDate === undefined && (question.asked === 'recipients' || question.asked === 'doer' || question.asked === 'who');
}

/** How rare each word of an authority's rules is among them, so a word few rules use tells them apart. */
export type Distinctiveness = ReadonlyMap<string, number>;

const DISTINCTIVENESS = new WeakMap<Policy, Distinctiveness>();

/**
 * Each word stem of `policy`'s rules (their plain words, verbatim quote, who, element, what they say instead of a
 * figure) weighted by how few rules use it; the authority's own names weigh nothing, since every question names them.
 */
export function distinctivenessOf(policy: Policy): Distinctiveness {
  let known = DISTINCTIVENESS.get(policy);
  if (!known) {
    const names = new Set(stemsOf([policy.authority.name, ...policy.authority.alsoKnownAs, ...(policy.vocabulary?.places ?? [])].join(' ').toLowerCase()));
    const used = new Map<string, number>();
    for (const rule of policy.rules) for (const stem of statedStems(rule)) if (!names.has(stem)) used.set(stem, (used.get(stem) ?? 0) + 1);
    known = new Map([...used].map(([stem, rules]) => [stem, Math.log(policy.rules.length / rules)]));
    DISTINCTIVENESS.set(policy, known);
  }
  return known;
}

/**
 * How well what the rule states fits the fact asked: a date is no answer to whether, how, where or what; and the words the question shares with the rule's own statement
 * (its quote included: "scarce", "jointly", "alternative forum"), weighted by how few rules use them.
 * Nothing for a question asking a date or a figure, whose reading stays as it was.
 */
export function factFit(rule: Rule, question: Question, distinctiveness: Distinctiveness): number {
  if (!asksAFact(question)) return 0;
  const asked = question.asked;
  let fit = 0;
  if (rule.kind === 'timescale' && asked !== undefined && NOT_A_DATE.has(asked) && question.anchorDate === undefined) fit += DATE_FOR_A_FACT;
  if (asked === 'recipients' || asked === 'doer') {
    const stated = statedTerms(rule);
    const ask = question.askTerms ?? [];
    if (ACTS.some((act) => ask.includes(act) && stated.has(act))) fit += NAMES_THE_ACT;
    else if (rule.kind === 'timescale') fit += DATE_FOR_ANOTHER_ACT;
    if (asked === 'doer' && rule.kind === 'role') fit += NAMES_WHO;
  }
  // A threshold stated as a condition ("complex and enduring needs (level 3)") is a threshold as much as a scored one.
  if (asked === 'threshold' && rule.topic === 'threshold' && rule.kind !== 'threshold') fit += THRESHOLD_STATED;
  if (asked !== 'who' && rule.kind === 'role') {
    const acts = (question.askTerms ?? []).flatMap((term) => ROLE_ACT_TERMS[term] ?? []);
    if (acts.includes(rule.act)) fit += NAMES_THE_ROLE_ASKED;
  }
  if ((asked === 'whether' || asked === 'contents') && namesTheItem(rule, question)) fit += NAMES_THE_ITEM;
  if (asked === 'who' && statesThePartNamed(rule, question)) fit += STATES_THE_PART;
  let shared = 0;
  const stated = statedStems(rule);
  for (const [stem, weight] of weighedStems(question, distinctiveness)) if (stated.has(stem)) shared += weight;
  return fit + Math.min(shared * DISTINCTIVE_WEIGHT, MOST_DISTINCTIVE);
}

/** Whether a rule that names no act states who holds the part the question names ("who is the lead professional"). */
export function statesThePartNamed(rule: Rule, question: Question): boolean {
  const part = question.roleNamed;
  if (part === undefined || rule.kind === 'role' || (question.askTerms ?? []).some((term) => ROLE_ACT_TERMS[term] !== undefined)) return false;
  const stated = statedStems(rule);
  return part.every((stem) => stated.has(stem));
}

/** Whether the question names every content word of the item a plan-content rule is about. */
export function namesTheItem(rule: Rule, question: Question): boolean {
  if (rule.kind !== 'plan-content') return false;
  const item = itemStemsOf(rule);
  const stems = question.stems ?? [];
  return item.length > 0 && item.every((stem) => stems.includes(stem));
}

const ITEM_STEMS = new WeakMap<Rule, readonly string[]>();

function itemStemsOf(rule: Extract<Rule, { kind: 'plan-content' }>): readonly string[] {
  let known = ITEM_STEMS.get(rule);
  if (!known) {
    known = stemsOf(rule.element.toLowerCase().replace(/\bchild in need\b/g, 'cin')).filter((stem) => !ITEM_FILLER.has(stem));
    ITEM_STEMS.set(rule, known);
  }
  return known;
}

const WEIGHED_STEMS = new WeakMap<Question, { readonly of: Distinctiveness; readonly stems: readonly (readonly [string, number])[] }>();

/** The question's stems that some rule of the authority uses, with their weight: worked out once per question, not per rule. */
function weighedStems(question: Question, distinctiveness: Distinctiveness): readonly (readonly [string, number])[] {
  const known = WEIGHED_STEMS.get(question);
  if (known?.of === distinctiveness) return known.stems;
  const stems = (question.stems ?? []).flatMap((stem) => {
    const weight = distinctiveness.get(stem);
    return weight === undefined || weight === 0 ? [] : [[stem, weight] as const];
  });
  WEIGHED_STEMS.set(question, { of: distinctiveness, stems });
  return stems;
}

const STATED_TERMS = new WeakMap<Rule, ReadonlySet<Term>>();

function statedTerms(rule: Rule): ReadonlySet<Term> {
  let known = STATED_TERMS.get(rule);
  if (!known) {
    known = termsIn(statementOf(rule).toLowerCase());
    STATED_TERMS.set(rule, known);
  }
  return known;
}

const STATED_STEMS = new WeakMap<Rule, ReadonlySet<string>>();

function statedStems(rule: Rule): ReadonlySet<string> {
  let known = STATED_STEMS.get(rule);
  if (!known) {
    known = new Set(stemsOf(statementOf(rule).toLowerCase().replace(/\bchild in need\b/g, 'cin')));
    STATED_STEMS.set(rule, known);
  }
  return known;
}

/** Everything a rule says in words. */
function statementOf(rule: Rule): string {
  const own = [rule.requires, rule.citation.quote];
  switch (rule.kind) {
    case 'role':
      return [...own, rule.who].join(' ');
    case 'plan-content':
      return [...own, rule.element].join(' ');
    case 'no-figure-set':
      return [...own, rule.says].join(' ');
    case 'timescale':
      return [...own, rule.responsible.words].join(' ');
    case 'condition':
    case 'threshold':
      return own.join(' ');
  }
}
