import type { AdaptiveCardJson } from './adaptive-card-json.js';
import { bindCard } from './bind.js';
import template from './templates/comparison.json' with { type: 'json' };

/** One question answered from every authority's procedure. */
export interface ComparisonView {
  readonly title: string;
  /** One per authority; `section` and `quote` are '' where the procedure says nothing on the question. */
  readonly rows: readonly { readonly authorityName: string; readonly figure: string; readonly section: string; readonly quote: string }[];
}

/**
 * The comparison card: a row per authority (name beside its figure, in columns that still fit a phone),
 * each with its section and, behind its own "Show source" toggle, the quote.
 *
 * @example
 * comparisonCard({ title: 'Compared across 5 authorities: review', rows: [{ authorityName: 'Slough',
 *   figure: 'Review the CiN plan: every 3 months', section: '6. CIN Reviews', quote: '…' }] })
 * //=> { type: 'AdaptiveCard', version: '1.5', body: [ … ] }
 */
export function comparisonCard(view: ComparisonView): AdaptiveCardJson {
  return bindCard(template, { ...view, rows: view.rows.map((row) => ({ ...row, hasSource: row.quote !== '' })) });
}
