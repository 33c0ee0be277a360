import { z } from 'zod';
import { LocalDateSchema } from '../domain/dates/local-date.js';
import type { CardVerb } from '../cards/verbs.js';
import { VERBS } from '../cards/verbs.js';
import { policyFor } from '../domain/policy/registry.js';
import { deliveryStatus, exportCensusLink, importAttachedCases, policyStatus, removeCaseNow } from './handlers/admin.js';
import { reassignCase } from './handlers/reassign-case.js';
import { exportTimelinessLink, teamReport } from './handlers/team-timeliness.js';
import { answerChosenRule, askQuestion } from './handlers/ask-question.js';
import { showCase } from './handlers/case-timeline.js';
import { compareAcrossAuthorities, listRules, setAuthority, welcomeFor } from './handlers/commands.js';
import { myCases, myDeadlines, teamDeadlines } from './handlers/deadlines.js';
import { CaseFormSubmissionSchema, createCase, newCaseForm } from './handlers/open-case.js';
import { OpenRecordFormSchema, openRecordForm, RecordEventSubmissionSchema, recordFromCard, recordFromText, withdrawEvent } from './handlers/record-event.js';
import { addPlanAction, agreePlan, OpenPlanSchema, openPlan, removePlanAction, savePlanDraft } from './handlers/plan-form.js';
import { openReview, PlanReviewSubmissionSchema, recordReview } from './handlers/plan-review.js';
import { ComparePlanVersionsSchema, comparePlanVersions, ShowPlanVersionSchema, showPlanVersion } from './handlers/plan-versions.js';
import { PlanSubmissionSchema } from './plans/plan-form-view.js';
import { changeRole, listRoles } from './handlers/roles.js';
import { ClosureDecisionSchema, ClosureRefreshSchema, decideClosure, refreshClosure } from './handlers/closure-decision.js';
import { ClosureRequestSubmissionSchema, saveClosureRequest, sendClosureRequest } from './handlers/closure-request.js';
import { openClosureRequest } from './closures/open-closure-request.js';
import { acknowledgeReminder, OpenCaseSchema, recordReminderDone, ReminderActionSchema, snoozeReminder } from './handlers/reminder-actions.js';
import { caseCardAction, caseCommand, cardAction, command, onCase, type CardRoute, type MessageRoute, type MessageRouteRequest } from './route-access.js';
import type { RecordRequest } from './understanding/recorded-event.js';

const TEAM_FIGURES_REFUSAL = 'Team figures are for managers, senior practitioners and admins, and you hold none of those roles. An admin can give you the role.';

/** Typed commands, tried in order before the text is read as a record request or a question. */
export const MESSAGE_ROUTES: readonly MessageRoute[] = [
  command({ pattern: /^(help|hi|hello|start|\?)$/i, who: ['anyone'], handle: (_args, request, context) => welcomeFor(request.asker, context) }),
  command({ pattern: /^what can (you|i) (ask|answer|do)\b/i, who: ['anyone'], handle: (_args, request, context) => welcomeFor(request.asker, context) }),
  command({
    pattern: /^set (?:my )?authority(?: to)?\s+(?<name>.+)$/i,
    groups: ['name'],
    who: ['anyone'],
    handle: ({ name }, request, context) => setAuthority(name, request.asker, context),
  }),
  command({
    pattern: /^rules\b(?:\s+(?:for\s+)?(?<name>.*))?$/i,
    groups: ['name'],
    who: ['anyone'],
    handle: ({ name }, request, context) => listRules(name, request.asker, context),
  }),
  command({
    pattern: /^new case\s+(?<reference>\S{1,40})$/i,
    groups: ['reference'],
    who: ['anyone'],
    handle: ({ reference }, request, context) => newCaseForm(reference.toUpperCase(), request, context),
  }),
  caseCommand({ pattern: /^case\s+(?<reference>\S{1,40})$/i, groups: ['reference'], caseIn: 'reference', who: ['case team'], handle: (record, _args, request, context) => showCase(record, request, context) }),
  // A reference has a digit in it, so "plan duration" or "review frequency" stay questions.
  caseCommand({ pattern: /^(?:cin\s+)?plan\s+(?:for\s+)?(?<reference>(?=\S*\d)\S{1,40})$/i, groups: ['reference'], caseIn: 'reference', who: ['case team'], handle: (record, _args, request, context) => openPlan(record, request, context) }),
  caseCommand({
    pattern: /^review\s+(?:the\s+plan\s+)?(?:for\s+)?(?<reference>(?=\S*\d)\S{1,40})$/i,
    groups: ['reference'],
    caseIn: 'reference',
    who: ['case team'],
    handle: (record, _args, request, context) => openReview(record, request, context),
  }),
  command({ pattern: /^my cases$/i, who: ['anyone'], handle: (_args, request, context) => myCases(request, context) }),
  command({ pattern: /^my deadlines$/i, who: ['anyone'], handle: (_args, request, context) => myDeadlines(request, context) }),
  command({
    pattern: /^team deadlines$/i,
    who: ['team manager'],
    refusal: 'Team deadlines are for managers and senior practitioners, and you manage no team. An admin can give you the role.',
    handle: (_args, request, context) => teamDeadlines(request, context),
  }),
  caseCommand({
    pattern: /^withdraw\s+(?:entry\s+)?#?(?<entry>\d{1,18})\s+for\s+(?<reference>\S{1,40})$/i,
    groups: ['entry', 'reference'],
    caseIn: 'reference',
    who: ['case team'],
    handle: (record, { entry }, request, context) => withdrawEvent(record, entry, request, context),
  }),
  command({
    pattern: /^(?<remove>remove\s+)?role\s+(?<who><at>.*?<\/at>|\S+)\s+(?<role>.+?)(?:\s+of\s+(?<team>.+))?$/i,
    groups: ['remove', 'who', 'role', 'team'],
    who: ['admin'],
    refusal: 'Only an admin can give or remove roles. The first admins are set by BOT_ADMINS.',
    handle: ({ remove, who, role, team }, request, context) => changeRole({ remove: remove !== '', who, role, team }, request, context),
  }),
  command({ pattern: /^roles$/i, who: ['anyone'], handle: (_args, request, context) => listRoles(request, context) }),
  command({
    pattern: /^remove case\s+(?<reference>\S{1,40})$/i,
    groups: ['reference'],
    who: ['admin'],
    refusal: 'Only an admin can remove a case.',
    handle: ({ reference }, request, context) => removeCaseNow(reference, request, context),
  }),
  command({
    pattern: /^export census\b(?<period>.*)$/i,
    groups: ['period'],
    who: ['admin'],
    refusal: 'Only an admin can export the census.',
    handle: ({ period }, request, context) => exportCensusLink(period, request, context),
  }),
  command({
    pattern: /^export timeliness\b(?<period>.*)$/i,
    groups: ['period'],
    who: ['team manager', 'admin'],
    refusal: TEAM_FIGURES_REFUSAL,
    handle: ({ period }, request, context) => exportTimelinessLink(period, request, context),
  }),
  command({ pattern: /^team report$/i, who: ['team manager', 'admin'], refusal: TEAM_FIGURES_REFUSAL, handle: (_args, request, context) => teamReport(request, context) }),
  command({ pattern: /^import cases\b/i, who: ['admin'], refusal: 'Only an admin can import cases.', handle: (_args, request, context) => importAttachedCases(request, context) }),
  caseCommand({
    pattern: /^close\s+(?:case\s+)?(?<reference>\S{1,40})$/i,
    groups: ['reference'],
    caseIn: 'reference',
    who: ['case team'],
    handle: (record, _args, request, context) => openClosureRequest(record, 'closure', request, context),
  }),
  caseCommand({
    pattern: /^step[ -]?down\s+(?:case\s+)?(?<reference>\S{1,40})$/i,
    groups: ['reference'],
    caseIn: 'reference',
    who: ['case team'],
    handle: (record, _args, request, context) => openClosureRequest(record, 'step-down', request, context),
  }),
  command({
    pattern: /^delivery status$/i,
    who: ['admin'],
    refusal: 'Only an admin can see the delivery status.',
    handle: (_args, request, context) => deliveryStatus(request, context),
  }),
  command({
    pattern: /^polic(?:y|ies) status$/i,
    who: ['admin'],
    refusal: 'Only an admin can see the policy status.',
    handle: (_args, request, context) => policyStatus(request, context),
  }),
  caseCommand({
    pattern: /^reassign\s+(?<reference>\S{1,40})\s+to\s+(?<who><at>.*?<\/at>|\S+)$/i,
    groups: ['reference', 'who'],
    caseIn: 'reference',
    who: ['team manager', 'admin'],
    // The same words whether the case is missing or in a team they do not manage: nothing about it is told.
    refusal: (reference) => `Only a manager of the case's team or an admin can reassign a case, and I have none ${reference.slice(0, 40)} that you manage.`,
    handle: (record, { who }, request, context) => reassignCase(record, who, request, context),
  }),
  command({
    pattern: /^compare\b|\bacross (all )?(the )?(five )?authorities\b|\bevery authority\b|\beach authority\b/i,
    who: ['anyone'],
    handle: (_args, request, context) => compareAcrossAuthorities(request.text, context),
  }),
];

/** "record assessment completed 2 March for AB12", read from free text when no command matched. */
export const RECORD_REQUEST_ROUTE = onCase<RecordRequest, MessageRouteRequest>({
  caseReference: (recordRequest) => recordRequest.caseReference,
  who: ['case team'],
  handle: recordFromText,
});

export const ChooseAuthoritySchema = z.object({ authorityId: z.string().min(1).max(80), question: z.string().max(2000).optional() });

/** A rule pressed on "Which did you mean?" or "Not what you asked?"; an answer card's date comes with it ('' for none). */
export const ChooseRuleSchema = z.object({
  authorityId: z.string().min(1).max(80),
  ruleId: z.string().min(1).max(200),
  anchorDate: z.union([LocalDateSchema, z.literal('')]).optional().transform((value) => (value === '' ? undefined : value)),
});

/** A route table for `Verb`: one route for each, so a verb added to cards/verbs.ts without a route does not compile. */
export type CardRouteTable<Verb extends string> = Readonly<Record<Verb, CardRoute>>;

/** Every card verb with the schema its data must meet, who may press it, and what it does. */
export const CARD_ROUTES: CardRouteTable<CardVerb> = {
  [VERBS.chooseAuthority]: cardAction({
    schema: ChooseAuthoritySchema,
    who: ['anyone'],
    handle: (data, request, context) => {
      const policy = policyFor(data.authorityId, context.policies);
      if (!policy.ok) return { messages: [{ text: 'That authority is not one I know.' }] };
      return askQuestion(policy.value.authority.name, request.receivedAt, request.asker, context);
    },
  }),
  [VERBS.chooseRule]: cardAction({ schema: ChooseRuleSchema, who: ['anyone'], handle: (data, request, context) => answerChosenRule(data, request.receivedAt, request.asker, context) }),
  [VERBS.createCase]: cardAction({ schema: CaseFormSubmissionSchema, who: ['anyone'], handle: createCase }),
  [VERBS.openRecordForm]: caseCardAction({ schema: OpenRecordFormSchema, caseReference: (data) => data.reference, who: ['case team'], handle: (record, _data, request) => openRecordForm(record, request) }),
  [VERBS.recordEvent]: caseCardAction({ schema: RecordEventSubmissionSchema, caseReference: (data) => data.reference, who: ['case team'], handle: recordFromCard }),
  [VERBS.openCase]: caseCardAction({ schema: OpenCaseSchema, caseReference: (data) => data.caseReference, who: ['case team'], handle: (record, _data, request, context) => showCase(record, request, context) }),
  // The stored reminder names the one person it was sent to; anyone else is told it is not theirs.
  [VERBS.acknowledgeReminder]: cardAction({ schema: ReminderActionSchema, who: ['anyone'], handle: acknowledgeReminder }),
  [VERBS.snoozeReminder]: cardAction({ schema: ReminderActionSchema, who: ['anyone'], handle: snoozeReminder }),
  [VERBS.recordReminderDone]: cardAction({ schema: ReminderActionSchema, who: ['anyone'], handle: recordReminderDone }),
  [VERBS.openPlan]: caseCardAction({ schema: OpenPlanSchema, caseReference: (data) => data.caseReference, who: ['case team'], handle: (record, _data, request, context) => openPlan(record, request, context) }),
  [VERBS.savePlanDraft]: caseCardAction({ schema: PlanSubmissionSchema, caseReference: (data) => data.caseReference, who: ['case team'], handle: savePlanDraft }),
  [VERBS.addPlanAction]: caseCardAction({ schema: PlanSubmissionSchema, caseReference: (data) => data.caseReference, who: ['case team'], handle: addPlanAction }),
  [VERBS.removePlanAction]: caseCardAction({ schema: PlanSubmissionSchema, caseReference: (data) => data.caseReference, who: ['case team'], handle: removePlanAction }),
  [VERBS.agreePlan]: caseCardAction({ schema: PlanSubmissionSchema, caseReference: (data) => data.caseReference, who: ['case team'], handle: agreePlan }),
  [VERBS.showPlanVersion]: caseCardAction({ schema: ShowPlanVersionSchema, caseReference: (data) => data.caseReference, who: ['case team'], handle: showPlanVersion }),
  [VERBS.comparePlanVersions]: caseCardAction({ schema: ComparePlanVersionsSchema, caseReference: (data) => data.caseReference, who: ['case team'], handle: comparePlanVersions }),
  [VERBS.recordPlanReview]: caseCardAction({ schema: PlanReviewSubmissionSchema, caseReference: (data) => data.caseReference, who: ['case team'], handle: recordReview }),
  [VERBS.saveClosureRequest]: caseCardAction({
    schema: ClosureRequestSubmissionSchema,
    caseReference: (data) => data.caseReference,
    who: ['case team'],
    refusesOnCard: true,
    handle: saveClosureRequest,
  }),
  [VERBS.sendClosureRequest]: caseCardAction({
    schema: ClosureRequestSubmissionSchema,
    caseReference: (data) => data.caseReference,
    who: ['case team'],
    refusesOnCard: true,
    handle: sendClosureRequest,
  }),
  // The stored request decides: only an approver the procedure names, never its requester; each refusal audited.
  [VERBS.approveClosure]: cardAction({ schema: ClosureDecisionSchema, who: ['anyone'], handle: decideClosure('approved') }),
  [VERBS.returnClosure]: cardAction({ schema: ClosureDecisionSchema, who: ['anyone'], handle: decideClosure('returned') }),
  [VERBS.refreshClosure]: cardAction({ schema: ClosureRefreshSchema, who: ['anyone'], handle: refreshClosure }),
};
