import { z } from 'zod';
import { formatLongDate, londonDateOf, parseLocalDate } from '../../domain/dates/local-date.js';
import { assertNever } from '../../domain/result.js';
import { deliveryTimeFor } from '../../domain/reminders/working-hours.js';
import { snoozeUntil, type SnoozeRefusal } from '../../domain/reminders/snooze.js';
import { recordEventCard } from '../../cards/record-event-card.js';
import { snoozeInputId } from '../../cards/reminder-digest-card.js';
import { EventKindSchema } from '../../domain/cases/event-kinds.js';
import { EVENT_LABELS } from '../cases/event-labels.js';
import type { Reply } from '../ports.js';
import { instantOf } from '../reminders/london-time.js';
import { ruleOf } from '../reminders/reminder-view.js';
import type { BotContext, CardRequest } from './context.js';

export const ReminderActionSchema = z.looseObject({ outboxId: z.string().regex(/^\d{1,18}$/) });
export type ReminderAction = z.infer<typeof ReminderActionSchema>;

/**
 * The reminder a button belongs to, if the person who pressed it is the one it was sent to. Decided from the
 * stored outbox row alone: the card carries only the row's id, and nothing in it is trusted.
 */
async function ownReminder(data: ReminderAction, request: CardRequest, context: BotContext) {
  const reminder = await context.outbox.sentReminder(request.asker.tenantId, data.outboxId);
  return reminder && reminder.recipient_id === request.asker.userId ? reminder : undefined;
}

const NOT_YOURS = 'That reminder is not one sent to you, so I have left it as it was.';

/** "Acknowledge": records who saw it and when (Teams gives bots no read receipts); an overdue item then does not escalate. */
export async function acknowledgeReminder(data: ReminderAction, request: CardRequest, context: BotContext): Promise<Reply> {
  const reminder = await ownReminder(data, request, context);
  if (!reminder) return { messages: [], invokeMessage: NOT_YOURS };
  await context.outbox.acknowledge(reminder.id, request.asker.userId, request.receivedAt);
  return { messages: [], invokeMessage: `Acknowledged: ${reminder.reference}, due ${formatLongDate(reminder.due_on)}.` };
}

/** "Snooze": the same reminder again on a chosen working day before the due date, never past it. */
export async function snoozeReminder(data: ReminderAction, request: CardRequest, context: BotContext): Promise<Reply> {
  const reminder = await ownReminder(data, request, context);
  if (!reminder) return { messages: [], invokeMessage: NOT_YOURS };
  const requested = parseLocalDate(String(data[snoozeInputId(reminder.id)] ?? '').slice(0, 10));
  if (!requested) return { messages: [], invokeMessage: 'Choose the day to be reminded again, then press Snooze.' };
  const today = londonDateOf(request.receivedAt);
  const snoozed = snoozeUntil(requested, reminder.due_on, today, context.calendar);
  if (!snoozed.ok) return { messages: [], invokeMessage: refusalWords(snoozed.error) };
  await context.outbox.snooze(reminder, snoozed.value, instantOf(deliveryTimeFor(snoozed.value, context.calendar)), request.asker.userId, request.receivedAt);
  return { messages: [], invokeMessage: `Snoozed: I will remind you about ${reminder.reference} again on ${formatLongDate(snoozed.value)}.` };
}

/** "Record it done": the record card for the case, filled in with what fulfils the rule and today's date. */
export async function recordReminderDone(data: ReminderAction, request: CardRequest, context: BotContext): Promise<Reply> {
  const reminder = await ownReminder(data, request, context);
  if (!reminder) return { messages: [], invokeMessage: NOT_YOURS };
  const rule = ruleOf(reminder.rule_id, context.policies);
  if (reminder.kind === 'transfer-out') {
    // A transfer checklist item has no event of its own: doing it is ticking it, and the reminders stop.
    await context.transferChecklist.tick({ caseId: reminder.case_id, caseReference: reminder.reference, ruleId: reminder.rule_id }, request.asker, request.receivedAt);
    return { messages: [], invokeMessage: `Done for ${reminder.reference}: ${rule?.requires ?? reminder.rule_id}. No more reminders of it.` };
  }
  const kind = rule?.kind === 'timescale' ? (rule.fulfilledBy[0] ?? '') : '';
  const card = recordEventCard({
    reference: reminder.reference,
    kind,
    on: londonDateOf(request.receivedAt),
    countsFrom: '',
    eventKinds: EventKindSchema.options.map((value) => ({ value, title: EVENT_LABELS[value] })),
    errors: {},
    formError: '',
  });
  return { messages: [{ text: `Record what was done for ${reminder.reference}.`, card }] };
}

function refusalWords(refusal: SnoozeRefusal): string {
  switch (refusal.kind) {
    case 'no-day-left':
      return `There is no working day left before it is due (${formatLongDate(refusal.dueOn)}), so it cannot be snoozed.`;
    case 'not-after-today':
      return `Choose a day after today; the earliest is ${formatLongDate(refusal.earliest)}.`;
    case 'not-before-due-date':
      return `Choose a day before it is due (${formatLongDate(refusal.dueOn)}); the latest is ${formatLongDate(refusal.latest)}.`;
    case 'not-a-working-day':
      return `${formatLongDate(refusal.requested)} is not a working day${refusal.holiday ? ` (${refusal.holiday})` : ''}; ${formatLongDate(refusal.nearest)} is.`;
    default:
      return assertNever(refusal);
  }
}

export const OpenCaseSchema = z.object({ caseReference: z.string().min(1).max(40) });
