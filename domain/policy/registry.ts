import { err, ok, type Result } from '../result.js';
import { blackburnWithDarwen } from './authorities/blackburn-with-darwen.js';
import { brightonAndHove } from './authorities/brighton-and-hove.js';
import { camden } from './authorities/camden.js';
import { redbridge } from './authorities/redbridge.js';
import { slough } from './authorities/slough.js';
import { PolicySchema, type Policy, type PolicyInput } from './schema.js';

/** Every authority's policy file; a new authority is one more entry here and one file beside the others. */
export const POLICY_INPUTS: readonly PolicyInput[] = [redbridge, blackburnWithDarwen, camden, slough, brightonAndHove];

/** Parsed once: a policy file that does not match the schema is a bug, so loading fails loudly. */
export const POLICIES: readonly Policy[] = POLICY_INPUTS.map(loadPolicy);

/**
 * A checked policy, or an error naming every problem: a draft's rules still marked `review: 'needed'` are
 * listed by id, so the file cannot answer a question until a person has confirmed each.
 */
export function loadPolicy(input: PolicyInput): Policy {
  const parsed = PolicySchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `- ${issue.path.join('.') || '(policy)'}: ${issue.message}`);
  throw new Error(`The policy of ${input.authority.id} cannot be loaded:\n${problems.join('\n')}`);
}

export type UnknownAuthority = { readonly kind: 'unknown-authority'; readonly authorityId: string };

/**
 * The policy of an authority, by its slug, among every authority's or among `policies` (the bot is handed its
 * list, so that a deployment or a test can serve fewer authorities).
 *
 * @example
 * policyFor('camden') //=> { ok: true, value: { authority: { id: 'camden', … }, rules: [ … ] } }
 */
export function policyFor(authorityId: string, policies: readonly Policy[] = POLICIES): Result<Policy, UnknownAuthority> {
  const policy = policies.find((candidate) => candidate.authority.id === authorityId);
  return policy ? ok(policy) : err({ kind: 'unknown-authority', authorityId });
}

/**
 * The authority a name stands for, written as its slug, its name or one of its other names, in any case: how a
 * census file or a command line names it.
 *
 * @example
 * authorityNamed('London Borough of Camden') //=> { ok: true, value: { authority: { id: 'camden', … }, … } }
 */
export function authorityNamed(name: string, policies: readonly Policy[] = POLICIES): Result<Policy, UnknownAuthority> {
  const wanted = name.toLowerCase();
  const policy = policies.find(({ authority }) => [authority.id, authority.name, ...authority.alsoKnownAs].some((known) => known.toLowerCase() === wanted));
  return policy ? ok(policy) : err({ kind: 'unknown-authority', authorityId: name });
}
