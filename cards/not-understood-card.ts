import type { AdaptiveCardJson } from './adaptive-card-json.js';
import { bindCard } from './bind.js';
import template from './templates/not-understood.json' with { type: 'json' };

/** The reply to a question the bot could not match to a rule. */
export interface NotUnderstoodView {
  /** The kinds of question the bot answers. */
  readonly canAnswer: readonly string[];
  /** The rules closest to the question; the list is left out when empty. */
  readonly nearest: readonly { readonly requires: string; /** The authority, and the timescale where the rule has one. */ readonly detail: string }[];
}

/**
 * The not-understood card: what the bot can answer, and the nearest rules it knows.
 *
 * @example
 * notUnderstoodCard({ canAnswer: ['how often reviews, network meetings and visits happen'],
 *   nearest: [{ requires: 'Review the CiN plan', detail: 'Slough · every three months' }] })
 * //=> { type: 'AdaptiveCard', version: '1.5', body: [ … ] }
 */
export function notUnderstoodCard(view: NotUnderstoodView): AdaptiveCardJson {
  return bindCard(template, { ...view, hasNearest: view.nearest.length > 0 });
}
