import { z } from 'zod';
import type { CaseEvent } from '../../domain/cases/case-events.js';
import { EventKindSchema, type EventKind } from '../../domain/cases/event-kinds.js';
import type { EventRefusal } from '../../domain/cases/event-refusal.js';
import { formatLongDate, londonDateOf, parseLocalDate, type LocalDate } from '../../domain/dates/local-date.js';
import { assertNever } from '../../domain/result.js';
import { recordEventCard, type RecordEventField } from '../../cards/record-event-card.js';
import { EVENT_LABELS } from '../cases/event-labels.js';
import { timelineReply } from '../cases/timeline-reply.js';
import type { Reply } from '../ports.js';
import type { CaseRecord } from '../store/cases.js';
import type { RecordRequest } from '../understanding/recorded-event.js';
import { replacingTheForm } from '../replies/replacing-the-form.js';
import type { BotContext, CardRequest } from './context.js';
import { CaseReferenceSchema } from '../cases/identifiers.js';

/** What the record card sends, every field as entered. */
export const RecordEventSubmissionSchema = z.object({
  reference: CaseReferenceSchema,
  kind: z.string().max(80).default(''),
  on: z.string().max(40).default(''),
  countsFrom: z.string().max(40).default(''),
});
export type RecordEventSubmission = z.infer<typeof RecordEventSubmissionSchema>;

export const OpenRecordFormSchema = z.object({ reference: CaseReferenceSchema });

/** Events that count from a second date: the booked review's, or the order's expiry. */
const TWO_DATE_KINDS = new Set<EventKind>(['review-booked', 'supervision-order-made']);

/** "record assessment completed 2 March for AB12": records it, or opens the card with what was understood. */
export async function recordFromText(record: CaseRecord, recordRequest: RecordRequest, request: CardRequest, context: BotContext): Promise<Reply> {
  const today = londonDateOf(request.receivedAt);
  const kind = movedKind(recordRequest, record);
  const [first, second] = recordRequest.dates;
  const twoDates = kind !== undefined && TWO_DATE_KINDS.has(kind);
  const submission: RecordEventSubmission = {
    reference: record.reference,
    kind: kind ?? '',
    on: (twoDates && second === undefined ? today : first) ?? '',
    countsFrom: (twoDates ? (second ?? first) : undefined) ?? '',
  };
  if (!kind) return formReply(submission, { kind: 'Which of these happened?' }, 'message');
  if (first === undefined) return formReply(submission, { on: 'On which day did it happen?' }, 'message');
  return recordChecked(record, submission, request, context, 'message');
}

/** `event.open-form`: a blank record card for the case. */
export function openRecordForm(record: CaseRecord, request: CardRequest): Reply {
  const submission = { reference: record.reference, kind: '', on: londonDateOf(request.receivedAt), countsFrom: '' };
  return formReply(submission, {}, 'message');
}

/** `event.record`: records what the card says, or returns it with the input kept and the problem beside the field. */
export function recordFromCard(record: CaseRecord, submission: RecordEventSubmission, request: CardRequest, context: BotContext): Promise<Reply> {
  return recordChecked(record, submission, request, context, 'card');
}

async function recordChecked(record: CaseRecord, submission: RecordEventSubmission, request: CardRequest, context: BotContext, from: 'message' | 'card'): Promise<Reply> {
  const errors: Partial<Record<RecordEventField, string>> = {};
  const kind = EventKindSchema.safeParse(submission.kind);
  if (!kind.success) errors.kind = 'Choose what happened.';
  const on = parseLocalDate(submission.on.trim().slice(0, 10));
  if (!on) errors.on = 'Give the day it happened.';
  const countsFrom = parseLocalDate(submission.countsFrom.trim().slice(0, 10));
  const needsSecondDate = kind.success && TWO_DATE_KINDS.has(kind.data);
  if (needsSecondDate && !countsFrom) {
    errors.countsFrom = kind.data === 'review-booked' ? 'Give the date the review is booked for.' : 'Give the day the supervision order expires.';
  }
  if (!kind.success || !on || (needsSecondDate && !countsFrom)) return formReply(submission, errors, from);

  const event = caseEventOf(kind.data, on, countsFrom);
  const today = londonDateOf(request.receivedAt);
  const recorded = await context.cases.recordEvent(record, event, request.asker, today, request.receivedAt);
  if (!recorded.ok) {
    const refusal = recorded.error;
    if (refusal.kind === 'reference-taken' || refusal.kind === 'no-such-event') throw new Error(`Unexpected refusal ${refusal.kind}`);
    return formReply(submission, { on: refusalWords(refusal) }, from);
  }
  const lead = `Recorded for ${record.reference}: ${EVENT_LABELS[event.kind].replace(/ \(give the .*\)$/, '')}, ${formatLongDate(event.on)}. (Entry #${recorded.value.id}; "withdraw ${recorded.value.id} for ${record.reference}" corrects it.)`;
  const refreshed = (await context.cases.caseByReference(record.tenantId, record.reference)) ?? record;
  const timeline = await timelineReply(refreshed, request, context, lead);
  return from === 'card' ? replacingTheForm(timeline) : timeline;
}

function caseEventOf(kind: EventKind, on: LocalDate, countsFrom: LocalDate | undefined): CaseEvent {
  if (kind === 'review-booked') return { kind, on, reviewOn: countsFrom ?? on };
  if (kind === 'supervision-order-made') return { kind, on, expiresOn: countsFrom ?? on };
  return { kind, on };
}

/** "Family moved to Camden" on a Camden case is a move in; to anywhere else, a move out. */
function movedKind(recordRequest: RecordRequest, record: CaseRecord): EventKind | undefined {
  if (recordRequest.kind === 'moved-out' && recordRequest.movedTo === record.authorityId) return 'moved-in';
  return recordRequest.kind;
}

export function refusalWords(refusal: EventRefusal): string {
  switch (refusal.kind) {
    case 'in-the-future':
      return `${formatLongDate(refusal.on)} is after today (${formatLongDate(refusal.today)}): record it once it has happened. For a review still to come, choose "Review booked".`;
    case 'before-case-opened':
      return `${formatLongDate(refusal.on)} is before the case opened (${formatLongDate(refusal.openedOn)}).`;
    default:
      return assertNever(refusal);
  }
}

function formReply(submission: RecordEventSubmission, errors: Partial<Record<RecordEventField, string>>, from: 'message' | 'card'): Reply {
  const card = recordEventCard({
    ...submission,
    eventKinds: EventKindSchema.options.map((value) => ({ value, title: EVENT_LABELS[value] })),
    errors,
    formError: '',
  });
  const problems = Object.values(errors).join(' ');
  if (from === 'card') return { messages: [], updatedCard: card, invokeMessage: problems };
  return { messages: [{ text: problems === '' ? `Record an event for ${submission.reference}.` : `Nothing recorded yet. ${problems}`, card }] };
}

/** `withdraw 12 for AB12`: takes back a wrongly recorded event, as an audited correction. */
export async function withdrawEvent(record: CaseRecord, eventId: string, request: CardRequest, context: BotContext): Promise<Reply> {
  const withdrawn = await context.cases.withdrawEvent(record, eventId, request.asker, londonDateOf(request.receivedAt), request.receivedAt);
  if (!withdrawn.ok) {
    return { messages: [{ text: `${record.reference} has no entry #${eventId.slice(0, 20)} to withdraw. "case ${record.reference}" lists its entries with their numbers.` }] };
  }
  const what = `${EVENT_LABELS[withdrawn.value.event.kind].replace(/ \(give the .*\)$/, '')}, ${formatLongDate(withdrawn.value.event.on)}`;
  return timelineReply(record, request, context, `Withdrawn from ${record.reference}: entry #${eventId} (${what}). The audit log keeps it.`);
}
