import type { AdaptiveCardJson } from './adaptive-card-json.js';
import { bindCard } from './bind.js';
import template from './templates/welcome.json' with { type: 'json' };

/** What the bot says on install and for `help`. */
export interface WelcomeView {
  /** The authorities whose procedures the bot knows, by name. */
  readonly authorities: readonly string[];
  /** Questions to try, in a social worker's words. */
  readonly examples: readonly string[];
  /** The commands the person may use, grouped (ask, cases, plans, closures, admin), each with an example. */
  readonly groups: readonly { readonly title: string; readonly commands: readonly { readonly command: string; readonly example: string; readonly description: string }[] }[];
}

/**
 * The welcome card: what the bot does, the procedures it knows, example questions and the commands the person may use.
 *
 * @example
 * welcomeCard({ authorities: ['London Borough of Redbridge'], examples: ['How often do I visit in Slough?'],
 *   groups: [{ title: 'Ask', commands: [{ command: 'help', example: 'help', description: 'what I do' }] }] })
 * //=> { type: 'AdaptiveCard', version: '1.5', body: [ … ] }
 */
export function welcomeCard(view: WelcomeView): AdaptiveCardJson {
  return bindCard(template, view);
}
