import type { AdaptiveCardJson } from './adaptive-card-json.js';
import { bindCard } from './bind.js';
import template from './templates/which-did-you-mean.json' with { type: 'json' };

/** A rule offered as what the question may have meant, in plain words. */
export interface RuleChoice {
  readonly ruleId: string;
  readonly title: string;
}

/** Asks which of two to four rules a question meant, when none clearly beats the others. */
export interface WhichDidYouMeanView {
  readonly authorityId: string;
  /** What was understood, e.g. 'Read as: London Borough of Camden, a date 2 December 2026'. */
  readonly readAs: string;
  readonly choices: readonly RuleChoice[];
}

/**
 * The "Which did you mean?" card: one button per rule, each an Action.Execute (verb `question.choose`, data
 * `{ authorityId, ruleId }`) that falls back to an Action.Submit carrying the verb too, for clients without
 * Universal Actions. The date the question gave is kept with the half-asked question, not typed again.
 *
 * @example
 * whichDidYouMeanCard({ authorityId: 'camden', readAs: 'Read as: London Borough of Camden, a review',
 *   choices: [{ ruleId: 'camden.review.every-three-months', title: 'Hold the next CIN review meeting (every 3 months)' }] })
 * //=> { type: 'AdaptiveCard', version: '1.5', body: [ …, { type: 'ActionSet', actions: [{ type: 'Action.Execute', … }] } ] }
 */
export function whichDidYouMeanCard(view: WhichDidYouMeanView): AdaptiveCardJson {
  return bindCard(template, view);
}
