import { closest, distance } from 'fastest-levenshtein';
import { VOCABULARY_WORDS } from '../../domain/questions/vocabulary.js';

/** Words the patterns rely on; a near-miss typo of one of them is read as it ("asessment", "reveiw"). */
const VOCABULARY = [
  'assessment', 'review', 'reviews', 'reviewed', 'meeting', 'meetings', 'initial', 'visit', 'visits', 'visited',
  'network', 'circulate', 'circulated', 'minutes', 'invitation', 'invitations', 'cancelled', 'supervision',
  'reflective', 'threshold', 'transfer', 'referral', 'received', 'decided', 'decision', 'completed', 'started',
  'protection', 'returned', 'distributed', 'report', 'written', 'escalation', 'closure', 'frequency', 'contingency',
  'points', 'booked', 'scheduled', 'disabled', 'disability', 'payments', 'direct', 'convened', 'established',
  'agreed', 'chairs', 'authorises', 'approves', 'family', 'child', 'plan', 'within', 'working', 'months', 'weeks',
  'often', 'first', 'next', 'last', 'when', 'held', 'intervention', 'planning', 'updated', 'opened', 'moved',
  'resident', 'invite', 'invites', 'copies', 'children', 'social', 'worker', 'ended', 'step', 'down',
  // Correct words near the ones above, listed so they are never "corrected" into them.
  'visiting', 'reviewing', 'planned', 'plans', 'needs', 'booking', 'closing', 'closed', 'close', 'ending',
  'start', 'starting', 'complete', 'completion', 'starts', 'weekly', 'monthly', 'visitor', 'meets', 'reported',
  'draft', 'drafted', 'drafts', 'jointly',
  // The functional needs scoring's words, which must reach its matcher as written ("vision" is not "visits").
  'vision', 'hearing', 'speech', 'language', 'communication', 'behaviour', 'behavioural', 'intellectual',
  'learning', 'mobility', 'manipulation', 'physical', 'health', 'moderate', 'severe', 'profound', 'eligible',
];
const KNOWN = new Set([...VOCABULARY, ...VOCABULARY_WORDS]);

/**
 * Lower case, one spelling for the shorthands workers use ("C&F", "CIN", "CP", "B&H", "mtg", "wen", "u"), and near-miss typos of
 * the procedure's words corrected, so the patterns of the understanding files stay simple.
 *
 * @example
 * normaliseText('When is the C&F asessment due for a CIN?') //=> 'when is the child and family assessment due for a cin?'
 */
export function normaliseText(text: string): string {
  const lowered = text
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/\bc\s*&\s*f\b|\bc and f\b/g, 'child and family')
    .replace(/\s*&\s*/g, ' and ')
    .replace(/\bchild(?:ren)? in need\b/g, 'cin')
    .replace(/\bc\.?i\.?n\.?\b/g, 'cin')
    .replace(/\bc\.?p\.?\b/g, 'child protection')
    .replace(/\bmtg(s?)\b/g, 'meeting$1')
    // Text-speak for the asking words: "wen is it due", "can u tell me".
    .replace(/\bw(?:h)?en\b|\bwhn\b/g, 'when')
    .replace(/\bwot\b/g, 'what')
    .replace(/\bu\b/g, 'you')
    .replace(/\s+/g, ' ')
    .trim();
  return lowered.replace(/[a-z]{5,}/g, correctWord);
}

/** The common vocabulary's words join the list, so a typo of any domain word is read as it. */
const CORRECTABLE = [...KNOWN];

/** Workers type the same words again and again; each word's correction is worked out once. */
const CORRECTIONS = new Map<string, string>();
const MOST_REMEMBERED_CORRECTIONS = 10_000;

function correctWord(word: string): string {
  if (KNOWN.has(word)) return word;
  const remembered = CORRECTIONS.get(word);
  if (remembered !== undefined) return remembered;
  const corrected = nearestKnownWord(word);
  if (CORRECTIONS.size < MOST_REMEMBERED_CORRECTIONS) CORRECTIONS.set(word, corrected);
  return corrected;
}

function nearestKnownWord(word: string): string {
  const candidate = closest(word, CORRECTABLE);
  // Two edits allow a swapped pair of letters ("reveiw"); the first letter is almost never the typo.
  // Two edits other than a swap turn words into other words ("scarce" into "share", "covered" into "convened"), so
  // they are allowed only in long words.
  const edits = distance(word, candidate);
  const near = (edits <= 1 || (edits === 2 && (word.length >= 8 || swapsTwoLetters(word, candidate)))) && Math.abs(candidate.length - word.length) <= 1;
  // A word that only adds or drops an ending of a known one ("happen", "happens"), or ends otherwise ("issues",
  // "issued"), is a word, not a typo.
  const inflected = candidate.startsWith(word) || word.startsWith(candidate) || candidate.slice(0, -1) === word.slice(0, -1);
  return near && !inflected && candidate[0] === word[0] ? candidate : word;
}

/** "reveiw" for "review": the same letters with two neighbours swapped. */
export function swapsTwoLetters(word: string, candidate: string): boolean {
  if (word.length !== candidate.length) return false;
  const differ = [...word].flatMap((letter, index) => (letter === candidate[index] ? [] : [index]));
  const [first, second] = differ;
  return differ.length === 2 && first !== undefined && second === first + 1 && word[first] === candidate[second] && word[second] === candidate[first];
}
