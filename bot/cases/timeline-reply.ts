import { compareLocalDates, formatLongDate, londonDateOf, type LocalDate } from '../../domain/dates/local-date.js';
import { earliestDatesOn, type Obligation, type ObligationStatus } from '../../domain/cases/timeline.js';
import { policyFor } from '../../domain/policy/registry.js';
import { timelineCard, type TimelineView } from '../../cards/timeline-card.js';
import type { BotContext, CardRequest } from '../handlers/context.js';
import type { Reply } from '../ports.js';
import type { CaseRecord } from '../store/cases.js';
import { EVENT_LABELS } from './event-labels.js';

const STATUS_WORDS: Readonly<Record<ObligationStatus, string>> = {
  overdue: 'Overdue',
  'due-today': 'Due today',
  upcoming: 'Upcoming',
  done: 'Done',
};

/** The timeline of `record` on the asker's day, as a card and as text; also the answer to every write. */
export async function timelineReply(record: CaseRecord, request: CardRequest, context: BotContext, lead?: string): Promise<Reply> {
  const today = londonDateOf(request.receivedAt);
  const [obligations, events] = await Promise.all([context.cases.obligationsOf(record, today), context.cases.eventsOf(record.id)]);
  // Open items first (overdue ones at the top), then what is done, most recent first.
  const open = obligations.filter((obligation) => obligation.status !== 'done');
  const done = obligations.filter((obligation) => obligation.status === 'done').reverse();
  const policy = policyFor(record.authorityId, context.policies);
  const earliest = policy.ok && record.status !== 'closed' ? earliestDatesOn({ authorityId: record.authorityId, pathways: record.pathways, events: events.map((recorded) => recorded.event) }, policy.value, context.calendar) : [];
  const view: TimelineView = {
    reference: record.reference,
    initials: record.initials,
    summary: [
      policy.ok ? policy.value.authority.name : record.authorityId,
      `team ${record.team}`,
      record.status === 'closed' ? `closed ${formatLongDate(record.closedOn ?? today)}` : `open since ${formatLongDate(record.openedOn)}`,
    ].join(' \u00b7 '),
    obligations: [
      ...open.map(obligationLine),
      ...earliest.map((entry) => ({
        status: 'From',
        overdue: false,
        dueOn: `from ${formatLongDate(entry.from)}`,
        requires: `${entry.requires} (the earliest date, not a deadline)`,
        source: `Source: ${entry.citation.section}`,
      })),
      ...done.map(obligationLine),
    ],
    events: [...events]
      .sort((left, right) => compareLocalDates(right.event.on, left.event.on))
      .map((recorded) => ({ id: recorded.id, on: formatLongDate(recorded.event.on), what: eventWords(recorded.event) })),
    calendarUrl: context.downloadLink({ kind: 'case-calendar', tenantId: record.tenantId, userId: request.asker.userId, caseReference: record.reference }),
  };
  // One line: what notifications and card-less clients show. The list itself is on the card only (issue 14, item 6).
  const text = [...(lead ? [lead] : []), `${record.reference} (${view.summary}): ${nextWords(open, earliest.length)}`].join(' ');
  return { messages: [{ text, card: timelineCard(view) }] };
}

/** The soonest open item and how many more the card lists, or that nothing is due. */
function nextWords(open: readonly Obligation[], earliestCount: number): string {
  const [first] = open;
  if (!first) return earliestCount === 0 ? 'Nothing is due.' : `Nothing is due; the card shows ${earliestCount === 1 ? 'an earliest date' : 'earliest dates'}.`;
  const more = open.length - 1 + earliestCount;
  return `${STATUS_WORDS[first.status]} ${dueWords(first)}: ${first.requires}.${more === 0 ? '' : ` The card lists ${more} more.`}`;
}

function obligationLine(obligation: Obligation): TimelineView['obligations'][number] {
  return {
    status: STATUS_WORDS[obligation.status],
    overdue: obligation.status === 'overdue',
    dueOn: obligation.status === 'done' && obligation.doneOn ? `${dueWords(obligation)} (done ${formatLongDate(obligation.doneOn)})` : dueWords(obligation),
    requires: requiresWords(obligation),
    source: `Source: ${obligation.citation.section}`,
  };
}

/** An outer limit is the last possible day, not a target; a trigger's date is the next review after it. */
function dueWords(obligation: Obligation): string {
  if (obligation.dueIs === 'outer-limit') return `before ${formatLongDate(obligation.dueOn)} (the outer limit)`;
  return formatLongDate(obligation.dueOn);
}

/** What is owed, with the document's other figure or the trigger date where there is one. */
function requiresWords(obligation: Obligation): string {
  const conflict = obligation.conflict
    ? ` The document also gives ${formatLongDate(obligation.conflict.dueOn)} (${obligation.conflict.citation.section}); the stricter date is followed.`
    : '';
  const trigger = obligation.triggeredOn ? ` Applies from ${formatLongDate(obligation.triggeredOn)}: owed at the next review after it.` : '';
  return conflict || trigger ? `${obligation.requires}.${conflict}${trigger}` : obligation.requires;
}

function eventWords(event: { readonly kind: keyof typeof EVENT_LABELS; readonly reviewOn?: LocalDate; readonly expiresOn?: LocalDate }): string {
  const label = EVENT_LABELS[event.kind].replace(/ \(give the .*\)$/, '');
  if (event.reviewOn) return `${label}, for ${formatLongDate(event.reviewOn)}`;
  if (event.expiresOn) return `${label}, expiring ${formatLongDate(event.expiresOn)}`;
  return label;
}
