import { z } from 'zod';
import { LocalDateSchema } from '../domain/dates/local-date.js';
import { VERBS } from '../cards/verbs.js';
import { policyFor } from '../domain/policy/registry.js';
import type { AttachedFile, Reply } from './ports.js';
import { deliveryStatus, exportCensusLink, importAttachedCases, policyStatus, removeCaseNow } from './handlers/admin.js';
import { reassignCase } from './handlers/reassign-case.js';
import { exportTimelinessLink, teamReport } from './handlers/team-timeliness.js';
import { answerChosenRule, askQuestion } from './handlers/ask-question.js';
import { showCase } from './handlers/case-timeline.js';
import { compareAcrossAuthorities, listRules, setAuthority, welcomeFor } from './handlers/commands.js';
import type { BotContext, CardRequest, MessageRequest } from './handlers/context.js';
import { myCases, myDeadlines, teamDeadlines } from './handlers/deadlines.js';
import { CaseFormSubmissionSchema, createCase, newCaseForm } from './handlers/open-case.js';
import { OpenRecordFormSchema, openRecordForm, RecordEventSubmissionSchema, recordFromCard, withdrawEvent } from './handlers/record-event.js';
import { addPlanAction, agreePlan, OpenPlanSchema, openPlan, openPlanFromCard, removePlanAction, savePlanDraft } from './handlers/plan-form.js';
import { openReview, PlanReviewSubmissionSchema, recordReview } from './handlers/plan-review.js';
import { ComparePlanVersionsSchema, comparePlanVersions, ShowPlanVersionSchema, showPlanVersion } from './handlers/plan-versions.js';
import { PlanSubmissionSchema } from './plans/plan-form-view.js';
import { changeRole, listRoles } from './handlers/roles.js';
import { ClosureDecisionSchema, ClosureRefreshSchema, decideClosure, refreshClosure } from './handlers/closure-decision.js';
import { ClosureRequestSubmissionSchema, saveClosureRequest, sendClosureRequest } from './handlers/closure-request.js';
import { openClosureRequest } from './closures/open-closure-request.js';
import { acknowledgeReminder, OpenCaseSchema, recordReminderDone, ReminderActionSchema, snoozeReminder } from './handlers/reminder-actions.js';

export type MessageRouteRequest = MessageRequest & { readonly mentionedUserIds: readonly string[]; readonly files: readonly AttachedFile[] };

/** Typed commands, tried in order before the text is read as a record request or a question. */
export const MESSAGE_ROUTES: readonly {
  readonly pattern: RegExp;
  readonly handle: (match: RegExpExecArray, request: MessageRouteRequest, context: BotContext) => Promise<Reply> | Reply;
}[] = [
  { pattern: /^(help|hi|hello|start|\?)$/i, handle: (_match, request, context) => welcomeFor(request.asker, context) },
  { pattern: /^what can (you|i) (ask|answer|do)\b/i, handle: (_match, request, context) => welcomeFor(request.asker, context) },
  { pattern: /^set (?:my )?authority(?: to)?\s+(.+)$/i, handle: (match, request, context) => setAuthority(match[1] ?? '', request.asker, context) },
  { pattern: /^rules\b(?:\s+(?:for\s+)?(.*))?$/i, handle: (match, request, context) => listRules(match[1] ?? '', request.asker, context) },
  { pattern: /^new case\s+(\S{1,40})$/i, handle: (match, request, context) => newCaseForm((match[1] ?? '').toUpperCase(), request, context) },
  { pattern: /^case\s+(\S{1,40})$/i, handle: (match, request, context) => showCase(match[1] ?? '', request, context) },
  // A reference has a digit in it, so "plan duration" or "review frequency" stay questions.
  { pattern: /^(?:cin\s+)?plan\s+(?:for\s+)?((?=\S*\d)\S{1,40})$/i, handle: (match, request, context) => openPlan(match[1] ?? '', request, context) },
  { pattern: /^review\s+(?:the\s+plan\s+)?(?:for\s+)?((?=\S*\d)\S{1,40})$/i, handle: (match, request, context) => openReview(match[1] ?? '', request, context) },
  { pattern: /^my cases$/i, handle: (_match, request, context) => myCases(request, context) },
  { pattern: /^my deadlines$/i, handle: (_match, request, context) => myDeadlines(request, context) },
  { pattern: /^team deadlines$/i, handle: (_match, request, context) => teamDeadlines(request, context) },
  { pattern: /^withdraw\s+(?:entry\s+)?#?(\d{1,18})\s+for\s+(\S{1,40})$/i, handle: (match, request, context) => withdrawEvent(match[1] ?? '', match[2] ?? '', request, context) },
  { pattern: /^(remove\s+)?role\s+(<at>.*?<\/at>|\S+)\s+(.+?)(?:\s+of\s+(.+))?$/i, handle: (match, request, context) => changeRole(match, request, context) },
  { pattern: /^roles$/i, handle: (_match, request, context) => listRoles(request, context) },
  { pattern: /^remove case\s+(\S{1,40})$/i, handle: (match, request, context) => removeCaseNow(match[1] ?? '', request, context) },
  { pattern: /^export census\b(.*)$/i, handle: (match, request, context) => exportCensusLink(match[1] ?? '', request, context) },
  { pattern: /^export timeliness\b(.*)$/i, handle: (match, request, context) => exportTimelinessLink(match[1] ?? '', request, context) },
  { pattern: /^team report$/i, handle: (_match, request, context) => teamReport(request, context) },
  { pattern: /^import cases\b/i, handle: (_match, request, context) => importAttachedCases(request, context) },
  { pattern: /^close\s+(?:case\s+)?(\S{1,40})$/i, handle: (match, request, context) => openClosureRequest(match[1] ?? '', 'closure', request, context) },
  { pattern: /^step[ -]?down\s+(?:case\s+)?(\S{1,40})$/i, handle: (match, request, context) => openClosureRequest(match[1] ?? '', 'step-down', request, context) },
  { pattern: /^delivery status$/i, handle: (_match, request, context) => deliveryStatus(request, context) },
  { pattern: /^polic(?:y|ies) status$/i, handle: (_match, request, context) => policyStatus(request, context) },
  { pattern: /^reassign\s+(\S{1,40})\s+to\s+(<at>.*?<\/at>|\S+)$/i, handle: (match, request, context) => reassignCase(match[1] ?? '', match[2] ?? '', request, context) },
  { pattern: /^compare\b|\bacross (all )?(the )?(five )?authorities\b|\bevery authority\b|\beach authority\b/i, handle: (_match, request, context) => compareAcrossAuthorities(request.text, context) },
];

export const ChooseAuthoritySchema = z.object({ authorityId: z.string().min(1).max(80), question: z.string().max(2000).optional() });

/** A rule pressed on "Which did you mean?" or "Not what you asked?"; an answer card's date comes with it ('' for none). */
export const ChooseRuleSchema = z.object({
  authorityId: z.string().min(1).max(80),
  ruleId: z.string().min(1).max(200),
  anchorDate: z.union([LocalDateSchema, z.literal('')]).optional().transform((value) => (value === '' ? undefined : value)),
});

interface CardRoute<Schema extends z.ZodType> {
  readonly schema: Schema;
  readonly handle: (data: z.infer<Schema>, request: CardRequest, context: BotContext) => Promise<Reply>;
}

const route = <Schema extends z.ZodType>(definition: CardRoute<Schema>): CardRoute<Schema> => definition;

/** Every card verb with the schema its data must meet and what it does. */
export const CARD_ROUTES: Readonly<Record<string, CardRoute<z.ZodType>>> = {
  [VERBS.chooseAuthority]: route({
    schema: ChooseAuthoritySchema,
    handle: (data, request, context) => {
      const policy = policyFor(data.authorityId, context.policies);
      if (!policy.ok) return Promise.resolve({ messages: [{ text: 'That authority is not one I know.' }] });
      return askQuestion(policy.value.authority.name, request.receivedAt, request.asker, context);
    },
  }),
  [VERBS.chooseRule]: route({ schema: ChooseRuleSchema, handle: (data, request, context) => answerChosenRule(data, request.receivedAt, request.asker, context) }),
  [VERBS.createCase]: route({ schema: CaseFormSubmissionSchema, handle: createCase }),
  [VERBS.openRecordForm]: route({ schema: OpenRecordFormSchema, handle: openRecordForm }),
  [VERBS.recordEvent]: route({ schema: RecordEventSubmissionSchema, handle: recordFromCard }),
  [VERBS.openCase]: route({ schema: OpenCaseSchema, handle: (data, request, context) => showCase(data.caseReference, request, context) }),
  [VERBS.acknowledgeReminder]: route({ schema: ReminderActionSchema, handle: acknowledgeReminder }),
  [VERBS.snoozeReminder]: route({ schema: ReminderActionSchema, handle: snoozeReminder }),
  [VERBS.recordReminderDone]: route({ schema: ReminderActionSchema, handle: recordReminderDone }),
  [VERBS.openPlan]: route({ schema: OpenPlanSchema, handle: openPlanFromCard }),
  [VERBS.savePlanDraft]: route({ schema: PlanSubmissionSchema, handle: savePlanDraft }),
  [VERBS.addPlanAction]: route({ schema: PlanSubmissionSchema, handle: addPlanAction }),
  [VERBS.removePlanAction]: route({ schema: PlanSubmissionSchema, handle: removePlanAction }),
  [VERBS.agreePlan]: route({ schema: PlanSubmissionSchema, handle: agreePlan }),
  [VERBS.showPlanVersion]: route({ schema: ShowPlanVersionSchema, handle: showPlanVersion }),
  [VERBS.comparePlanVersions]: route({ schema: ComparePlanVersionsSchema, handle: comparePlanVersions }),
  [VERBS.recordPlanReview]: route({ schema: PlanReviewSubmissionSchema, handle: recordReview }),
  [VERBS.saveClosureRequest]: route({ schema: ClosureRequestSubmissionSchema, handle: saveClosureRequest }),
  [VERBS.sendClosureRequest]: route({ schema: ClosureRequestSubmissionSchema, handle: sendClosureRequest }),
  [VERBS.approveClosure]: route({ schema: ClosureDecisionSchema, handle: decideClosure('approved') }),
  [VERBS.returnClosure]: route({ schema: ClosureDecisionSchema, handle: decideClosure('returned') }),
  [VERBS.refreshClosure]: route({ schema: ClosureRefreshSchema, handle: refreshClosure }),
};
