import { z } from 'zod';
import { closureRequestCard } from '../../cards/closure-request-card.js';
import { policyOf } from '../cases/case-policy.js';
import { approvalMessageFor, approversOf } from '../closures/approval-message.js';
import { checklistOf, keptTicks } from '../closures/closure-request-checklist.js';
import { KIND_WORDS, missingWords, requestViewOf } from '../closures/closure-views.js';
import { startDelivery } from '../closures/start-delivery.js';
import type { Reply } from '../ports.js';
import type { CaseRecord } from '../store/cases.js';
import type { BotContext, CardRequest } from './context.js';

export const ClosureKindSchema = z.enum(['closure', 'step-down']);

/** The request card's Save and Send: the case, the kind, and the ticks (a multi-select sends them comma-separated). */
export const ClosureRequestSubmissionSchema = z.object({
  caseReference: z.string().trim().min(1).max(40),
  kind: ClosureKindSchema,
  confirmed: z.string().max(4000).optional(),
});
export type ClosureRequestSubmission = z.infer<typeof ClosureRequestSubmissionSchema>;

/** Save: the worker's ticks are kept as a draft; nothing is sent. */
export async function saveClosureRequest(record: CaseRecord, data: ClosureRequestSubmission, request: CardRequest, context: BotContext): Promise<Reply> {
  const checklist = await checklistOf(record, data.kind, ticksIn(data.confirmed), request, context);
  const confirmed = keptTicks(checklist, ticksIn(data.confirmed));
  const saved = await context.approvals.saveDraft(record, data.kind, confirmed, request.asker, request.receivedAt);
  if (!saved.ok) return { messages: [], invokeMessage: `A request for ${record.reference} is already waiting for a decision.` };
  const left = checklist.missing.length;
  const note = `Saved. ${left === 0 ? 'Every item is met: send it when you are ready.' : `${left} not met yet; nothing is sent until you press Send for approval.`}`;
  return { messages: [], updatedCard: closureRequestCard(requestViewOf(record, policyOf(record, context.policies), checklist, confirmed, {}, note)) };
}

/**
 * Send for approval: refused, with the ticks kept and the missing items beside the checklist, while any item is
 * not met (the ticks are saved all the same). Otherwise the request goes to every approver of the case's team,
 * and the worker's card shows its status from then on.
 */
export async function sendClosureRequest(record: CaseRecord, data: ClosureRequestSubmission, request: CardRequest, context: BotContext): Promise<Reply> {
  if (record.status === 'closed') return { messages: [], invokeMessage: `${record.reference} is already closed.` };
  const policy = policyOf(record, context.policies);
  const { approvals } = context;
  const checklist = await checklistOf(record, data.kind, ticksIn(data.confirmed), request, context);
  const confirmed = keptTicks(checklist, ticksIn(data.confirmed));
  const refuse = async (formError: string, confirmedError?: string): Promise<Reply> => {
    const saved = await approvals.saveDraft(record, data.kind, confirmed, request.asker, request.receivedAt);
    if (!saved.ok) return { messages: [], invokeMessage: `A request for ${record.reference} is already waiting for a decision.` };
    const errors = confirmedError === undefined ? {} : { confirmed: confirmedError };
    return { messages: [], updatedCard: closureRequestCard(requestViewOf(record, policy, checklist, confirmed, errors, formError)) };
  };
  if (checklist.missing.length > 0) {
    return refuse(`Not sent: ${checklist.missing.length} not met yet. Your ticks are saved.`, `Still to do:\n${missingWords(policy, checklist.missing)}`);
  }
  const approverIds = (await approversOf(checklist, record, context)).filter((userId) => userId !== request.asker.userId);
  if (approverIds.length === 0) {
    return refuse(`Not sent: the bot knows no one in team ${record.team} who may decide it but you. An admin can give a manager the role ("role <person> manager of ${record.team}"). Your ticks are saved.`);
  }
  const channel = await context.teamChannels.channelOf(record.tenantId, record.team);
  const sent = await approvals.send(record, checklist, confirmed, approverIds, request.asker, request.receivedAt, channel?.teamsTeamId);
  if (!sent.ok) return { messages: [], invokeMessage: `A request for ${record.reference} is already waiting for a decision.` };
  // Before delivery starts, which may create a chat for someone (where Teams lets it) and hide who had none.
  const unreached = await notYetReachable(approverIds, record.tenantId, context);
  startDelivery(context, request.receivedAt);
  const message = await approvalMessageFor(sent.value, record, request.asker.userId, context);
  return {
    messages: [
      { text: `${record.reference}: your ${KIND_WORDS[data.kind].noun} request is with ${approverIds.length} ${approverIds.length === 1 ? 'person' : 'people'} who may decide it. You will be told here.` },
      ...(unreached.length === 0 ? [] : [{ text: unreachedWords(record.reference, unreached) }]),
      ...(channel ? [{ text: `It is posted in team ${record.team}'s channel too.` }] : []),
    ],
    ...(message.card ? { updatedCard: message.card } : {}),
  };
}

/** The approvers the bot has no one-to-one chat with: it cannot write to them first unless Teams lets it create one. */
async function notYetReachable(approverIds: readonly string[], tenantId: string, context: BotContext): Promise<string[]> {
  const unreached: string[] = [];
  for (const approverId of approverIds) {
    if (await context.conversations.personalChatOf(tenantId, approverId)) continue;
    unreached.push((await context.conversations.nameOf(tenantId, approverId)) ?? approverId);
  }
  return unreached;
}

function unreachedWords(reference: string, names: readonly string[]): string {
  const who = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  return (
    `${who} ${names.length === 1 ? 'has' : 'have'} never opened a chat with CiN Assistant, so the card may not reach them. ` +
    'Ask them to open CiN Assistant in Teams once (or your Teams admin to install it for everyone through the app set-up policy); ' +
    `until then they can decide it from "case ${reference}" or "team deadlines".`
  );
}

function ticksIn(confirmed: string | undefined): string[] {
  return (confirmed ?? '').split(',').map((tick) => tick.trim()).filter((tick) => tick !== '');
}
