import type { AdaptiveCardJson } from './adaptive-card-json.js';
import { bindCard } from './bind.js';
import template from './templates/plan-review.json' with { type: 'json' };

/** The input ids of the review card's per-action rows. */
export const reviewInputIds = {
  progress: (row: number) => `progress-${row}`,
  note: (row: number) => `progress-${row}-note`,
};

/** A review of the current plan: progress per action, views, agreement, decision, each with its problem. */
export interface PlanReviewView {
  readonly caseReference: string;
  readonly authorityName: string;
  readonly version: number;
  readonly agreedOn: string;
  readonly formError: string;
  readonly heldOn: string;
  readonly heldOnError: string;
  readonly actions: readonly { readonly title: string; readonly action: string; readonly who: string; readonly progress: string; readonly note: string; readonly error: string }[];
  readonly progressChoices: readonly { readonly title: string; readonly value: string }[];
  readonly childViews: string;
  readonly childViewsError: string;
  readonly familyViews: string;
  readonly familyViewsError: string;
  readonly agreement: string;
  readonly decision: string;
  readonly decisionError: string;
  readonly decisionChoices: readonly { readonly title: string; readonly value: string }[];
}

/**
 * The review card (verb `plan.review`). A refused submission comes back as this card with the input kept.
 *
 * @example
 * planReviewCard({ caseReference: 'AB12', authorityName: 'Camden', version: 1, agreedOn: 'Friday 27 March 2026', actions: [ … ], … })
 * //=> { type: 'AdaptiveCard', version: '1.5', body: [ … ] }
 */
export function planReviewCard(view: PlanReviewView): AdaptiveCardJson {
  return bindCard(template, {
    ...view,
    versionText: String(view.version),
    rowCount: view.actions.length,
    hasFormError: view.formError !== '',
    hasHeldOnError: view.heldOnError !== '',
    hasChildViewsError: view.childViewsError !== '',
    hasFamilyViewsError: view.familyViewsError !== '',
    hasDecisionError: view.decisionError !== '',
    actions: view.actions.map((row, index) => ({
      ...row,
      progressId: reviewInputIds.progress(index),
      noteId: reviewInputIds.note(index),
      hasProgressError: row.error !== '',
      progressError: row.error,
    })),
  });
}
