import { planVersionCard, type PlanVersionView } from '../../cards/plan-version-card.js';
import type { Obligation } from '../../domain/cases/timeline.js';
import { formatLongDate, londonDateOf, parseLocalDate } from '../../domain/dates/local-date.js';
import { agreementDeadlinesOf } from '../../domain/plans/agreement.js';
import { planTemplateFor } from '../../domain/plans/plan-template.js';
import { policyOf } from '../cases/case-policy.js';
import type { BotContext, CardRequest } from '../handlers/context.js';
import type { Reply } from '../ports.js';
import { say } from '../replies/say.js';
import type { CaseRecord } from '../store/cases.js';
import { MEETING_WORDS } from './plan-form-view.js';

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
    deadlines: timed.map((obligation) => ({ label: obligation.requires, dueOn: dueWords(obligation), section: obligation.citation.section })),
    circulationSays: deadlines?.circulationSays ? `${deadlines.circulationSays.says} (${deadlines.circulationSays.section})` : '',
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
  // One line: the deadlines are on the card only (issue 14, item 6).
  const [next] = timed;
  const nextWords = next ? ` Next: ${dueWords(next)}, ${next.requires}.${timed.length > 1 ? ` The card lists ${timed.length - 1} more.` : ''}` : '';
  const text = `${lead} ${agreedLine}${nextWords}`;
  return { messages: [{ text, card: planVersionCard(view) }] };
}

function dueWords(obligation: Obligation): string {
  const due = formatLongDate(obligation.dueOn);
  return obligation.status === 'done' && obligation.doneOn ? `${due} (done ${formatLongDate(obligation.doneOn)})` : due;
}

/** A date as people read it; anything else (an unfinished cell, a changed row's words) as it is. */
export function datedWords(text: string): string {
  const date = parseLocalDate(text);
  return date ? formatLongDate(date) : text;
}
