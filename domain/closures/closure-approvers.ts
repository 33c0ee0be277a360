import type { Citation, Policy, Rule } from '../policy/schema.js';
import type { ClosureKind } from './closure-checklist.js';

/** The roles in the case's team whose holders may decide a closure or step-down request. */
export type ApproverRole = 'manager' | 'senior-practitioner';

export interface ClosureApprovers {
  readonly roles: readonly ApproverRole[];
  /** The rule that names them, when the procedure does; absent, a manager of the team decides. */
  readonly ruleId?: string;
  readonly citation?: Citation;
}

type RoleRule = Extract<Rule, { kind: 'role' }>;

/**
 * Who may authorise a `kind` request under the authority's procedure: the roles of the first role rule that
 * approves it, else a manager of the case's team (every procedure expects a manager's authorisation; none lets
 * the worker close alone).
 *
 * @example
 * closureApproversFor(camdenPolicy, 'step-down')
 * //=> { roles: ['manager', 'senior-practitioner'], ruleId: 'camden.authorisation.manager-or-senior', citation: {…} }
 * closureApproversFor(redbridgePolicy, 'closure') //=> { roles: ['manager'] }
 */
export function closureApproversFor(policy: Policy, kind: ClosureKind): ClosureApprovers {
  const rule = policy.rules.find((candidate): candidate is RoleRule => candidate.kind === 'role' && (candidate.approves?.requests.includes(kind) ?? false));
  if (!rule?.approves) return { roles: ['manager'] };
  return { roles: rule.approves.roles, ruleId: rule.id, citation: rule.citation };
}
