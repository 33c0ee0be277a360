import type { PlanCompareView } from '../../cards/plan-compare-card.js';
import type { PlanFormView } from '../../cards/plan-form-card.js';
import type { PlanReviewView } from '../../cards/plan-review-card.js';
import type { PlanVersionView } from '../../cards/plan-version-card.js';
import { planFormView } from '../../bot/plans/plan-form-view.js';
import { planFindingsOn } from '../../domain/plans/plan-checks.js';
import type { Plan } from '../../domain/plans/plan.js';
import { planTemplateFor, type PlanTemplate } from '../../domain/plans/plan-template.js';
import { POLICIES } from '../../domain/policy/registry.js';
import type { LocalDate } from '../../domain/dates/local-date.js';

/** Plan cards as the bot builds them, at their largest: twelve actions written at a realistic length. */

export function templateFor(authorityId: string): PlanTemplate {
  const policy = POLICIES.find((candidate) => candidate.authority.id === authorityId);
  if (!policy) throw new Error(authorityId);
  return planTemplateFor(policy);
}

const SECTION_TEXT =
  'A. is 9 and lives with her mother and two younger brothers. School report poor attendance since January (81%) and tiredness in class; ' +
  'mother has said she is struggling since her partner left and would like help with routines. A. says she likes her new teacher and football club. ' +
  'The family is of Bangladeshi heritage and speaks Sylheti at home: the work will be offered with an interpreter and at times around prayer.';

/** A long plan of twelve actions, each cell a realistic sentence or two. */
export function twelveActionPlan(template: PlanTemplate): Plan {
  return {
    sections: Object.fromEntries(template.sections.map((section) => [section.id, SECTION_TEXT])),
    actions: Array.from({ length: 12 }, (_unused, index) => ({
      action: `Action ${index + 1}: weekly home visits by the family support worker to help with morning and bedtime routines, using a visual timetable agreed with A.`,
      owner: index % 2 === 0 ? 'Family support worker, Early Help Hub' : 'Head of Year 5, Oakfield Primary',
      dueOn: `2026-05-${String(index + 10).padStart(2, '0')}`,
      outcome: 'A. arrives at school on time on at least 9 days out of 10, and her attendance is above 95% by the review.',
    })),
    reviewOn: '2026-05-08',
  };
}

export function twelveActionForm(authorityId: string, { refused }: { readonly refused: boolean }): PlanFormView {
  const template = templateFor(authorityId);
  const plan = twelveActionPlan(template);
  const broken: Plan = refused
    ? { ...plan, sections: {}, actions: plan.actions.map((action) => ({ ...action, owner: '', dueOn: '2026-03-01' })), reviewOn: '' }
    : plan;
  const findings = refused ? planFindingsOn(broken, '2026-03-27' as LocalDate, template) : [];
  return planFormView(broken, template, {
    caseReference: 'AB12',
    status: 'Draft of version 2, saved Friday 27 March 2026',
    ...(refused ? { findings, meeting: 'initial-meeting', heldOn: '2026-03-27' } : { notice: 'Draft saved. "plan AB12" opens it again, in this chat or any other.' }),
  });
}

export function twelveActionVersion(authorityId: string): PlanVersionView {
  const template = templateFor(authorityId);
  const plan = twelveActionPlan(template);
  return {
    caseReference: 'AB12',
    authorityName: template.authorityName,
    version: 3,
    agreedLine: 'Agreed at a review meeting on Friday 8 May 2026; recorded by Sam Jones on Friday 8 May 2026.',
    deadlines: [
      { label: 'Send copies of the CiN Plan to the child, the family and the professionals involved', dueOn: 'Friday 22 May 2026', section: '5. The Child in Need Plan' },
      { label: 'Review the CiN plan at least every six months', dueOn: 'Sunday 8 November 2026', section: '6. Reviews' },
    ],
    circulationSays: '',
    sections: template.sections.map((section) => ({ label: section.label, value: plan.sections[section.id] ?? '' })),
    columns: { action: template.columns.action.label, owner: template.columns.owner.label, dueOn: template.columns.dueOn.label, outcome: template.columns.outcome.label },
    actions: plan.actions.map((action, index) => ({ title: `${template.columns.action.label} ${index + 1}`, ...action, dueOn: 'Friday 15 May 2026' })),
    reviewDateLabel: template.reviewDate.label,
    reviewOn: 'Friday 6 November 2026',
    printUrl: 'https://cin.council.example/downloads/eyJkb3dubG9hZCI6.c2lnbmF0dXJl',
    pdfUrl: 'https://cin.council.example/downloads/eyJkb3dubG9hZCI6.cGRmc2lnbmF0dXJl',
    otherVersions: [
      { title: 'Version 1, agreed Friday 27 March 2026', version: 1 },
      { title: 'Version 2, agreed Friday 17 April 2026', version: 2 },
    ],
  };
}

export const sloughVersionWithoutCirculationFigure: PlanVersionView = {
  ...twelveActionVersion('slough'),
  version: 1,
  deadlines: [{ label: 'Hold the first Review CiN Planning Meeting', dueOn: 'Saturday 27 June 2026', section: 'Review CiN Planning Meetings' }],
  circulationSays: 'The guidance sets no timescale for sending out copies of the CIN Plan. (CIN Plans)',
  pdfUrl: '',
  otherVersions: [],
};

export const twelveChangeComparison: PlanCompareView = {
  caseReference: 'AB12',
  from: 1,
  to: 3,
  fromAgreed: 'Friday 27 March 2026',
  toAgreed: 'Friday 8 May 2026',
  differences: Array.from({ length: 12 }, (_unused, index) => ({
    place: 'Task',
    change: index % 3 === 0 ? 'added' : 'changed',
    before: index % 3 === 0 ? '' : `Weekly home visits ${index}; Who is responsible: Family support worker; Timescale: by when: Friday 24 April 2026; Outcome: routines`,
    after: `Twice-weekly home visits ${index}; Who is responsible: Family support worker; Timescale: by when: Friday 22 May 2026; Outcome: routines in place`,
  })),
  versions: [1, 2, 3].map((version) => ({ title: `Version ${version}`, value: String(version) })),
};

export const noChangeComparison: PlanCompareView = { ...twelveChangeComparison, to: 2, differences: [] };

export function twelveActionReview({ refused }: { readonly refused: boolean }): PlanReviewView {
  const template = templateFor('redbridge');
  const plan = twelveActionPlan(template);
  return {
    caseReference: 'AB12',
    authorityName: template.authorityName,
    version: 1,
    agreedOn: 'Friday 27 March 2026',
    formError: refused ? 'Not recorded yet: 3 things to put right, each shown beside its field.' : '',
    heldOn: refused ? '2026-05-09' : '2026-05-08',
    heldOnError: refused ? 'Saturday 9 May 2026 is after today: record the review once it has been held.' : '',
    actions: plan.actions.map((action, index) => ({
      title: `Task ${index + 1}`,
      action: action.action,
      who: `${action.owner}, by Friday 15 May 2026`,
      progress: refused && index === 0 ? '' : 'on-track',
      note: 'Visits happening weekly; mornings better, bedtimes still hard.',
      error: refused && index === 0 ? 'Say how far this action has got.' : '',
    })),
    progressChoices: [
      { title: 'Achieved', value: 'achieved' },
      { title: 'On track', value: 'on-track' },
      { title: 'Behind', value: 'behind' },
      { title: 'Not started', value: 'not-started' },
    ],
    childViews: 'A. says mornings are calmer and she likes the picture timetable.',
    childViewsError: '',
    familyViews: refused ? '' : 'Mother wants the visits to continue until the summer holiday.',
    familyViewsError: refused ? 'Record the family\u2019s views: the parents\u2019 or carers\u2019 wishes and feelings.' : '',
    agreement: 'All agreed; father disagrees with the school\u2019s referral to the attendance officer.',
    decision: 'continue',
    decisionError: '',
    decisionChoices: [
      { title: 'Continue with the plan as it is', value: 'continue' },
      { title: 'Change the plan', value: 'amend' },
      { title: 'Step down (to early help or universal services)', value: 'step-down' },
      { title: 'Close the case', value: 'close' },
      { title: 'Escalate: consider safeguarding procedures', value: 'escalate' },
    ],
  };
}
