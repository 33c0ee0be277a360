import type { EventKind } from '../cases/event-kinds.js';
import type { OffsetUnit } from '../timescales/offset.js';
import type { Topic } from './schema.js';

/**
 * The words that make a procedure's sentence state a timescale, a frequency, a deadline or who decides. Data
 * only, kept apart from the detector so it can later share the question reader's vocabulary (the words people
 * use to ask about the same things) instead of keeping a second list.
 */

/** Figures written as words ("within five working days", "every three months"). */
export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  fifteen: 15, twenty: 20, thirty: 30, 'forty-five': 45, 'twenty-eight': 28,
};

/** Each unit's words, the longest first so "working days" is read before "days". */
export const UNIT_WORDS: readonly { readonly unit: Exclude<OffsetUnit, 'dayNumber'>; readonly words: readonly string[] }[] = [
  { unit: 'workingDays', words: ['working days', 'working day', 'business days', 'business day'] },
  { unit: 'days', words: ['calendar days', 'days', 'day'] },
  { unit: 'weeks', words: ['weeks', 'week', 'weekly'] },
  { unit: 'months', words: ['months', 'month', 'monthly'] },
];

/** "By day 15", "from day 10 of the assessment": a day number, not a length. */
export const DAY_NUMBER_WORDS: readonly string[] = ['by day', 'from day', 'on day', 'at day'];

/** Words that make a figure a frequency: it recurs. */
export const FREQUENCY_WORDS: readonly string[] = ['every', 'each', 'intervals', 'interval', 'frequency', 'weekly', 'monthly', 'fortnightly', 'thereafter'];

/** Words that set a deadline without a figure of their own, or that bound a figure. */
export const DEADLINE_WORDS: readonly string[] = ['within', 'no later than', 'at least', 'before', 'prior to', 'by the time', 'in a timely way', 'deadline', 'maximum', 'no more than', 'no less than'];

/** Words after a figure that make it count back from its anchor. */
export const BEFORE_WORDS: readonly string[] = ['before', 'prior to', 'ahead of'];

/** Verbs of deciding, and the people who decide, as procedures write them. */
export const DECIDING_WORDS: readonly string[] = ['decide', 'decides', 'decided', 'decision', 'authorise', 'authorises', 'authorised', 'authorisation', 'approve', 'approves', 'approved', 'ratified', 'sign off', 'signed off', 'agreed by', 'chaired by', 'chair', 'endorse', 'endorsed', 'determine', 'determines'];
export const DECIDING_ROLES: readonly string[] = ['manager', 'senior practitioner', 'iro', 'independent reviewing officer', 'chair', 'head of service', 'csw', 'consultant social worker', 'conference', 'panel'];

/**
 * Words near a timescale that name the event it counts from; the first that matches wins. A `named` event is
 * distinctive enough to be the anchor wherever in the sentence it is named.
 */
export const ANCHOR_WORDS: readonly { readonly words: readonly string[]; readonly event: EventKind; readonly named?: true }[] = [
  { words: ['discharged from care', 'returned home'], event: 'returned-from-care', named: true },
  { words: ['protection plan', 'cp plan'], event: 'cp-plan-ended', named: true },
  { words: ['supervision order', 'order expires'], event: 'supervision-order-made', named: true },
  { words: ['resident', 'moving into', 'moved into'], event: 'moved-in', named: true },
  { words: ['decision that', 'decision'], event: 'plan-decision' },
  { words: ['referred', 'referral'], event: 'referral-received', named: true },
  { words: ['assessment has been completed', 'completion of the assessment', 'assessment is completed', 'assessment'], event: 'assessment-completed' },
  { words: ['cancelled'], event: 'review-cancelled' },
  { words: ['scheduled review', 'review meeting', 'date of the review'], event: 'review-booked' },
  { words: ['initial'], event: 'initial-meeting-held' },
  { words: ['review', 'meeting'], event: 'review-held' },
  { words: ['visit'], event: 'visit-made' },
  { words: ['being open', 'open', 'opened'], event: 'case-opened' },
  { words: ['plan'], event: 'plan-started' },
];

/**
 * Words of a timescale sentence that say what it is about; the first that matches wins. `countsFrom` is the
 * event the timescale counts from when the sentence names none ("minutes within 5 working days").
 */
export const TOPIC_WORDS: readonly { readonly words: readonly string[]; readonly topic: Topic; readonly fulfilledBy: EventKind; readonly countsFrom?: EventKind }[] = [
  { words: ['invitation'], topic: 'review-invitations', fulfilledBy: 'invitations-sent' },
  { words: ['minutes', 'review form', 'record of the'], topic: 'minutes-circulation', fulfilledBy: 'minutes-circulated', countsFrom: 'review-held' },
  { words: ['copies of the plan', 'copy of the plan', 'circulated', 'distributed'], topic: 'plan-circulation', fulfilledBy: 'plan-circulated', countsFrom: 'initial-meeting-held' },
  { words: ['report'], topic: 'review-report', fulfilledBy: 'report-shared' },
  { words: ['cancelled'], topic: 'cancelled-review', fulfilledBy: 'review-held' },
  { words: ['visit'], topic: 'visit', fulfilledBy: 'visit-made', countsFrom: 'visit-made' },
  { words: ['assessment should be', 'assessments should be', 'assessment will be'], topic: 'assessment', fulfilledBy: 'assessment-completed', countsFrom: 'assessment-started' },
  { words: ['initial'], topic: 'initial-meeting', fulfilledBy: 'initial-meeting-held' },
  { words: ['review'], topic: 'review', fulfilledBy: 'review-held', countsFrom: 'review-held' },
  { words: ['transfer', 'moving'], topic: 'transfer-in', fulfilledBy: 'transfer-meeting-held' },
  { words: ['supervision'], topic: 'supervision-order', fulfilledBy: 'reflective-supervision-held' },
  { words: ['meeting'], topic: 'initial-meeting', fulfilledBy: 'initial-meeting-held' },
  { words: ['plan'], topic: 'plan-required', fulfilledBy: 'plan-started' },
];
