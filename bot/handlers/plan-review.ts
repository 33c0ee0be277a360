import { z } from 'zod';
import { planFormCard } from '../../cards/plan-form-card.js';
import { planReviewCard, reviewInputIds, type PlanReviewView } from '../../cards/plan-review-card.js';
import { formatLongDate, londonDateOf, parseLocalDate } from '../../domain/dates/local-date.js';
import { ACTION_PROGRESS, REVIEW_DECISIONS, reviewFindingsOn, type ActionProgress, type PlanReview, type ReviewDecision, type ReviewField } from '../../domain/plans/review.js';
import { assertNever } from '../../domain/result.js';
import { planTemplateFor } from '../../domain/plans/plan-template.js';
import { policyOf } from '../cases/case-policy.js';
import { timelineReply } from '../cases/timeline-reply.js';
import { openClosureRequest } from '../closures/open-closure-request.js';
import { planFormView, PlanVersionNumberSchema } from '../plans/plan-form-view.js';
import { tellManagersOfEscalation } from '../plans/tell-managers-of-escalation.js';
import type { Reply } from '../ports.js';
import { say } from '../replies/say.js';
import type { CaseRecord } from '../store/cases.js';
import type { AgreedPlan } from '../store/plans.js';
import type { BotContext, CardRequest } from './context.js';
import { CaseReferenceSchema } from '../cases/identifiers.js';

const VIEWS_LENGTH = 2000;
// The card's maxLength stops a person typing more; only a crafted submission is cut.
const cutTo = (maxLength: number) => (text: string) => text.slice(0, maxLength);

/** What the review card sends: the plan version it shows, how many actions, and every input. */
export const PlanReviewSubmissionSchema = z
  .object({
    caseReference: CaseReferenceSchema,
    version: PlanVersionNumberSchema,
    rowCount: z.coerce.number().int().min(0).max(40),
    heldOn: z.string().max(40).default(''),
    childViews: z.string().catch('').transform(cutTo(VIEWS_LENGTH)),
    familyViews: z.string().catch('').transform(cutTo(VIEWS_LENGTH)),
    agreement: z.string().catch('').transform(cutTo(VIEWS_LENGTH)),
    decision: z.string().max(40).default(''),
  })
  .catchall(z.unknown());
export type PlanReviewSubmission = z.infer<typeof PlanReviewSubmissionSchema>;

const PROGRESS_WORDS: Readonly<Record<ActionProgress, string>> = {
  achieved: 'Achieved',
  'on-track': 'On track',
  behind: 'Behind',
  'not-started': 'Not started',
};

const DECISION_WORDS: Readonly<Record<ReviewDecision, string>> = {
  continue: 'Continue with the plan as it is',
  amend: 'Change the plan',
  'step-down': 'Step down (to early help or universal services)',
  close: 'Close the case',
  escalate: 'Escalate: consider safeguarding procedures',
};

/** `review <ref>`: the review card on the plan in force, the date set to today. */
export async function openReview(record: CaseRecord, request: CardRequest, context: BotContext): Promise<Reply> {
  const current = await context.plans.currentOf(record);
  if (!current) return say(`${record.reference} has no agreed plan to review yet. "plan ${record.reference}" writes one.`);
  const blank: PlanReview = {
    heldOn: londonDateOf(request.receivedAt),
    progress: current.plan.actions.map(() => ({ progress: '', note: '' })),
    childViews: '',
    familyViews: '',
    agreement: '',
    decision: '',
  };
  const card = planReviewCard(reviewView(record, current, blank, [], context));
  return { messages: [{ text: `Review of ${record.reference}'s CiN plan, version ${current.version}.`, card }] };
}

/**
 * `plan.review`: records the review held (through the case store, so the next review and visits are worked
 * out again) and what it decided, then starts the next step: the plan form to change the plan, the closure or
 * step-down request, or the timeline. A refused review comes back as the same card with the input kept.
 */
export async function recordReview(record: CaseRecord, submission: PlanReviewSubmission, request: CardRequest, context: BotContext): Promise<Reply> {
  const current = await context.plans.currentOf(record);
  if (!current || current.version !== submission.version) {
    return say(`${record.reference}'s plan has changed since this review card was made. "review ${record.reference}" opens one on the plan in force.`);
  }
  const review = reviewOf(submission, current);
  const today = londonDateOf(request.receivedAt);
  const findings = reviewFindingsOn(review, today, record.openedOn);
  const heldOn = parseLocalDate(review.heldOn.trim());
  const decision = REVIEW_DECISIONS.find((candidate) => candidate === review.decision);
  if (findings.length > 0 || !heldOn || !decision) {
    const card = planReviewCard(reviewView(record, current, review, findings, context));
    return { messages: [], updatedCard: card, invokeMessage: `Review not recorded yet: ${findings.length} to put right.` };
  }

  const recorded = await context.cases.recordEvent(record, { kind: 'review-held', on: heldOn }, request.asker, today, request.receivedAt, { unlessRecorded: true });
  if (!recorded.ok) throw new Error(`A checked review was refused: ${recorded.error.kind}`);
  const progress = review.progress.map((row) => ({ progress: ACTION_PROGRESS.find((candidate) => candidate === row.progress) ?? 'not-started', note: row.note }));
  await context.plans.recordReview(record, current.version, heldOn, decision, { progress, childViews: review.childViews, familyViews: review.familyViews, agreement: review.agreement }, request.asker, request.receivedAt);

  const lead = `Review of ${formatLongDate(heldOn)} recorded for ${record.reference}: ${DECISION_WORDS[decision].toLowerCase()}.`;
  switch (decision) {
    case 'continue':
      return replacing(await timelineReply(record, request, context, lead));
    case 'amend': {
      const template = planTemplateFor(policyOf(record, context.policies));
      const version = await context.plans.saveDraft(record, current.plan, request.asker, request.receivedAt);
      const view = planFormView(current.plan, template, {
        caseReference: record.reference,
        status: `Draft of version ${version}, from version ${current.version}`,
        notice: `${lead} Change the plan below, then agree it: the review meeting and its date are filled in.`,
        meeting: 'review',
        heldOn,
      });
      return { messages: [{ text: lead }], updatedCard: planFormCard(view) };
    }
    case 'step-down':
    case 'close': {
      const timeline = replacing(await timelineReply(record, request, context, lead));
      const next = await openClosureRequest(record, decision === 'close' ? 'closure' : 'step-down', request, context);
      return { ...timeline, messages: [...timeline.messages, ...next.messages] };
    }
    case 'escalate': {
      const { told, unreachable } = await tellManagersOfEscalation(record, heldOn, request.asker.userId, request.receivedAt, context);
      const outcome =
        told > 0 && unreachable === 0
          ? `${told === 1 ? 'The manager has' : `The ${told} managers have`} been told in Teams (case reference only).`
          : told > 0
            ? `${told} of the managers have been told in Teams; ${unreachable} could not be reached, so tell them yourself today.`
            : 'No manager of the case could be told in Teams: tell your manager today, as the safeguarding route starts with them.';
      return replacing(await timelineReply(record, request, context, `${lead} ${outcome}`));
    }
    default:
      return assertNever(decision);
  }
}

function reviewOf(submission: PlanReviewSubmission, current: AgreedPlan): PlanReview {
  const text = (id: string, maxLength: number) => z.string().catch('').transform(cutTo(maxLength)).parse(submission[id] ?? '');
  return {
    heldOn: submission.heldOn.trim(),
    progress: current.plan.actions.map((_action, row) => ({ progress: text(reviewInputIds.progress(row), 40), note: text(reviewInputIds.note(row), 500) })),
    childViews: submission.childViews,
    familyViews: submission.familyViews,
    agreement: submission.agreement,
    decision: submission.decision,
  };
}

function reviewView(record: CaseRecord, current: AgreedPlan, review: PlanReview, findings: readonly { readonly field: ReviewField; readonly message: string }[], context: BotContext): PlanReviewView {
  const template = planTemplateFor(policyOf(record, context.policies));
  const messageFor = (field: ReviewField) => findings.filter((finding) => finding.field === field).map((finding) => finding.message).join(' ');
  return {
    caseReference: record.reference,
    authorityName: template.authorityName,
    version: current.version,
    agreedOn: formatLongDate(current.agreement.heldOn),
    formError: findings.length === 0 ? '' : `Not recorded yet: ${findings.length} ${findings.length === 1 ? 'thing' : 'things'} to put right, each shown beside its field.`,
    heldOn: review.heldOn,
    heldOnError: messageFor('heldOn'),
    actions: current.plan.actions.map((action, row) => ({
      title: `${template.columns.action.label} ${row + 1}`,
      action: action.action,
      who: `${action.owner}, by ${dated(action.dueOn)}`,
      progress: review.progress[row]?.progress ?? '',
      note: review.progress[row]?.note ?? '',
      error: messageFor(`progress:${row}`),
    })),
    progressChoices: ACTION_PROGRESS.map((value) => ({ title: PROGRESS_WORDS[value], value })),
    childViews: review.childViews,
    childViewsError: messageFor('childViews'),
    familyViews: review.familyViews,
    familyViewsError: messageFor('familyViews'),
    agreement: review.agreement,
    decision: review.decision,
    decisionError: messageFor('decision'),
    decisionChoices: REVIEW_DECISIONS.map((value) => ({ title: DECISION_WORDS[value], value })),
  };
}

function dated(text: string): string {
  const date = parseLocalDate(text);
  return date ? formatLongDate(date) : text;
}

/** The reply's card replaces the review card that was pressed. */
function replacing(reply: Reply): Reply {
  const [message, ...rest] = reply.messages;
  if (!message?.card) return reply;
  return { messages: [{ text: message.text }, ...rest], updatedCard: message.card };
}
