import ical, { type VEvent } from 'node-ical';
import { describe, expect, it } from 'vitest';
import { caseCalendar } from '../../../bot/downloads/case-calendar.js';
import type { CaseEvent } from '../../../domain/cases/case-events.js';
import { obligationsOn, type Obligation } from '../../../domain/cases/timeline.js';
import type { LocalDate } from '../../../domain/dates/local-date.js';
import { policyFor } from '../../../domain/policy/registry.js';
import { calendar } from '../../helpers/policy.js';

const on = (date: string) => date as LocalDate;
const GENERATED_AT = new Date('2026-03-10T09:00:00Z');

function redbridgeObligations(events: readonly CaseEvent[], today: string): Obligation[] {
  const policy = policyFor('redbridge');
  if (!policy.ok) throw new Error('no Redbridge policy');
  return obligationsOn({ authorityId: 'redbridge', pathways: [], events }, on(today), policy.value, calendar);
}

const PLAN_DECIDED = [{ kind: 'plan-decision', on: on('2026-03-09') /* Mon */ }] as const satisfies readonly CaseEvent[];
const MEETING_HELD = [...PLAN_DECIDED, { kind: 'initial-meeting-held', on: on('2026-03-27') /* Fri */ }] as const satisfies readonly CaseEvent[];

/** The content lines, folded lines joined again (RFC 5545 §3.1). */
const linesOf = (ics: string) => ics.replace(/\r\n[ \t]/g, '').split('\r\n');

function eventsOf(ics: string): VEvent[] {
  return Object.values(ical.sync.parseICS(ics)).filter((component): component is VEvent => component?.type === 'VEVENT');
}

describe('caseCalendar', () => {
  it('puts the initial meeting on Monday 30 March, 15 working days after the plan decision of Monday 9 March', () => {
    const ics = caseCalendar('AB12', redbridgeObligations(PLAN_DECIDED, '2026-03-10'), { generatedAt: GENERATED_AT });
    expect(linesOf(ics)).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'CALSCALE:GREGORIAN',
      'PRODID:cin-assistant',
      'METHOD:PUBLISH',
      'X-WR-CALNAME:AB12 deadlines',
      'X-PUBLISHED-TTL:PT1H',
      'BEGIN:VEVENT',
      'UID:AB12.redbridge.initial-meeting.convene.20260330@cin-assistant',
      'SUMMARY:AB12: Convene the initial CiN meeting that develops the CiN Plan',
      'DTSTAMP:20260310T090000Z',
      'DTSTART;VALUE=DATE:20260330',
      'DTEND;VALUE=DATE:20260331',
      'DESCRIPTION:Rule: redbridge.initial-meeting.convene\\nSource: 3. Initial CiN Meetings and Subsequent Reviews\\n' +
        '"The meeting is arranged by the allocated social worker and should be convened within 15 working days of the decision that a CiN Plan is required."\\n' +
        'Worked out by CiN Assistant\\; check the case before acting.',
      'STATUS:CONFIRMED',
      'CATEGORIES:CiN deadline',
      'X-MICROSOFT-CDO-BUSYSTATUS:FREE',
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ]);
  });

  it('writes CRLF lines folded at 75 characters, as RFC 5545 asks', () => {
    const ics = caseCalendar('AB12', redbridgeObligations(MEETING_HELD, '2026-04-20'), { generatedAt: GENERATED_AT });
    const physicalLines = ics.split('\r\n');
    expect(physicalLines.every((line) => !line.includes('\n') && line.length <= 75)).toBe(true);
  });

  it('leaves out what is done and keeps what is overdue, marked as such', () => {
    // Meeting held Fri 27 March: the convene obligation is done; copies of the plan were due 10 working days
    // later, Tue 14 April (Good Friday 3 and Easter Monday 6 April skipped), so on Mon 20 April they are overdue.
    const ics = caseCalendar('AB12', redbridgeObligations(MEETING_HELD, '2026-04-20'), { generatedAt: new Date('2026-04-20T08:00:00Z') });
    const lines = linesOf(ics);
    expect(lines.filter((line) => line.startsWith('UID:'))).toEqual(['UID:AB12.redbridge.plan-circulation.send-copies.20260414@cin-assistant']);
    expect(lines).toContain('DTSTART;VALUE=DATE:20260414');
    expect(lines).toContain('CATEGORIES:CiN deadline,Overdue');
    expect(lines.find((line) => line.startsWith('DESCRIPTION:'))).toContain('\\nOverdue when this file was made (Monday 20 April 2026).\\n');
  });

  it('parses as iCalendar: one all-day event per open deadline, with its title, source and notice', () => {
    const ics = caseCalendar('AB12', redbridgeObligations(PLAN_DECIDED, '2026-03-10'), { generatedAt: GENERATED_AT });
    const [event, ...others] = eventsOf(ics);
    expect(others).toEqual([]);
    expect(event?.uid).toBe('AB12.redbridge.initial-meeting.convene.20260330@cin-assistant');
    expect(event?.summary).toBe('AB12: Convene the initial CiN meeting that develops the CiN Plan');
    expect(event?.datetype).toBe('date');
    // node-ical gives a date-only start as local midnight, whatever the zone.
    expect([event?.start?.getFullYear(), event?.start?.getMonth(), event?.start?.getDate()]).toEqual([2026, 2, 30]);
    expect(String(event?.description).split('\n')).toEqual([
      'Rule: redbridge.initial-meeting.convene',
      'Source: 3. Initial CiN Meetings and Subsequent Reviews',
      '"The meeting is arranged by the allocated social worker and should be convened within 15 working days of the decision that a CiN Plan is required."',
      'Worked out by CiN Assistant; check the case before acting.',
    ]);
  });

  it('carries the case reference only, never anything else about the child', () => {
    const ics = caseCalendar('AB12', redbridgeObligations(MEETING_HELD, '2026-04-20'), { generatedAt: GENERATED_AT });
    for (const event of eventsOf(ics)) expect(String(event.summary)).toMatch(/^AB12: /);
    expect(ics).not.toMatch(/initials|A\.B\./i);
  });

  it('gives each deadline the same UID however often the file is made, so a re-import updates it', () => {
    const uids = (ics: string) => linesOf(ics).filter((line) => line.startsWith('UID:'));
    const first = caseCalendar('AB12', redbridgeObligations(PLAN_DECIDED, '2026-03-10'), { generatedAt: GENERATED_AT });
    // A week later, still before 30 March: same deadline, same UID, a newer DTSTAMP.
    const again = caseCalendar('AB12', redbridgeObligations(PLAN_DECIDED, '2026-03-17'), { generatedAt: new Date('2026-03-17T09:00:00Z') });
    expect(uids(again)).toEqual(uids(first));
    expect(linesOf(again)).toContain('DTSTAMP:20260317T090000Z');
    // Another case, or the same rule due on another day, is another event.
    expect(uids(caseCalendar('CD34', redbridgeObligations(PLAN_DECIDED, '2026-03-10'), { generatedAt: GENERATED_AT }))).toEqual([
      'UID:CD34.redbridge.initial-meeting.convene.20260330@cin-assistant',
    ]);
    const laterDecision = [{ kind: 'plan-decision', on: on('2026-03-10') /* Tue */ }] as const satisfies readonly CaseEvent[];
    expect(uids(caseCalendar('AB12', redbridgeObligations(laterDecision, '2026-03-10'), { generatedAt: GENERATED_AT }))).toEqual([
      'UID:AB12.redbridge.initial-meeting.convene.20260331@cin-assistant',
    ]);
  });

  it('is an empty calendar, still valid, when nothing is owed', () => {
    const ics = caseCalendar('AB12', [], { generatedAt: GENERATED_AT });
    expect(linesOf(ics)).not.toContain('BEGIN:VEVENT');
    expect(eventsOf(ics)).toEqual([]);
    expect(ical.sync.parseICS(ics).vcalendar).toBeDefined();
  });
});
