import type { AdaptiveCardJson } from './adaptive-card-json.js';
import { bindCard } from './bind.js';
import { fieldErrorBindings } from './field-errors.js';
import template from './templates/case-form.json' with { type: 'json' };

export const CASE_FORM_FIELDS = ['initials', 'authorityId', 'team', 'worker', 'openedOn'] as const;
export type CaseFormField = (typeof CASE_FORM_FIELDS)[number];

/** The new-case form, blank or as the user filled it in, with a message beside each field that was wrong. */
export interface CaseFormView {
  readonly reference: string;
  readonly initials: string;
  readonly authorityId: string;
  readonly team: string;
  readonly worker: string;
  readonly openedOn: string;
  /** Comma-separated pathway ids, as a multi-select ChoiceSet sends them. */
  readonly pathways: string;
  readonly authorities: readonly { readonly id: string; readonly name: string }[];
  readonly pathwayChoices: readonly { readonly title: string; readonly value: string }[];
  readonly errors: Partial<Record<CaseFormField, string>>;
  /** A problem with the whole form (the reference is taken), shown at the top. */
  readonly formError: string;
}

/**
 * The new-case card (verb `case.create`). Re-bound with the user's own input when a submission is refused, so
 * nothing typed is lost.
 *
 * @example
 * caseFormCard({ reference: 'AB12', initials: '', authorityId: 'camden', team: 'north', worker: 'me', openedOn: '2026-03-10',
 *   pathways: '', authorities: [{ id: 'camden', name: 'Camden' }], pathwayChoices: [], errors: {}, formError: '' })
 * //=> { type: 'AdaptiveCard', version: '1.5', body: [ … ] }
 */
export function caseFormCard(view: CaseFormView): AdaptiveCardJson {
  const { errors, ...rest } = view;
  return bindCard(template, { ...rest, ...fieldErrorBindings(CASE_FORM_FIELDS, errors), hasFormError: view.formError !== '' });
}
