import type { AdaptiveCardJson } from './adaptive-card-json.js';
import { bindCard } from './bind.js';
import template from './templates/escalation.json' with { type: 'json' };
import { markdownLiteral } from './markdown-literal.js';

/** An overdue item its worker has not acknowledged, as its manager is told of it. Case reference only: no initials, no names. */
export interface EscalationView {
  readonly caseReference: string;
  /** Who the case is allocated to, as the bot can name them (their name if known, else their Entra object id). */
  readonly worker: string;
  /** What is overdue, in the rule's plain words. */
  readonly requires: string;
  /** The due date in long form, e.g. 'Friday 13 March 2026'. */
  readonly dueOn: string;
  readonly workingDaysOverdue: number;
  readonly section: string;
}

/**
 * The escalation card for a manager: the case, the worker, the overdue item, its due date and how far past it
 * (in the attention colour), the rule and section, and "Open case".
 *
 * @example
 * escalationCard({ caseReference: 'CIN-2026-0142', worker: 'Sam Jones', requires: 'Hold the CiN review',
 *   dueOn: 'Friday 13 March 2026', workingDaysOverdue: 2, section: '6. Reviews' })
 * //=> { type: 'AdaptiveCard', version: '1.5', body: [ … ] }
 */
export function escalationCard(view: EscalationView): AdaptiveCardJson {
  return bindCard(template, { ...view, overdueBy: overdueWords(view.workingDaysOverdue) });
}

/**
 * The escalation as plain text, for the activity's `text`: what a notification banner and a screen reader give.
 *
 * @example
 * escalationText({ caseReference: 'CIN-2026-0142', worker: 'Sam Jones', requires: 'Hold the CiN review',
 *   dueOn: 'Friday 13 March 2026', workingDaysOverdue: 2, section: '6. Reviews' })
 * //=> 'Overdue and not acknowledged: CIN-2026-0142 (allocated worker: Sam Jones). Hold the CiN review, due by Friday 13 March 2026, 2 working days overdue (6. Reviews).'
 */
export function escalationText(view: EscalationView): string {
  return (
    `Overdue and not acknowledged: ${view.caseReference} (allocated worker: ${markdownLiteral(view.worker)}). ` +
    `${view.requires}, due by ${view.dueOn}, ${overdueWords(view.workingDaysOverdue)} (${view.section}).`
  );
}

function overdueWords(workingDays: number): string {
  return `${workingDays} working ${workingDays === 1 ? 'day' : 'days'} overdue`;
}
