import { NeedLevelSchema, type NeedLevel, type Rule } from '../policy/schema.js';
import { err, ok, type Result } from '../result.js';

/** A scored eligibility threshold of a policy file (Camden's CYPDS functional needs scoring). */
export type ThresholdRule = Extract<Rule, { kind: 'threshold' }>;

/** The parts of a threshold rule the calculation reads, so a test can pass a plain object. */
export type FunctionalNeedsCriteria = Pick<ThresholdRule, 'functions' | 'unscoredFunctions' | 'eligibleWhenAnyOf'>;

export type Eligibility = {
  readonly eligible: boolean;
  /** Why, in plain words an answer can print as it stands. */
  readonly reason: string;
};

/** Scores the rule cannot judge; nothing is guessed. */
export type FunctionalNeedsError =
  /** A score for a function the rule does not list. */
  | { readonly kind: 'unknown-function'; readonly function: string; readonly known: readonly string[] }
  /** A score for a function the rule lists as not used (Camden: "Social / environmental"). */
  | { readonly kind: 'unscored-function'; readonly function: string }
  /** The same function scored twice under names that differ only in case or spacing. */
  | { readonly kind: 'duplicate-function'; readonly function: string; readonly given: readonly string[] }
  /** A level that is not one of none, mild, moderate, severe, profound. */
  | { readonly kind: 'unknown-level'; readonly function: string; readonly level: string };

/** none < mild < moderate < severe < profound. */
const LEVELS: readonly NeedLevel[] = NeedLevelSchema.options;

/**
 * Whether a child's functional needs scores meet a threshold rule: eligible when any clause of
 * `rule.eligibleWhenAnyOf` holds, i.e. at least `count` functions are scored at `levelOrAbove` or higher.
 * Functions are matched to the rule's names ignoring case and spacing; a function left out counts as no need.
 * Pure: no I/O.
 *
 * @example
 * functionalNeedsEligibility({ 'Physical health': 'severe' }, camdenCypdsRule)
 * //=> { ok: true, value: { eligible: true,
 * //     reason: '1 function scored severe or above (Physical health): at least 1 severe or profound is needed' } }
 * functionalNeedsEligibility({ Hearing: 'moderate' }, camdenCypdsRule).value.eligible //=> false
 * functionalNeedsEligibility({ Smell: 'severe' }, camdenCypdsRule)
 * //=> { ok: false, error: { kind: 'unknown-function', function: 'Smell', known: [ … ] } }
 */
export function functionalNeedsEligibility(
  scores: Readonly<Record<string, NeedLevel>>,
  rule: FunctionalNeedsCriteria,
): Result<Eligibility, FunctionalNeedsError> {
  const byKey = new Map(rule.functions.map((name) => [keyOf(name), name] as const));
  const unscored = new Set(rule.unscoredFunctions.map(keyOf));
  const levels = new Map<string, NeedLevel>();
  const givenAs = new Map<string, string>();

  for (const [given, level] of Object.entries(scores)) {
    const name = byKey.get(keyOf(given));
    if (name === undefined) {
      return err(
        unscored.has(keyOf(given))
          ? { kind: 'unscored-function', function: given }
          : { kind: 'unknown-function', function: given, known: rule.functions },
      );
    }
    if (!LEVELS.includes(level)) return err({ kind: 'unknown-level', function: given, level: String(level) });
    const earlier = givenAs.get(name);
    if (earlier !== undefined) return err({ kind: 'duplicate-function', function: name, given: [earlier, given] });
    givenAs.set(name, given);
    levels.set(name, level);
  }

  const clauses = rule.eligibleWhenAnyOf.map((clause) => {
    const scoredAtOrAbove = rule.functions.filter((name) => rankOf(levels.get(name) ?? 'none') >= rankOf(clause.levelOrAbove));
    return { ...clause, scoredAtOrAbove, met: scoredAtOrAbove.length >= clause.count };
  });

  const met = clauses.find((clause) => clause.met);
  if (met) return ok({ eligible: true, reason: upperFirst(clauseWords(met)) });

  const lowest = Math.min(...rule.eligibleWhenAnyOf.map((clause) => rankOf(clause.levelOrAbove)));
  const notCounted = rule.functions.filter((name) => {
    const rank = rankOf(levels.get(name) ?? 'none');
    return rank > 0 && rank < lowest;
  });
  const notCountedWords =
    notCounted.length === 0
      ? ''
      : `. ${upperFirst(orWords(LEVELS.slice(1, lowest)))} scores do not count (${notCounted.join(', ')})`;
  return ok({ eligible: false, reason: `${upperFirst(clauses.map(clauseWords).join('; '))}${notCountedWords}` });
}

function clauseWords(clause: { count: number; levelOrAbove: NeedLevel; scoredAtOrAbove: readonly string[] }): string {
  const n = clause.scoredAtOrAbove.length;
  const scored = `${n === 0 ? 'no function' : n === 1 ? '1 function' : `${n} functions`} scored ${clause.levelOrAbove} or above`;
  const names = n === 0 ? '' : ` (${clause.scoredAtOrAbove.join(', ')})`;
  return `${scored}${names}: at least ${clause.count} ${levelOrAboveWords(clause.levelOrAbove)} ${clause.count === 1 ? 'is' : 'are'} needed`;
}

/** "severe or profound" when one level lies above, "moderate or above" when more do, "profound" at the top. */
function levelOrAboveWords(level: NeedLevel): string {
  const above = LEVELS.slice(rankOf(level));
  return above.length <= 2 ? orWords(above) : `${level} or above`;
}

function orWords(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} or ${words.at(-1) ?? ''}`;
}

function rankOf(level: NeedLevel): number {
  return LEVELS.indexOf(level);
}

function keyOf(name: string): string {
  return name.toLowerCase().replace(/\s+/g, ' ').trim();
}

function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
