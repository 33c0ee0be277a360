import { timelineReply } from '../cases/timeline-reply.js';
import { workableCase } from '../cases/workable-case.js';
import type { Reply } from '../ports.js';
import type { BotContext, CardRequest } from './context.js';

/** `case <ref>`: the case's timeline card. */
export async function showCase(reference: string, request: CardRequest, context: BotContext): Promise<Reply> {
  const found = await workableCase(reference, request, context);
  return found.ok ? timelineReply(found.value, request, context) : found.error;
}
