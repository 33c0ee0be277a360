import { z } from 'zod';
import { planCompareCard } from '../../cards/plan-compare-card.js';
import { formatLongDate } from '../../domain/dates/local-date.js';
import { planDifferences } from '../../domain/plans/plan-differences.js';
import { planTemplateFor } from '../../domain/plans/plan-template.js';
import { policyOf } from '../cases/case-policy.js';
import { agreedPlanReply, datedWords } from '../plans/agreed-plan-reply.js';
import { PlanVersionNumberSchema } from '../plans/plan-form-view.js';
import type { Reply } from '../ports.js';
import { say } from '../replies/say.js';
import type { CaseRecord } from '../store/cases.js';
import type { BotContext, CardRequest } from './context.js';
import { CaseReferenceSchema } from '../cases/identifiers.js';

export const ShowPlanVersionSchema = z.object({ caseReference: CaseReferenceSchema, version: PlanVersionNumberSchema });
export const ComparePlanVersionsSchema = z.object({
  caseReference: CaseReferenceSchema,
  from: PlanVersionNumberSchema,
  to: PlanVersionNumberSchema,
});

const CHANGE_WORDS = { added: 'added', removed: 'removed', changed: 'changed' } as const;

/** `plan.show-version`: one agreed version, as it was agreed. */
export function showPlanVersion(record: CaseRecord, data: z.infer<typeof ShowPlanVersionSchema>, request: CardRequest, context: BotContext): Promise<Reply> {
  return agreedPlanReply(record, data.version, request, context, { justAgreed: false });
}

/** `plan.compare`: what changed between two agreed versions, older first whichever order they were chosen in. */
export async function comparePlanVersions(record: CaseRecord, data: z.infer<typeof ComparePlanVersionsSchema>, request: CardRequest, context: BotContext): Promise<Reply> {
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
