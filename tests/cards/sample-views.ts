import { commandsFor, WHAT_I_CAN_ANSWER } from '../../bot/replies/command-guide.js';
import type { AnswerView } from '../../cards/answer-card.js';
import type { ChooseAuthorityView } from '../../cards/choose-authority-card.js';
import type { WhichDidYouMeanView } from '../../cards/which-did-you-mean-card.js';
import type { ComparisonView } from '../../cards/comparison-card.js';
import type { NotUnderstoodView } from '../../cards/not-understood-card.js';
import type { RuleListEntry, RuleListView } from '../../cards/rule-list-card.js';
import type { WelcomeView } from '../../cards/welcome-card.js';
import type { CaseFormView } from '../../cards/case-form-card.js';
import type { DeadlineListView } from '../../cards/deadline-list-card.js';
import type { TeamWeekView } from '../../cards/team-week-card.js';
import type { RecordEventView } from '../../cards/record-event-card.js';
import type { TimelineView } from '../../cards/timeline-card.js';
import type { ReminderDigestView, ReminderItemView } from '../../cards/reminder-digest-card.js';
import type { EscalationView } from '../../cards/escalation-card.js';

/** Views as the bot builds them, in the procedures' own words (quotes verbatim from ../shared/seeds/). */

const REDBRIDGE = 'London Borough of Redbridge';
const REDBRIDGE_DOCUMENT = '1.2.3 Children in Need (amended August 2018)';

export const redbridgeInitialMeetingAnswer: AnswerView = {
  authorityName: REDBRIDGE,
  authorityId: 'redbridge',
  readAs: 'Read as: London Borough of Redbridge, convene the initial CiN meeting that develops the CiN Plan, counted from Monday 9 March 2026',
  alternatives: [
    { ruleId: 'redbridge.plan-required.within-three-months', title: 'Have a CiN Plan in place for a child with social work involvement (3 months after the case being opened)' },
    { ruleId: 'redbridge.initial-meeting.arranged-by', title: 'The initial CiN meeting is arranged by the allocated social worker' },
  ],
  anchorDate: '2026-03-09',
  headlineLabel: 'Convene the initial CiN meeting that develops the CiN Plan by',
  headline: 'Monday 30 March 2026',
  attention: false,
  ruleInWords: 'Convene the initial CiN meeting that develops the CiN Plan: within 15 working days of the decision that a CiN Plan is required.',
  working: [
    'Counted from: the decision that a CiN Plan is required, Monday 9 March 2026.',
    'Timescale: 15 working days after (the decision day is day 0).',
    'Calendar: England and Wales bank holidays.',
    'No bank holidays fell in the count.',
    'Due: Monday 30 March 2026.',
  ],
  notes: [],
  citations: [
    {
      authorityName: REDBRIDGE,
      document: REDBRIDGE_DOCUMENT,
      section: '3. Initial CiN Meetings and Subsequent Reviews',
      quote: 'The meeting is arranged by the allocated social worker and should be convened within 15 working days of the decision that a CiN Plan is required.',
      ruleId: 'redbridge.initial-meeting.convene',
    },
  ],
};

/** A past date, a weekend landing and a document that gives two figures: every optional part shown. */
const SLOUGH_DOCUMENT = 'Children in Need Practice Guidance (Version 2, December 2018)';

export const sloughReviewAnswerWithNotes: AnswerView = {
  authorityName: 'Slough',
  authorityId: 'slough',
  readAs: 'Read as: Slough, review the CIN Plan (every three months), counted from Sunday 30 November 2025',
  alternatives: [],
  anchorDate: '2025-11-30',
  headlineLabel: 'Hold the next CiN review by',
  headline: 'Saturday 28 February 2026',
  attention: true,
  ruleInWords: 'Hold the next CiN review: every 3 months, counted from the last review held.',
  working: [
    'Counted from: the last CiN review held, Sunday 30 November 2025.',
    'Timescale: 3 calendar months after (the month-end clamp gives 28 February).',
    'Calendar: calendar months; weekends and bank holidays still count.',
    'Due: Saturday 28 February 2026.',
  ],
  notes: [
    'Saturday 28 February 2026 falls on a weekend. The due date is still that date; the last working day before it is Friday 27 February 2026.',
    'The same document gives another figure: every 6 months, which gives Sunday 31 May 2026. Both are cited below; reminders follow the stricter, earlier date.',
    'This date has already passed (today is Tuesday 3 March 2026).',
  ],
  citations: [
    {
      authorityName: 'Slough',
      document: SLOUGH_DOCUMENT,
      section: 'The Child in Need Plan',
      quote: 'A CIN plan should be produced following the initial CIN meeting, and will be reviewed every three months.',
      ruleId: 'slough.review.every-three-months',
    },
    {
      authorityName: 'Slough',
      document: SLOUGH_DOCUMENT,
      section: 'The Child in Need Meeting',
      quote: 'the first Review CiN Planning Meeting should take place within three months of the Initial CIN Meeting and thereafter at least every six months',
      ruleId: 'slough.review.every-six-months',
    },
  ],
};

/** A figure rather than a date, with no working: the "How this was worked out" list is left out. */
export const brightonVisitFrequencyAnswer: AnswerView = {
  authorityName: 'Brighton and Hove',
  authorityId: 'brighton-and-hove',
  readAs: 'Read as: Brighton and Hove, visit the child (at least once every 6 weeks)',
  alternatives: [],
  anchorDate: '',
  headlineLabel: 'Visit a child subject to a Child in Need Plan',
  headline: 'Every 6 weeks',
  attention: false,
  ruleInWords: 'Visit a child subject to a Child in Need Plan: at least once every 6 weeks.',
  working: [],
  notes: [],
  citations: [
    {
      authorityName: 'Brighton and Hove',
      document: '1.4.3 Children in Need Plans and Network Meetings - Practice Guidance',
      section: '4. Visits to Children subject to a Child in Need Plan',
      quote: 'It is expected that a child will be visited at a minimum of once every 6 weeks.',
      ruleId: 'brighton-and-hove.visit.every-six-weeks',
    },
  ],
};

export const AUTHORITIES = [
  { id: 'redbridge', name: REDBRIDGE },
  { id: 'blackburn-with-darwen', name: 'Blackburn with Darwen' },
  { id: 'camden', name: 'Camden' },
  { id: 'slough', name: 'Slough' },
  { id: 'brighton-and-hove', name: 'Brighton and Hove' },
] as const;

export const chooseAuthorityForMeeting: ChooseAuthorityView = {
  prompt: 'Which authority\u2019s procedure should I use?',
  question: 'We decided on 9 March that a CiN plan is needed. When is the initial CiN meeting due?',
  authorities: AUTHORITIES,
};

export const welcomeOnInstall: WelcomeView = {
  authorities: AUTHORITIES.map((authority) => authority.name),
  examples: [
    'Redbridge: we decided on 3 March that a CiN plan is needed. When is the initial CiN meeting due?',
    'How often do I visit in Slough?',
    'Camden: the last CIN review was on 10 June. When is the next one due?',
    'Who chairs the review in Brighton and Hove?',
  ],
  groups: commandsFor([{ userId: 'admin', role: 'admin', team: '' }]),
};

export const notUnderstoodWithNearest: NotUnderstoodView = {
  canAnswer: WHAT_I_CAN_ANSWER,
  nearest: [
    { requires: 'Send copies of the Plan to the child, family and everyone in the planning and review group', detail: `${REDBRIDGE} \u00b7 within 10 working days of the meeting` },
    { requires: 'Review the initial CiN Plan', detail: `${REDBRIDGE} \u00b7 at 6 weeks` },
    { requires: 'Hold the next CiN review', detail: 'Slough' },
  ],
};

export const notUnderstoodWithNothingNear: NotUnderstoodView = { canAnswer: WHAT_I_CAN_ANSWER, nearest: [] };

export const reviewFrequencyComparison: ComparisonView = {
  title: 'Compared across 5 authorities: review',
  rows: [
    {
      authorityName: REDBRIDGE,
      figure: 'Hold the next CiN review (at least every 6 months after the first review): 6 months after the last review held',
      section: '5. Frequency of Planning and Review Meetings',
      quote: 'The initial CiN Plan should be reviewed at 6 weeks and thereafter at a minimum frequency of 6 months.',
    },
    {
      authorityName: 'Blackburn with Darwen',
      figure: 'Review the initial plan: within 6 weeks, at the 6 weekly Child in Need Meeting',
      section: '3. Child and Young Person in Need',
      quote: 'The initial plan should be reviewed within a maximum of 6 weeks and this will be undertaken via the 6 weekly Child in Need Meeting.',
    },
    {
      authorityName: 'Camden',
      figure: 'Hold the next child in need review: every 3 months',
      section: '9. Reviewing the child in need plan',
      quote: 'Child in need reviews are held every 3 months.',
    },
    {
      authorityName: 'Slough',
      figure: 'Review the CIN plan: every 3 months; the document also says every 6 months',
      section: 'The Child in Need Plan',
      quote: 'A CIN plan should be produced following the initial CIN meeting, and will be reviewed every three months.',
    },
    {
      authorityName: 'Brighton and Hove',
      figure: 'Hold a Child in Need Network Meeting: every 3 months',
      section: '1. Introduction',
      quote: 'Child in Need Network Meetings should be held once every 3 months to ensure that progress towards the identified outcomes is being achieved.',
    },
  ],
};

/** The same comparison where one procedure says nothing: that row has no section, toggle or quote. */
export const comparisonWithASilentProcedure: ComparisonView = {
  ...reviewFrequencyComparison,
  rows: reviewFrequencyComparison.rows.map((row) =>
    row.authorityName === 'Brighton and Hove' ? { ...row, figure: 'The procedure says nothing on this.', section: '', quote: '' } : row,
  ),
};

/** Redbridge's ten sections with seven rules each, as long as the longest in the procedures: 70 rules. */
const SECTIONS = [
  '1. Introduction',
  '2. Child in Need Plan',
  '3. Initial CiN Meetings and Subsequent Reviews',
  '4. Recording the Plan',
  '5. Frequency of Planning and Review Meetings',
  '6. Following the Review Meeting',
  '7. Children in Need Moving to Another Authority - Principles',
  '8. Step Down Process',
  '9. Step Up Process',
  '10. Visiting Requirements for a Child/Young Person Subject to CiN Procedures',
];

const RULES_IN_A_SECTION: readonly Omit<RuleListEntry, 'section'>[] = [
  { requires: 'Convene the initial CiN meeting that develops the CiN Plan', timing: 'within 15 working days after the decision that a CiN Plan is required' },
  { requires: 'Send copies of the Plan to the child, family and everyone in the planning and review group', timing: 'within 10 working days after the meeting' },
  { requires: 'Have a CiN Plan in place for a child with social work involvement', timing: 'within 3 months after the case is opened' },
  { requires: 'Once the Plan has been in place 12 months, have the next review chaired by a Team Manager or Senior Practitioner', timing: '12 months after the Plan started' },
  { requires: 'Convene a Child in Need Meeting for a family who moved into the area', timing: 'within 20 working days after the family became resident' },
  { requires: 'Visit the child, seeing them alone where appropriate', timing: '' },
  { requires: 'Record the decision to close the plan, with the manager\u2019s authorisation', timing: '' },
];

export const largeRuleCatalogue: RuleListView = {
  authorityName: REDBRIDGE,
  document: REDBRIDGE_DOCUMENT,
  rules: SECTIONS.flatMap((section) => RULES_IN_A_SECTION.map((rule) => ({ ...rule, section }))),
};

const AUTHORITY_CHOICES = AUTHORITIES.map((authority) => ({ id: authority.id, name: authority.name }));
const PATHWAY_CHOICES = [
  { value: 'disabled-children', title: 'Disabled children' },
  { value: 'direct-payments', title: 'Direct payments' },
  { value: 'supervision-order', title: 'Supervision order' },
];

export const blankCaseForm: CaseFormView = {
  reference: 'AB12',
  initials: '',
  authorityId: 'camden',
  team: 'North',
  worker: 'me',
  openedOn: '2026-03-10',
  pathways: '',
  authorities: AUTHORITY_CHOICES,
  pathwayChoices: PATHWAY_CHOICES,
  errors: {},
  formError: '',
};

export const refusedCaseForm: CaseFormView = {
  ...blankCaseForm,
  initials: 'Jayden',
  team: 'South',
  openedOn: '2026-03-12',
  pathways: 'disabled-children,direct-payments',
  errors: {
    initials: 'Give the child\u2019s initials only: up to four letters, e.g. A.B. Never a name.',
    team: 'You hold no role in team South; an admin can give you one, or choose your own team.',
    openedOn: 'That is after today (Tuesday 10 March 2026).',
  },
  formError: 'There is already a case AB12. Open it with "case AB12".',
};

const EVENT_CHOICES = [
  { value: 'visit-made', title: 'Visit made' },
  { value: 'review-held', title: 'Review or network meeting held' },
  { value: 'review-booked', title: 'Review booked (give the review date)' },
];

export const refusedRecordEvent: RecordEventView = {
  reference: 'AB12',
  kind: 'visit-made',
  on: '2026-03-12',
  countsFrom: '',
  eventKinds: EVENT_CHOICES,
  errors: { on: 'Thursday 12 March 2026 is after today (Tuesday 10 March 2026): record it once it has happened.' },
  formError: '',
};

export const twelveObligationTimeline: TimelineView = {
  reference: 'CIN-2026-0142',
  initials: 'A.B.',
  summary: 'London Borough of Camden \u00b7 team North \u00b7 open since Monday 2 March 2026',
  obligations: Array.from({ length: 12 }, (_unused, index) => ({
    status: index < 2 ? 'Overdue' : 'Upcoming',
    overdue: index < 2,
    dueOn: 'Wednesday 10 June 2026',
    requires: 'Hold the initial CIN review meeting, 2 weeks after the child and family assessment is completed',
    source: `camden.initial-meeting.initial-cin-review-${index} \u00b7 10.1 Purpose and frequency`,
  })),
  events: Array.from({ length: 12 }, (_unused, index) => ({ id: String(100 + index), on: 'Wednesday 27 May 2026', what: 'Child and family assessment completed' })),
  calendarUrl: 'https://cin.council.example/downloads/eyJkb3dubG9hZCI6e319.c2lnbmF0dXJl',
};

export const emptyTimeline: TimelineView = { ...twelveObligationTimeline, obligations: [], events: [] };

export const longDeadlineList: DeadlineListView = {
  title: 'Deadlines of team North',
  emptyMessage: 'Nothing is due in your teams.',
  rows: Array.from({ length: 80 }, (_unused, index) => ({
    caseReference: `CIN-2026-${String(index).padStart(4, '0')}`,
    dueOn: 'Monday 30 March 2026',
    what: 'Convene the initial CiN meeting that develops the CiN Plan',
    overdue: index % 5 === 0,
  })),
  moreCount: 0,
};

export const emptyDeadlineList: DeadlineListView = { title: 'My deadlines', emptyMessage: 'Nothing is due on your cases.', rows: [], moreCount: 0 };

/** Camden's initial CIN review, in its rule's words: the longest `requires` among the reminders' rules. */
const CAMDEN_INITIAL_REVIEW = {
  requires: 'Hold the initial CIN review meeting, where the full CIN plan is developed from the assessment\u2019s recommendations',
  ruleId: 'camden.initial-meeting.initial-cin-review',
  section: '9 The child in need plan',
  quote:
    'The full child in need plan is developed at the *initial CIN review meeting* held 2 weeks after the child and family assessment has been completed by the allocated social worker and is based on recommendations made by them in the assessment.',
};

/** A reminder five working days ahead of its due date, for Tuesday 10 March 2026. */
export const upcomingReminder: ReminderItemView = {
  outboxId: '4711',
  caseReference: 'CIN-2026-0142',
  ...CAMDEN_INITIAL_REVIEW,
  dueOn: 'Tuesday 17 March 2026',
  status: { kind: 'upcoming', workingDaysLeft: 5 },
  snooze: { earliest: '2026-03-11', latest: '2026-03-16' },
  acknowledgedAt: '',
  moved: false,
};

export const singleReminderDigest: ReminderDigestView = { day: 'Tuesday 10 March 2026', items: [upcomingReminder] };

/** One of each: upcoming, due today, overdue (no snooze left), acknowledged, and a case moved to another worker. */
export const mixedReminderDigest: ReminderDigestView = {
  day: 'Tuesday 10 March 2026',
  items: [
    upcomingReminder,
    {
      ...upcomingReminder,
      outboxId: '4712',
      caseReference: 'CIN-2026-0007',
      requires: 'Hold the next CIN review meeting',
      section: '10.1 Purpose and frequency',
      quote: 'Child in need reviews are held every 3 months.',
      dueOn: 'Tuesday 10 March 2026',
      status: { kind: 'due-today' },
      snooze: null,
    },
    { ...upcomingReminder, outboxId: '4713', caseReference: 'CIN-2025-0931', dueOn: 'Friday 6 March 2026', status: { kind: 'overdue' }, snooze: null },
    { ...upcomingReminder, outboxId: '4714', caseReference: 'CIN-2026-0150', acknowledgedAt: '09:14 on Tuesday 10 March 2026' },
    { ...upcomingReminder, outboxId: '4715', caseReference: 'CIN-2026-0151', moved: true },
  ],
};

/**
 * Slough's consent rule has the longest words of any rule (365 characters of `requires`, 330 of quote), so
 * ten reminders of it make the heaviest digest a day can bring.
 */
const SLOUGH_CONSENT = {
  requires:
    'Those with Parental Responsibility are told the nature of the referral and asked for consent to the child and family assessment (including consent to contact agencies that know the family), and other significant adults living with the child are consulted; young people of an age and understanding (particularly those aged 16 or over) are asked for their consent too',
  ruleId: 'slough.assessment.consent',
  section: 'Working in Partnership with Families',
  quote:
    'From the point of referral, individuals with Parental Responsibility (PR) should be informed of the nature of the referral and asked for consent to undertake a child and family assessment; including consent to contact agencies that know and work with the family, other significant adults living with the child should be consulted.',
};

export const tenReminderDigest: ReminderDigestView = {
  day: 'Wednesday 11 March 2026',
  items: Array.from({ length: 10 }, (_unused, index) => ({
    ...upcomingReminder,
    ...SLOUGH_CONSENT,
    outboxId: String(1_000_000_000 + index),
    caseReference: `CIN-2026-${String(900 + index).padStart(4, '0')}`,
    dueOn: 'Wednesday 30 September 2026',
    // Upcoming and unacknowledged, so every button and the snooze input show: the heaviest an item gets.
    status: { kind: 'upcoming', workingDaysLeft: 100 + index },
    snooze: { earliest: '2026-03-12', latest: '2026-09-29' },
  })),
};

export const overdueEscalation: EscalationView = {
  caseReference: 'CIN-2025-0931',
  worker: '3f2b8c1e-7d4a-4e6b-9a0c-5d1e2f3a4b5c',
  requires: CAMDEN_INITIAL_REVIEW.requires,
  dueOn: 'Friday 6 March 2026',
  workingDaysOverdue: 2,
  section: CAMDEN_INITIAL_REVIEW.section,
};

/** A manager's Monday card with five items overdue, the longest references and wording a card can have. */
export const busyTeamWeek: TeamWeekView = {
  day: 'Wednesday 30 September 2026',
  teams: '12 teams',
  overdue: 1_204,
  dueThisWeek: 388,
  onTimeRate: 73,
  assessmentsWithin45Rate: 81,
  withPlanRate: 94,
  mostOverdue: ['CIN-2025-0001-LONG-REF', 'CIN-2025-0002-LONG-REF', 'CIN-2025-0003-LONG-REF', 'CIN-2025-0004-LONG-REF', 'CIN-2025-0005-LONG-REF'].map((caseReference) => ({
    caseReference,
    what: 'plan circulation',
    dueOn: 'Wednesday 10 December 2025',
    workingDaysOverdue: 240,
  })),
  tabUrl: 'https://teams.microsoft.com/l/entity/9f8e7d6c-5b4a-4392-8170-6e5d4c3b2a19/deadlines',
};

/** The same card for a team with nothing overdue and nothing yet counted. */
export const quietTeamWeek: TeamWeekView = { ...busyTeamWeek, teams: 'Team North', overdue: 0, dueThisWeek: 0, onTimeRate: null, assessmentsWithin45Rate: null, withPlanRate: null, mostOverdue: [] };

/** A Camden question with a date that two rules fit about as well: the card asks which was meant. */
export const camdenReviewChoices: WhichDidYouMeanView = {
  authorityId: 'camden',
  readAs: 'Read as: London Borough of Camden, the date you gave: Tuesday 8 December 2026',
  choices: [
    { ruleId: 'camden.review-report.two-working-days-before', title: 'Make a copy of the updated assessment report prepared for the review available to the family and professionals (2 working days before the booked review date)' },
    { ruleId: 'camden.review-invitations.ten-working-days-before', title: 'Send out the invitation letters for the CIN review (10 working days before the booked review date)' },
    { ruleId: 'camden.review-written-report.within-fourteen-days', title: 'Distribute the chair\u2019s written report of the review meeting (14 days after the last review meeting)' },
  ],
};
