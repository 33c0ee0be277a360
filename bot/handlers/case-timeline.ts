import { compareLocalDates, formatLongDate, londonDateOf, type LocalDate } from '../../domain/dates/local-date.js';
import type { ObligationStatus } from '../../domain/cases/timeline.js';
import { timelineCard, type TimelineView } from '../../cards/timeline-card.js';
import { EVENT_LABELS } from '../cases/event-labels.js';
import { pendingRequestsFor } from '../closures/pending-requests.js';
import type { Reply } from '../ports.js';
import type { CaseRecord } from '../store/cases.js';
import type { BotContext, CardRequest } from './context.js';
import { workableCase } from './workable-case.js';

const STATUS_WORDS: Readonly<Record<ObligationStatus, string>> = {
  overdue: 'Overdue',
  'due-today': 'Due today',
  upcoming: 'Upcoming',
  done: 'Done',
};

/** `case <ref>`: the case's timeline card, and below it any request awaiting the asker's decision (Approve, Return). */
export async function showCase(reference: string, request: CardRequest, context: BotContext): Promise<Reply> {
  const found = await workableCase(reference, request, context);
  if (!found.ok) return found.error;
  const timeline = await timelineReply(found.value, request, context);
  const pending = await pendingRequestsFor([found.value], request.asker.userId, context);
  return { ...timeline, messages: [...timeline.messages, ...pending] };
}

/** The timeline of `record` on the asker's day, as a card and as text; also the answer to every write. */
export async function timelineReply(record: CaseRecord, request: CardRequest, context: BotContext, lead?: string): Promise<Reply> {
  const today = londonDateOf(request.receivedAt);
  const [obligations, events] = await Promise.all([context.cases.obligationsOf(record, today), context.cases.eventsOf(record.id)]);
  // Open items first (overdue ones at the top), then what is done, most recent first.
  const open = obligations.filter((obligation) => obligation.status !== 'done');
  const done = obligations.filter((obligation) => obligation.status === 'done').reverse();
  const policy = context.policies.find((candidate) => candidate.authority.id === record.authorityId);
  const view: TimelineView = {
    reference: record.reference,
    initials: record.initials,
    summary: [
      policy?.authority.name ?? record.authorityId,
      `team ${record.team}`,
      record.status === 'closed' ? `closed ${formatLongDate(record.closedOn ?? today)}` : `open since ${formatLongDate(record.openedOn)}`,
    ].join(' \u00b7 '),
    obligations: [...open, ...done].map((obligation) => ({
      status: STATUS_WORDS[obligation.status],
      overdue: obligation.status === 'overdue',
      dueOn: obligation.status === 'done' && obligation.doneOn ? `${formatLongDate(obligation.dueOn)} (done ${formatLongDate(obligation.doneOn)})` : formatLongDate(obligation.dueOn),
      requires: obligation.requires,
      source: `${obligation.ruleId} \u00b7 ${obligation.citation.section}`,
    })),
    events: [...events]
      .sort((left, right) => compareLocalDates(right.event.on, left.event.on))
      .map((recorded) => ({ id: recorded.id, on: formatLongDate(recorded.event.on), what: eventWords(recorded.event) })),
    calendarUrl: context.downloadLink({ kind: 'case-calendar', tenantId: record.tenantId, userId: request.asker.userId, caseReference: record.reference }),
  };
  const text = [
    ...(lead ? [lead] : []),
    `${record.reference} (${view.summary})`,
    ...(open.length === 0 ? ['Nothing is due.'] : open.map((obligation) => `- ${STATUS_WORDS[obligation.status]}: ${formatLongDate(obligation.dueOn)}: ${obligation.requires}`)),
  ].join('\n');
  return { messages: [{ text, card: timelineCard(view) }] };
}

function eventWords(event: { readonly kind: keyof typeof EVENT_LABELS; readonly reviewOn?: LocalDate; readonly expiresOn?: LocalDate }): string {
  const label = EVENT_LABELS[event.kind].replace(/ \(give the .*\)$/, '');
  if (event.reviewOn) return `${label}, for ${formatLongDate(event.reviewOn)}`;
  if (event.expiresOn) return `${label}, expiring ${formatLongDate(event.expiresOn)}`;
  return label;
}
