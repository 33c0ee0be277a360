import type { AdaptiveCardJson } from './adaptive-card-json.js';
import { bindCard } from './bind.js';
import { fieldErrorBindings } from './field-errors.js';
import template from './templates/closure-request.json' with { type: 'json' };

export const CLOSURE_REQUEST_FIELDS = ['confirmed'] as const;
export type ClosureRequestField = (typeof CLOSURE_REQUEST_FIELDS)[number];

/** One checklist item as a card row: a mark, the procedure's words, what the bot found, and the source. */
export interface ChecklistRowView {
  /** '✓' met, '✗' missing, '…' met by the decision itself. */
  readonly mark: string;
  readonly color: 'Good' | 'Attention' | 'Default';
  readonly requires: string;
  /** What the bot found or what stands: "Review held on Monday 2 March 2026", "Not recorded on the case". */
  readonly finding: string;
  /** Rule id and section, so the worker and the manager can look it up. */
  readonly source: string;
}

/** The worker's request to close or step down a case: what the bot checked, and the items the worker ticks. */
export interface ClosureRequestView {
  readonly caseReference: string;
  readonly kind: 'closure' | 'step-down';
  /** "Closure request for" / "Step-down request for". */
  readonly title: string;
  /** Authority and what happens next, in a sentence. */
  readonly summary: string;
  readonly checked: readonly ChecklistRowView[];
  /** The items the worker confirms, as choices (value: rule id, or `<rule id>#alternative`). */
  readonly toConfirm: readonly { readonly title: string; readonly value: string }[];
  /** The ticked values, comma-separated, as a multi-select ChoiceSet sends them. */
  readonly confirmed: string;
  readonly errors: Partial<Record<ClosureRequestField, string>>;
  /** A message about the whole request (what is still missing, or that it was saved), shown at the top. */
  readonly formError: string;
}

/**
 * The closure or step-down request card (verbs `closure.save` and `closure.send`). Re-bound with the worker's
 * ticks kept when a send is refused for missing items.
 *
 * @example
 * closureRequestCard({ caseReference: 'AB12', kind: 'closure', title: 'Closure request for', summary: 'London Borough of Redbridge …',
 *   checked: [{ mark: '✓', color: 'Good', requires: 'A review has been completed …', finding: 'Review held on Monday 2 March 2026', source: '…' }],
 *   toConfirm: [{ title: 'The views of any key agency absent from the review have been sought', value: 'redbridge.closure.absent-agency-views' }],
 *   confirmed: '', errors: {}, formError: '' })
 * //=> { type: 'AdaptiveCard', version: '1.5', body: [ … ] }
 */
export function closureRequestCard(view: ClosureRequestView): AdaptiveCardJson {
  const { errors, ...rest } = view;
  return bindCard(template, {
    ...rest,
    ...fieldErrorBindings(CLOSURE_REQUEST_FIELDS, errors),
    hasFormError: view.formError !== '',
    hasChecked: view.checked.length > 0,
    hasToConfirm: view.toConfirm.length > 0,
  });
}
