import { londonDateOf } from '../../domain/dates/local-date.js';
import { reminderDigestCard, reminderDigestText, type ReminderDigestView } from '../../cards/reminder-digest-card.js';
import { PERSON_ID } from '../cases/identifiers.js';
import type { Reply } from '../ports.js';
import { say } from '../replies/say.js';
import { reminderItemView } from '../reminders/reminder-view.js';
import type { CaseRecord } from '../store/cases.js';
import type { BotContext, MessageRequest } from './context.js';
import { formatLongDate, LocalDateSchema } from '../../domain/dates/local-date.js';

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
  const sent = await context.db
    .selectFrom('reminder_outbox')
    .select('activity_id')
    .distinct()
    .where('case_id', '=', record.id)
    .where('recipient_id', '=', record.workerId)
    .where('status', '=', 'sent')
    .where('activity_id', 'is not', null)
    .execute();
  const address = await context.conversations.personalChatOf(record.tenantId, record.workerId);
  if (!address) return 0;
  let updated = 0;
  for (const { activity_id: activityId } of sent) {
    if (!activityId) continue;
    const rows = await context.db
      .selectFrom('reminder_outbox')
      .innerJoin('cases', 'cases.id', 'reminder_outbox.case_id')
      .select(['reminder_outbox.id', 'cases.reference', 'reminder_outbox.case_id', 'rule_id', 'due_on', 'kind', 'acknowledged_at', 'sent_at'])
      .where('activity_id', '=', activityId)
      .orderBy('reminder_outbox.id')
      .execute();
    const view: ReminderDigestView = {
      day: formatLongDate(londonDateOf(rows[0]?.sent_at ?? new Date(`${today}T12:00:00Z`))),
      items: rows.map((row) =>
        reminderItemView(
          {
            id: String(row.id),
            caseReference: row.reference,
            ruleId: row.rule_id,
            dueOn: LocalDateSchema.parse(row.due_on),
            kind: row.kind,
            ...(row.acknowledged_at ? { acknowledgedAt: row.acknowledged_at } : {}),
            moved: row.case_id === record.id,
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
