import { distance } from 'fastest-levenshtein';
import type { Policy } from '../../domain/policy/schema.js';
import { normaliseText, swapsTwoLetters } from './normalise.js';

/** Where a message names an authority, and whether it names it as where a family came from. */
export interface Naming {
  readonly id: string;
  readonly at: number;
  readonly asOrigin: boolean;
  readonly asDestination: boolean;
}

/**
 * The authorities a message names, in any common form ("Brighton & Hove", "B&H", "LB Redbridge"), a place in
 * it ("Hove", "Ilford") or a near-miss spelling ("Redbrige"), in the order they appear. Matching is on whole
 * words of the normalised text, so "Camden" is found in "Camden:" and "camden's" but "Hove" is not in "hover".
 *
 * @example
 * authoritiesIn('In B&H, how often do I visit?', POLICIES) //=> ['brighton-and-hove']
 */
export function authoritiesIn(text: string, policies: readonly Policy[]): string[] {
  return namingsIn(normaliseText(text), policies).map((naming) => naming.id);
}

/**
 * The one authority whose procedure applies when a message names more than one: a family that "moved from
 * Camden into Redbridge" is Redbridge's to receive, unless the question is about moving out, which is the
 * sending authority's.
 *
 * @example
 * applyingAuthorities(namingsIn(normaliseText('Family moved from Camden into Redbridge on 3 May, when is the meeting?'), POLICIES), false)
 * //=> ['redbridge']
 */
export function applyingAuthorities(namings: readonly Naming[], asksAboutMovingOut: boolean): string[] {
  if (namings.length < 2) return namings.map((naming) => naming.id);
  const moved = namings.filter((naming) => naming.asOrigin || naming.asDestination);
  if (moved.length === 0) return namings.map((naming) => naming.id);
  // The sending authority is the one named as where the family came from, else the one not named as where it goes.
  const sending = namings.filter((naming) => naming.asOrigin || (!naming.asDestination && !namings.some((other) => other.asOrigin)));
  const receiving = namings.filter((naming) => naming.asDestination || (!naming.asOrigin && !namings.some((other) => other.asDestination)));
  const applying = asksAboutMovingOut ? sending : receiving;
  return (applying.length > 0 ? applying : namings).map((naming) => naming.id);
}

/**
 * Each authority a message names, where and how, in order, from the message as `normaliseText` gives it: a
 * reader that needs both the names and the authority that applies reads them once.
 */
export function namingsIn(normalisedText: string, policies: readonly Policy[]): Naming[] {
  const normalised = ` ${normalisedText.replace(/[^a-z0-9' ]+/g, ' ').replace(/\s+/g, ' ')} `;
  const found: Naming[] = [];
  for (const { id, patterns, words } of aliasPatternsOf(policies)) {
    let at = Number.POSITIVE_INFINITY;
    for (const pattern of patterns) {
      const index = pattern.exec(normalised)?.index;
      if (index !== undefined) at = Math.min(at, index);
    }
    if (!Number.isFinite(at)) at = misspeltAt(normalised, words);
    if (Number.isFinite(at)) {
      const before = normalised.slice(Math.max(0, at - 32), at + 1);
      found.push({ id, at, asOrigin: ORIGIN_BEFORE.test(before), asDestination: DESTINATION_BEFORE.test(before) });
    }
  }
  return found.sort((left, right) => left.at - right.at);
}

/** "moved from Camden", "transferring in from Essex", "came out of Slough", "previously in Camden". */
const ORIGIN_BEFORE = /\b(from|out of|left|previously (in|at|with)|originally (in|from))( the)? $/;

/** "moving out to Slough", "moved into Redbridge", "transferring to Camden", "became resident in Redbridge". */
const DESTINATION_BEFORE = /\b(into|(mov\w*|transferr?\w*|relocat\w*|going|gone|went|out) (in )?to|resident in|arrived in|now (lives |living )?in)( the)? $/;

/**
 * A long name typed with one slip ("redbrige", "brigton", "slogh", "sloguh"): the first letter right, one edit (two
 * past eight letters) or two neighbouring letters swapped.
 */
function misspeltAt(normalised: string, words: readonly string[]): number {
  const pattern = /[a-z]{5,}/g;
  for (let match = pattern.exec(normalised); match; match = pattern.exec(normalised)) {
    const word = match[0];
    for (const name of words) {
      const allowed = name.length >= 8 ? 2 : 1;
      if (word[0] !== name[0] || word === name) continue;
      if ((Math.abs(word.length - name.length) <= allowed && distance(word, name) <= allowed) || swapsTwoLetters(word, name)) return match.index;
    }
  }
  return Number.POSITIVE_INFINITY;
}

interface AliasPatterns {
  readonly id: string;
  readonly patterns: readonly RegExp[];
  /** The single-word names long enough to recognise misspelt. */
  readonly words: readonly string[];
}

/** Each authority's names as patterns, built once per list of policies rather than for every message. */
const ALIAS_PATTERNS = new WeakMap<readonly Policy[], readonly AliasPatterns[]>();

function aliasPatternsOf(policies: readonly Policy[]): readonly AliasPatterns[] {
  let known = ALIAS_PATTERNS.get(policies);
  if (!known) {
    known = policies.map((policy) => {
      const aliases = [policy.authority.name, policy.authority.id.replace(/-/g, ' '), ...policy.authority.alsoKnownAs, ...(policy.vocabulary?.places ?? [])]
        .map((name) => normaliseText(name).replace(/[^a-z0-9' ]+/g, ' ').replace(/\s+/g, ' ').trim())
        .filter((alias) => alias.length >= 2);
      return {
        id: policy.authority.id,
        patterns: aliases.map((alias) => new RegExp(`[ ]${escapeRegExp(alias)}(?:'s)?[ ]`)),
        words: [...new Set(aliases.filter((alias) => alias.length >= 6 && !alias.includes(' ')))],
      };
    });
    ALIAS_PATTERNS.set(policies, known);
  }
  return known;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
