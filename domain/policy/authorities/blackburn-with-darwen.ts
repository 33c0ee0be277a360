import type { PolicyInput } from '../schema.js';

const raWorker = { role: 'worker', words: 'allocated worker in the Referral and Assessment Team' } as const;
const allocatedWorker = { role: 'worker', words: 'allocated worker' } as const;
const appletreesWorker = { role: 'worker', words: 'allocated worker within Appletrees Hub' } as const;

const DAY_N =
  'The procedure counts days "of the assessment process" without saying whether the start is day 0 or day 1, or whether the days are working days: ' +
  'read here with the start of the Child and Family Assessment as day 1, counted in working days.';

/**
 * Blackburn with Darwen, Children in Need Planning and Review Process (February 2017). The text does not name
 * its authority; shared/README.md explains why it is Blackburn with Darwen (Appletrees Hub is its short-break
 * service for disabled children, so "Children with Disabilities" is the disabled-children pathway).
 * Data only: PolicySchema checks it in registry.ts.
 */
export const blackburnWithDarwen = {
  authority: {
    id: 'blackburn-with-darwen',
    name: 'Blackburn with Darwen',
    alsoKnownAs: ['Blackburn', 'BwD', 'BWD Council', 'Blackburn and Darwen', 'Blackburn & Darwen', 'Blackburn with Darwen Borough Council'],
  },
  source: {
    file: '001_f5738f0f17bbde88.txt',
    title: 'Children in Need Planning and Review Process',
    version: 'extensively updated February 2017',
    checkedOn: '2026-11-22',
    sha256: 'ee82ff989eff9c49a6c1cba8927c4c7868598c5eb92b8f364040d56c22dcceb4',
  },
  rules: [
    // ---- Initial intervention planning meeting (main initial-meeting rule first) ----
    {
      id: 'blackburn-with-darwen.initial-meeting.convene-by-day-15',
      kind: 'timescale',
      topic: 'initial-meeting',
      requires: 'Convene the Initial Intervention Planning Meeting where a Child in Need plan is required',
      anchors: ['assessment-started'],
      offset: { unit: 'dayNumber', amount: 15, direction: 'after' },
      recurring: false,
      responsible: raWorker,
      fulfilledBy: ['initial-meeting-held'],
      interpretation: `"By day 15" is read as day 15 of the Child and Family Assessment process. ${DAY_N}`,
      citation: {
        section: 'Immediate Support',
        quote: 'An initial intervention planning meeting should be convened by day 15 if it is identified that a Child in Need plan is required.',
      },
    },
    {
      id: 'blackburn-with-darwen.outline-plan.from-day-10',
      kind: 'timescale',
      topic: 'outline-plan',
      requires: 'Complete the initial outline Child in Need Plan (where the child and family would benefit from a plan); this triggers Child in Need status on Protocol',
      anchors: ['assessment-started'],
      offset: { unit: 'dayNumber', amount: 10, direction: 'after' },
      recurring: false,
      dateIs: 'earliest',
      responsible: { role: 'worker', words: 'social worker allocated the case' },
      fulfilledBy: ['outline-plan-completed', 'plan-started'],
      interpretation:
        `The procedure says the outline plan is completed "from day 10", not "by day 10": day 10 is the day from which it is completed, not a deadline of its own. The deadline is the Initial Intervention Planning Meeting by day 15, which refines and agrees the plan. ${DAY_N}`,
      citation: {
        section: '3. Child and Young Person in Need',
        quote: 'The initial outline Child in Need Plan should be completed from day 10 of the assessment process for all cases where it is identified that a child and family would benefit from the support of a plan.',
      },
    },
    {
      id: 'blackburn-with-darwen.outline-plan.services-recorded-before-day-15',
      kind: 'timescale',
      topic: 'outline-plan',
      requires: 'Provide any services needed immediately (without waiting for the Initial Intervention Planning Meeting) and record them in the case notes and the Child in Need plan',
      anchors: ['assessment-started'],
      offset: { unit: 'dayNumber', amount: 14, direction: 'after' },
      recurring: false,
      responsible: raWorker,
      fulfilledBy: ['outline-plan-completed', 'plan-started'],
      interpretation:
        `"Prior to day 15" is read as by day 14, the last day before day 15. ${DAY_N} The services themselves are due immediately; the date is for recording them in the case notes and the plan.`,
      citation: {
        section: 'Immediate Support',
        quote: 'Services, if required, should be provided immediately and not await the outcome of the initial intervention planning meeting and this should be reflected in the case note recording and the Child in Need plan prior to day 15.',
      },
    },
    {
      id: 'blackburn-with-darwen.transfer-between-teams.to-long-term-team-at-initial-meeting',
      kind: 'timescale',
      topic: 'transfer-between-teams',
      requires: 'Transfer the case from the Referral and Assessment Team to the long term social work team at the Initial Intervention Planning Meeting',
      anchors: ['assessment-started'],
      offset: { unit: 'dayNumber', amount: 15, direction: 'after' },
      recurring: false,
      responsible: raWorker,
      fulfilledBy: ['initial-meeting-held', 'transfer-meeting-held'],
      interpretation:
        `"At this point" is read as the Initial Intervention Planning Meeting, which is due by day 15. ${DAY_N} The transfer on Protocol follows once the updated plan is authorised by the Team Manager.`,
      citation: {
        section: 'Immediate Support',
        quote: 'An initial intervention planning meeting should be convened by day 15 if it is identified that a Child in Need plan is required. It is at this point that the case will transfer to the long term social work team.',
      },
    },

    // ---- Circulation of plans and minutes ----
    {
      id: 'blackburn-with-darwen.plan-circulation.initial-plan-within-5-working-days',
      kind: 'timescale',
      topic: 'plan-circulation',
      requires: 'Update the initial Child in Need Plan on the record, have it authorised by the Team Manager and circulate it to all parties',
      anchors: ['initial-meeting-held'],
      offset: { unit: 'workingDays', amount: 5, direction: 'after' },
      recurring: false,
      responsible: raWorker,
      fulfilledBy: ['plan-circulated'],
      interpretation:
        '"This will be circulated to all parties within 5 working days" is read as the updated initial Child in Need Plan, counted from the Initial Intervention Planning Meeting (the sentence does not name the event it counts from).',
      citation: {
        section: 'Immediate Support',
        quote: 'Following the meeting the allocated worker in the Referral and Assessment Team must ensure the initial Child in Need Plan is updated in the child and young person\'s record and authorised by their Team Manager prior to transfer of the case on Protocol. This will be circulated to all parties within 5 working days.',
      },
    },
    {
      id: 'blackburn-with-darwen.plan-circulation.appletrees-no-figure',
      kind: 'no-figure-set',
      topic: 'plan-circulation',
      pathway: 'disabled-children',
      requires: 'Circulate the authorised Child in Need Plan to all parties, including the child if appropriate, parents/carers and the multi-agency team',
      says: 'For children with disabilities no timescale is set for circulating the plan: the allocated worker completes it, records it in PROTOCOL and sends it to the line manager for authorisation, and it is circulated to all parties including the child / young person if appropriate, parents/carers and members of the multi-agency team.',
      citation: {
        section: 'Children with Disabilities',
        quote: 'The Child in Need Plan will be circulated to all parties including the child / young person if appropriate, parents\\carers and members of the multi-agency team.',
      },
    },
    {
      id: 'blackburn-with-darwen.minutes-circulation.review-form-within-5-working-days',
      kind: 'timescale',
      topic: 'minutes-circulation',
      exceptPathway: 'disabled-children',
      requires: 'Update the Child in Need plan following the review and circulate the review form to all parties',
      anchors: ['review-held'],
      offset: { unit: 'workingDays', amount: 5, direction: 'after' },
      recurring: false,
      responsible: allocatedWorker,
      fulfilledBy: ['minutes-circulated'],
      citation: {
        section: 'Review of Child / Young Person\'s Initial Plan',
        quote: 'The allocated worker must ensure that, following the review, the Child in Need plan is updated. The review form should be circulated to all parties within 5 working days of the review meeting.',
      },
    },
    {
      id: 'blackburn-with-darwen.minutes-circulation.initial-meeting-notes-within-5-working-days',
      kind: 'timescale',
      topic: 'minutes-circulation',
      requires: 'Complete the meeting notes of the Initial Intervention Planning Meeting on Protocol and circulate them to all parties',
      anchors: ['initial-meeting-held'],
      offset: { unit: 'workingDays', amount: 5, direction: 'after' },
      recurring: false,
      responsible: { role: 'worker', words: 'receiving social worker in the long term social work team' },
      fulfilledBy: ['minutes-circulated'],
      interpretation:
        'The sentence does not name the event the 5 working days count from: read here as counted from the Initial Intervention Planning Meeting (the notes are completed once the plan has been updated).',
      citation: {
        section: 'Immediate Support',
        quote: 'Once the plan has been updated, it is the responsibility of the receiving social worker in the long term social work team to complete the meeting notes of the Initial Intervention Planning Meeting on Protocol and ensure that these are circulated to all parties within 5 working days.',
      },
    },
    {
      id: 'blackburn-with-darwen.minutes-circulation.appletrees-within-5-working-days',
      kind: 'timescale',
      topic: 'minutes-circulation',
      pathway: 'disabled-children',
      requires: 'Record the minutes of the Child in Need Review on Protocol and send copies to all attendees',
      anchors: ['review-held', 'oversight-review-held'],
      offset: { unit: 'workingDays', amount: 5, direction: 'after' },
      recurring: false,
      responsible: appletreesWorker,
      fulfilledBy: ['minutes-circulated'],
      interpretation: 'The sentence does not say who sends the minutes; read as the allocated worker within Appletrees Hub, who is responsible for the Child in Need meetings.',
      citation: {
        section: 'Children with Disabilities',
        quote: 'The minutes of the Child in Need Review will be recorded on Protocol. Copies of the minutes will be sent to all attendees within 5 working days.',
      },
    },

    // ---- Reviews ----
    {
      id: 'blackburn-with-darwen.first-review.initial-plan-within-6-weeks',
      kind: 'timescale',
      topic: 'first-review',
      requires: 'Review the initial Child in Need plan at the 6 weekly Child in Need Meeting',
      anchors: ['plan-started', 'initial-meeting-held'],
      offset: { unit: 'weeks', amount: 6, direction: 'after' },
      recurring: false,
      responsible: allocatedWorker,
      fulfilledBy: ['review-held'],
      interpretation:
        'The sentence does not say what the 6 weeks count from. Read here as from the initial Child in Need plan being agreed at the Initial Intervention Planning Meeting (due by day 15); 6 weeks is the maximum. Another reading counts from the initial outline plan, completed from day 10 of the assessment, which gives a date about a week earlier.',
      citation: {
        section: 'Review of Child / Young Person\'s Initial Plan',
        quote: 'The initial plan should be reviewed within a maximum of 6 weeks and this will be undertaken via the 6 weekly Child in Need Meeting.',
      },
    },
    {
      id: 'blackburn-with-darwen.review.six-weekly-cin-meeting',
      kind: 'timescale',
      topic: 'review',
      exceptPathway: 'disabled-children',
      requires: 'Hold the 6 weekly Child in Need Meeting that reviews the plan',
      anchors: ['review-held'],
      offset: { unit: 'weeks', amount: 6, direction: 'after' },
      recurring: true,
      responsible: allocatedWorker,
      fulfilledBy: ['review-held'],
      interpretation:
        'The procedure names the meeting "the 6 weekly Child in Need Meeting" but sets no other frequency for later reviews: read as a Child in Need Meeting every 6 weeks, each counted from the last one held.',
      citation: {
        section: 'Review of Child / Young Person\'s Initial Plan',
        quote: 'The initial plan should be reviewed within a maximum of 6 weeks and this will be undertaken via the 6 weekly Child in Need Meeting.',
      },
    },
    {
      id: 'blackburn-with-darwen.review.appletrees-six-weekly-cin-review',
      kind: 'timescale',
      topic: 'review',
      pathway: 'disabled-children',
      requires:
        'Hold the six weekly Child in Need Review, at which the CIN plan on Protocol is updated / reviewed (besides the formal review at least every 6 months chaired by the Team Manager)',
      anchors: ['review-held', 'oversight-review-held'],
      offset: { unit: 'weeks', amount: 6, direction: 'after' },
      recurring: true,
      responsible: appletreesWorker,
      fulfilledBy: ['review-held', 'oversight-review-held'],
      interpretation:
        'Read as a Child in Need Review every 6 weeks, each counted from the last one held; the formal review "at no less than 6 monthly intervals" is a separate, Team Manager-chaired review (rule blackburn-with-darwen.review.appletrees-formal-six-monthly).',
      citation: {
        section: 'Children with Disabilities',
        quote: 'The CIN plan on Protocol should be updated / reviewed at the six weekly Child in Need Reviews.',
      },
    },
    {
      id: 'blackburn-with-darwen.review.appletrees-formal-six-monthly',
      kind: 'timescale',
      topic: 'review',
      pathway: 'disabled-children',
      requires: 'Review every Child in Need case open to Appletrees Hub formally, chaired by the relevant Team Manager within the service',
      anchors: ['plan-started', 'oversight-review-held'],
      offset: { unit: 'months', amount: 6, direction: 'after' },
      recurring: true,
      responsible: { role: 'manager', words: 'relevant Team Manager within the service' },
      fulfilledBy: ['oversight-review-held'],
      interpretation:
        '"At no less than 6 monthly intervals" is read as at least every 6 months (never more than 6 months apart), counted from the start of the plan and then from the last formal, Team Manager-chaired review; the six weekly Child in Need Reviews continue in between.',
      citation: {
        section: 'Children with Disabilities',
        quote: 'All Child in Need cases open to Appletrees Hub will be reviewed formally at no less than 6 monthly intervals and chaired by the relevant Team Manager within the service.',
      },
    },
    {
      id: 'blackburn-with-darwen.review.joint-sen-annual-review',
      kind: 'no-figure-set',
      topic: 'review',
      pathway: 'disabled-children',
      requires:
        'For a child with an Education, Health and Care Plan or an existing IPRA, co-ordinate a joint Child in Need Review and Special Educational Needs annual review, jointly chaired by the Team Manager and the school SEN representative',
      says:
        'No date is counted: the joint review is co-ordinated with the child\u2019s Special Educational Needs annual review, so it comes once a year, when that annual review falls. The procedure does not set when that is (it follows the Education, Health and Care Plan\u2019s own yearly cycle, which is not a Child in Need event), and it applies only to children with an EHC Plan or an existing IPRA. It is jointly chaired by the Team Manager and the school SEN representative; the six weekly Child in Need Reviews and the formal review at least every 6 months go on beside it.',
      interpretation:
        '"Annual review" is read as yearly, but the year runs from the SEN annual review, which this procedure neither sets nor records: so the bot names the cadence and the chairs and counts no date.',
      citation: {
        section: 'Children with Disabilities',
        quote: 'A joint Child in Need Review and Special Educational Needs annual review will be co-ordinated to take place for those children and young people who have an Education, Health and Care Plan or an existing IPRA. This will be jointly chaired by the Team Manager and school SEN representative.',
      },
    },
    {
      id: 'blackburn-with-darwen.review.appletrees-worker-arranges',
      kind: 'role',
      topic: 'review',
      pathway: 'disabled-children',
      requires:
        'The allocated worker within Appletrees Hub ensures there are regular Child in Need meetings including the child (if appropriate), parents / carers and the multi-agency professionals involved, and keeps the plan updated in PROTOCOL',
      act: 'arranges',
      who: 'allocated worker within Appletrees Hub',
      citation: {
        section: 'Children with Disabilities',
        quote: 'The allocated worker within Appletrees Hub is responsible for ensuring that there are regular Child in Need meetings which will include the child / young person if appropriate, parents / carers and multi-agency professionals involved with the family.',
      },
    },
    {
      id: 'blackburn-with-darwen.review-invitations.who-is-invited',
      kind: 'no-figure-set',
      topic: 'review-invitations',
      requires: 'Invite family members, the child (if appropriate) and key professionals to the Initial Intervention Planning Meeting',
      says:
        'No timescale is set for sending invitations. The procedure says family members, the child / young person (if appropriate) and key professionals should be invited to the Initial Intervention Planning Meeting, and that when arranging meetings every effort should be made to enable family members to attend (time, venue, childcare and transport costs).',
      citation: {
        section: 'Immediate Support',
        quote: 'Family members, the child / young person (if appropriate) and key professionals should be invited.',
      },
    },

    // ---- Visits and assessments: no figure set ----
    {
      id: 'blackburn-with-darwen.visit.as-agreed-in-plan',
      kind: 'no-figure-set',
      topic: 'visit',
      requires: 'See the child regularly as agreed on the Child in Need Plan and record each visit as a Child in Need visit on PROTOCOL',
      says:
        'No minimum visiting frequency (and no first-visit timescale) is set. The only sentence on visits, in the Children with Disabilities section, says the worker ensures the child is regularly seen as agreed on the Child in Need Plan and records the visit as a Child in Need visit on PROTOCOL.',
      citation: {
        section: 'Children with Disabilities',
        quote: 'The worker will ensure that the child is regularly seen as agreed on the Child In Need Plan and record the visit as a Child in Need visit on PROTOCOL.',
      },
    },
    {
      id: 'blackburn-with-darwen.assessment.no-completion-timescale',
      kind: 'no-figure-set',
      topic: 'assessment',
      requires: 'Complete the Child and Family Assessment',
      says:
        'No timescale is set for completing the Child and Family Assessment. The procedure counts from the start of the assessment process instead: the initial outline Child in Need Plan from day 10, and the Initial Intervention Planning Meeting by day 15.',
      citation: {
        section: '3. Child and Young Person in Need',
        quote: 'The initial outline Child in Need Plan should be completed from day 10 of the assessment process for all cases where it is identified that a child and family would benefit from the support of a plan.',
      },
    },

    // ---- Who chairs ----
    {
      id: 'blackburn-with-darwen.chair.initial-intervention-planning-meeting',
      kind: 'role',
      topic: 'chair',
      requires: 'The Initial Intervention Planning Meeting, which refines and agrees the initial Child in Need Plan, is chaired by the allocated worker in the Referral and Assessment Team',
      act: 'chairs',
      who: 'allocated worker in the Referral and Assessment Team',
      citation: {
        section: 'Immediate Support',
        quote: 'The purpose of the Initial Intervention Planning Meeting, which is chaired by the allocated worker in the Referral and Assessment Team, is to refine and agree the initial Child in Need Plan.',
      },
    },
    {
      id: 'blackburn-with-darwen.chair.appletrees-formal-review',
      kind: 'role',
      topic: 'chair',
      pathway: 'disabled-children',
      requires: 'The formal review of a Child in Need case open to Appletrees Hub (at least every 6 months) is chaired by the relevant Team Manager within the service',
      act: 'chairs',
      who: 'relevant Team Manager within the service (Appletrees Hub)',
      citation: {
        section: 'Children with Disabilities',
        quote: 'All Child in Need cases open to Appletrees Hub will be reviewed formally at no less than 6 monthly intervals and chaired by the relevant Team Manager within the service.',
      },
    },
    {
      id: 'blackburn-with-darwen.chair.joint-sen-annual-review',
      kind: 'role',
      topic: 'chair',
      pathway: 'disabled-children',
      requires:
        'For a child with an Education, Health and Care Plan or an existing IPRA, a joint Child in Need Review and Special Educational Needs annual review is co-ordinated, jointly chaired by the Team Manager and the school SEN representative',
      act: 'chairs',
      who: 'Team Manager and school SEN representative, jointly',
      citation: {
        section: 'Children with Disabilities',
        quote: 'A joint Child in Need Review and Special Educational Needs annual review will be co-ordinated to take place for those children and young people who have an Education, Health and Care Plan or an existing IPRA. This will be jointly chaired by the Team Manager and school SEN representative.',
      },
    },

    // ---- Who authorises ----
    {
      id: 'blackburn-with-darwen.authorisation.initial-plan-before-transfer',
      kind: 'role',
      topic: 'authorisation',
      requires: 'The initial Child in Need Plan, updated after the Initial Intervention Planning Meeting, is authorised by the Referral and Assessment worker\'s Team Manager before the case transfers on Protocol',
      act: 'authorises',
      who: 'Team Manager of the allocated worker in the Referral and Assessment Team',
      citation: {
        section: 'Immediate Support',
        quote: 'Following the meeting the allocated worker in the Referral and Assessment Team must ensure the initial Child in Need Plan is updated in the child and young person\'s record and authorised by their Team Manager prior to transfer of the case on Protocol.',
      },
    },
    {
      id: 'blackburn-with-darwen.authorisation.outline-plan-ratified',
      kind: 'role',
      topic: 'authorisation',
      requires: 'The initial outline SMART plan, implemented at the outcome of the assessment, is ratified by the Team Manager on the Referral and Assessment Team',
      act: 'authorises',
      who: 'Team Manager on the Referral and Assessment Team',
      citation: {
        section: 'Immediate Support',
        quote: 'An initial outline SMART plan will be implemented at the outcome of the assessment and is ratified by the Team Manager on the Referral and Assessment Team.',
      },
    },
    {
      id: 'blackburn-with-darwen.authorisation.appletrees-plan',
      kind: 'role',
      topic: 'authorisation',
      pathway: 'disabled-children',
      requires: 'The allocated worker completes the Child in Need Plan, records it in PROTOCOL and sends it to the line manager for authorisation',
      act: 'authorises',
      who: 'line manager',
      citation: {
        section: 'Children with Disabilities',
        quote: 'The allocated worker will ensure that the Child in Need Plan is completed, recorded in PROTOCOL and sent to the line manager for authorisation.',
      },
    },
    {
      id: 'blackburn-with-darwen.authorisation.additional-services-between-reviews',
      kind: 'role',
      topic: 'authorisation',
      requires: 'Additional services needed between formal reviews are provided in agreement with the responsible allocated worker and Team Manager, within the usual resource allocation processes',
      act: 'decides',
      who: 'responsible allocated worker and Team Manager',
      citation: {
        section: '1. Introduction',
        quote: 'It should be noted that, if it becomes apparent that additional services are required between formal reviews, such services should be provided in agreement with the responsible allocated worker and Team Manager and within the usual resource allocation processes.',
      },
    },

    // ---- Transfers between teams / to Appletrees Hub ----
    {
      id: 'blackburn-with-darwen.transfer-between-teams.plan-authorised-first',
      kind: 'condition',
      topic: 'transfer-between-teams',
      appliesTo: ['transfer-between-teams'],
      requires: 'Before the case transfers to the long term social work team on Protocol, the initial Child in Need Plan has been updated on the record and authorised by the Team Manager',
      autoCheck: { kind: 'event-recorded', event: 'initial-meeting-held' },
      citation: {
        section: 'Immediate Support',
        quote: 'Following the meeting the allocated worker in the Referral and Assessment Team must ensure the initial Child in Need Plan is updated in the child and young person\'s record and authorised by their Team Manager prior to transfer of the case on Protocol.',
      },
    },
    {
      id: 'blackburn-with-darwen.transfer-between-teams.appletrees-hub-criteria',
      kind: 'condition',
      topic: 'transfer-between-teams',
      pathway: 'disabled-children',
      appliesTo: ['transfer-between-teams'],
      requires:
        'A joint assessment by the Children with Disabilities (CWD) service and the social worker has found no safeguarding issues, the child remains a child in need due to their disability, and support is required at level 3 (Child in Need): then the case can transfer to the Appletrees Hub',
      citation: {
        section: 'Children with Disabilities',
        quote: 'If through the assessment there are no safeguarding issues identified but the child remains a child in need due to their disability, the case can transfer to the Appletrees Hub if support is required at level 3 (Child in Need).',
      },
    },
    {
      id: 'blackburn-with-darwen.assessment.appletrees-joint-assessment',
      kind: 'condition',
      topic: 'assessment',
      pathway: 'disabled-children',
      appliesTo: ['transfer-between-teams'],
      requires: 'A joint assessment is undertaken with the Children with Disabilities (CWD) service and the social worker to ensure that there are no safeguarding issues',
      citation: {
        section: 'Children with Disabilities',
        quote: 'A joint assessment is undertaken with the Children with Disabilities (CWD) service and the social worker to ensure that there are no safeguarding issues',
      },
    },

    // ---- Plan content ----
    {
      id: 'blackburn-with-darwen.plan-content.smart',
      kind: 'plan-content',
      topic: 'plan-content',
      element: 'specific, measurable, achievable, related to assessed needs and time related (SMART)',
      requires: 'Every plan is specific and measurable, achievable, related to the child\'s assessed needs and time related',
      citation: {
        section: '1. Introduction',
        quote: 'All plans should be specific and measurable, achievable, related to the assessed needs of the child / young person and time related.',
      },
    },
    {
      id: 'blackburn-with-darwen.plan-content.objectives',
      kind: 'plan-content',
      topic: 'plan-content',
      element: 'clear objectives or outcomes',
      form: { kind: 'action-column', column: 'outcome', label: 'Objective or outcome for the child' },
      requires: 'The plan details clear objectives or outcomes for the child',
      citation: { section: '1. Introduction', quote: 'Clear objectives or outcomes for the child / young person;' },
    },
    {
      id: 'blackburn-with-darwen.plan-content.timescales',
      kind: 'plan-content',
      topic: 'plan-content',
      element: 'timescales',
      form: { kind: 'action-column', column: 'dueOn', label: 'Timescale: by when' },
      requires: 'The plan details timescales',
      citation: { section: '1. Introduction', quote: 'They should detail: • Clear objectives or outcomes for the child / young person; • Timescales;' },
    },
    {
      id: 'blackburn-with-darwen.plan-content.services',
      kind: 'plan-content',
      topic: 'plan-content',
      element: 'the services to be provided',
      form: { kind: 'action-column', column: 'action', label: 'Service to be provided' },
      requires: 'The plan details the services that are to be provided',
      citation: { section: '1. Introduction', quote: 'The services that are to be provided;' },
    },
    {
      id: 'blackburn-with-darwen.plan-content.review-date',
      kind: 'plan-content',
      topic: 'plan-content',
      element: 'the date for review',
      form: { kind: 'review-date', label: 'The date for review' },
      requires: 'The plan details the date for review',
      citation: { section: '1. Introduction', quote: 'The services that are to be provided; • The date for review.' },
    },
    {
      id: 'blackburn-with-darwen.plan-content.when-and-how-reviewed',
      kind: 'plan-content',
      topic: 'plan-content',
      element: 'a clear statement of when and how the plan will be reviewed',
      form: { kind: 'section', section: 'how-reviewed', label: 'When and how the plan will be reviewed' },
      requires: 'The plan carries a clear statement about when and how it will be reviewed',
      citation: { section: '1. Introduction', quote: 'There should be a clear statement on the plan about when and how it will be reviewed.' },
    },
    {
      id: 'blackburn-with-darwen.plan-content.agreed-with-family',
      kind: 'plan-content',
      topic: 'plan-content',
      element: 'agreement and commitment of the child and key family members',
      requires: 'Wherever possible the plan is drawn up in agreement with the child and key family members, and their commitment to it secured',
      citation: {
        section: '1. Introduction',
        quote: 'Wherever possible they should be drawn up in agreement with the child / young person and key family members and their commitment to the plan be secured;',
      },
    },
    {
      id: 'blackburn-with-darwen.plan-content.reasonable-objectives',
      kind: 'plan-content',
      topic: 'plan-content',
      element: 'reasonable objectives and achievable timescales',
      requires: 'Objectives are reasonable and timescales not too short or unachievable',
      citation: { section: '1. Introduction', quote: 'Objectives should be reasonable and timescales not too short or unachievable;' },
    },
    {
      id: 'blackburn-with-darwen.plan-content.available-resources',
      kind: 'plan-content',
      topic: 'plan-content',
      element: 'no dependence on scarce or unavailable resources',
      requires: 'The plan does not depend on resources known to be scarce or unavailable',
      citation: { section: '1. Introduction', quote: 'Plans should not be dependent on resources which are known to be scarce or unavailable;' },
    },
    {
      id: 'blackburn-with-darwen.plan-content.focus-on-child',
      kind: 'plan-content',
      topic: 'plan-content',
      element: 'a focus on the child',
      requires: 'The plan keeps its focus on the child, even where help goes to several family members',
      citation: {
        section: '1. Introduction',
        quote: 'The plan must maintain a focus on the child, even though help may be provided to a number of family members as part of the plan;',
      },
    },
    {
      id: 'blackburn-with-darwen.plan-content.based-on-assessment',
      kind: 'plan-content',
      topic: 'plan-content',
      element: 'the assessment\'s analysis, judgement and decisions as its basis',
      requires: 'The analysis, judgement and decisions of the Assessment form the basis of the plan; the complexity of the child\'s needs determines its scope and detail',
      citation: {
        section: '1. Introduction',
        quote: 'The analysis, judgement and decisions of the Assessment will form the basis of the plan and the complexity of the child / young person\'s needs will determine its scope and detail.',
      },
    },
    {
      id: 'blackburn-with-darwen.plan-content.outline-plan-issues-and-outcomes',
      kind: 'plan-content',
      topic: 'plan-content',
      element: 'the outline plan\'s relevant issues and desired outcomes',
      form: { kind: 'section', section: 'issues-and-outcomes', label: 'Relevant issues and desired outcomes, from the assessment' },
      requires: 'The initial outline plan need not yet detail the work to be done, but must detail the relevant issues and desired outcomes identified during the Child and Family Assessment',
      citation: {
        section: 'Immediate Support',
        quote: 'This outline plan will not necessarily contain the detail of the work to be undertaken, unless this is already in place, but must detail the relevant issues and desired outcomes as identified during the Child and Family Assessment process.',
      },
    },

    // ---- Closure and step-down (De-escalation) ----
    {
      id: 'blackburn-with-darwen.closure.decided-at-review-meeting',
      kind: 'condition',
      topic: 'closure',
      appliesTo: ['closure', 'step-down'],
      requires: 'The decision to close the case, and when services cease, is made at a review meeting, so that the decision is multi-agency',
      autoCheck: { kind: 'review-decided', decisions: ['close', 'step-down'] },
      citation: {
        section: 'De-escalation of Child in Need Cases',
        quote: 'Decisions as to case closure, and the timing of when services should cease, must be made at a review meeting in order that multi-agency decision making is facilitated.',
      },
    },
    {
      id: 'blackburn-with-darwen.closure.recordings-finalised',
      kind: 'condition',
      topic: 'closure',
      appliesTo: ['closure'],
      requires: 'All case recordings have been completed and finalised by the allocated worker',
      citation: {
        section: 'De-escalation of Child in Need Cases',
        quote: 'Prior to closure, the allocated worker must ensure that all case recordings have been completed and finalised.',
      },
    },
    {
      id: 'blackburn-with-darwen.closure.final-case-note-checklist',
      kind: 'condition',
      topic: 'closure',
      appliesTo: ['closure'],
      requires: 'A final case note using the case closure checklist has been completed',
      citation: {
        section: 'De-escalation of Child in Need Cases',
        quote: 'A final case note using the case closure checklist should be completed.',
      },
    },
    {
      id: 'blackburn-with-darwen.closure.close-plan-and-summary',
      kind: 'condition',
      topic: 'closure',
      appliesTo: ['closure'],
      requires: 'The allocated worker closes the Child in Need plan, which triggers the case closure summary',
      citation: {
        section: 'De-escalation of Child in Need Cases',
        quote: 'The allocated worker will then undertake closure of a Child in Need plan and the case closure summary will be triggered.',
      },
    },
    {
      id: 'blackburn-with-darwen.closure.outcome-letters',
      kind: 'condition',
      topic: 'closure',
      appliesTo: ['closure', 'step-down'],
      requires: 'Outcome letters go to parents, carers, the child (if appropriate) and the professionals involved, saying the case has closed and what the CAF arrangements are',
      citation: {
        section: 'De-escalation of Child in Need Cases',
        quote: 'Outcome letters should be sent to parents, carers, child / young person (if appropriate) and professionals involved informing that the case has been closed and the arrangements for the CAF.',
      },
    },
    {
      id: 'blackburn-with-darwen.closure.team-manager-authorises',
      kind: 'role',
      topic: 'closure',
      requires: 'Once the closure steps are completed, the Team Manager authorises and the case closes',
      act: 'authorises',
      who: 'Team Manager',
      approves: { requests: ['closure'], roles: ['manager'] },
      citation: {
        section: 'De-escalation of Child in Need Cases',
        quote: 'Once completed, the Team Manager will authorise and the case will close.',
      },
    },
    {
      id: 'blackburn-with-darwen.step-down.consider-caf',
      kind: 'condition',
      topic: 'step-down',
      appliesTo: ['step-down', 'closure'],
      requires: 'The Child in Need meeting has considered whether a CAF should be triggered and a lead professional identified (the process is in the CAF Procedure)',
      citation: {
        section: 'De-escalation of Child in Need Cases',
        quote: 'The CIN meeting must give consideration to whether a CAF should be triggered and a lead professional identified.',
      },
    },
  ],
  // The document's own words, for reading questions (a block of its own at the end, so rule edits merge cleanly).
  vocabulary: {
    places: ['Darwen', 'Blackburn with Darwen', 'Blackburn w Darwen', 'B with D', 'Appletrees', 'Apple Trees'],
    terms: {
      IIPM: 'initial intervention planning meeting',
      Appletrees: 'disabled children',
      'Apple Trees': 'disabled children',
      CWD: 'disabled children',
      LTT: 'long term team',
      'R&A': 'referral and assessment team',
      TM: 'team manager',
    },
  },
} satisfies PolicyInput;
