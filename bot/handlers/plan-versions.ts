import { z } from 'zod';
import { planCompareCard } from '../../cards/plan-compare-card.js';
import { planVersionCard, type PlanVersionView } from '../../cards/plan-version-card.js';
import type { Obligation } from '../../domain/cases/timeline.js';
import { formatLongDate, londonDateOf, parseLocalDate } from '../../domain/dates/local-date.js';
import { agreementDeadlinesOf } from '../../domain/plans/agreement.js';
import { planDifferences } from '../../domain/plans/plan-differences.js';
import { planTemplateFor } from '../../domain/plans/plan-template.js';
import { policyOf } from '../cases/case-policy.js';
import { MEETING_WORDS, PlanVersionNumberSchema } from '../plans/plan-form-view.js';
import type { Reply } from '../ports.js';
import type { CaseRecord } from '../store/cases.js';
import type { BotContext, CardRequest } from './context.js';
import { CaseReferenceSchema } from './open-case.js';
import { say, workableCase } from './workable-case.js';

export const ShowPlanVersionSchema = z.object({ caseReference: CaseReferenceSchema, version: PlanVersionNumberSchema });
export const ComparePlanVersionsSchema = z.object({
  caseReference: CaseReferenceSchema,
  from: PlanVersionNumberSchema,
  to: PlanVersionNumberSchema,
});

const CHANGE_WORDS = { added: 'added', removed: 'removed', changed: 'changed' } as const;

/** `plan.show-version`: one agreed version, as it was agreed. */
export async function showPlanVersion(data: z.infer<typeof ShowPlanVersionSchema>, request: CardRequest, context: BotContext): Promise<Reply> {
  const found = await workableCase(data.caseReference, request, context);
  if (!found.ok) return found.error;
  return agreedPlanReply(found.value, data.version, request, context, { justAgreed: false });
}

/** `plan.compare`: what changed between two agreed versions, older first whichever order they were chosen in. */
export async function comparePlanVersions(data: z.infer<typeof ComparePlanVersionsSchema>, request: CardRequest, context: BotContext): Promise<Reply> {
  const found = await workableCase(data.caseReference, request, context);
  if (!found.ok) return found.error;
  const record = found.value;
  const versions = await context.plans.agreedVersionsOf(record);
  const [fromNumber, toNumber] = data.from <= data.to ? [data.from, data.to] : [data.to, data.from];
  const older = versions.find((version) => version.version === fromNumber);
  const newer = versions.find((version) => version.version === toNumber);
  if (!older || !newer) return say(`${record.reference} has ${versions.length} agreed ${versions.length === 1 ? 'version' : 'versions'} of its plan; choose two of them.`);
  const template = planTemplateFor(policyOf(record, context.policies));
  const differences = planDifferences(older.plan, newer.plan, template).map((difference) => ({
    ...difference,
    change: CHANGE_WORDS[difference.change],
    before: datedWords(difference.before),
    after: datedWords(difference.after),
  }));
  const card = planCompareCard({
    caseReference: record.reference,
    from: older.version,
    to: newer.version,
    fromAgreed: formatLongDate(older.agreement.heldOn),
    toAgreed: formatLongDate(newer.agreement.heldOn),
    differences,
    versions: versions.map((version) => ({ title: `Version ${version.version}, ${formatLongDate(version.agreement.heldOn)}`, value: String(version.version) })),
  });
  const text = [
    `${record.reference}: version ${older.version} to version ${newer.version}.`,
    ...(differences.length === 0 ? ['Nothing changed.'] : differences.map((difference) => `- ${difference.place}: ${difference.change}`)),
  ].join('\n');
  return { messages: [{ text, card }] };
}

/** An agreed version as a card; the version in force also shows the deadlines its agreement set running. */
export async function agreedPlanReply(record: CaseRecord, versionNumber: number, request: CardRequest, context: BotContext, { justAgreed }: { readonly justAgreed: boolean }): Promise<Reply> {
  const versions = await context.plans.agreedVersionsOf(record);
  const shown = versions.find((version) => version.version === versionNumber);
  if (!shown) return say(`${record.reference} has no agreed version ${versionNumber} of its plan.`);
  const policy = policyOf(record, context.policies);
  const template = planTemplateFor(policy);
  const today = londonDateOf(request.receivedAt);
  const inForce = shown.version === versions.at(-1)?.version;
  const deadlines = inForce ? agreementDeadlinesOf(await context.cases.obligationsOf(record, today), shown.agreement, policy) : undefined;
  const timed = [...(deadlines?.circulation ?? []), ...(deadlines?.nextReview ? [deadlines.nextReview] : [])];
  const agreedBy = shown.agreedBy === request.asker.userId ? 'you' : ((await context.conversations.nameOf(record.tenantId, shown.agreedBy)) ?? shown.agreedBy);
  const agreedLine = `Agreed at ${MEETING_WORDS[shown.agreement.meeting]} on ${formatLongDate(shown.agreement.heldOn)}; recorded by ${agreedBy} on ${formatLongDate(londonDateOf(shown.agreedAt))}.`;
  const view: PlanVersionView = {
    caseReference: record.reference,
    authorityName: policy.authority.name,
    version: shown.version,
    agreedLine,
    deadlines: timed.map((obligation) => ({ label: obligation.requires, dueOn: dueWords(obligation), ruleId: obligation.ruleId })),
    circulationSays: deadlines?.circulationSays ? `${deadlines.circulationSays.says} (${deadlines.circulationSays.ruleId})` : '',
    sections: template.sections.map((section) => ({ label: section.label, value: shown.plan.sections[section.id] ?? '' })),
    columns: {
      action: template.columns.action.label,
      owner: template.columns.owner.label,
      dueOn: template.columns.dueOn.label,
      outcome: template.columns.outcome.label,
    },
    actions: shown.plan.actions.map((action, index) => ({ title: `${template.columns.action.label} ${index + 1}`, ...action, dueOn: datedWords(action.dueOn) })),
    reviewDateLabel: template.reviewDate.label,
    reviewOn: datedWords(shown.plan.reviewOn),
    printUrl: context.downloadLink({ kind: 'plan', tenantId: record.tenantId, userId: request.asker.userId, caseReference: record.reference, version: shown.version, format: 'html' }),
    pdfUrl: context.printsPdf ? context.downloadLink({ kind: 'plan', tenantId: record.tenantId, userId: request.asker.userId, caseReference: record.reference, version: shown.version, format: 'pdf' }) : '',
    otherVersions: versions
      .filter((version) => version.version !== shown.version)
      .slice(-5)
      .map((version) => ({ title: `Version ${version.version}, agreed ${formatLongDate(version.agreement.heldOn)}`, version: version.version })),
  };
  const lead = justAgreed ? `Agreed: version ${shown.version} of ${record.reference}'s CiN plan.` : `${record.reference}'s CiN plan, version ${shown.version}.`;
  const text = [lead, agreedLine, ...timed.map((obligation) => `- ${dueWords(obligation)}: ${obligation.requires} (${obligation.ruleId})`)].join('\n');
  return { messages: [{ text, card: planVersionCard(view) }] };
}

function dueWords(obligation: Obligation): string {
  const due = formatLongDate(obligation.dueOn);
  return obligation.status === 'done' && obligation.doneOn ? `${due} (done ${formatLongDate(obligation.doneOn)})` : due;
}

/** A date as people read it; anything else (an unfinished cell, a changed row's words) as it is. */
function datedWords(text: string): string {
  const date = parseLocalDate(text);
  return date ? formatLongDate(date) : text;
}
