import { z } from 'zod';
import { planFormCard } from '../../cards/plan-form-card.js';
import { formatLongDate, londonDateOf, parseLocalDate, type LocalDate } from '../../domain/dates/local-date.js';
import { eventsOnAgreeing } from '../../domain/plans/agreement.js';
import { planFindingsOn } from '../../domain/plans/plan-checks.js';
import { EMPTY_ACTION, isBlankAction, MEETING_KINDS, type Plan } from '../../domain/plans/plan.js';
import { planTemplateFor, type PlanTemplate } from '../../domain/plans/plan-template.js';
import { policyOf } from '../cases/case-policy.js';
import { agreedPlanReply } from '../plans/agreed-plan-reply.js';
import { MOST_ACTION_ROWS, planFormView, planOfSubmission, type FormState, type PlanSubmission } from '../plans/plan-form-view.js';
import type { Reply } from '../ports.js';
import type { CaseRecord } from '../store/cases.js';
import type { BotContext, CardRequest } from './context.js';
import { CaseReferenceSchema } from '../cases/identifiers.js';

export const OpenPlanSchema = z.object({ caseReference: CaseReferenceSchema });

/**
 * `plan <ref>`: the plan form, resuming the draft if there is one, else starting from the version in force,
 * else a new plan with one empty action row.
 */
export async function openPlan(record: CaseRecord, request: CardRequest, context: BotContext): Promise<Reply> {
  const template = templateOf(record, context);
  const draft = await context.plans.draftOf(record);
  if (draft) {
    const card = planFormCard(planFormView(draft.plan, template, { caseReference: record.reference, status: draftStatus(draft.version, draft.savedAt) }));
    return { messages: [{ text: `The draft of ${record.reference}'s CiN plan (version ${draft.version}), as last saved.`, card }] };
  }
  const current = await context.plans.currentOf(record);
  const plan: Plan = current?.plan ?? { sections: {}, actions: [EMPTY_ACTION], reviewOn: '' };
  const status = current
    ? `Version ${current.version} agreed ${formatLongDate(current.agreement.heldOn)}; saving makes a draft of version ${current.version + 1}`
    : 'New plan';
  const card = planFormCard(planFormView(plan, template, { caseReference: record.reference, status }));
  return { messages: [{ text: current ? `${record.reference}'s CiN plan, version ${current.version}, to change.` : `A new CiN plan for ${record.reference}.`, card }] };
}

/** `plan.save-draft`: saves what was typed, whatever state it is in. */
export function savePlanDraft(record: CaseRecord, submission: PlanSubmission, request: CardRequest, context: BotContext): Promise<Reply> {
  return savingFirst(record, submission, request, context, (plan, reference) => ({ plan, notice: `Draft saved. "plan ${reference}" opens it again, in this chat or any other.` }));
}

/** `plan.add-action`: saves, then shows one more empty action row. */
export function addPlanAction(record: CaseRecord, submission: PlanSubmission, request: CardRequest, context: BotContext): Promise<Reply> {
  return savingFirst(record, submission, request, context, (plan) =>
    plan.actions.length >= MOST_ACTION_ROWS
      ? { plan, notice: `A plan holds at most ${MOST_ACTION_ROWS} actions on one card. Draft saved.` }
      : { plan: { ...plan, actions: [...plan.actions, EMPTY_ACTION] }, notice: 'Action added. Draft saved.' },
  );
}

/** `plan.remove-action`: saves the plan without the row whose Remove button was pressed. */
export function removePlanAction(record: CaseRecord, submission: PlanSubmission, request: CardRequest, context: BotContext): Promise<Reply> {
  return savingFirst(record, submission, request, context, (plan) => {
    const row = submission.row;
    if (row === undefined || row >= plan.actions.length) return { plan, notice: 'Draft saved.' };
    return { plan: { ...plan, actions: plan.actions.filter((_action, index) => index !== row) }, notice: `Action ${row + 1} removed. Draft saved.` };
  });
}

/**
 * `plan.agree`: saves the draft, checks it against the authority's template and rules, and if sound records
 * the meeting and the plan's start through the case store (so the obligations are re-computed and audited)
 * and the draft as the newest agreed version. Otherwise the same card comes back with the input kept and the
 * problem beside each field.
 */
export async function agreePlan(record: CaseRecord, submission: PlanSubmission, request: CardRequest, context: BotContext): Promise<Reply> {
  const policy = policyOf(record, context.policies);
  const template = planTemplateFor(policy);
  const plan = planOfSubmission(submission, template);
  const version = await context.plans.saveDraft(record, plan, request.asker, request.receivedAt);
  const today = londonDateOf(request.receivedAt);
  const events = (await context.cases.eventsOf(record.id)).map((recorded) => recorded.event);
  const findings = planFindingsOn(plan, today, template, {
    meeting: submission.meeting,
    heldOn: submission.heldOn,
    caseFile: { authorityId: record.authorityId, pathways: record.pathways, events },
    openedOn: record.openedOn,
    policy,
    calendar: context.calendar,
  });
  if (findings.length > 0) {
    const state: FormState = { caseReference: record.reference, status: draftStatus(version, request.receivedAt), findings, meeting: submission.meeting, heldOn: submission.heldOn };
    const card = planFormCard(planFormView(plan, template, state));
    return { messages: [], updatedCard: card, invokeMessage: `Not agreed yet: ${findings.length} to put right. The draft is saved.` };
  }

  const meeting = MEETING_KINDS.find((kind) => kind === submission.meeting);
  const heldOn = parseLocalDate(submission.heldOn.trim());
  if (!meeting || !heldOn) throw new Error('A plan passed its checks without a meeting and its date');
  const agreement = { meeting, heldOn };
  const agreed: Plan = { ...plan, actions: plan.actions.filter((action) => !isBlankAction(action)) };
  for (const event of eventsOnAgreeing(events, agreement, agreed.reviewOn as LocalDate)) {
    const recorded = await context.cases.recordEvent(record, event, request.asker, today, request.receivedAt, { unlessRecorded: true });
    if (!recorded.ok) throw new Error(`Agreeing a checked plan was refused an event: ${recorded.error.kind}`);
  }
  const agreedVersion = await context.plans.agree(record, agreed, agreement, request.asker, request.receivedAt);
  const reply = await agreedPlanReply(record, agreedVersion, request, context, { justAgreed: true });
  const [message] = reply.messages;
  return { messages: message ? [{ text: message.text }] : [], ...(message?.card ? { updatedCard: message.card } : {}) };
}

async function savingFirst(
  record: CaseRecord,
  submission: PlanSubmission,
  request: CardRequest,
  context: BotContext,
  change: (plan: Plan, reference: string) => { readonly plan: Plan; readonly notice: string },
): Promise<Reply> {
  const template = templateOf(record, context);
  const { plan, notice } = change(planOfSubmission(submission, template), record.reference);
  const version = await context.plans.saveDraft(record, plan, request.asker, request.receivedAt);
  const state: FormState = {
    caseReference: record.reference,
    status: draftStatus(version, request.receivedAt),
    notice,
    meeting: submission.meeting,
    heldOn: submission.heldOn,
  };
  return { messages: [], updatedCard: planFormCard(planFormView(plan, template, state)) };
}

function draftStatus(version: number, savedAt: Date): string {
  return `Draft of version ${version}, saved ${formatLongDate(londonDateOf(savedAt))}`;
}

function templateOf(record: CaseRecord, context: BotContext): PlanTemplate {
  return planTemplateFor(policyOf(record, context.policies));
}
