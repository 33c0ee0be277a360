import type { AdaptiveCardJson } from './adaptive-card-json.js';
import { bindCard } from './bind.js';
import type { PlanActionColumnName } from './plan-form-card.js';
import template from './templates/plan-version.json' with { type: 'json' };

/** One agreed version of a case's CiN plan, read-only, with what agreeing it set running. */
export interface PlanVersionView {
  readonly caseReference: string;
  readonly authorityName: string;
  readonly version: number;
  /** Who agreed it, when, at which meeting. */
  readonly agreedLine: string;
  readonly deadlines: readonly { readonly label: string; readonly dueOn: string; readonly section: string }[];
  /** What the procedure says where it sets no timescale for circulating the plan, or ''. */
  readonly circulationSays: string;
  readonly sections: readonly { readonly label: string; readonly value: string }[];
  readonly columns: Readonly<Record<PlanActionColumnName, string>>;
  readonly actions: readonly { readonly title: string; readonly action: string; readonly owner: string; readonly dueOn: string; readonly outcome: string }[];
  readonly reviewDateLabel: string;
  readonly reviewOn: string;
  readonly printUrl: string;
  readonly pdfUrl: string;
  readonly otherVersions: readonly { readonly title: string; readonly version: number }[];
}

/**
 * The agreed plan card (verbs `plan.open`, `plan.compare`, `plan.show-version`).
 *
 * @example
 * planVersionCard({ caseReference: 'AB12', authorityName: 'London Borough of Redbridge', version: 1,
 *   agreedLine: 'Agreed at the initial CiN meeting on Friday 27 March 2026', deadlines: [ … ], … })
 * //=> { type: 'AdaptiveCard', version: '1.5', body: [ … ] }
 */
export function planVersionCard(view: PlanVersionView): AdaptiveCardJson {
  return bindCard(template, {
    ...view,
    versionText: String(view.version),
    hasDeadlines: view.deadlines.length > 0 || view.circulationSays !== '',
    hasCirculationSays: view.circulationSays !== '',
    hasPrintUrl: view.printUrl !== '',
    hasPdfUrl: view.pdfUrl !== '',
    hasPrevious: view.version > 1,
    previousVersion: view.version - 1,
    compareTitle: `What changed since version ${view.version - 1}`,
    hasOtherVersions: view.otherVersions.length > 0,
  });
}
