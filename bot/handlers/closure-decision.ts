import { z } from 'zod';
import { londonDateOf } from '../../domain/dates/local-date.js';
import { approvalMessageFor, mayDecide, namesFor } from '../closures/approval-message.js';
import { statusOf } from '../closures/closure-views.js';
import { startDelivery } from '../closures/start-delivery.js';
import type { Reply } from '../ports.js';
import type { Approval, Decision } from '../store/approvals.js';
import type { CaseRecord } from '../store/cases.js';
import type { BotContext, CardRequest } from './context.js';

/** An approval's id as its card carries it: the UUID the request was given (bot/store/approvals.ts). */
const ApprovalIdSchema = z.uuid();

/** Approve or Return: which request, the case and version the card showed, and the comment typed. */
export const ClosureDecisionSchema = z.object({
  approvalId: ApprovalIdSchema,
  caseReference: z.string().trim().min(1).max(40),
  version: z.coerce.number().int().positive(),
  comment: z.string().max(1000).optional(),
});
export type ClosureDecisionSubmission = z.infer<typeof ClosureDecisionSchema>;

/**
 * Refusals audited for one person on one case in an hour: enough to show what happened, while anyone holding an
 * approval id could otherwise add append-only rows without end. Past it they are still refused, unaudited.
 */
const REFUSALS_AUDITED_AN_HOUR = 10;

async function refusalsAuditedWithinHour(context: BotContext, request: CardRequest, record: CaseRecord): Promise<number> {
  return context.audit.countSince(
    { tenantId: request.asker.tenantId, caseReference: record.reference, actorId: request.asker.userId, actions: ['closure.refused', 'step-down.refused'] },
    new Date(request.receivedAt.getTime() - 60 * 60 * 1000),
  );
}

export const ClosureRefreshSchema = z.object({ approvalId: ApprovalIdSchema });

/**
 * Approve or Return, from Action.Execute or its Action.Submit fallback alike. Who may decide is worked out from
 * the invoke's sender and stored roles only, never from the card; a card for another case, one already decided
 * or an older version is refused with a card saying so, and audited. The first decision wins.
 */
export function decideClosure(decision: Decision) {
  return async (data: ClosureDecisionSubmission, request: CardRequest, context: BotContext): Promise<Reply> => {
    const { approvals } = context;
    const approval = await approvals.approvalById(request.asker.tenantId, data.approvalId);
    const record = approval ? await context.cases.caseById(approval.caseId) : undefined;
    if (!approval || !record) return { messages: [], invokeMessage: 'That request is no longer held: the case may have been removed.' };
    const refuse = async (reason: string, notice: string, shown: Approval = approval): Promise<Reply> => {
      if (await refusalsAuditedWithinHour(context, request, record) >= REFUSALS_AUDITED_AN_HOUR) return cardReply(shown, record, request, context, { notice });
      await context.audit.append({
        tenantId: request.asker.tenantId,
        actorId: request.asker.userId,
        action: `${approval.kind}.refused`,
        caseReference: record.reference,
        detail: { approvalId: approval.id, reason, decision, cardVersion: data.version, version: approval.version },
        at: request.receivedAt,
      });
      return cardReply(shown, record, request, context, { notice });
    };
    if (data.caseReference.toUpperCase() !== record.reference.toUpperCase()) {
      return refuse('case-mismatch', `This card does not match the request for ${record.reference}. Nothing was decided.`);
    }
    if (request.asker.userId === approval.requestedBy) return refuse('own-request', 'You asked for this, so someone else must decide it. Nothing was decided.');
    if (!(await mayDecide(approval, record, request.asker.userId, context))) {
      return refuse('not-an-approver', `Only a manager of team ${record.team} the procedure names may decide this. Nothing was decided.`);
    }
    const comment = data.comment?.trim() ?? '';
    if (decision === 'returned' && comment === '') {
      return cardReply(approval, record, request, context, { errors: { comment: 'Say why you are returning it, so the worker knows what to put right.' } });
    }
    const outcome = await approvals.decide(
      approval.id,
      data.version,
      decision,
      comment === '' ? undefined : comment,
      record,
      request.asker,
      londonDateOf(request.receivedAt),
      request.receivedAt,
    );
    if (!outcome.ok) {
      const current = outcome.error.approval;
      const already = current.status === 'approved' || current.status === 'returned';
      const names = await namesFor(current, record.tenantId, context.conversations);
      return refuse(
        already ? 'already-decided' : 'stale-card',
        already
          ? `Already decided: ${statusOf(current, (userId) => names.get(userId) ?? userId)}. Nothing was changed.`
          : 'This card is out of date. Nothing was decided: look again at the request below.',
        current,
      );
    }
    startDelivery(context, request.receivedAt);
    const decided = await approvalMessageFor(outcome.value, record, request.asker.userId, context);
    return { messages: [], ...(decided.card ? { updatedCard: decided.card } : {}) };
  };
}

/** Universal Actions' refresh (and the Refresh button): the card as this person should see it now. */
export async function refreshClosure(data: z.infer<typeof ClosureRefreshSchema>, request: CardRequest, context: BotContext): Promise<Reply> {
  const approval = await context.approvals.approvalById(request.asker.tenantId, data.approvalId);
  const record = approval ? await context.cases.caseById(approval.caseId) : undefined;
  if (!approval || !record) return { messages: [], invokeMessage: 'That request is no longer held: the case may have been removed.' };
  return cardReply(approval, record, request, context, {});
}

async function cardReply(approval: Approval, record: CaseRecord, request: CardRequest, context: BotContext, options: Parameters<typeof approvalMessageFor>[4]): Promise<Reply> {
  const message = await approvalMessageFor(approval, record, request.asker.userId, context, options);
  return { messages: [], ...(message.card ? { updatedCard: message.card } : {}) };
}
