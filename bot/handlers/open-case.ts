import { z } from 'zod';
import { compareLocalDates, formatLongDate, londonDateOf, parseLocalDate, type LocalDate } from '../../domain/dates/local-date.js';
import { PathwaySchema, type Pathway } from '../../domain/policy/schema.js';
import { policyFor } from '../../domain/policy/registry.js';
import { caseFormCard, type CaseFormField, type CaseFormView } from '../../cards/case-form-card.js';
import { isAdmin, teamsOf } from '../cases/access.js';
import { CaseReferenceSchema, PERSON_ID, TEAM_NAME_MAX_LENGTH } from '../cases/identifiers.js';
import { timelineReply } from '../cases/timeline-reply.js';
import type { Reply } from '../ports.js';
import { replacingTheForm } from '../replies/replacing-the-form.js';
import type { BotContext, CardRequest } from './context.js';

const PATHWAY_TITLES: Readonly<Record<Pathway, string>> = {
  'disabled-children': 'Disabled children',
  'direct-payments': 'Direct payments',
  'supervision-order': 'Supervision order',
};

/** What the new-case card sends: every field as typed, so a refused form can come back exactly as it was. */
export const CaseFormSubmissionSchema = z.object({
  reference: CaseReferenceSchema,
  initials: z.string().max(200).default(''),
  authorityId: z.string().max(80).default(''),
  team: z.string().max(200).default(''),
  worker: z.string().max(200).default(''),
  openedOn: z.string().max(40).default(''),
  pathways: z.string().max(200).default(''),
});
export type CaseFormSubmission = z.infer<typeof CaseFormSubmissionSchema>;

/** Up to four letters, with or without full stops or spaces: initials, never a name. */
const INITIALS = /^[A-Za-z](?:[.\s]{0,2}[A-Za-z]){0,3}\.?$/;

/** `new case <ref>`: the new-case card, with the user's own team and authority filled in. */
export async function newCaseForm(reference: string, request: CardRequest, context: BotContext): Promise<Reply> {
  const roles = await context.roles.rolesOf(request.asker.tenantId, request.asker.userId);
  const authorityId = (await context.memory.authorityFor(request.asker)) ?? '';
  const submission: CaseFormSubmission = {
    reference,
    initials: '',
    authorityId,
    team: teamsOf(roles)[0] ?? '',
    worker: 'me',
    openedOn: londonDateOf(request.receivedAt),
    pathways: '',
  };
  const card = caseFormCard(formView(submission, {}, '', context));
  return { messages: [{ text: `Fill in the card to open case ${reference}: initials only, never the child's name.`, card }] };
}

/** `case.create`: opens the case, or returns the same card with the input kept and a message beside each wrong field. */
export async function createCase(submission: CaseFormSubmission, request: CardRequest, context: BotContext): Promise<Reply> {
  const today = londonDateOf(request.receivedAt);
  const roles = await context.roles.rolesOf(request.asker.tenantId, request.asker.userId);
  const errors: Partial<Record<CaseFormField, string>> = {};
  const initials = submission.initials.trim();
  if (!INITIALS.test(initials)) errors.initials = 'Give the child\u2019s initials only: up to four letters, e.g. A.B. Never a name.';
  const policy = policyFor(submission.authorityId, context.policies);
  if (!policy.ok) errors.authorityId = 'Choose the authority whose procedure the case follows.';
  const team = submission.team.trim();
  if (team === '' || team.length > TEAM_NAME_MAX_LENGTH) errors.team = `Name the team (up to ${TEAM_NAME_MAX_LENGTH} characters).`;
  else if (!isAdmin(roles) && !teamsOf(roles).includes(team)) errors.team = `You hold no role in team ${team}; an admin can give you one, or choose your own team.`;
  const worker = submission.worker.trim().toLowerCase() === 'me' ? request.asker.userId : submission.worker.trim();
  if (!PERSON_ID.test(worker)) errors.worker = 'Write "me", or the allocated worker\u2019s Entra object id.';
  const openedOn = parseLocalDate(submission.openedOn.trim().slice(0, 10));
  if (!openedOn) errors.openedOn = 'Give the date the case opened.';
  else if (compareLocalDates(openedOn, today) > 0) errors.openedOn = `That is after today (${formatLongDate(today)}).`;
  const pathways = submission.pathways.split(',').map((value) => value.trim()).filter((value) => value !== '');
  const knownPathways = pathways.filter((value): value is Pathway => PathwaySchema.safeParse(value).success);

  if (Object.keys(errors).length > 0 || !policy.ok || !openedOn) return refused(submission, errors, '', context);
  const opened = await context.cases.openCase(
    {
      tenantId: request.asker.tenantId,
      reference: submission.reference.toUpperCase(),
      initials: initials.toUpperCase(),
      authorityId: policy.value.authority.id,
      team,
      workerId: worker,
      pathways: knownPathways,
      openedOn: openedOn as LocalDate,
    },
    request.asker,
    request.receivedAt,
  );
  if (!opened.ok) return refused(submission, {}, `There is already a case ${submission.reference.toUpperCase()}. Open it with "case ${submission.reference.toUpperCase()}".`, context);
  return replacingTheForm(await timelineReply(opened.value, request, context, `Opened ${opened.value.reference}.`));
}

function refused(submission: CaseFormSubmission, errors: Partial<Record<CaseFormField, string>>, formError: string, context: BotContext): Reply {
  const card = caseFormCard(formView(submission, errors, formError, context));
  const problems = [formError, ...Object.values(errors)].filter((problem) => problem !== '');
  return { messages: [], updatedCard: card, invokeMessage: problems.join(' ') };
}

function formView(submission: CaseFormSubmission, errors: Partial<Record<CaseFormField, string>>, formError: string, context: BotContext): CaseFormView {
  return {
    ...submission,
    authorities: context.policies.map((policy) => ({ id: policy.authority.id, name: policy.authority.name })),
    pathwayChoices: PathwaySchema.options.map((value) => ({ value, title: PATHWAY_TITLES[value] })),
    errors,
    formError,
  };
}
