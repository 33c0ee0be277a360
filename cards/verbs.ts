/**
 * Every Action.Execute verb a card can send, named `<noun>.<act>`. bot/routes.ts routes each one, and
 * tests/cards/verbs.test.ts checks that the templates use exactly these.
 */
export const VERBS = {
  chooseAuthority: 'authority.choose',
  chooseRule: 'question.choose',
  createCase: 'case.create',
  openRecordForm: 'event.open-form',
  recordEvent: 'event.record',
  openCase: 'case.open',
  recordReminderDone: 'reminder.record-done',
  acknowledgeReminder: 'reminder.acknowledge',
  snoozeReminder: 'reminder.snooze',
  openPlan: 'plan.open',
  savePlanDraft: 'plan.save-draft',
  addPlanAction: 'plan.add-action',
  removePlanAction: 'plan.remove-action',
  agreePlan: 'plan.agree',
  showPlanVersion: 'plan.show-version',
  comparePlanVersions: 'plan.compare',
  recordPlanReview: 'plan.review',
  saveClosureRequest: 'closure.save',
  sendClosureRequest: 'closure.send',
  approveClosure: 'closure.approve',
  returnClosure: 'closure.return',
  refreshClosure: 'closure.refresh',
} as const;

export type CardVerb = (typeof VERBS)[keyof typeof VERBS];
