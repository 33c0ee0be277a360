import type { ReminderIntent } from './plan-reminders.js';

/**
 * The outbox's idempotency key for a reminder on a case: case, rule, due date, kind and send day. The send
 * day is part of it because weekly overdue reminders share the rest; a due date that moves (a review held
 * early, an event corrected) gives new keys, so the old ones are simply never planned again.
 *
 * @example
 * reminderKeyFor('42', { ruleId: 'slough.visit.at-most-four-weeks-apart', dueOn: '2026-12-25', kind: 'due-today', sendOn: '2026-12-24' })
 * //=> '42|slough.visit.at-most-four-weeks-apart|2026-12-25|due-today|2026-12-24'
 */
export function reminderKeyFor(caseId: string, intent: Pick<ReminderIntent, 'ruleId' | 'dueOn' | 'kind' | 'sendOn'>): string {
  return [caseId, intent.ruleId, intent.dueOn, intent.kind, intent.sendOn].join('|');
}
