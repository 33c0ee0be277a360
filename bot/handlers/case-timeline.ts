import { timelineReply } from '../cases/timeline-reply.js';
import { workableCase } from '../cases/workable-case.js';
import { pendingRequestsFor } from '../closures/pending-requests.js';
import type { Reply } from '../ports.js';
import type { BotContext, CardRequest } from './context.js';

/** `case <ref>`: the case's timeline card, and below it any request awaiting the asker's decision (Approve, Return). */
export async function showCase(reference: string, request: CardRequest, context: BotContext): Promise<Reply> {
  const found = await workableCase(reference, request, context);
  if (!found.ok) return found.error;
  const timeline = await timelineReply(found.value, request, context);
  const pending = await pendingRequestsFor([found.value], request.asker.userId, context);
  return { ...timeline, messages: [...timeline.messages, ...pending] };
}
