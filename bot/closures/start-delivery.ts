import type { BotContext } from '../handlers/context.js';
import { deliverApprovalNotices } from './deliver-approval-notices.js';

/**
 * Sends the queued cards and messages without holding up the turn, so Teams gets its answer at once however
 * slow the Connector is. Whatever fails stays queued for the reminder tick to retry.
 */
export function startDelivery(context: BotContext, now: Date): void {
  const { messenger } = context;
  if (!messenger) return;
  void deliverApprovalNotices({ ...context, messenger, now }).catch(() => undefined);
}
