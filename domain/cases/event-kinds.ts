import { z } from 'zod';

/**
 * What can happen on a case, in the procedures' words, each with the noun phrase an answer uses after "after"
 * or "from". Policy rules name these as their anchors (the event a timescale counts from) and as what fulfils
 * them.
 */
export const EVENT_KINDS = {
  'case-opened': 'the case being opened to the social work team',
  'referral-received': 'the referral',
  'assessment-started': 'the start of the child and family assessment',
  'assessment-completed': 'the completion of the child and family assessment',
  'assessment-updated': 'the last update of the assessment',
  'outline-plan-completed': 'the initial outline plan being completed',
  'plan-decision': 'the decision that a CiN plan is required',
  'plan-started': 'the start of the CiN plan',
  'initial-meeting-held': 'the initial meeting',
  'review-booked': 'the booked review date',
  'review-held': 'the last review meeting',
  'review-cancelled': 'the cancellation of the review',
  'plan-circulated': 'the plan being circulated',
  'minutes-circulated': 'the minutes or review record being circulated',
  'invitations-sent': 'the review invitations being sent',
  'report-shared': 'the updated assessment report being shared',
  'visit-made': 'the last visit',
  'reflective-supervision-held': 'reflective case supervision',
  'oversight-review-held': 'the senior-chaired oversight review',
  'cp-plan-ended': 'the end of the child protection plan',
  'returned-from-care': 'the child\u2019s discharge from care',
  'supervision-order-made': 'the expiry of the supervision order',
  'moved-in': 'the family becoming resident in the area',
  'moved-out': 'the family moving out of the area',
  'transfer-meeting-held': 'the transfer meeting',
  'plan-closed': 'the end of the CiN plan',
} as const satisfies Record<string, string>;

export const EventKindSchema = z.enum(Object.keys(EVENT_KINDS) as [keyof typeof EVENT_KINDS, ...(keyof typeof EVENT_KINDS)[]]);
export type EventKind = z.infer<typeof EventKindSchema>;

/** The event in words: "15 working days after the decision that a CiN plan is required". */
export function eventKindWords(kind: EventKind): string {
  return EVENT_KINDS[kind];
}
