import type { AdaptiveCardJson } from './adaptive-card-json.js';
import { bindCard } from './bind.js';
import template from './templates/choose-authority.json' with { type: 'json' };

/** Asks which authority's procedure a question is about, one button per authority. */
export interface ChooseAuthorityView {
  readonly prompt: string;
  /** The user's question, echoed back and carried in each button's data; '' when there is none to echo. */
  readonly question: string;
  readonly authorities: readonly { readonly id: string; readonly name: string }[];
}

/**
 * The choose-authority card. Each button is an Action.Execute (verb `authority.choose`, data
 * `{ authorityId, question }`) that falls back to an Action.Submit carrying the same data plus the verb,
 * for Teams clients without Universal Actions.
 *
 * @example
 * chooseAuthorityCard({ prompt: 'Which authority’s procedure should I use?', question: 'When is the initial CiN meeting due?',
 *   authorities: [{ id: 'redbridge', name: 'London Borough of Redbridge' }] })
 * //=> { type: 'AdaptiveCard', version: '1.5', body: [ …, { type: 'ActionSet', actions: [{ type: 'Action.Execute', … }] } ] }
 */
export function chooseAuthorityCard(view: ChooseAuthorityView): AdaptiveCardJson {
  return bindCard(template, { ...view, hasQuestion: view.question !== '' });
}
