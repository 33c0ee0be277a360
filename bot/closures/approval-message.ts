import { closureApprovalCard, type ClosureDecisionField } from '../../cards/closure-approval-card.js';
import { closureApproversFor } from '../../domain/closures/closure-approvers.js';
import type { Policy } from '../../domain/policy/schema.js';
import { policyOf } from '../cases/case-policy.js';
import type { OutgoingMessage } from '../ports.js';
import type { Approval } from '../store/approvals.js';
import type { CaseRecord } from '../store/cases.js';
import type { ConversationStore } from '../store/conversation-references.js';
import type { RoleStore } from '../store/roles.js';
import { approvalViewOf, KIND_WORDS, statusOf, type Viewer } from './closure-views.js';
import { markdownLiteral } from '../../cards/markdown-literal.js';

export interface ApprovalMessageDependencies {
  readonly policies: readonly Policy[];
  readonly roles: RoleStore;
  readonly conversations: ConversationStore;
}

/** The people who may decide `approval` under its authority's procedure: holders of the roles in the case's team. */
export async function approversOf(approval: Pick<Approval, 'kind'>, record: CaseRecord, dependencies: ApprovalMessageDependencies): Promise<string[]> {
  const approvers = closureApproversFor(policyOf(record, dependencies.policies), approval.kind);
  return dependencies.roles.holdersOf(record.tenantId, record.team, approvers.roles);
}

/**
 * Whether `userId` may decide `approval`, from stored roles only: they hold an approving role in the case's team
 * and did not ask for it themselves.
 */
export async function mayDecide(approval: Approval, record: CaseRecord, userId: string, dependencies: ApprovalMessageDependencies): Promise<boolean> {
  if (userId === approval.requestedBy) return false;
  const approvers = closureApproversFor(policyOf(record, dependencies.policies), approval.kind);
  const roles = await dependencies.roles.rolesOf(record.tenantId, userId);
  return roles.some((role) => role.team === record.team && (approvers.roles as readonly string[]).includes(role.role));
}

export interface ApprovalMessageOptions {
  readonly comment?: string;
  readonly errors?: Partial<Record<ClosureDecisionField, string>>;
  readonly notice?: string;
}

/** The approval card and its text as `userId` should see it, refreshing for the approvers and the requester. */
export async function approvalMessageFor(
  approval: Approval,
  record: CaseRecord,
  userId: string,
  dependencies: ApprovalMessageDependencies,
  options: ApprovalMessageOptions = {},
): Promise<OutgoingMessage> {
  const policy = policyOf(record, dependencies.policies);
  const approverIds = await approversOf(approval, record, dependencies);
  const viewer: Viewer = userId === approval.requestedBy ? 'requester' : (await mayDecide(approval, record, userId, dependencies)) ? 'approver' : 'other';
  const names = await namesFor(approval, record.tenantId, dependencies.conversations);
  const view = approvalViewOf(approval, record, policy, {
    viewer,
    names,
    refreshUserIds: [...new Set([approval.requestedBy, ...approverIds])],
    ...options,
  });
  const text = `${KIND_WORDS[approval.kind].requested} ${record.reference}. ${options.notice ?? statusOf(approval, (id) => markdownLiteral(names.get(id) ?? id))}.`;
  return { text, card: closureApprovalCard(view) };
}

/** The requester's and the decider's names as Teams gave them (staff only); anyone unknown stays an id. */
export async function namesFor(approval: Approval, tenantId: string, conversations: ConversationStore): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const id of [approval.requestedBy, ...(approval.decidedBy ? [approval.decidedBy] : [])]) {
    const name = await conversations.nameOf(tenantId, id);
    if (name) names.set(id, name);
  }
  return names;
}
