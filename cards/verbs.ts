/**
 * Every Action.Execute verb a card can send, named `<noun>.<act>`. bot/routes.ts routes each one, and
 * tests/cards/verbs.test.ts checks that the templates use exactly these.
 */
export const VERBS = {
  chooseAuthority: 'authority.choose',
  createCase: 'case.create',
  openRecordForm: 'event.open-form',
  recordEvent: 'event.record',
  openCase: 'case.open',
  recordReminderDone: 'reminder.record-done',
  acknowledgeReminder: 'reminder.acknowledge',
  snoozeReminder: 'reminder.snooze',
} as const;
