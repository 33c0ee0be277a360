import type { AdaptiveCardJson } from './adaptive-card-json.js';
import { bindCard } from './bind.js';
import template from './templates/answer.json' with { type: 'json' };

/** One passage of a procedure, quoted word for word. */
export interface Citation {
  readonly authorityName: string;
  /** The document's title and version, e.g. '1.2.3 Children in Need (amended August 2018)'. */
  readonly document: string;
  /** The section heading as printed, e.g. '3. Initial CiN Meetings and Subsequent Reviews'. */
  readonly section: string;
  readonly quote: string;
  /** The policy rule quoted; shown only under "Show source", never in the reading text. */
  readonly ruleId: string;
}

/** A rule the question may have meant instead, offered under "Not what you asked?". */
export interface Alternative {
  readonly ruleId: string;
  readonly title: string;
}

/** What an answer to one procedural question shows. */
export interface AnswerView {
  readonly authorityName: string;
  readonly authorityId: string;
  /** What was understood, in one line: 'Read as: Brighton and Hove, minutes of a network meeting held on 20 November 2026'. */
  readonly readAs: string;
  /** The next best rules, each a button that answers it with the date already given. */
  readonly alternatives: readonly Alternative[];
  /** The date the question gave, carried by the alternatives' buttons; '' when it gave none. */
  readonly anchorDate: string;
  /** What the headline is, e.g. 'Convene the initial CiN meeting by'. */
  readonly headlineLabel: string;
  /** The answer itself, shown large: a date ('Monday 30 March 2026') or a figure ('Every 3 months'). */
  readonly headline: string;
  /** Shows the headline in the attention colour, e.g. for a date already past. */
  readonly attention: boolean;
  readonly ruleInWords: string;
  /** Lines of working, shown as a list under "How this was worked out"; left out when empty. */
  readonly working: readonly string[];
  /** Interpretations, conflicts and weekend landings, shown as a warning; left out when empty. */
  readonly notes: readonly string[];
  /** One, or two when the document contradicts itself; behind "Show source". */
  readonly citations: readonly Citation[];
}

/**
 * The answer card: the date or figure large at the top, the rule in plain words, the working, any notes,
 * and the source behind a "Show source" toggle.
 *
 * @example
 * answerCard({ authorityName: 'London Borough of Redbridge', headlineLabel: 'Convene the initial CiN meeting by',
 *   headline: 'Monday 30 March 2026', attention: false, ruleInWords: '…', working: ['…'], notes: [], citations: [{ … }] })
 * //=> { type: 'AdaptiveCard', version: '1.5', body: [ … ] }
 */
export function answerCard(view: AnswerView): AdaptiveCardJson {
  return bindCard(template, {
    ...view,
    headlineColor: view.attention ? 'Attention' : 'Default',
    hasWorking: view.working.length > 0,
    hasNotes: view.notes.length > 0,
    hasAlternatives: view.alternatives.length > 0,
    hasRuleInWords: view.ruleInWords !== '',
  });
}
