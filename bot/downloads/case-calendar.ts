import { createEvents, type DateArray, type EventAttributes } from 'ics';
import { addCalendarDays } from '../../domain/calendar/add-calendar-days.js';
import type { Obligation } from '../../domain/cases/timeline.js';
import { formatLongDate, londonDateOf, type LocalDate } from '../../domain/dates/local-date.js';

/**
 * A case's open deadlines as an iCalendar file for Outlook: one all-day event per obligation not yet done,
 * overdue ones included since they are still owed. Events carry the case reference, never initials or names,
 * because calendars are shared with colleagues and synced to phones.
 *
 * Each event's UID is fixed by case, rule and due date, so importing a newer file updates the events already
 * there rather than adding copies; a deadline that moves gets a new UID, since it is a different date to keep.
 *
 * @param reference - the case reference, as stored
 * @param obligations - the case's obligations, from `CaseStore.obligationsOf`
 * @param options.generatedAt - when the file is made: its DTSTAMP, which tells Outlook the newer copy
 * @returns the text of the `.ics` file (CRLF lines, long ones folded)
 *
 * @example
 * caseCalendar('AB12', [{ ruleId: 'redbridge.initial-meeting.convene', dueOn: '2026-03-30', status: 'upcoming', … }],
 *   { generatedAt: new Date('2026-03-10T09:00:00Z') })
 * //=> 'BEGIN:VCALENDAR…SUMMARY:AB12: Convene the meeting that develops the CiN Plan…DTSTART;VALUE=DATE:20260330…'
 */
export function caseCalendar(reference: string, obligations: readonly Obligation[], { generatedAt }: { readonly generatedAt: Date }): string {
  const events = obligations.filter((obligation) => obligation.status !== 'done').map((obligation) => eventOf(reference, obligation, generatedAt));
  const calendar = createEvents(events, { productId: 'cin-assistant', calName: `${reference} deadlines` });
  // The library refuses only attributes that break its schema, which would be a bug here, not a user's error.
  if (calendar.error || calendar.value === null) throw new Error(`Calendar for ${reference} not built: ${calendar.error?.message ?? 'no value'}`);
  return calendar.value;
}

function eventOf(reference: string, obligation: Obligation, generatedAt: Date): EventAttributes {
  const overdue = obligation.status === 'overdue';
  const description = [
    `Rule: ${obligation.ruleId}`,
    `Source: ${obligation.citation.section}`,
    `"${obligation.citation.quote}"`,
    ...(overdue ? [`Overdue when this file was made (${formatLongDate(londonDateOf(generatedAt))}).`] : []),
    'Worked out by CiN Assistant; check the case before acting.',
  ].join('\n');
  // DTSTAMP is not in the library's types, though its schema takes it; without it every file would differ.
  const event: EventAttributes & { readonly timestamp: number } = {
    uid: uidOf(reference, obligation),
    title: `${reference}: ${obligation.requires}`,
    description,
    start: dateArrayOf(obligation.dueOn),
    // An all-day event ends (exclusively) the next day; Outlook shows one without DTEND as zero-length.
    end: dateArrayOf(addCalendarDays(obligation.dueOn, 1)),
    timestamp: generatedAt.getTime(),
    status: 'CONFIRMED',
    categories: overdue ? ['CiN deadline', 'Overdue'] : ['CiN deadline'],
    // A deadline is not an appointment: it must not mark the worker busy all day.
    transp: 'TRANSPARENT',
    busyStatus: 'FREE',
  };
  return event;
}

/** Case, rule and due date, in characters a UID carries unescaped everywhere. */
function uidOf(reference: string, obligation: Obligation): string {
  return `${encodeURIComponent(reference.toUpperCase())}.${obligation.ruleId}.${obligation.dueOn.replaceAll('-', '')}@cin-assistant`;
}

function dateArrayOf(date: LocalDate): DateArray {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return [year, month, day];
}
