import type { PlanActionColumn } from '../policy/schema.js';

/**
 * One action of a CiN plan: what will happen, who is responsible, by when, and the outcome it serves. Dates are
 * kept as typed (`YYYY-MM-DD`, or '' while a draft is unfinished); the checks say when one is not a date.
 */
export type PlanAction = Readonly<Record<PlanActionColumn, string>>;

/** A CiN plan as written: the authority's sections by id, the action rows, and the date of the next review. */
export interface Plan {
  readonly sections: Readonly<Record<string, string>>;
  readonly actions: readonly PlanAction[];
  readonly reviewOn: string;
}

/** The meetings a plan is agreed at: the initial CiN meeting, or a review (network meeting, CiN meeting). */
export const MEETING_KINDS = ['initial-meeting', 'review'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export const EMPTY_ACTION: PlanAction = { action: '', owner: '', dueOn: '', outcome: '' };

/**
 * Whether an action row is still blank (a row added and not yet filled): blank rows are kept in a draft and
 * left out when the plan is checked or agreed.
 *
 * @example
 * isBlankAction({ action: ' ', owner: '', dueOn: '', outcome: '' }) //=> true
 */
export function isBlankAction(action: PlanAction): boolean {
  return Object.values(action).every((value) => value.trim() === '');
}
