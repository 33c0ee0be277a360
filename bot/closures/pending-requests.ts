import type { OutgoingMessage } from '../ports.js';
import type { ApprovalStore } from '../store/approvals.js';
import type { CaseRecord, CaseStore } from '../store/cases.js';
import { approvalMessageFor, mayDecide, type ApprovalMessageDependencies } from './approval-message.js';

export interface PendingRequestDependencies extends ApprovalMessageDependencies {
  readonly approvals: ApprovalStore;
  readonly cases: CaseStore;
}

/**
 * The approval cards, with Approve and Return, of the requests awaiting a decision that `userId` may decide among
 * `records`: so a manager whose chat the card never reached decides from `case <ref>` or `team deadlines`.
 */
export async function pendingRequestsFor(records: readonly CaseRecord[], userId: string, dependencies: PendingRequestDependencies): Promise<OutgoingMessage[]> {
  const { approvals } = dependencies;
  const messages: OutgoingMessage[] = [];
  for (const record of records) {
    const open = await approvals.openRequestOf(record.id);
    if (open?.status !== 'requested' || !(await mayDecide(open, record, userId, dependencies))) continue;
    messages.push(await approvalMessageFor(open, record, userId, dependencies));
  }
  return messages;
}

/** The open cases of `teams` with a request awaiting a decision. */
export async function casesAwaitingDecision(dependencies: PendingRequestDependencies, tenantId: string, teams: readonly string[]): Promise<CaseRecord[]> {
  const ids = await dependencies.approvals.casesAwaitingDecision(tenantId, teams);
  const records = await Promise.all(ids.map((id) => dependencies.cases.caseById(id)));
  return records.filter((record): record is CaseRecord => record !== undefined);
}
