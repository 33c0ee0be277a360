import type { PlanAction, Plan } from './plan.js';
import { isBlankAction } from './plan.js';
import type { PlanTemplate } from './plan-template.js';

/** One change between two versions of a plan, in the form's own labels. */
export interface PlanDifference {
  readonly place: string;
  readonly change: 'added' | 'removed' | 'changed';
  readonly before: string;
  readonly after: string;
}

/**
 * What changed from one version of a plan to a later one: sections rewritten, actions added, removed or
 * changed (an action keeps its identity by its words; rows whose words changed are paired in order), and the
 * review date.
 *
 * @example
 * planDifferences({ sections: {}, actions: [], reviewOn: '2026-05-08' }, { sections: {}, actions: [], reviewOn: '2026-06-05' }, camdenTemplate)
 * //=> [{ place: 'Date of the next review', change: 'changed', before: '2026-05-08', after: '2026-06-05' }]
 */
export function planDifferences(older: Plan, newer: Plan, template: PlanTemplate): PlanDifference[] {
  const differences: PlanDifference[] = [];
  const sectionIds = [...new Set([...template.sections.map((section) => section.id), ...Object.keys(older.sections), ...Object.keys(newer.sections)])];
  for (const id of sectionIds) {
    const before = (older.sections[id] ?? '').trim();
    const after = (newer.sections[id] ?? '').trim();
    if (before === after) continue;
    const place = template.sections.find((section) => section.id === id)?.label ?? id;
    differences.push({ place, change: before === '' ? 'added' : after === '' ? 'removed' : 'changed', before, after });
  }

  const olderRows = older.actions.filter((action) => !isBlankAction(action));
  const newerRows = newer.actions.filter((action) => !isBlankAction(action));
  const unmatchedOlder = [...olderRows];
  const pairs: [PlanAction | undefined, PlanAction | undefined][] = [];
  const unmatchedNewer: PlanAction[] = [];
  for (const row of newerRows) {
    const same = unmatchedOlder.findIndex((candidate) => candidate.action.trim() === row.action.trim());
    if (same >= 0) pairs.push([unmatchedOlder.splice(same, 1)[0], row]);
    else unmatchedNewer.push(row);
  }
  unmatchedNewer.forEach((row, index) => pairs.push([unmatchedOlder[index], row]));
  unmatchedOlder.slice(unmatchedNewer.length).forEach((row) => pairs.push([row, undefined]));

  const place = template.columns.action.label;
  for (const [before, after] of pairs) {
    const beforeWords = before ? actionWords(before, template) : '';
    const afterWords = after ? actionWords(after, template) : '';
    if (beforeWords === afterWords) continue;
    differences.push({ place, change: before === undefined ? 'added' : after === undefined ? 'removed' : 'changed', before: beforeWords, after: afterWords });
  }

  if (older.reviewOn !== newer.reviewOn) {
    differences.push({ place: template.reviewDate.label, change: older.reviewOn === '' ? 'added' : 'changed', before: older.reviewOn, after: newer.reviewOn });
  }
  return differences;
}

function actionWords(action: PlanAction, template: PlanTemplate): string {
  const { owner, dueOn, outcome } = template.columns;
  return `${action.action.trim()}; ${owner.label}: ${action.owner.trim()}; ${dueOn.label}: ${action.dueOn}; ${outcome.label}: ${action.outcome.trim()}`;
}
