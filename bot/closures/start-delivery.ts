import type { BotContext } from '../handlers/context.js';
import { deliverApprovalNotices } from './deliver-approval-notices.js';

/**
 * Sends the queued cards and messages without holding up the turn, so Teams gets its answer at once however
 * slow the Connector is. Whatever fails stays queued for the reminder tick to retry.
 */
export function startDelivery(context: BotContext, now: Date): void {
  const { messenger } = context;
  if (!messenger) return;
  // What failed stays queued; the log says so, with no more than the error's name.
  void deliverApprovalNotices({ ...context, messenger, now }).catch((error: unknown) =>
    context.log.warn('approval-notices-delivery-failed', { errorName: error instanceof Error ? error.name : typeof error }),
  );
}
