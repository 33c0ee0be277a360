import { z } from 'zod';
import type { PlanFormView } from '../../cards/plan-form-card.js';
import { planInputIds } from '../../cards/plan-form-card.js';
import type { PlanFinding } from '../../domain/plans/plan-checks.js';
import { MEETING_KINDS, type MeetingKind, type Plan } from '../../domain/plans/plan.js';
import type { PlanTemplate } from '../../domain/plans/plan-template.js';
import type { PlanActionColumn } from '../../domain/policy/schema.js';
import { CaseReferenceSchema } from '../cases/identifiers.js';

/**
 * The most action rows a form holds. Twelve actions written at length, every field in error, come to about
 * 26 KB of the 28 KB Teams takes in one message (tests/cards/templates.test.ts binds such cards).
 */
export const MOST_ACTION_ROWS = 12;

const SECTION_LENGTH = 2000;
const CELL_LENGTH = 500;

/**
 * What every button of the plan form sends: the case, how many action rows the card showed, the row a Remove
 * button belongs to, and every input (read by the ids the card gave them; anything else is ignored).
 */
export const PlanSubmissionSchema = z
  .object({
    caseReference: CaseReferenceSchema,
    rowCount: z.coerce.number().int().min(0).max(MOST_ACTION_ROWS),
    row: z.coerce.number().int().min(0).max(MOST_ACTION_ROWS).optional(),
    reviewOn: z.string().max(40).default(''),
    meeting: z.string().max(40).default(''),
    heldOn: z.string().max(40).default(''),
  })
  .catchall(z.unknown());
export type PlanSubmission = z.infer<typeof PlanSubmissionSchema>;

/** A version number as a card sends it: a whole number within PostgreSQL's integer, which the column is. */
export const PlanVersionNumberSchema = z.coerce.number().int().min(1).max(2_147_483_647);

// Cut, not refused: the card's own maxLength stops a person typing more, so only a crafted submission is longer.
const inputText = (maxLength: number) => z.string().catch('').transform((text) => text.slice(0, maxLength));

export const MEETING_WORDS: Readonly<Record<MeetingKind, string>> = { 'initial-meeting': 'the initial CiN meeting', review: 'a review meeting' };

/**
 * The plan as the form holds it: the authority's sections and every row shown, each cell as typed (cut to the
 * form's own limits: a crafted submission cannot store more than the card allows).
 */
export function planOfSubmission(submission: PlanSubmission, template: PlanTemplate): Plan {
  const text = (id: string, maxLength: number) => inputText(maxLength).parse(submission[id] ?? '');
  const cell = (row: number, column: PlanActionColumn) => text(planInputIds.action(row, column), column === 'dueOn' ? 40 : CELL_LENGTH);
  return {
    sections: Object.fromEntries(template.sections.map((section) => [section.id, text(planInputIds.section(section.id), SECTION_LENGTH)])),
    actions: Array.from({ length: submission.rowCount }, (_unused, row) => ({
      action: cell(row, 'action'),
      owner: cell(row, 'owner'),
      dueOn: cell(row, 'dueOn').trim(),
      outcome: cell(row, 'outcome'),
    })),
    reviewOn: submission.reviewOn.trim(),
  };
}

export interface FormState {
  readonly caseReference: string;
  readonly status: string;
  readonly notice?: string;
  readonly findings?: readonly PlanFinding[];
  readonly meeting?: string;
  readonly heldOn?: string;
}

/** The plan form's view: the template's places filled from the plan, each finding beside its field. */
export function planFormView(plan: Plan, template: PlanTemplate, state: FormState): PlanFormView {
  const findings = state.findings ?? [];
  const messageFor = (field: PlanFinding['field']) => findings.filter((finding) => finding.field === field).map((finding) => finding.message).join(' ') || undefined;
  const columns = {
    action: template.columns.action.label,
    owner: template.columns.owner.label,
    dueOn: template.columns.dueOn.label,
    outcome: template.columns.outcome.label,
  };
  return {
    caseReference: state.caseReference,
    authorityName: template.authorityName,
    status: state.status,
    notice: state.notice ?? '',
    formError: findings.length === 0 ? '' : `Not agreed yet: ${findings.length} ${findings.length === 1 ? 'thing' : 'things'} to put right, each shown beside its field. The draft is saved.`,
    sections: template.sections.map((section) => {
      const error = messageFor(`section:${section.id}`);
      return { id: section.id, label: section.label, value: plan.sections[section.id] ?? '', ...(error ? { error } : {}) };
    }),
    columns,
    actions: plan.actions.map((action, row) => {
      const errors: Partial<Record<PlanActionColumn, string>> = {};
      for (const column of Object.keys(columns) as PlanActionColumn[]) {
        const message = messageFor(`action:${row}:${column}`);
        if (message) errors[column] = message;
      }
      return { ...action, errors };
    }),
    actionsError: messageFor('actions') ?? '',
    reviewDateLabel: template.reviewDate.label,
    reviewOn: plan.reviewOn,
    reviewOnError: messageFor('reviewOn') ?? '',
    meeting: state.meeting ?? '',
    meetingError: messageFor('meeting') ?? '',
    heldOn: state.heldOn ?? '',
    heldOnError: messageFor('heldOn') ?? '',
    meetingChoices: MEETING_KINDS.map((kind) => ({ title: `At ${MEETING_WORDS[kind]}`, value: kind })),
    guidance: template.guidance.map(({ requires, section }) => ({ requires, section })),
  };
}
