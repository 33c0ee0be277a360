import type { AdaptiveCardJson } from './adaptive-card-json.js';
import { bindCard } from './bind.js';
import template from './templates/deadline-list.json' with { type: 'json' };

/** Rows of cases and what each owes next, soonest first: `my deadlines`, `team deadlines`, `my cases`. */
export interface DeadlineListView {
  readonly title: string;
  readonly emptyMessage: string;
  readonly rows: readonly { readonly caseReference: string; readonly dueOn: string; readonly what: string; readonly overdue: boolean }[];
  /** Rows left off to keep the card within Teams' size limit; 0 when none. */
  readonly moreCount: number;
}

/** Teams allows 28 KB a message; 40 rows stay well under it. */
export const MOST_ROWS = 40;

/**
 * The deadline list card, overdue dates in the attention colour.
 *
 * @example
 * deadlineListCard({ title: 'My deadlines', emptyMessage: 'Nothing due.', rows: [{ caseReference: 'AB12',
 *   dueOn: 'Monday 30 March 2026', what: 'Convene the initial CiN meeting', overdue: false }], moreCount: 0 })
 * //=> { type: 'AdaptiveCard', version: '1.5', body: [ … ] }
 */
export function deadlineListCard(view: DeadlineListView): AdaptiveCardJson {
  return bindCard(template, {
    title: view.title,
    emptyMessage: view.emptyMessage,
    rows: view.rows.slice(0, MOST_ROWS).map(({ overdue, ...row }) => ({ ...row, color: overdue ? 'Attention' : 'Default' })),
    hasNone: view.rows.length === 0,
    hasMore: view.moreCount > 0 || view.rows.length > MOST_ROWS,
    moreMessage: `And ${view.moreCount + Math.max(0, view.rows.length - MOST_ROWS)} more: open a case with "case <reference>" to see all of it.`,
  });
}
