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
  for (const policy of policies) {
    const names = [policy.authority.name, policy.authority.id.replace(/-/g, ' '), ...policy.authority.alsoKnownAs];
    let at = Number.POSITIVE_INFINITY;
    for (const name of names) {
      const alias = normaliseText(name).replace(/[^a-z0-9' ]+/g, ' ').trim();
      const index = new RegExp(`[ ]${escapeRegExp(alias)}(?:'s)?[ ]`).exec(normalised)?.index;
      if (alias.length >= 2 && index !== undefined) at = Math.min(at, index);
    }
    if (Number.isFinite(at)) found.push({ id: policy.authority.id, at });
  }
  return found.sort((left, right) => left.at - right.at).map((match) => match.id);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
