import type { AdaptiveCardJson } from './adaptive-card-json.js';
import { bindCard } from './bind.js';
import template from './templates/plan-compare.json' with { type: 'json' };

/** What changed between two agreed versions of a plan. */
export interface PlanCompareView {
  readonly caseReference: string;
  readonly from: number;
  readonly to: number;
  readonly fromAgreed: string;
  readonly toAgreed: string;
  readonly differences: readonly { readonly place: string; readonly change: string; readonly before: string; readonly after: string }[];
  readonly versions: readonly { readonly title: string; readonly value: string }[];
}

/**
 * The version diff card (verb `plan.compare`, with a choice of any two versions).
 *
 * @example
 * planCompareCard({ caseReference: 'AB12', from: 1, to: 2, fromAgreed: 'Friday 27 March 2026', toAgreed: 'Friday 8 May 2026',
 *   differences: [{ place: 'Task', change: 'added', before: '', after: 'Parenting course; …' }], versions: [ … ] })
 * //=> { type: 'AdaptiveCard', version: '1.5', body: [ … ] }
 */
export function planCompareCard(view: PlanCompareView): AdaptiveCardJson {
  return bindCard(template, {
    ...view,
    from: String(view.from),
    to: String(view.to),
    hasNoDifferences: view.differences.length === 0,
    differences: view.differences.map((difference) => ({ ...difference, hasBefore: difference.before !== '', hasAfter: difference.after !== '' })),
  });
}
