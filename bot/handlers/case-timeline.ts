import { timelineReply } from '../cases/timeline-reply.js';
import { pendingRequestsFor } from '../closures/pending-requests.js';
import type { Reply } from '../ports.js';
import type { CaseRecord } from '../store/cases.js';
import type { BotContext, CardRequest } from './context.js';

/** `case <ref>`: the case's timeline card, and below it any request awaiting the asker's decision (Approve, Return). */
export async function showCase(record: CaseRecord, request: CardRequest, context: BotContext): Promise<Reply> {
  const timeline = await timelineReply(record, request, context);
  const pending = await pendingRequestsFor([record], request.asker.userId, context);
  return { ...timeline, messages: [...timeline.messages, ...pending] };
}
