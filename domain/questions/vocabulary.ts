import type { Rule, Topic } from '../policy/schema.js';

/**
 * The common vocabulary of children's social care procedures, once for every authority: each term is a thing a
 * question can be about, with the phrases workers type for it (already lower case, after the shorthands are
 * spelled out: "C&F" is "child and family", "CIN" is "cin", "CP" is "child protection"). An authority's own names
 * (ICINNM, IIPM, Appletrees) are in its policy file's `vocabulary`, read as these phrases.
 */
export const COMMON_TERMS = {
  meeting: ['meeting', 'meetings', 'mtg', 'mtgs', 'meet', 'cin meeting', 'network meeting'],
  initial: ['initial', 'first', '1st', 'icinnm', 'iipm', 'intervention planning'],
  review: ['review', 'reviews', 'reviewed', 'reviewing', 'rv'],
  next: ['next', 'subsequent', 'following', 'after that', 'again', 'the one after'],
  visit: ['visit', 'visits', 'visiting', 'visited', 'home visit', 'see the child', 'see the family', 'seen', 'sw visit'],
  assessment: ['assessment', 'assessments', 'child and family', 'cfa', 'single assessment'],
  plan: ['plan', 'plans', 'cin plan', 'planning'],
  outline: ['outline'],
  minutes: ['minutes', 'mins', 'meeting notes', 'notes', 'review form', 'review record', 'record of the meeting', 'write up', 'write-up'],
  invitations: ['invite', 'invites', 'invitation', 'invitations', 'invited', 'inviting', 'notice', 'invite letters', 'invitation letters'],
  report: ['report', 'reports', 'paperwork'],
  written: ['written', 'chair report', "chair's report", 'chairs report', 'record of the review'],
  circulate: [
    'circulate', 'circulated', 'circulates', 'circulating', 'circulation', 'distribute', 'distributed', 'distributes', 'distribution', 'send out', 'sent out', 'go out',
    'goes out', 'gone out', 'copies', 'copy', 'share', 'shared', 'send', 'sent', 'issued', 'issue', 'be with', 'reach', 'given to',
    'notify', 'notified', 'notifies', 'inform', 'informed', 'tell',
  ],
  update: ['update', 'updated', 'updating', 'refresh', 'redo', 're-do', 'repeat'],
  transfer: ['transfer', 'transfers', 'transferring', 'transferred', 'moved', 'moving', 'move', 'moves', 'relocated', 'relocating', 'came from', 'coming from'],
  into: ['into', 'in from', 'living here', 'lives here', 'now living in', 'moved here', 'new family to', 'new to the area', 'transfer in', 'transferring in', 'transferred in', 'moving in', 'moved in', 'move in', 'arrived', 'resident', 'came to', 'coming to', 'new to'],
  out: ['out', 'away', 'moving to', 'moved to', 'move to', 'new authority', 'another authority', 'another local authority', 'new borough', 'another borough', 'leaving', 'left the area', 'new la', 'new local authority', 'receiving authority', 'receiving la'],
  teams: ['between teams', 'between hubs', 'hub', 'hubs', 'another team', 'long term team', 'long-term team', 'ltt', 'transfer meeting', 'handover', 'hand over'],
  stepdown: ['step down', 'step-down', 'stepdown', 'stepped down', 'stepping down', 'steps down', 'early help', 'eifs'],
  closure: ['close', 'closure', 'closing', 'closed', 'outcome letter', 'outcome letters', 'closure letter', 'closure letters', 'end the plan', 'end the case', 'ending the plan', 'ending the case', 'close the case', 'closes'],
  formal: ['formal'],
  supervision: ['reflective', 'case supervision', 'reflective supervision', 'supervision'],
  order: ['supervision order', 'so expires', 'order expires', 'order ends'],
  chair: ['chair', 'chairs', 'chaired', 'chairing', 'chairperson'],
  authorise: ['authorise', 'authorises', 'authorised', 'authorize', 'authorizes', 'authorised by', 'approve', 'approves', 'approved', 'approval', 'sign off', 'signs off', 'signed off', 'signing off', 'ratify', 'ratifies', 'ratified', 'endorse', 'endorses', 'endorsed', 'decides', 'makes the decision', 'make the decision', 'takes the decision', 'take the decision', 'agree to', 'agree', 'exclude'],
  disagree: ['disagree', 'disagrees', 'disagreed', 'disagreement', 'disagreements', "can't agree", 'cant agree', 'cannot agree', "don't agree", 'dont agree', 'do not agree', 'not agreed', 'no agreement'],
  contents: ['contain', 'contains', 'include', 'includes', 'cover', 'covers', 'covered', 'covering', 'points', 'content', 'contents', 'what goes in', 'go in', 'be in', 'in it', 'format', 'elements', 'sections', 'questions', 'look like', 'what should', 'what must', 'set out', 'sets out', 'spell out', 'detail', 'details'],
  decide: ['sets the date', 'set the date', 'decides the date', 'decide the date', 'fixes the date', 'fix the date', 'date is set', 'date set', 'dates set', 'is set at', 'are set at'],
  arrange: ['arrange', 'arranges', 'arranging', 'organise', 'organises', 'organising', 'organize', 'organizes', 'sets up', 'set up', 'setting up'],
  request: ['request', 'requests', 'requested', 'ask for', 'asks for', 'ask in writing', 'call for', 'calls for', 'brought forward', 'bring forward', 'bring it forward', 'earlier', 'sooner'],
  agenda: ['agenda', 'discussed', 'discuss', 'what happens at'],
  contingency: ['contingency'],
  smart: ['smart'],
  threshold: [
    'threshold', 'eligible', 'eligibility', 'qualify', 'qualifies', 'criteria', 'meet the threshold', 'functional needs', 'level 3',
    'moderate need', 'moderate needs', 'severe need', 'severe needs', 'profound need', 'profound needs',
  ],
  attend: ['attend', 'attends', 'attending', 'attendance', 'come to', 'be at', 'be there', 'be present', 'present at', 'take part', 'participate'],
  age: ['age', 'aged', 'how old', 'old enough', 'years old'],
  joint: ['joint', 'jointly', 'together with'],
  cancelled: ['cancel', 'cancelled', 'cancels', 'canceled', 'rescheduled', 'reschedule', 're-schedule', 'rearranged', 'rearrange', 'postponed', 'called off'],
  escalation: ['escalation', 'escalate', 'escalated', 'oversight', 'oversee', 'oversees', 'overseeing', 'monitor', 'monitors', 'monitoring', 'monitored', 'drift', 'drifting', '12 months', 'twelve months', '9 months', 'nine months', '9 month', '12 month', 'nine-month', 'twelve-month', 'a year', 'over a year', 'more than a year', 'long time', 'open a long'],
  maximum: ['at most', 'maximum', 'max', 'longest', 'at the latest', 'extension', 'further time', 'extra time', 'extend', 'extended'],
  duration: ['minimum', 'at least', 'in place for', 'how long', 'shortest', 'last for', 'stay open'],
  inplace: ['in place', 'have a plan', 'need a plan', 'needs a plan', 'get a plan', 'required', 'require', 'needed', 'be on a plan', 'put on a plan', 'produce the plan', 'drawn up', 'draw up'],
  complete: ['complete', 'completed', 'completion', 'finish', 'finished', 'done', 'write up', 'written up'],
  consent: ['consent', 'permission'],
  care: ['looked after', 'came home', 'come home', 'home from care', 'returned home', 'return home', 'returns home', 'back home', 'from care', 'left care', 'discharged', 'reunified', 'reunification', 'lac', 'cla'],
  cp: ['child protection', 'cp plan', 'conference'],
  referral: ['referral', 'referred'],
  family: ['family', 'families', 'parents', 'parent', 'carers', 'child', 'the child'],
  professionals: [
    'professionals', 'professional', 'agencies', 'agency', 'key agency', 'partners', 'network', 'everyone', 'all parties', 'attendees',
    'health visitor', 'school', 'gp', 'police', 'health',
  ],
  who: ['who'],
  iro: ['iro', 'independent reviewing officer', 'reviewing officer'],
  manager: ['manager', 'team manager', 'tm', 'senior', 'csw', 'consultant social worker', 'pod manager', 'senior practitioner', 'sp', 'group manager'],
  worker: ['social worker', 'sw', 'allocated worker', 'worker', 'i', 'me', 'my'],
  complex: ['complex', 'complexity', 'large', 'sibling'],
  absent: [
    'absent', 'off sick', 'on leave', 'away', 'unavailable', 'not present', 'not there', "didn't make", 'didnt make', 'did not make',
    "couldn't make", 'couldnt make', 'could not make', "didn't attend", 'didnt attend', 'did not attend', "couldn't attend", 'couldnt attend',
    'could not attend', "can't attend", 'cant attend', 'cannot attend', "can't make", 'cant make', 'cannot make', "wasn't at", 'wasnt at',
    "weren't at", 'werent at', 'missed the', 'no show', 'be off', 'going to be off', 'not available',
  ],
  services: ['services', 'service', 'support', 'provide'],
  frequency: ['often', 'frequency', 'frequently', 'regularly', 'how many times', 'every'],
  disabled: ['disabled', 'disability', 'disabilities', 'cwd', 'cypds'],
  sen: ['sen', 'ehcp', 'ehc plan', 'education health and care plan', 'special educational needs', 'annual review', 'ipra'],
  payments: ['direct payments', 'direct payment', 'icdds', 'dp'],
} as const satisfies Record<string, readonly string[]>;

export type Term = keyof typeof COMMON_TERMS;

/**
 * What each kind of rule is about, as terms: a question fits a topic by the terms of its best signature that it
 * names (a topic may be named more than one way). The first term of a signature is the one it cannot do without.
 */
export const TOPIC_SIGNATURES: Readonly<Record<Topic, readonly (readonly Term[])[]>> = {
  'initial-meeting': [['initial', 'meeting'], ['initial', 'plan', 'meeting']],
  'outline-plan': [['outline', 'plan']],
  'plan-required': [['inplace', 'plan'], ['plan', 'complete']],
  'plan-circulation': [['plan', 'circulate']],
  'minutes-circulation': [['minutes', 'circulate'], ['minutes']],
  'first-review': [['review', 'initial']],
  review: [['review', 'next'], ['review'], ['meeting', 'next'], ['meeting', 'frequency']],
  'review-invitations': [['invitations', 'review'], ['invitations']],
  'review-report': [['report', 'review'], ['report', 'family'], ['report', 'assessment'], ['report']],
  'cancelled-review': [['cancelled', 'review'], ['cancelled']],
  'review-written-report': [['written', 'report'], ['written', 'review']],
  visit: [['visit', 'frequency'], ['visit', 'next'], ['visit']],
  'first-visit': [['visit', 'initial'], ['visit', 'referral']],
  assessment: [['assessment', 'complete'], ['assessment']],
  'assessment-update': [['update', 'assessment']],
  'transfer-in': [['into', 'transfer'], ['into']],
  'transfer-out': [['out', 'transfer'], ['out']],
  'transfer-between-teams': [['teams', 'transfer'], ['teams']],
  escalation: [['escalation'], ['supervision']],
  'supervision-order': [['order']],
  'plan-duration': [['duration', 'plan']],
  chair: [['chair']],
  authorisation: [['authorise']],
  closure: [['closure']],
  'step-down': [['stepdown']],
  'plan-content': [['contents', 'plan'], ['contingency'], ['smart']],
  threshold: [['threshold']],
  'meeting-agenda': [['agenda', 'meeting'], ['contents', 'meeting']],
};

/**
 * The act a question names ("who chairs", "who signs it off", "who sets the date of the next review"), as the act of
 * the role rules that answer it.
 */
export const ROLE_ACT_TERMS: Partial<Record<Term, readonly Extract<Rule, { kind: 'role' }>['act'][]>> = {
  chair: ['chairs'],
  authorise: ['authorises', 'endorses', 'decides'],
  decide: ['decides'],
  // "Can the health visitor request an earlier review": whether a request may be made is the rule of who decides on it.
  request: ['decides'],
  arrange: ['arranges'],
};

/** Terms that say who or what the question is about but not which kind of rule: they never count against a rule. */
export const CONTEXT_ONLY_TERMS: ReadonlySet<Term> = new Set<Term>(['family', 'professionals', 'worker', 'who', 'frequency', 'disabled', 'payments']);

const TERM_PATTERNS: readonly (readonly [Term, RegExp])[] = (Object.entries(COMMON_TERMS) as [Term, readonly string[]][]).map(
  ([term, phrases]) => [term, phrasePattern(phrases)],
);

/**
 * Each term under the first word of each of its phrases. A phrase pattern matches only between characters other than
 * letters and digits, so where it matches, the phrase's first word stands whole in the text: a term none of whose first
 * words the text has cannot match, and its pattern is not run. A phrase that does not start with a letter or digit
 * has no such word, and its term's pattern is always run.
 */
const TERMS_BY_FIRST_WORD = new Map<string, Term[]>();
const TERMS_ALWAYS_TRIED = new Set<Term>();
for (const [term, phrases] of Object.entries(COMMON_TERMS) as [Term, readonly string[]][]) {
  for (const phrase of phrases) {
    const firstWord = /^[a-z0-9]+/.exec(phrase)?.[0];
    if (firstWord === undefined) TERMS_ALWAYS_TRIED.add(term);
    else TERMS_BY_FIRST_WORD.set(firstWord, [...(TERMS_BY_FIRST_WORD.get(firstWord) ?? []), term]);
  }
}

/**
 * A term whose phrases contain another term's word in another sense: "set out" and "go out" are not moving out,
 * "can't agree" is no agreement. The other term is named only where the text names it outside the first term's phrases.
 */
const SHADOWS: readonly (readonly [Term, readonly Term[]])[] = [
  ['contents', ['out']],
  // "When do the minutes go out", "plan sent out": circulated, not a family moving out.
  ['circulate', ['out']],
  ['disagree', ['authorise']],
];
const SHADOW_PATTERNS = new Map(SHADOWS.map(([term]) => [term, new RegExp(phrasePattern(COMMON_TERMS[term]).source, 'g')]));

/** The terms a (normalised, lower-case) text names, each once, in the vocabulary's order. */
export function termsIn(text: string): Set<Term> {
  const found = termPhrasesIn(text);
  for (const [term, shadowed] of SHADOWS) {
    if (!found.has(term) || !shadowed.some((other) => found.has(other))) continue;
    const rest = termPhrasesIn(text.replace(SHADOW_PATTERNS.get(term) ?? /$^/, ' '));
    for (const other of shadowed) if (!rest.has(other)) found.delete(other);
  }
  return found;
}

/** The terms any of whose phrases the text has, a word in another term's sense included ("out" in "set out"). */
export function termPhrasesIn(text: string): Set<Term> {
  const candidates = new Set(TERMS_ALWAYS_TRIED);
  for (const word of text.split(/[^a-z0-9]+/)) for (const term of TERMS_BY_FIRST_WORD.get(word) ?? []) candidates.add(term);
  const found = new Set<Term>();
  for (const [term, pattern] of TERM_PATTERNS) if (candidates.has(term) && pattern.test(text)) found.add(term);
  return found;
}

/** Every single word of the common vocabulary, for correcting typos of domain words only. */
export const VOCABULARY_WORDS: readonly string[] = [
  ...new Set(Object.values(COMMON_TERMS).flatMap((phrases) => phrases.flatMap((phrase) => phrase.split(/[^a-z]+/)))),
].filter((word) => word.length >= 5);

/** A pattern matching any of `phrases` as whole words. */
export function phrasePattern(phrases: readonly string[]): RegExp {
  const alternatives = [...phrases].sort((left, right) => right.length - left.length).map(escapeRegExp);
  return new RegExp(`(?:^|[^a-z0-9])(?:${alternatives.join('|')})(?=$|[^a-z0-9])`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
