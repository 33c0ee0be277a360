import type { HolidayCalendar } from '../calendar/holiday-calendar.js';
import type { CaseFile } from '../cases/case-events.js';
import { compareLocalDates, formatLongDate, parseLocalDate, type LocalDate } from '../dates/local-date.js';
import type { PlanActionColumn, Policy } from '../policy/schema.js';
import { nextReviewAfterAgreeing } from './agreement.js';
import { isBlankAction, MEETING_KINDS, type Plan } from './plan.js';
import type { PlanTemplate } from './plan-template.js';

/** Where a finding belongs on the form: a section, a cell of an action row (by its index in the plan), or a whole field. */
export type PlanField = `section:${string}` | `action:${number}:${PlanActionColumn}` | 'actions' | 'reviewOn' | 'meeting' | 'heldOn';

/** One thing to put right before the plan can be agreed, with the rule behind it where there is one. */
export interface PlanFinding {
  readonly field: PlanField;
  readonly message: string;
  readonly ruleId?: string;
}

/** The meeting the plan is being agreed at, as entered, and what the check needs to know of the case. */
export interface AgreementCheck {
  readonly meeting: string;
  readonly heldOn: string;
  readonly caseFile: CaseFile;
  readonly openedOn: LocalDate;
  readonly policy: Policy;
  readonly calendar: HolidayCalendar;
}

/**
 * What stops a plan being agreed on `today` under its authority's template: an empty required section, an
 * action without an owner, a date or an outcome, more points than the procedure allows, a date in the past,
 * and (given the agreeing meeting) a review set later than the authority's rule requires. An empty list means
 * the plan may be agreed. Blank action rows are ignored.
 *
 * @example
 * planFindingsOn({ sections: {}, actions: [{ action: 'Parenting course', owner: '', dueOn: '2026-05-01', outcome: 'Routines' }],
 *   reviewOn: '2026-05-08' }, '2026-03-27', camdenTemplate)
 * //=> [{ field: 'action:0:owner', message: 'Say who: "Responsible agency".', ruleId: 'camden.plan-content.responsible-agency' }]
 */
export function planFindingsOn(plan: Plan, today: LocalDate, template: PlanTemplate, agreement?: AgreementCheck): PlanFinding[] {
  const findings: PlanFinding[] = [];
  for (const section of template.sections) {
    if ((plan.sections[section.id] ?? '').trim() === '') {
      findings.push({ field: `section:${section.id}`, message: `Write this section: ${sentence(section.rules[0]?.requires ?? section.label)}`, ...ruleOf(section) });
    }
  }

  const rows = plan.actions.map((action, index) => ({ action, index })).filter(({ action }) => !isBlankAction(action));
  if (rows.length === 0) findings.push({ field: 'actions', message: `Add at least one action: "${template.columns.action.label}".`, ...ruleOf(template.columns.action) });
  const limit = template.pointsLimit;
  if (limit && rows.length > limit.max) {
    const over = rows.length - limit.max;
    findings.push({
      field: 'actions',
      message: `${template.authorityName} asks for no more than ${limit.max} points; this plan has ${rows.length}. Merge or remove ${over}.`,
      ruleId: limit.ruleId,
    });
  }
  for (const { action, index } of rows) {
    const columns = template.columns;
    if (action.action.trim() === '') findings.push({ field: `action:${index}:action`, message: `Say what will happen: "${columns.action.label}".`, ...ruleOf(columns.action) });
    if (action.owner.trim() === '') findings.push({ field: `action:${index}:owner`, message: `Say who: "${columns.owner.label}".`, ...ruleOf(columns.owner) });
    const dateProblem = dateProblemOn(action.dueOn, today, 'the date it will be done by');
    if (dateProblem) findings.push({ field: `action:${index}:dueOn`, message: dateProblem, ...ruleOf(columns.dueOn) });
    if (action.outcome.trim() === '') findings.push({ field: `action:${index}:outcome`, message: `Say what it will achieve: "${columns.outcome.label}".`, ...ruleOf(columns.outcome) });
  }

  const reviewProblem = dateProblemOn(plan.reviewOn, today, 'the date of the next review');
  if (reviewProblem) findings.push({ field: 'reviewOn', message: reviewProblem, ...ruleOf(template.reviewDate) });
  if (agreement) findings.push(...agreementFindings(plan, today, agreement, reviewProblem === undefined));
  return findings;
}

function agreementFindings(plan: Plan, today: LocalDate, check: AgreementCheck, reviewDateIsSound: boolean): PlanFinding[] {
  const findings: PlanFinding[] = [];
  const meeting = MEETING_KINDS.find((kind) => kind === check.meeting);
  if (!meeting) findings.push({ field: 'meeting', message: 'Say at which meeting the plan was agreed.' });
  const heldOn = parseLocalDate(check.heldOn.trim());
  if (!heldOn) findings.push({ field: 'heldOn', message: 'Give the date of the meeting that agreed the plan.' });
  else if (compareLocalDates(heldOn, today) > 0) findings.push({ field: 'heldOn', message: `${formatLongDate(heldOn)} is after today: agree the plan once the meeting has been held.` });
  else if (compareLocalDates(heldOn, check.openedOn) < 0) findings.push({ field: 'heldOn', message: `${formatLongDate(heldOn)} is before the case opened (${formatLongDate(check.openedOn)}).` });
  if (!meeting || !heldOn || findings.length > 0 || !reviewDateIsSound) return findings;

  const reviewOn = plan.reviewOn as LocalDate;
  if (compareLocalDates(reviewOn, heldOn) <= 0) {
    findings.push({ field: 'reviewOn', message: `The next review must come after the meeting of ${formatLongDate(heldOn)}.` });
    return findings;
  }
  const due = nextReviewAfterAgreeing(check.caseFile, { meeting, heldOn }, check.policy, check.calendar);
  if (due && compareLocalDates(reviewOn, due.dueOn) > 0) {
    findings.push({
      field: 'reviewOn',
      message: `The next review is due by ${formatLongDate(due.dueOn)} (${lowerFirst(due.requires)}): set it on or before that day.`,
      ruleId: due.ruleId,
    });
  }
  return findings;
}

function dateProblemOn(text: string, today: LocalDate, what: string): string | undefined {
  const date = parseLocalDate(text.trim());
  if (!date) return `Give ${what}.`;
  if (compareLocalDates(date, today) < 0) return `${formatLongDate(date)} has passed: give ${what} from today (${formatLongDate(today)}) on.`;
  return undefined;
}

function ruleOf(place: { readonly rules: readonly { readonly id: string }[] }): { ruleId?: string } {
  const first = place.rules[0];
  return first ? { ruleId: first.id } : {};
}

/** The rule's words after a colon: lower case first (unless it opens with the plan's name), one full stop. */
function sentence(text: string): string {
  return /[.?!"]$/.test(text) ? lowerFirst(text) : `${lowerFirst(text)}.`;
}

function lowerFirst(text: string): string {
  return text.startsWith('CiN') || text.startsWith('CIN') ? text : `${text[0]?.toLowerCase() ?? ''}${text.slice(1)}`;
}
