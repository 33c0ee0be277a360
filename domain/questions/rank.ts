import type { EventKind } from '../cases/event-kinds.js';
import { TopicSchema, type Pathway, type Policy, type Rule, type Topic } from '../policy/schema.js';
import { distinctivenessOf, factFit, namesTheItem, statesThePartNamed } from './fact-fit.js';
import { namesTheFigure } from './figures.js';
import type { Question } from './question.js';
import { stemsOf } from './stems.js';
import { CONTEXT_ONLY_TERMS, ROLE_ACT_TERMS, TOPIC_SIGNATURES, termsIn, type Term } from './vocabulary.js';

/** One rule with how well it fits the question, and why (the "Read as" line and the alternatives use it). */
export interface RankedRule {
  readonly rule: Rule;
  readonly score: number;
}

/** What to do with a question once every rule is ranked. */
export type Decision =
  /** The best rule clearly fits and beats every other one. `rules` is one rule, or a list the document gives together. */
  | { readonly kind: 'answer'; readonly rules: readonly Rule[]; readonly alternatives: readonly Rule[] }
  /** Two to four rules fit about as well: ask which one was meant. */
  | { readonly kind: 'ask'; readonly choices: readonly Rule[] }
  | { readonly kind: 'none' };

/** Weights of each part of a question: what is asked about weighs most, where it is said matters. */
const IN_ASKING_CLAUSE = 3;
const IN_CONTEXT = 1.5;
const MISSING_TERM = -1.5;
/** Answer only when the best rule scores this much at least, and this much above any other. */
const LEAST_SCORE = 3;
/** Below this the best rule is no better than a guess: say so rather than offer it. */
const LEAST_TO_OFFER = 1;
const MARGIN = 1.9;
const MOST_CHOICES = 4;
/** What a rule for a pathway the question does not name loses. */
const OTHER_PATHWAY = 4;

/** Non-dated rules of these topics are given together, as the document lists them (every closure condition). */
const LISTED_TOPICS = new Set<Rule['topic']>(['plan-content', 'meeting-agenda', 'closure', 'step-down', 'transfer-out', 'transfer-in', 'transfer-between-teams', 'assessment-update']);

/** Events that stand near one another: a date given for one is a fair guess at the other, but less than exact. */
const NEAR_EVENTS: Partial<Record<EventKind, readonly EventKind[]>> = {
  'referral-received': ['assessment-started', 'case-opened'],
  'assessment-started': ['referral-received', 'case-opened'],
  'case-opened': ['referral-received', 'assessment-started', 'plan-started'],
  'plan-started': ['initial-meeting-held', 'plan-decision'],
  'plan-decision': ['plan-started', 'assessment-completed'],
  'initial-meeting-held': ['plan-started', 'review-held'],
  'review-held': ['initial-meeting-held', 'oversight-review-held'],
  'assessment-completed': ['plan-decision'],
};

/**
 * Every rule of `policy`, best first, scored on every part of the question: the things named (in the asking
 * clause most), the kind of answer wanted, the event a timescale counts from, before or after it, the pathway,
 * and the words the rule itself uses. A rule for another pathway is kept, low, so it can be offered as a choice.
 *
 * @example
 * rankRules(brightonAndHove, { askTerms: ['minutes', 'circulate'], events: ['plan-started'], asked: 'date', … })[0].rule.id
 * //=> 'brighton-and-hove.minutes-circulation.within-ten-working-days'
 */
export function rankRules(policy: Policy, question: Question): RankedRule[] {
  const questionFacts = questionFactsOf(question);
  const distinctiveness = distinctivenessOf(policy);
  return policy.rules
    .map((rule, index) => ({ rule, score: scoreOf(rule, factsOf(rule), questionFacts) + factFit(rule, question, distinctiveness) - index * 0.001 }))
    .sort((left, right) => right.score - left.score);
}

/** What scoring needs of the question, worked out once for all the rules it is scored against. */
interface QuestionFacts {
  readonly question: Question;
  readonly ask: ReadonlySet<Term>;
  readonly context: ReadonlySet<Term>;
  readonly stems: ReadonlySet<string>;
  readonly pathways: readonly Pathway[];
  /** The qualifiers named in the asking clause. */
  readonly askedQualifiers: readonly Term[];
  /** The kind of answer wanted: a date, a frequency, a person… */
  readonly wants: Question['asked'];
}

function questionFactsOf(question: Question): QuestionFacts {
  const ask = new Set(question.askTerms ?? []);
  return {
    question,
    ask,
    context: new Set(question.contextTerms ?? []),
    stems: new Set(question.stems ?? []),
    pathways: pathwaysOf(question),
    askedQualifiers: QUALIFIERS.filter((term) => ask.has(term)),
    wants: question.asksFrequency ? 'frequency' : (question.asked ?? (question.anchorDate ? 'date' : undefined)),
  };
}

/** What scoring needs of a rule that no question changes, worked out once per rule: every question scores every rule. */
interface RuleFacts {
  readonly terms: ReadonlySet<Term>;
  /** Its terms that count towards the text fit: all but the context-only ones. */
  readonly countedTerms: readonly Term[];
  readonly qualifiers: readonly Term[];
  readonly signatures: readonly (readonly Term[])[];
  readonly about: ReadonlySet<Term>;
  /** The qualifiers that name the narrow kind of its topic by a compound name ("outline plan"). */
  readonly kindQualifiers: readonly Term[];
  readonly stems: readonly string[];
}

const RULE_FACTS = new WeakMap<Rule, RuleFacts>();

function factsOf(rule: Rule): RuleFacts {
  let known = RULE_FACTS.get(rule);
  if (!known) {
    const terms = termsOfRule(rule);
    known = {
      terms,
      countedTerms: [...terms].filter((term) => !CONTEXT_ONLY_TERMS.has(term)),
      qualifiers: QUALIFIERS.filter((term) => terms.has(term)),
      signatures: signaturesOf(rule),
      about: aboutOf(rule),
      kindQualifiers: TOPIC_SIGNATURES[rule.topic].flatMap(([first, ...rest]) => (first !== undefined && rest.length > 0 && QUALIFIERS.includes(first) ? [first] : [])),
      stems: [...new Set(stemsOf(ownWords(rule)))],
    };
    RULE_FACTS.set(rule, known);
  }
  return known;
}

/**
 * Answer, ask back or give up: the best rule is answered only when it fits well and beats the next rule that
 * would give a different answer by the margin; rules that answer together (the same list, the same date, the
 * document's other figure for the same thing) are not rivals.
 */
export function decide(policy: Policy, ranking: readonly RankedRule[], question: Question): Decision {
  const chosen = question.ruleId ? policy.rules.find((rule) => rule.id === question.ruleId) : undefined;
  if (chosen) return { kind: 'answer', rules: answeredWith(policy, chosen, question), alternatives: alternativesTo([chosen], ranking) };
  const [best] = ranking;
  if (!best || best.score < LEAST_TO_OFFER) return { kind: 'none' };
  if (best.score < LEAST_SCORE) return { kind: 'ask', choices: distinct(ranking.filter((ranked) => ranked.score >= best.score - 3)).slice(0, MOST_CHOICES) };
  // A rule of another pathway is only ever offered, never answered unasked; and when one would have won had the
  // question named its pathway ("the formal review" is Appletrees'), the question is asked back with it.
  if (!fitsPathway(best.rule, question)) return { kind: 'ask', choices: distinct(ranking.slice(0, MOST_CHOICES)) };
  const named = pathwaysOf(question);
  const pathwayRival = ranking.find((ranked) => ranked.rule.pathway !== undefined && !named.includes(ranked.rule.pathway) && ranked.score + OTHER_PATHWAY >= best.score);
  if (pathwayRival) return { kind: 'ask', choices: distinct([best, pathwayRival, ...ranking.slice(1, MOST_CHOICES)]).slice(0, MOST_CHOICES) };
  // A question that names its pathway is not answered with the general rule while a rule of that pathway is near:
  // "is the assessment for a disabled child done jointly" may mean the disabled children's own assessment.
  const ownPathwayRival = best.rule.pathway === undefined && !namesItsPathway(best.rule, question) ? ranking.find((ranked) => ranked.rule.pathway !== undefined && named.includes(ranked.rule.pathway) && ranked.score + OTHER_PATHWAY >= best.score) : undefined;
  // The same answer on the question's own pathway (Slough's disabled children's reviews beside the three-monthly
  // ones) is answered with that pathway's rule; another answer is asked back.
  if (ownPathwayRival && !sameAnswer(best.rule, ownPathwayRival.rule)) return { kind: 'ask', choices: distinct([best, ownPathwayRival, ...ranking.slice(1, MOST_CHOICES)]).slice(0, MOST_CHOICES) };
  return decideOn(policy, ownPathwayRival ?? best, ranking, question);
}

/** Answer `best` when it beats every rule that would give a different answer by the margin, else ask back. */
function decideOn(policy: Policy, best: RankedRule, ranking: readonly RankedRule[], question: Question): Decision {
  // "Who" wants a person: a rule that names no one's part is never the answer to it, only a choice; unless it states who
  // holds the very part asked about ("who is the lead professional").
  if (question.asked === 'who' && best.rule.kind !== 'role' && !statesThePartNamed(best.rule, question)) return { kind: 'ask', choices: distinct(ranking.slice(0, MOST_CHOICES)) };
  const rules = answeredWith(policy, best.rule, question);
  const together = new Set(rules.map((rule) => rule.id));
  // The rest of a listed topic is not a rival of the one item asked for ("how many points": the points rule).
  const list = listedTopicOf(best.rule, question);
  const sameList = (rule: Rule) => list !== undefined && rule.kind !== 'timescale' && topicsOf(rule).includes(list);
  const rival = ranking.find((ranked) => ranked.rule.id !== best.rule.id && !together.has(ranked.rule.id) && !sameAnswer(best.rule, ranked.rule) && !sameList(ranked.rule));
  if (!rival || best.score - rival.score >= MARGIN) {
    return { kind: 'answer', rules, alternatives: alternativesTo(rules, ranking) };
  }
  const close = ranking.filter((ranked) => best.score - ranked.score < MARGIN + 1);
  return { kind: 'ask', choices: distinct(close).slice(0, MOST_CHOICES) };
}

/** The rules one answer gives: a listed topic's whole list, else the rule alone. */
export function answeredWith(policy: Policy, rule: Rule, question: Question): Rule[] {
  const list = listedTopicOf(rule, question);
  // "Does the plan need a contingency plan", "who is the lead professional": the one item asked about, not the list.
  if (list === undefined || question.stems?.includes('point') || namesTheItem(rule, question) || statesThePartNamed(rule, question)) return [rule];
  return policy.rules.filter((other) => other.kind !== 'timescale' && topicsOf(other).includes(list) && fitsPathway(other, question));
}

/**
 * The list a non-dated rule is given in: of its topics (a closure condition checked before a step-down too), the
 * listed one the question names best ("can we still step down" gives the step-down list, with that condition in it).
 */
function listedTopicOf(rule: Rule, question: Question): Topic | undefined {
  if (rule.kind === 'timescale') return undefined;
  const ask = new Set(question.askTerms ?? []);
  const context = new Set(question.contextTerms ?? []);
  let best: { topic: Topic; fit: number } | undefined;
  for (const topic of topicsOf(rule)) {
    if (!LISTED_TOPICS.has(topic)) continue;
    const fit = signatureFit(TOPIC_SIGNATURES[topic], ask, context);
    if (!best || fit > best.fit) best = { topic, fit };
  }
  return best?.topic;
}

/** The topics a rule answers for: its own and, for a condition, each step it is checked before. */
function topicsOf(rule: Rule): readonly Topic[] {
  if (rule.kind !== 'condition') return [rule.topic];
  let known = RULE_TOPICS.get(rule);
  if (!known) {
    const steps = rule.appliesTo.flatMap((step) => {
      const topic = TopicSchema.safeParse(step);
      return topic.success && topic.data !== rule.topic ? [topic.data] : [];
    });
    known = [rule.topic, ...steps];
    RULE_TOPICS.set(rule, known);
  }
  return known;
}

const RULE_TOPICS = new WeakMap<Rule, readonly Topic[]>();

/** The signatures of every topic a rule answers for, worked out once per rule. */
function signaturesOf(rule: Rule): readonly (readonly Term[])[] {
  let known = RULE_SIGNATURES.get(rule);
  if (!known) {
    known = topicsOf(rule).flatMap((topic) => TOPIC_SIGNATURES[topic]);
    RULE_SIGNATURES.set(rule, known);
  }
  return known;
}

const RULE_SIGNATURES = new WeakMap<Rule, readonly (readonly Term[])[]>();

/** The terms a rule is about by its topics. */
function aboutOf(rule: Rule): ReadonlySet<Term> {
  let known = RULE_ABOUT.get(rule);
  if (!known) {
    known = new Set(signaturesOf(rule).flat());
    RULE_ABOUT.set(rule, known);
  }
  return known;
}

const RULE_ABOUT = new WeakMap<Rule, ReadonlySet<Term>>();

/** Whether a rule is about `term`, by its topics or, unless `byTopic`, its own words. */
export function ruleNames(rule: Rule, term: Term, byTopic = false): boolean {
  return aboutOf(rule).has(term) || (!byTopic && termsOfRule(rule).has(term));
}

/** The next best rules, for "Not what you asked?". */
function alternativesTo(answered: readonly Rule[], ranking: readonly RankedRule[]): Rule[] {
  const shown = new Set(answered.map((rule) => rule.id));
  return distinct(ranking.filter((ranked) => !shown.has(ranked.rule.id) && ranked.score > 0)).slice(0, 3);
}

/** One choice per list: a listed topic stands once among the choices. */
function distinct(ranked: readonly RankedRule[]): Rule[] {
  const seen = new Set<string>();
  const rules: Rule[] = [];
  for (const { rule } of ranked) {
    const key = rule.kind !== 'timescale' && LISTED_TOPICS.has(rule.topic) ? `topic:${rule.topic}` : rule.id;
    if (seen.has(key)) continue;
    seen.add(key);
    rules.push(rule);
  }
  return rules;
}

/**
 * Two timescales answered together: the same date from the same event, the document's other figure for the same
 * thing, or another figure for the same step counted from the same event (Slough's 45-day maximum beside its 20 days).
 */
function sameAnswer(left: Rule, right: Rule): boolean {
  if (left.kind !== 'timescale' || right.kind !== 'timescale') return false;
  if (left.conflictsWith?.rule === right.id || right.conflictsWith?.rule === left.id) return true;
  if (left.topic === right.topic && left.anchors.some((anchor) => right.anchors.includes(anchor)) && left.pathway === right.pathway) return true;
  const sameOffset =
    left.offset.amount === right.offset.amount && left.offset.unit === right.offset.unit && left.offset.direction === right.offset.direction;
  return sameOffset && left.recurring === right.recurring && left.anchors.some((anchor) => right.anchors.includes(anchor));
}

function scoreOf(rule: Rule, facts: RuleFacts, questionFacts: QuestionFacts): number {
  const { question, ask, context } = questionFacts;
  return (
    topicFit(facts, ask, context) + textFit(facts, questionFacts, rule.pathway !== undefined && questionFacts.pathways.includes(rule.pathway)) + subjectFit(facts, ask) + askedFit(rule, questionFacts) + anchorFit(rule, question) + directionFit(rule, question) + pathwayFit(rule, questionFacts) + wordFit(facts, questionFacts.stems) + figureFit(rule, question)
  );
}

/** How well the things the question names match what the rule is about, on the best signature of its topics. */
function topicFit(facts: RuleFacts, ask: ReadonlySet<Term>, context: ReadonlySet<Term>): number {
  return signatureFit(facts.signatures, ask, context);
}

function signatureFit(signatures: readonly (readonly Term[])[], ask: ReadonlySet<Term>, context: ReadonlySet<Term>): number {
  let best = Number.NEGATIVE_INFINITY;
  for (const signature of signatures) {
    let score = 0;
    for (const term of signature) {
      score += ask.has(term) ? IN_ASKING_CLAUSE : context.has(term) ? IN_CONTEXT : MISSING_TERM;
    }
    // A signature of one term is a weaker claim than one of two that are both met.
    best = Math.max(best, score - (signature.length === 1 ? 0.5 : 0));
  }
  return best;
}

/** The things the question names that the rule's own words name too ("the first CIN meeting … after a CP Plan ended"). */
function textFit(facts: RuleFacts, questionFacts: QuestionFacts, onNamedPathway: boolean): number {
  const { ask, context } = questionFacts;
  let shared = 0;
  for (const term of facts.countedTerms) shared += ask.has(term) ? 1 : context.has(term) ? 0.5 : 0;
  let unnamedQualifier = false;
  let sharedQualifier = onNamedPathway;
  let askedQualifier = false;
  for (const term of facts.qualifiers) {
    if (ask.has(term)) askedQualifier = true;
    if (ask.has(term) || context.has(term)) sharedQualifier = true;
    else unnamedQualifier = true;
  }
  let narrowed = 0;
  for (const term of questionFacts.askedQualifiers) if (!facts.terms.has(term) && !facts.about.has(term)) narrowed -= 1;
  // Narrowed once however many cases it names: a rule listing several (closure, escalation to CP or care) is no narrower.
  // A question that names the narrow kind the rule is about by its compound name ("the outline plan", which is the
  // initial one; "the written report") has chosen it.
  const kindNamed = facts.kindQualifiers.some((term) => ask.has(term) || context.has(term));
  // A rule of the narrow case the question named (its qualifier, its pathway) is narrowed only a little further by its
  // own conditions ("the Initial CIN Meeting … where there are complex issues", "by complexity" for disabled children).
  // The narrow case named in the asking clause ("how often is the joint SEN review") is what sets the rule apart.
  return Math.min(shared, 3) + (askedQualifier ? 1.5 : 0) + narrowed + (unnamedQualifier && !kindNamed ? (sharedQualifier ? -1 : -2.5) : 0);
}

/**
 * The things a question can be about. One named in the asking clause that a rule neither is about nor mentions
 * ("how long to complete an assessment" against the rule on having a plan in place) counts against the rule, so a
 * document that sets nothing for the thing asked about is not answered with its rule for something else.
 */
const SUBJECTS: readonly Term[] = ['meeting', 'review', 'visit', 'assessment', 'minutes', 'invitations', 'report', 'stepdown', 'closure', 'order', 'referral', 'chair', 'manager'];
const UNMET_SUBJECT = -2;

function subjectFit(facts: RuleFacts, ask: ReadonlySet<Term>): number {
  let score = 0;
  for (const term of SUBJECTS) if (ask.has(term) && !facts.terms.has(term) && !facts.about.has(term)) score += UNMET_SUBJECT;
  return score;
}

/**
 * Words that narrow a rule to one case of its kind (the initial meeting, a cancelled review, after a CP plan): a
 * rule that names one fits a question that does not only weakly, so "who chairs reviews" is not answered with
 * who chairs the initial meeting.
 */
const QUALIFIERS: readonly Term[] = ['initial', 'outline', 'formal', 'cancelled', 'written', 'complex', 'absent', 'care', 'cp', 'order', 'escalation', 'supervision', 'sen', 'maximum'];

const RULE_TERMS = new WeakMap<Rule, ReadonlySet<Term>>();

function termsOfRule(rule: Rule): ReadonlySet<Term> {
  let known = RULE_TERMS.get(rule);
  if (!known) {
    known = termsIn(ownWords(rule));
    RULE_TERMS.set(rule, known);
  }
  return known;
}

/** Whether the rule gives the kind of answer wanted: a date, a frequency, a person, a list, a yes or no. */
function askedFit(rule: Rule, { question, wants: asked }: QuestionFacts): number {
  if (!asked) return 0;
  switch (rule.kind) {
    case 'timescale':
      // "From when…" wants the date a rule starts to apply, which a trigger or an earliest date is.
      if (question.asksFrom && rule.dateIs !== undefined && rule.dateIs !== 'due') return 6;
      if (asked === 'frequency') return rule.recurring ? 3 : -1;
      if (asked === 'notice') return rule.offset.direction === 'before' ? 3 : 0;
      // "When is it due?" with nothing done before it asks for a one-off step, not the next of a series.
      if (asked === 'date' && rule.recurring && question.events.length === 0 && !(question.askTerms ?? []).includes('next')) return 1;
      if (asked === 'date' || asked === 'duration') return 2;
      // A person is never a date: "who chairs the IIPM" is not answered with when it is convened.
      return asked === 'who' ? -6 : asked === 'contents' || asked === 'threshold' ? -3 : 0;
    case 'no-figure-set':
      return asked === 'date' || asked === 'frequency' || asked === 'notice' || asked === 'duration' ? 1 : asked === 'who' ? -3 : 0;
    case 'role':
      // "Who arranges the meeting" asks who does a step: the rule of whose act that step is says who.
      return (asked === 'who' ? 3 + actFit(rule, question) : asked === 'doer' ? Math.max(0, actFit(rule, question)) : asked === 'date' ? -2 : asked === 'duration' ? 1 : 0);
    case 'plan-content':
      return asked === 'contents' ? 3 : asked === 'date' || asked === 'frequency' ? -2 : asked === 'who' ? -1 : 0;
    case 'condition':
      return asked === 'whether' ? 2 : asked === 'contents' ? 1 : asked === 'date' || asked === 'frequency' ? -2 : asked === 'who' ? -1 : 0;
    case 'threshold':
      return asked === 'threshold' || asked === 'whether' ? 3 : -2;
  }
}

/** "Who chairs" wants a rule of who chairs, not of who convenes: the act asked about against the role's act. */
function actFit(rule: Extract<Rule, { kind: 'role' }>, question: Question): number {
  const ask = question.askTerms ?? [];
  const wants = ask.flatMap((term) => ROLE_ACT_TERMS[term] ?? []);
  if (wants.length === 0) return 0;
  return wants.includes(rule.act) ? 2 : -1;
}

/**
 * "20 wd deadline?", "open 9 months, what has to happen": a rule that sets or names the span of time asked about fits
 * it. Only ever a gain: a span the question names may be time gone by ("2 weeks since the review"), which says
 * nothing against a rule of another figure.
 */
const NAMES_THE_FIGURE = 2;

function figureFit(rule: Rule, question: Question): number {
  return question.figures !== undefined && namesTheFigure(rule, question.figures) ? NAMES_THE_FIGURE : 0;
}

/** A dated question fits a timescale that counts from the event it names; a near event fits less. */
function anchorFit(rule: Rule, question: Question): number {
  if (rule.kind !== 'timescale' || question.events.length === 0) return 0;
  if (rule.anchors.some((anchor) => question.events.includes(anchor))) return question.anchorDate ? 4 : 2;
  if (rule.anchors.some((anchor) => (NEAR_EVENTS[anchor] ?? []).some((near) => question.events.includes(near)))) return 1;
  return question.anchorDate ? -2 : 0;
}

/** "Before the review", "how much notice": a timescale counted back from an event. */
function directionFit(rule: Rule, question: Question): number {
  if (rule.kind !== 'timescale') return 0;
  const before = rule.offset.direction === 'before';
  if (question.before) return before ? 2 : -1;
  return before && !question.events.includes('review-booked') && !question.events.includes('supervision-order-made') ? -1 : 0;
}

function pathwayFit(rule: Rule, { question, pathways: named }: QuestionFacts): number {
  if (rule.exceptPathway !== undefined && named.includes(rule.exceptPathway)) return -6;
  if (rule.pathway === undefined) return 0;
  // The pathway named beats the wider one it lies within (a direct payments rule before a disabled children's one).
  return rule.pathway === question.pathway ? 3 : named.includes(rule.pathway) ? 1 : -OTHER_PATHWAY;
}

/** The rule's own words that the question uses, to tell apart rules about the same thing. */
function wordFit(facts: RuleFacts, stems: ReadonlySet<string>): number {
  let shared = 0;
  for (const stem of facts.stems) if (stems.has(stem)) shared += 1;
  return Math.min(shared * 0.5, 2);
}

/** What a rule requires, in the reading's words; an aside in brackets is about another rule, so it is left out. */
function ownWords(rule: Rule): string {
  return rule.requires
    .toLowerCase()
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\bchild in need\b/g, 'cin')
    .replace(/\bcp\b/g, 'child protection');
}

/** Whether the rule applies on the question's pathway (or a wider one it lies within). */
export function fitsPathway(rule: Rule, question: Question): boolean {
  const named = pathwaysOf(question);
  if (rule.pathway !== undefined && !named.includes(rule.pathway)) return false;
  return !(rule.exceptPathway !== undefined && named.includes(rule.exceptPathway));
}

/**
 * Pathways that lie within a wider one: every document's Direct Payments procedure is for disabled children
 * (Brighton and Hove's "held in ICDDS under the Direct Payments procedure", Slough's "a disabled child receiving a
 * direct payment"), so a direct payments case is a disabled child's too.
 */
const WITHIN: Partial<Record<Pathway, readonly Pathway[]>> = { 'direct-payments': ['disabled-children'] };

/** The term that names each pathway in a rule's own words. */
const PATHWAY_TERMS: Readonly<Record<Pathway, Term>> = { 'disabled-children': 'disabled', 'direct-payments': 'payments', 'supervision-order': 'order' };

/** A rule for every child that is about the question's pathway all the same ("before the Supervision Order expires"). */
function namesItsPathway(rule: Rule, question: Question): boolean {
  return question.pathway !== undefined && termsOfRule(rule).has(PATHWAY_TERMS[question.pathway]);
}

/** The question's pathway and the wider ones it lies within. */
function pathwaysOf(question: Question): readonly Pathway[] {
  return question.pathway === undefined ? [] : [question.pathway, ...(WITHIN[question.pathway] ?? [])];
}
