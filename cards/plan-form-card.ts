import type { AdaptiveCardJson } from './adaptive-card-json.js';
import { bindCard } from './bind.js';
import template from './templates/plan-form.json' with { type: 'json' };

export type PlanActionColumnName = 'action' | 'owner' | 'dueOn' | 'outcome';

/** The input ids of the plan form: how a submission is read back into a plan. */
export const planInputIds = {
  section: (sectionId: string) => `section-${sectionId}`,
  action: (row: number, column: PlanActionColumnName) => `action-${row}-${column}`,
};

/** The CiN plan form for one case: its authority's sections and action columns, as written so far, with any problems. */
export interface PlanFormView {
  readonly caseReference: string;
  readonly authorityName: string;
  /** Where the plan stands: "New plan", "Draft of version 2, saved …". */
  readonly status: string;
  /** Good news at the top ("Draft saved"), or ''. */
  readonly notice: string;
  /** What stops the plan being agreed, in one sentence at the top, or ''. */
  readonly formError: string;
  readonly sections: readonly { readonly id: string; readonly label: string; readonly value: string; readonly error?: string }[];
  readonly columns: Readonly<Record<PlanActionColumnName, string>>;
  readonly actions: readonly (Readonly<Record<PlanActionColumnName, string>> & { readonly errors: Partial<Record<PlanActionColumnName, string>> })[];
  readonly actionsError: string;
  readonly reviewDateLabel: string;
  readonly reviewOn: string;
  readonly reviewOnError: string;
  readonly meeting: string;
  readonly meetingError: string;
  readonly heldOn: string;
  readonly heldOnError: string;
  readonly meetingChoices: readonly { readonly title: string; readonly value: string }[];
  readonly guidance: readonly { readonly requires: string; readonly section: string }[];
}

/**
 * The plan form (verbs `plan.save-draft`, `plan.add-action`, `plan.remove-action`, `plan.agree`). Every button
 * sends every input, so whatever is pressed, the bot saves what was typed first; a refused agreement comes back
 * as this card with the input kept and the problem beside each field.
 *
 * @example
 * planFormCard({ caseReference: 'AB12', authorityName: 'Camden', status: 'New plan', sections: [], actions: [], … })
 * //=> { type: 'AdaptiveCard', version: '1.5', body: [ … ] }
 */
export function planFormCard(view: PlanFormView): AdaptiveCardJson {
  return bindCard(template, {
    ...view,
    hasNotice: view.notice !== '',
    hasFormError: view.formError !== '',
    hasGuidance: view.guidance.length > 0,
    rowCount: view.actions.length,
    sections: view.sections.map((section) => ({
      inputId: planInputIds.section(section.id),
      label: section.label,
      value: section.value,
      hasError: section.error !== undefined,
      error: section.error ?? '',
    })),
    actions: view.actions.map((row, index) => ({
      index,
      title: `${view.columns.action} ${index + 1}`,
      removeTitle: `Remove ${index + 1}`,
      actionId: planInputIds.action(index, 'action'),
      ownerId: planInputIds.action(index, 'owner'),
      dueOnId: planInputIds.action(index, 'dueOn'),
      outcomeId: planInputIds.action(index, 'outcome'),
      action: row.action,
      owner: row.owner,
      dueOn: row.dueOn,
      outcome: row.outcome,
      hasActionError: row.errors.action !== undefined,
      actionError: row.errors.action ?? '',
      hasOwnerError: row.errors.owner !== undefined,
      ownerError: row.errors.owner ?? '',
      hasDueOnError: row.errors.dueOn !== undefined,
      dueOnError: row.errors.dueOn ?? '',
      hasOutcomeError: row.errors.outcome !== undefined,
      outcomeError: row.errors.outcome ?? '',
    })),
    hasActionsError: view.actionsError !== '',
    hasReviewOnError: view.reviewOnError !== '',
    hasMeetingError: view.meetingError !== '',
    hasHeldOnError: view.heldOnError !== '',
  });
}
