import { closureChecklistOn, type ClosureChecklist, type ClosureKind } from '../../domain/closures/closure-checklist.js';
import { londonDateOf } from '../../domain/dates/local-date.js';
import { policyOf } from '../cases/case-policy.js';
import type { BotContext, CardRequest } from '../handlers/context.js';
import type { CaseRecord } from '../store/cases.js';

/** The authority's closure or step-down checklist for the case today, with the worker's ticks. */
export async function checklistOf(record: CaseRecord, kind: ClosureKind, confirmed: readonly string[], request: CardRequest, context: BotContext): Promise<ClosureChecklist> {
  const events = (await context.cases.eventsOf(record.id)).map((recorded) => recorded.event);
  const reviews = await context.plans.reviewOutcomesOf(record.id);
  return closureChecklistOn(
    { authorityId: record.authorityId, pathways: record.pathways, events, reviews },
    kind,
    new Set(confirmed),
    londonDateOf(request.receivedAt),
    policyOf(record, context.policies),
    context.calendar,
  );
}

/** The ticks that name something the worker may tick on this checklist; anything else a card sends is dropped. */
export function keptTicks(checklist: ClosureChecklist, ticks: readonly string[]): string[] {
  const tickable = new Set(checklist.items.flatMap((item) => [...(item.confirmable ? [item.ruleId] : []), ...(item.alternative ? [item.alternative.key] : [])]));
  return [...new Set(ticks.filter((tick) => tickable.has(tick)))];
}
