import { londonDateOf } from '../../domain/dates/local-date.js';
import { reminderDigestCard, reminderDigestText, type ReminderDigestView } from '../../cards/reminder-digest-card.js';
import { PERSON_ID } from '../cases/identifiers.js';
import type { Reply } from '../ports.js';
import { say } from '../replies/say.js';
import { reminderItemView } from '../reminders/reminder-view.js';
import type { CaseRecord } from '../store/cases.js';
import type { BotContext, MessageRequest } from './context.js';
import { formatLongDate } from '../../domain/dates/local-date.js';

/**
 * `reassign <ref> to <object id or @mention>`: for admins and the managers of the case's team. The case's
 * deadlines and pending reminders follow the new worker, and reminder cards already sent to the old one are
 * updated to say the case has moved.
 */
export async function reassignCase(record: CaseRecord, who: string, request: MessageRequest & { readonly mentionedUserIds: readonly string[] }, context: BotContext): Promise<Reply> {
  const workerId = who.startsWith('<at>') ? request.mentionedUserIds[0] : who.trim();
  if (!workerId || !PERSON_ID.test(workerId)) return say('Mention the new worker, or give their Entra object id.');
  if (workerId === record.workerId) return say(`${record.reference} is already theirs.`);
  const moved = await context.cases.reassign(record, workerId, request.asker, request.receivedAt);
  const updated = await updateCardsSentTo(record, londonDateOf(request.receivedAt), context);
  return say(`${moved.reference} is now ${workerId}'s. Its deadlines and reminders follow them${updated > 0 ? `; ${updated} reminder card(s) sent before now say the case has moved` : ''}.`);
}

/** Re-draws each reminder card the old worker holds for this case, with its items marked as moved. */
async function updateCardsSentTo(record: CaseRecord, today: ReturnType<typeof londonDateOf>, context: BotContext): Promise<number> {
  if (!context.messenger) return 0;
  const sent = await context.outbox.cardsHolding(record.id, record.workerId);
  const address = await context.conversations.personalChatOf(record.tenantId, record.workerId);
  if (!address) return 0;
  let updated = 0;
  for (const activityId of sent) {
    const items = await context.outbox.itemsOfCard(activityId);
    const view: ReminderDigestView = {
      day: formatLongDate(londonDateOf(items[0]?.sentAt ?? new Date(`${today}T12:00:00Z`))),
      items: items.map((item) =>
        reminderItemView(
          {
            id: item.id,
            caseReference: item.caseReference,
            ruleId: item.ruleId,
            dueOn: item.dueOn,
            kind: item.kind,
            ...(item.acknowledgedAt ? { acknowledgedAt: item.acknowledgedAt } : {}),
            moved: item.caseId === record.id,
          },
          today,
          context.policies,
          context.calendar,
        ),
      ),
    };
    try {
      await context.messenger.update(address, activityId, { text: reminderDigestText(view), card: reminderDigestCard(view) });
      updated += 1;
    } catch (error) {
      // A card that can no longer be updated (deleted, chat gone) changes nothing about the reassignment.
      context.log.warn('reassigned-card-not-updated', { caseId: record.id, errorName: error instanceof Error ? error.name : typeof error });
    }
  }
  return updated;
}
