import type { EventKind } from '../../domain/cases/event-kinds.js';
import type { Pathway } from '../../domain/policy/schema.js';

/** What a message says happened, in the words workers use; each needs a past or booked form, not a question. */
const EVENT_PATTERNS: readonly (readonly [EventKind, RegExp])[] = [
  ['plan-decision', /\bdecided\b|\bdecision\b|\bplan (?:is |was |would be )?(?:needed|required|necessary)\b/],
  ['case-opened', /\b(case|child) (was |were |has been |had been |been |is )?(opened|open)\b|\bopened to\b|\bopen to (the )?(children|social)/],
  ['referral-received', /\breferr(al|ed)\b/],
  ['assessment-started', /assessment (was |has )?(started|began|begun|commenced|opened)|\bstart(ed|ing|s)? (the |an? |our )?(child and family )?assessment|assessment start/],
  ['assessment-completed', /assessment (was |has been )?(completed|finished|signed off|authori[sz]ed|done|concluded)|\bcomplet\w* (the |an? |our )?(child and family )?assessment/],
  ['plan-started', /plan (was |has been )?(began|begun|started|start|starts|agreed|established|made|commenced|put in place)\b|\b(started|agreed|established) (the |a )?(initial )?(cin )?plan(?! (is |was |would be )?(needed|required|necessary)\b)|plan start/],
  ['cp-plan-ended', /child protection plan (was |has )?(ended|closed|finished|stopped|came to an end)|\b(ended|came off) (the |a |their )?child protection plan|step(ped)? down from child protection|\bstep(ped|ping|s)? down (to|into) (a )?cin\b/],
  ['returned-from-care', /\breturn\w* home\b|\bc(a|o)me (back )?home\b|\bhome from care\b|returned from care|discharged from care|\bleft care\b|ceased to be looked after|no longer looked after/],
  ['initial-meeting-held', /\b(initial|first)\b[\w ]{0,40}\bmeeting (was |took place |happened )?(held|on|took place|happened)\b|\b(initial|first)\b[\w ]{0,40}\bmeeting was\b|intervention planning meeting (was |took place )?(on|held)/],
  ['review-held', /\b(review|meeting)s? (was |were )?(held|took place|happened)\b|\blast (cin |network )?(review|meeting)\b|\b(reviewed|met) on\b/],
  ['review-booked', /\bbooked\b|\bscheduled\b|\barranged for\b|\bplanned for\b|\bdue to be held\b|\bwill be (held )?on\b/],
  ['review-cancelled', /\bcancel/],
  ['visit-made', /\bvisited\b|\blast (home |statutory |cin |child )?visit\b|\bvisit (was|took place|happened)\b|\bsaw the child\b/],
  ['moved-in', /\bmoved (in|into|here)\b|\bmoving (in|into|here)\b|\bbecame resident\b|\bresident (in|since|here)\b|\barrived in\b|\b(living|lives|lived|settled) (here|in the area|in the borough)\b|\b(living|lives|lived) (here |in \w+ )?since\b|\bnow (living|lives|lived|resident) in\b|\bnew (family )?(to|in) (the area|the borough|\w+)\b/],
  ['moved-out', /\bmoved (out|away|to)\b|\bmoving (out|away|to)\b/],
  ['supervision-order-made', /supervision order (expires|ends|will expire|runs out|expiring|ending)/],
];

/** "Review on 3 June": held if the date has passed, booked if it is still to come. */
const REVIEW_ON_A_DATE = /\b(review|meeting) (is |was )?on\b/;

/**
 * The events a message says happened (or, for a review, are booked).
 *
 * @example
 * eventsIn('the 6 week review took place on 16 march 2026', false) //=> ['review-held']
 * eventsIn('camden review on 3 june 2026: when does the report go to the family?', true) //=> ['review-booked']
 */
export function eventsIn(normalisedText: string, dateIsAhead: boolean): EventKind[] {
  const found = EVENT_PATTERNS.filter(([, pattern]) => pattern.test(normalisedText)).map(([kind]) => kind);
  const saysWhichReview = ['review-held', 'review-booked', 'review-cancelled'].some((kind) => found.includes(kind as EventKind));
  if (!saysWhichReview && REVIEW_ON_A_DATE.test(normalisedText)) found.push(dateIsAhead ? 'review-booked' : 'review-held');
  return found;
}

/** "Not a direct payments case", "no supervision order": a pathway named only to say it does not apply. */
const NOT_ON_A_PATHWAY = /\b(not|no|isn'?t|is not|never|without)( on| under| in)?( an?| the)? (direct payments?|supervision order|disabled)( case| procedure| pathway)?\b/g;

/** "Not an extension", "not complex", "no exceptional circumstances": the exception named only to say it does not apply. */
const NOT_AN_EXCEPTION = /\b(not|no|isn'?t|is not|never|without)( an?| the| any)? (extension|extended|extra time|further time|complex(ity)?|exceptional( circumstances)?)( case)?\b/g;

/** The message without a pathway or an exception it names only to say it does not apply, so its words count for nothing. */
export function withoutNegatedPathways(normalisedText: string): string {
  return normalisedText.replace(NOT_ON_A_PATHWAY, ' ').replace(NOT_AN_EXCEPTION, ' ');
}

/** A pathway the message names, which changes which rules apply. */
export function pathwayIn(normalisedText: string): Pathway | undefined {
  const named = withoutNegatedPathways(normalisedText);
  if (/\bdirect payments?\b/.test(named)) return 'direct-payments';
  if (/supervision order/.test(named)) return 'supervision-order';
  // ICDDS is a disabled children's service; only some of its cases are under the Direct Payments procedure. A child
  // with special educational needs (an EHC plan) is one the documents place with their disabled children's services.
  if (/\bdisabled\b|\bdisabilit(y|ies)\b(?! service)|\bcwd\b|apple ?trees|\bicdds\b|\bsen\b|\behcp?\b|special educational needs|education,? health and care plan/.test(named)) return 'disabled-children';
  return undefined;
}
