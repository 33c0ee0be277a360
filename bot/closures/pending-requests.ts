import type { OutgoingMessage } from '../ports.js';
import { ApprovalStore } from '../store/approvals.js';
import type { CaseRecord, CaseStore } from '../store/cases.js';
import type { Db } from '../store/database.js';
import { approvalMessageFor, mayDecide, type ApprovalMessageDependencies } from './approval-message.js';

export interface PendingRequestDependencies extends ApprovalMessageDependencies {
  readonly db: Db;
  readonly cases: CaseStore;
}

/**
 * The approval cards, with Approve and Return, of the requests awaiting a decision that `userId` may decide among
 * `records`: so a manager whose chat the card never reached decides from `case <ref>` or `team deadlines`.
 */
export async function pendingRequestsFor(records: readonly CaseRecord[], userId: string, dependencies: PendingRequestDependencies): Promise<OutgoingMessage[]> {
  const approvals = new ApprovalStore(dependencies.db, dependencies.cases);
  const messages: OutgoingMessage[] = [];
  for (const record of records) {
    const open = await approvals.openRequestOf(record.id);
    if (open?.status !== 'requested' || !(await mayDecide(open, record, userId, dependencies))) continue;
    messages.push(await approvalMessageFor(open, record, userId, dependencies));
  }
  return messages;
}

/** The open cases of `teams` with a request awaiting a decision. */
export async function casesAwaitingDecision(db: Db, cases: CaseStore, tenantId: string, teams: readonly string[]): Promise<CaseRecord[]> {
  if (teams.length === 0) return [];
  const rows = await db
    .selectFrom('approvals')
    .innerJoin('cases', 'cases.id', 'approvals.case_id')
    .select('cases.id')
    .where('approvals.tenant_id', '=', tenantId)
    .where('approvals.status', '=', 'requested')
    .where('cases.team', 'in', teams)
    .orderBy('approvals.requested_at')
    .execute();
  const records = await Promise.all(rows.map((row) => cases.caseById(row.id)));
  return records.filter((record): record is CaseRecord => record !== undefined);
}
