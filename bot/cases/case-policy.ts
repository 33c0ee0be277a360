import { policyFor } from '../../domain/policy/registry.js';
import type { Policy } from '../../domain/policy/schema.js';
import type { CaseRecord } from '../store/cases.js';

/**
 * The policy a case follows. A case is only opened under an authority the bot knows, so a case whose policy is
 * missing means a policy file was removed under live cases: a deployment bug, thrown rather than answered.
 */
export function policyOf(record: CaseRecord, policies: readonly Policy[]): Policy {
  const found = policyFor(record.authorityId, policies);
  if (!found.ok) throw new Error(`Case ${record.reference} names an authority with no policy file: ${record.authorityId}`);
  return found.value;
}
