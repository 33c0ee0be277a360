import { compareLocalDates, type LocalDate } from '../dates/local-date.js';
import type { ReminderIntent, ReminderKind } from './plan-reminders.js';

/** A reminder once bot/ has found the person its role means on the case (and added whatever the card needs). */
export type AddressedReminder = ReminderIntent & { readonly recipientId: string };

/** Everything one person is to be told on one day, as one card. */
export interface Digest<R extends AddressedReminder> {
  readonly recipientId: string;
  readonly sendOn: LocalDate;
  readonly reminders: readonly R[];
}

// What has already gone wrong comes first; what is merely coming up is ordered by its due date alone.
const URGENCY: Record<ReminderKind, number> = { escalation: 0, overdue: 1, 'transfer-out': 1, 'due-today': 2, 'before-due': 2 };

/**
 * Groups reminders into one digest per recipient and send day: escalations first, then overdue items (the
 * longest overdue first in each), then the rest by soonest due date. Ties keep the order given, so a caller
 * that sorts its cases keeps that order within a day.
 *
 * @example
 * digestsFor([
 *   { recipientId: 'u1', sendOn: '2026-12-29', kind: 'before-due', dueOn: '2027-01-06', … },
 *   { recipientId: 'u1', sendOn: '2026-12-29', kind: 'overdue', dueOn: '2026-12-24', … },
 * ])
 * //=> [{ recipientId: 'u1', sendOn: '2026-12-29', reminders: [overdue 24 Dec, before-due 6 Jan] }]
 */
export function digestsFor<R extends AddressedReminder>(reminders: readonly R[]): Digest<R>[] {
  const groups = new Map<string, R[]>();
  for (const reminder of reminders) {
    const key = `${reminder.sendOn}|${reminder.recipientId}`;
    groups.set(key, [...(groups.get(key) ?? []), reminder]);
  }
  return [...groups.values()]
    .map((group) => {
      const [first] = group as [R, ...R[]];
      return { recipientId: first.recipientId, sendOn: first.sendOn, reminders: [...group].sort(byUrgency) };
    })
    .sort((left, right) => compareLocalDates(left.sendOn, right.sendOn) || left.recipientId.localeCompare(right.recipientId));
}

function byUrgency(left: ReminderIntent, right: ReminderIntent): number {
  return URGENCY[left.kind] - URGENCY[right.kind] || compareLocalDates(left.dueOn, right.dueOn);
}
