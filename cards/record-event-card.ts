import type { AdaptiveCardJson } from './adaptive-card-json.js';
import { bindCard } from './bind.js';
import { fieldErrorBindings } from './field-errors.js';
import template from './templates/record-event.json' with { type: 'json' };

export const RECORD_EVENT_FIELDS = ['kind', 'on', 'countsFrom'] as const;
export type RecordEventField = (typeof RECORD_EVENT_FIELDS)[number];

/** The record-an-event form for one case, blank, pre-filled from a sentence, or as submitted with its errors. */
export interface RecordEventView {
  readonly reference: string;
  readonly kind: string;
  readonly on: string;
  readonly countsFrom: string;
  readonly eventKinds: readonly { readonly title: string; readonly value: string }[];
  readonly errors: Partial<Record<RecordEventField, string>>;
  readonly formError: string;
}

/**
 * The record-event card (verb `event.record`).
 *
 * @example
 * recordEventCard({ reference: 'AB12', kind: 'visit-made', on: '2026-03-09', countsFrom: '', eventKinds: [ … ],
 *   errors: { on: 'That is after today (Monday 9 March 2026): nothing can be recorded before it happens.' }, formError: '' })
 * //=> { type: 'AdaptiveCard', version: '1.5', body: [ … ] }
 */
export function recordEventCard(view: RecordEventView): AdaptiveCardJson {
  const { errors, ...rest } = view;
  return bindCard(template, { ...rest, ...fieldErrorBindings(RECORD_EVENT_FIELDS, errors), hasFormError: view.formError !== '' });
}
