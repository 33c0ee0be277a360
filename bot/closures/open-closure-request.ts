import { closureRequestCard } from '../../cards/closure-request-card.js';
import type { ClosureKind } from '../../domain/closures/closure-checklist.js';
import { policyOf } from '../cases/case-policy.js';
import type { BotContext, CardRequest } from '../handlers/context.js';
import type { Reply } from '../ports.js';
import type { CaseRecord } from '../store/cases.js';
import { say } from '../replies/say.js';
import { approvalMessageFor } from './approval-message.js';
import { checklistOf, keptTicks } from './closure-request-checklist.js';
import { KIND_WORDS, requestViewOf } from './closure-views.js';

/**
 * `close <ref>`, `step down <ref>`, or a review card's "close" / "step down" decision: the request card with the
 * authority's checklist for the case, sent as a new message (the card pressed, if any, stays as it was). A
 * saved draft's ticks come back; a request already sent shows where it stands.
 */
export async function openClosureRequest(record: CaseRecord, kind: ClosureKind, request: CardRequest, context: BotContext): Promise<Reply> {
  if (record.status === 'closed') return say(`${record.reference} is already closed.`);
  const { approvals } = context;
  const open = await approvals.openRequestOf(record.id);
  if (open?.status === 'requested') {
    return { messages: [await approvalMessageFor(open, record, request.asker.userId, context)] };
  }
  const confirmed = open?.confirmed ?? [];
  const checklist = await checklistOf(record, kind, confirmed, request, context);
  const returned = open ? undefined : await approvals.lastDecidedOf(record.id);
  const note = returned?.status === 'returned' && returned.kind === kind ? 'Your last request was returned: the reason is on its card. Put it right, then send again.' : '';
  const view = requestViewOf(record, policyOf(record, context.policies), checklist, keptTicks(checklist, confirmed), {}, note);
  return { messages: [{ text: `${KIND_WORDS[kind].request} ${record.reference}: ${checklist.items.length} items, ${checklist.missing.length} not met yet.`, card: closureRequestCard(view) }] };
}
