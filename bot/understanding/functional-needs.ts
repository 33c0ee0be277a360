import type { NeedLevel } from '../../domain/policy/schema.js';
import { normaliseText } from './normalise.js';

const LEVEL_WORDS: readonly (readonly [NeedLevel, RegExp])[] = [
  ['profound', /\bprofound(ly)?\b/],
  ['severe', /\bsevere(ly)?\b/],
  ['moderate', /\bmoderate(ly)?\b/],
  ['mild', /\bmild(ly)?\b/],
  ['none', /\bno (problems?|needs?)\b|\bnone\b/],
];

/**
 * Scores per function from a sentence such as "a severe need for physical health and a moderate hearing
 * loss". Each clause (split on "and" and commas) gives the level it names to the functions it names; a
 * function is named by any word of its name that no other function shares ("gross" for "Gross motor", not
 * "motor"), or that word's stem ("behaviour" for "Behavioural problems").
 *
 * @example
 * scoresIn('a severe need for physical health and nothing else', ['Physical health', 'Vision'])
 * //=> { 'Physical health': 'severe' }
 */
export function scoresIn(text: string, functions: readonly string[]): Record<string, NeedLevel> {
  const scores: Record<string, NeedLevel> = {};
  const keys = functions.map((name) => [name, keyOf(name, functions)] as const);
  for (const clause of normaliseText(text).split(/,|;|\band\b|\bplus\b/)) {
    const level = LEVEL_WORDS.find(([, pattern]) => pattern.test(clause))?.[0];
    if (!level) continue;
    for (const [name, key] of keys) {
      if (key?.test(clause)) scores[name] = level;
    }
  }
  return scores;
}

function keyOf(functionName: string, functions: readonly string[]): RegExp | undefined {
  const wordsOf = (name: string) => name.toLowerCase().split(/[^a-z]+/).filter((word) => word.length >= 4 && word !== 'problems');
  const shared = new Set(functions.filter((other) => other !== functionName).flatMap(wordsOf));
  const stems = wordsOf(functionName)
    .filter((word) => !shared.has(word))
    .map((word) => word.slice(0, Math.min(word.length, 7)));
  return stems.length > 0 ? new RegExp(`\\b(${stems.join('|')})`) : undefined;
}
