import { formatLongDate, londonDateOf, parseLocalDate } from '../../domain/dates/local-date.js';
import { planTemplateFor } from '../../domain/plans/plan-template.js';
import { policyFor } from '../../domain/policy/registry.js';
import type { Policy } from '../../domain/policy/schema.js';
import type { CaseRecord } from '../store/cases.js';
import type { AgreedPlan, PlanStore } from '../store/plans.js';
import { MEETING_WORDS } from './plan-form-view.js';

/**
 * An agreed version of a case's plan as a plain, printable HTML page, for the copies the procedures say go to
 * the family and the professionals: the case reference (never a name), the authority's sections and actions in
 * its own words, the review date, and who agreed it at which meeting. Undefined when there is no such version.
 */
export async function printablePlan(record: CaseRecord, version: number, plans: PlanStore, policies: readonly Policy[]): Promise<string | undefined> {
  const shown = await plans.agreedVersion(record, version);
  const policy = policyFor(record.authorityId, policies);
  return shown && policy.ok ? planPage(record.reference, policy.value, shown) : undefined;
}

/** The page itself: every piece of text a worker wrote is escaped, and the page runs no script. */
export function planPage(caseReference: string, policy: Policy, shown: AgreedPlan): string {
  const template = planTemplateFor(policy);
  const { action, owner, dueOn, outcome } = template.columns;
  const sections = template.sections
    .map((section) => `<section><h2>${escape(section.label)}</h2>${paragraphs(shown.plan.sections[section.id] ?? '')}</section>`)
    .join('\n');
  const rows = shown.plan.actions
    .map((row, index) => `<tr><td>${index + 1}</td><td>${escape(row.action)}</td><td>${escape(row.owner)}</td><td>${escape(dated(row.dueOn))}</td><td>${escape(row.outcome)}</td></tr>`)
    .join('\n');
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>CiN plan ${escape(caseReference)}, version ${shown.version}</title>
<style>
body { font: 11pt/1.45 "Segoe UI", Arial, sans-serif; color: #111; margin: 2em auto; max-width: 52em; padding: 0 1em; }
h1 { font-size: 18pt; margin-bottom: 0.2em; } h2 { font-size: 12pt; margin: 1.4em 0 0.3em; }
.meta { color: #444; margin: 0; } table { border-collapse: collapse; width: 100%; margin-top: 0.5em; }
th, td { border: 1px solid #999; padding: 0.35em 0.5em; text-align: left; vertical-align: top; } th { background: #eee; }
tr { page-break-inside: avoid; } @page { margin: 18mm; }
</style>
</head>
<body>
<h1>Child in Need plan: ${escape(caseReference)}</h1>
<p class="meta">${escape(policy.authority.name)} &middot; version ${shown.version}</p>
<p class="meta">Agreed at ${escape(MEETING_WORDS[shown.agreement.meeting])} on ${escape(formatLongDate(shown.agreement.heldOn))}; recorded ${escape(formatLongDate(londonDateOf(shown.agreedAt)))}.</p>
${sections}
<section><h2>Actions</h2>
<table><thead><tr><th>#</th><th>${escape(action.label)}</th><th>${escape(owner.label)}</th><th>${escape(dueOn.label)}</th><th>${escape(outcome.label)}</th></tr></thead>
<tbody>
${rows}
</tbody></table></section>
<section><h2>${escape(template.reviewDate.label)}</h2><p>${escape(dated(shown.plan.reviewOn))}</p></section>
</body>
</html>
`;
}

function paragraphs(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '')
    .map((paragraph) => `<p>${escape(paragraph).replaceAll('\n', '<br>')}</p>`)
    .join('');
}

function dated(text: string): string {
  const date = parseLocalDate(text);
  return date ? formatLongDate(date) : text;
}

function escape(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');
}
