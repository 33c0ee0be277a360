import { describe, expect, it } from 'vitest';
import type { LocalDate } from '../../../domain/dates/local-date.js';
import { digestsFor, type AddressedReminder } from '../../../domain/reminders/digest.js';
import type { ReminderKind } from '../../../domain/reminders/plan-reminders.js';

type Addressed = AddressedReminder & { readonly caseId: string };

const reminder = (recipientId: string, sendOn: string, kind: ReminderKind, dueOn: string, caseId: string): Addressed => ({
  recipientId,
  caseId,
  kind,
  ruleId: 'camden.review.every-three-months',
  dueOn: dueOn as LocalDate,
  sendOn: sendOn as LocalDate,
  recipient: kind === 'escalation' ? 'manager' : 'worker',
  responsible: 'worker',
});
const summary = (reminders: readonly Addressed[]) => reminders.map(({ kind, dueOn, caseId }) => `${kind} ${dueOn} ${caseId}`);

describe('digestsFor', () => {
  it('gives one digest per person per day: escalations, then overdue items longest overdue first, then soonest due', () => {
    const digests = digestsFor([
      reminder('worker-1', '2026-12-29', 'before-due', '2027-01-06', 'A'),
      reminder('worker-1', '2026-12-29', 'overdue', '2026-12-24', 'B'),
      reminder('manager-1', '2026-12-29', 'escalation', '2026-12-24', 'B'),
      reminder('worker-1', '2026-12-29', 'due-today', '2026-12-29', 'C'),
      reminder('worker-1', '2026-12-29', 'overdue', '2026-12-01', 'D'),
      reminder('worker-1', '2026-12-29', 'before-due', '2027-01-05', 'E'),
      reminder('manager-1', '2026-12-29', 'before-due', '2027-01-05', 'F'),
      reminder('worker-1', '2026-12-30', 'due-today', '2026-12-30', 'G'),
      reminder('manager-1', '2026-12-29', 'escalation', '2026-12-18', 'H'),
    ]);
    expect(digests.map(({ recipientId, sendOn, reminders }) => ({ recipientId, sendOn, reminders: summary(reminders) }))).toEqual([
      {
        recipientId: 'manager-1',
        sendOn: '2026-12-29',
        reminders: ['escalation 2026-12-18 H', 'escalation 2026-12-24 B', 'before-due 2027-01-05 F'],
      },
      {
        recipientId: 'worker-1',
        sendOn: '2026-12-29',
        reminders: ['overdue 2026-12-01 D', 'overdue 2026-12-24 B', 'due-today 2026-12-29 C', 'before-due 2027-01-05 E', 'before-due 2027-01-06 A'],
      },
      { recipientId: 'worker-1', sendOn: '2026-12-30', reminders: ['due-today 2026-12-30 G'] },
    ]);
  });

  it('keeps the given order between reminders equally urgent', () => {
    const [digest] = digestsFor([
      reminder('worker-1', '2026-12-29', 'before-due', '2027-01-05', 'Z'),
      reminder('worker-1', '2026-12-29', 'before-due', '2027-01-05', 'A'),
    ]);
    expect(summary(digest?.reminders ?? [])).toEqual(['before-due 2027-01-05 Z', 'before-due 2027-01-05 A']);
  });

  it('makes no digest from no reminders', () => {
    expect(digestsFor([])).toEqual([]);
  });
});
