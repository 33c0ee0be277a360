import { compareLocalDates, formatLongDate, parseLocalDate, type LocalDate } from '../dates/local-date.js';

/** What a review decides for the plan. */
export const REVIEW_DECISIONS = ['continue', 'amend', 'step-down', 'close', 'escalate'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

/** How far each action of the plan has got, as the review finds it. */
export const ACTION_PROGRESS = ['achieved', 'on-track', 'behind', 'not-started'] as const;
export type ActionProgress = (typeof ACTION_PROGRESS)[number];

/** A review of the current plan, as entered on the review card. */
export interface PlanReview {
  readonly heldOn: string;
  /** One per action row of the plan reviewed, in its order. */
  readonly progress: readonly { readonly progress: string; readonly note: string }[];
  readonly childViews: string;
  readonly familyViews: string;
  /** What was agreed, and any disagreement with the reason for it. */
  readonly agreement: string;
  readonly decision: string;
}

export type ReviewField = 'heldOn' | `progress:${number}` | 'childViews' | 'familyViews' | 'decision';

/**
 * What stops a review being recorded on `today` for a case opened on `openedOn`: a meeting date not given, in
 * the future or before the case opened; an action with no progress said; the child's or family's views not
 * recorded; no decision.
 *
 * @example
 * reviewFindingsOn({ heldOn: '2026-05-08', progress: [{ progress: 'on-track', note: '' }], childViews: 'Likes the new routine',
 *   familyViews: '', agreement: '', decision: 'continue' }, '2026-05-08', '2026-03-01')
 * //=> [{ field: 'familyViews', message: 'Record the family\u2019s views: the parents\u2019 or carers\u2019 wishes and feelings.' }]
 */
export function reviewFindingsOn(review: PlanReview, today: LocalDate, openedOn: LocalDate): { readonly field: ReviewField; readonly message: string }[] {
  const findings: { field: ReviewField; message: string }[] = [];
  const heldOn = parseLocalDate(review.heldOn.trim());
  if (!heldOn) findings.push({ field: 'heldOn', message: 'Give the date the review was held.' });
  else if (compareLocalDates(heldOn, today) > 0) findings.push({ field: 'heldOn', message: `${formatLongDate(heldOn)} is after today: record the review once it has been held.` });
  else if (compareLocalDates(heldOn, openedOn) < 0) findings.push({ field: 'heldOn', message: `${formatLongDate(heldOn)} is before the case opened (${formatLongDate(openedOn)}).` });
  review.progress.forEach((row, index) => {
    if (!ACTION_PROGRESS.some((progress) => progress === row.progress)) findings.push({ field: `progress:${index}`, message: 'Say how far this action has got.' });
  });
  if (review.childViews.trim() === '') findings.push({ field: 'childViews', message: 'Record the child\u2019s views and experience, whether or not they were at the meeting.' });
  if (review.familyViews.trim() === '') findings.push({ field: 'familyViews', message: 'Record the family\u2019s views: the parents\u2019 or carers\u2019 wishes and feelings.' });
  if (!REVIEW_DECISIONS.some((decision) => decision === review.decision)) findings.push({ field: 'decision', message: 'Choose what the review decided.' });
  return findings;
}
