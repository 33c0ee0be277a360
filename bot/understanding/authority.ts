import type { Policy } from '../../domain/policy/schema.js';
import { normaliseText } from './normalise.js';

/**
 * The authorities a message names, in any common form ("Brighton & Hove", "B&H", "LB Redbridge"), in the order
 * they appear. Matching is on whole words of the normalised text, so "Camden" is found in "Camden:" and
 * "camden's" but "Hove" is not found in "hover".
 *
 * @example
 * authoritiesIn('In B&H, how often do I visit?', POLICIES) //=> ['brighton-and-hove']
 */
export function authoritiesIn(text: string, policies: readonly Policy[]): string[] {
  const normalised = ` ${normaliseText(text).replace(/[^a-z0-9' ]+/g, ' ')} `;
  const found: { id: string; at: number }[] = [];
  for (const { id, patterns } of aliasPatternsOf(policies)) {
    let at = Number.POSITIVE_INFINITY;
    for (const pattern of patterns) {
      const index = pattern.exec(normalised)?.index;
      if (index !== undefined) at = Math.min(at, index);
    }
    if (Number.isFinite(at)) found.push({ id, at });
  }
  return found.sort((left, right) => left.at - right.at).map((match) => match.id);
}

/** Each authority's names as patterns, built once per list of policies rather than for every message. */
const ALIAS_PATTERNS = new WeakMap<readonly Policy[], readonly { readonly id: string; readonly patterns: readonly RegExp[] }[]>();

function aliasPatternsOf(policies: readonly Policy[]) {
  let known = ALIAS_PATTERNS.get(policies);
  if (!known) {
    known = policies.map((policy) => ({
      id: policy.authority.id,
      patterns: [policy.authority.name, policy.authority.id.replace(/-/g, ' '), ...policy.authority.alsoKnownAs]
        .map((name) => normaliseText(name).replace(/[^a-z0-9' ]+/g, ' ').trim())
        .filter((alias) => alias.length >= 2)
        .map((alias) => new RegExp(`[ ]${escapeRegExp(alias)}(?:'s)?[ ]`)),
    }));
    ALIAS_PATTERNS.set(policies, known);
  }
  return known;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
