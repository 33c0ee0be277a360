import type { PolicyInput } from '../schema.js';

const worker = { role: 'worker', words: 'allocated social worker' } as const;
const iro = { role: 'iro', words: 'CIN Independent Reviewing Officer (IRO)' } as const;

/**
 * London Borough of Camden: Camden Safeguarding Children Partnership, Multi-agency guidance for children in need
 * cases 2023. Data only: PolicySchema checks it in registry.ts.
 *
 * The seed's contents list numbers its sections one lower than the body from section 6 on, and the body's own
 * cross-references ("see section 7.3", "see sections 10.1 and 10.2") follow the contents list: every citation
 * here names the heading as the body prints it.
 */
export const camden = {
  authority: {
    id: 'camden',
    name: 'London Borough of Camden',
    alsoKnownAs: ['Camden', 'LB Camden', 'Camden Council', 'Camden Safeguarding Children Partnership', 'CSCP'],
  },
  source: {
    file: '002_cb2cb634c7f0a706.txt',
    title: 'Multi-agency guidance for children in need cases 2023',
    version: '2023',
    checkedOn: '2026-11-22',
    sha256: '49ce12c0332e8131350f2e4c40f8272d1d6ee5dac56333591f72980d2dfc88d7',
  },
  rules: [
    // --- Initial CIN review meeting and the plan -------------------------------------------------------------
    {
      id: 'camden.initial-meeting.initial-cin-review',
      kind: 'timescale',
      topic: 'initial-meeting',
      requires: 'Hold the initial CIN review meeting, where the full CIN plan is developed from the assessment\u2019s recommendations',
      anchors: ['assessment-completed'],
      offset: { unit: 'weeks', amount: 2, direction: 'after' },
      recurring: false,
      responsible: worker,
      fulfilledBy: ['initial-meeting-held'],
      interpretation:
        '"Held 2 weeks after" the assessment is completed is read as due 2 weeks (14 calendar days) after the child and family assessment is completed.',
      citation: {
        section: '9 The child in need plan',
        quote:
          'The full child in need plan is developed at the *initial CIN review meeting* held 2 weeks after the child and family assessment has been completed by the allocated social worker and is based on recommendations made by them in the assessment.',
      },
    },
    {
      id: 'camden.plan-required.at-initial-cin-review',
      kind: 'timescale',
      topic: 'plan-required',
      requires: 'Have the full CIN plan developed, at the initial CIN review meeting',
      anchors: ['assessment-completed'],
      offset: { unit: 'weeks', amount: 2, direction: 'after' },
      recurring: false,
      responsible: worker,
      fulfilledBy: ['plan-started', 'initial-meeting-held'],
      interpretation:
        'The plan is developed at the initial CIN review meeting, "held 2 weeks after" the assessment is completed: read as due 2 weeks (14 calendar days) after the assessment is completed.',
      citation: {
        section: '9 The child in need plan',
        quote:
          'The full child in need plan is developed at the *initial CIN review meeting* held 2 weeks after the child and family assessment has been completed by the allocated social worker and is based on recommendations made by them in the assessment.',
      },
    },
    {
      id: 'camden.plan-required.cp-conference-chair-draws-up-plan',
      kind: 'role',
      topic: 'plan-required',
      requires: 'Where a child protection plan ends and the child becomes a child in need, the child protection conference chair draws up the CIN plan',
      act: 'arranges',
      who: 'the child protection conference chair',
      citation: {
        section: '9 The child in need plan',
        quote:
          'Where the child becomes a child in need following the end of a child protection plan, the conference chair will draw up a CIN plan and this plan will be reviewed within 3 months.',
      },
    },
    {
      id: 'camden.plan-required.assessment-meets-threshold',
      kind: 'condition',
      topic: 'plan-required',
      appliesTo: ['plan-start'],
      requires:
        'The child becomes a child in need when an assessment shows they meet the threshold (or when a child protection plan ends, or a looked after child returns home)',
      autoCheck: { kind: 'event-recorded', event: 'assessment-completed' },
      citation: {
        section: '8 Becoming a child in need',
        quote:
          'A social worker carries out an assessment on a child who has been referred and the assessment establishes that they meet the threshold for a child in need service.',
      },
    },

    // --- Reviews ----------------------------------------------------------------------------------------------
    {
      id: 'camden.review.every-three-months',
      kind: 'timescale',
      topic: 'review',
      requires: 'Hold the next CIN review meeting',
      anchors: ['initial-meeting-held', 'review-held'],
      offset: { unit: 'months', amount: 3, direction: 'after' },
      recurring: true,
      responsible: worker,
      fulfilledBy: ['review-held'],
      interpretation: 'The initial CIN review meeting counts as a review: the next review is 3 months after it, then 3 months after each review held.',
      citation: { section: '10.1 Purpose and frequency', quote: 'Child in need reviews are held every 3 months.' },
    },
    {
      id: 'camden.review.after-cp-plan-ends',
      kind: 'timescale',
      topic: 'review',
      requires: 'Review the CIN plan drawn up by the conference chair when the child protection plan ended',
      anchors: ['cp-plan-ended'],
      offset: { unit: 'months', amount: 3, direction: 'after' },
      recurring: false,
      responsible: worker,
      fulfilledBy: ['review-held'],
      citation: {
        section: '9 The child in need plan',
        quote:
          'Where the child becomes a child in need following the end of a child protection plan, the conference chair will draw up a CIN plan and this plan will be reviewed within 3 months.',
      },
    },
    {
      id: 'camden.review.after-return-from-care',
      kind: 'timescale',
      topic: 'review',
      requires: 'The IRO convenes and chairs a CIN review for a child who has returned home after being looked after',
      anchors: ['returned-from-care'],
      offset: { unit: 'weeks', amount: 4, direction: 'after' },
      recurring: false,
      responsible: { role: 'iro', words: 'IRO' },
      fulfilledBy: ['review-held'],
      citation: {
        section: '9 The child in need plan',
        quote:
          'Where the child becomes a child in need having returned home after being looked after the IRO will convene and chair a CIN review within 4 weeks of the child being discharged from care.',
      },
    },
    {
      id: 'camden.review.convened-by-social-worker',
      kind: 'role',
      topic: 'review',
      requires: 'The allocated social worker makes sure the CIN plan is regularly reviewed by convening CIN review meetings',
      act: 'arranges',
      who: 'allocated social worker',
      citation: {
        section: '4 Role of social workers',
        quote:
          'ensure the child\'s CIN plan is regularly reviewed by convening a CIN review meeting at intervals as set out in this policy or as required or requested (see section 7.3);',
      },
    },
    {
      id: 'camden.review.date-set-at-previous-review',
      kind: 'role',
      topic: 'review',
      requires: 'The date of each CIN review is set at the end of the previous review meeting',
      act: 'decides',
      who: 'the previous CIN review meeting, at its end',
      citation: {
        section: '10.3 Arranging reviews',
        quote:
          'The date of CIN reviews will be set in advance at the end of the previous review meeting and social workers will send out invitation letters at least 10 working days before the date of the scheduled review.',
      },
    },
    {
      id: 'camden.review.cover-for-absent-social-worker',
      kind: 'role',
      topic: 'review',
      requires:
        'If the allocated social worker is likely to be absent for a review, the manager or senior practitioner assigns the work to another member of the team who knows the case well enough',
      act: 'arranges',
      who: 'the manager or senior practitioner',
      citation: {
        section: '10.3 Arranging reviews',
        quote:
          'If it is known that the allocated social worker is likely to be absent for a CIN review, the manager or senior practitioner should assign the work to another member of the team and ensure they have enough knowledge of the case to be able to present new information and contribute to decision making.',
      },
    },
    {
      id: 'camden.review.early-review-request',
      kind: 'role',
      topic: 'review',
      requires:
        'Any member of the professional network can ask in writing, to the social worker and their supervisor, for the review to be brought forward or for a professional network meeting; CSSW considers any reasonable request',
      act: 'decides',
      who: 'CSSW (the social worker and their supervisor), on a written request from any member of the professional network',
      citation: {
        section: '10.5 Bringing forward the review',
        quote: 'The request should be made in writing to the social worker and their supervisor.',
      },
    },

    // --- Before the review: invitations, the report to the family, the assessment update ----------------------
    {
      id: 'camden.review-invitations.ten-working-days-before',
      kind: 'timescale',
      topic: 'review-invitations',
      requires: 'Send out the invitation letters for the CIN review',
      anchors: ['review-booked'],
      offset: { unit: 'workingDays', amount: 10, direction: 'before' },
      recurring: false,
      responsible: worker,
      fulfilledBy: ['invitations-sent'],
      citation: {
        section: '10.3 Arranging reviews',
        quote:
          'The date of CIN reviews will be set in advance at the end of the previous review meeting and social workers will send out invitation letters at least 10 working days before the date of the scheduled review.',
      },
    },
    {
      id: 'camden.review-invitations.who-is-invited',
      kind: 'role',
      topic: 'review-invitations',
      requires:
        'Parents are always invited to reviews; the child is invited too if the social worker believes they are competent, and otherwise helped to take part and have their views known in other ways',
      act: 'arranges',
      who: 'the child\u2019s social worker (parents always invited; the child if competent)',
      citation: {
        section: '10.2 Attendance',
        quote:
          'Parents will always be invited to attend reviews. Children will also be invited to attend if their social worker believes they are competent to do so but will otherwise find other ways of enabling the child to participate in decision making and getting their views known.',
      },
    },
    {
      id: 'camden.review-report.two-working-days-before',
      kind: 'timescale',
      topic: 'review-report',
      requires: 'Make a copy of the updated assessment report prepared for the review available to the family and professionals',
      anchors: ['review-booked'],
      offset: { unit: 'workingDays', amount: 2, direction: 'before' },
      recurring: false,
      responsible: worker,
      fulfilledBy: ['report-shared'],
      citation: {
        section: '10.3 Arranging reviews',
        quote:
          'Social workers will ensure that a copy of the updated assessment report prepared for the review meeting is made available to families and professionals at least 2 working days before the review meeting.',
      },
    },
    {
      id: 'camden.assessment-update.before-each-review',
      kind: 'timescale',
      topic: 'assessment-update',
      requires: 'Update the child and family assessment for the review, in time for the updated assessment report to reach the family and professionals',
      anchors: ['review-booked'],
      offset: { unit: 'workingDays', amount: 2, direction: 'before' },
      recurring: false,
      responsible: worker,
      fulfilledBy: ['assessment-updated', 'report-shared'],
      interpretation:
        'The guidance sets no separate date for updating the assessment; the update must be done by the date its report has to reach the family and professionals, at least 2 working days before the review.',
      citation: {
        section: '10.3 Arranging reviews',
        quote:
          'Social workers will ensure that a copy of the updated assessment report prepared for the review meeting is made available to families and professionals at least 2 working days before the review meeting.',
      },
    },
    {
      id: 'camden.assessment-update.new-information',
      kind: 'plan-content',
      topic: 'assessment-update',
      element: 'new information since the last review',
      requires: 'The social worker\u2019s written update of the assessment at each review includes any new information since the last review',
      citation: { section: '10.4 Conduct of CIN reviews', quote: 'any new information available since the last review' },
    },
    {
      id: 'camden.assessment-update.work-summary',
      kind: 'plan-content',
      topic: 'assessment-update',
      element: 'summary of work with the family since the last review',
      requires: 'The written update of the assessment includes a summary of work carried out with the family since the last review',
      citation: { section: '10.4 Conduct of CIN reviews', quote: 'a summary of work carried out with the family since the last review' },
    },
    {
      id: 'camden.assessment-update.progress',
      kind: 'plan-content',
      topic: 'assessment-update',
      element: 'progress on the plan and outcomes',
      requires: 'The written update of the assessment includes any progress made on implementing the plan and achieving good outcomes for the child',
      citation: {
        section: '10.4 Conduct of CIN reviews',
        quote: 'any progress made on implementing the plan and achieving good outcomes for the child.',
      },
    },

    // --- Cancelled reviews and the written review report ------------------------------------------------------
    {
      id: 'camden.cancelled-review.within-fourteen-days',
      kind: 'timescale',
      topic: 'cancelled-review',
      requires: 'Re-schedule the cancelled CIN review so that it is held, and notify the professional network of the change',
      anchors: ['review-cancelled'],
      offset: { unit: 'days', amount: 14, direction: 'after' },
      recurring: false,
      responsible: worker,
      fulfilledBy: ['review-held'],
      interpretation:
        'The sentence does not say what the 14 days count from: read as 14 calendar days from the cancellation (for a review called off on the day, the booked date). Reviews should not be cancelled unless there are exceptional circumstances.',
      citation: {
        section: '10.3 Arranging reviews',
        quote:
          'Where the review is cancelled, it should be re-scheduled to be held within **14 days**; social workers are responsible for notifying the professional network of any changes to arrangement for reviews.',
      },
    },
    {
      id: 'camden.review-written-report.within-fourteen-days',
      kind: 'timescale',
      topic: 'review-written-report',
      requires:
        'Distribute the chair\u2019s written report of the review meeting (what was discussed and agreed, with the updated CIN plan) to the professionals who attended',
      anchors: ['initial-meeting-held', 'review-held'],
      offset: { unit: 'days', amount: 14, direction: 'after' },
      recurring: false,
      responsible: { role: 'chair', words: 'the chair of the meeting' },
      fulfilledBy: ['minutes-circulated', 'plan-circulated'],
      interpretation: 'Read as applying to every CIN review meeting, the initial CIN review meeting included.',
      citation: {
        section: '10.4 Conduct of CIN reviews',
        quote:
          'The chair of the meeting will provide a written report of the review meeting setting out what was discussed and agreed and containing the updated child in need plan; this report is distributed to professionals who attended the meeting within **14 days** of the review.',
      },
    },

    // --- Oversight and escalation -----------------------------------------------------------------------------
    {
      id: 'camden.escalation.iro-oversight-after-twelve-months',
      kind: 'timescale',
      topic: 'escalation',
      requires: 'The CIN IRO monitors a CIN case open for more than 12 months and takes action to support decision making on the next steps',
      anchors: ['case-opened'],
      offset: { unit: 'months', amount: 12, direction: 'after' },
      recurring: false,
      responsible: iro,
      fulfilledBy: ['oversight-review-held'],
      interpretation:
        '"Open for more than 12 months" is read as the IRO\u2019s oversight starting once the case has been open 12 months; the guidance sets no date by which the IRO must act after that.',
      citation: {
        section: '6 Role of the CIN Independent Reviewing Officer (IRO)',
        quote: 'monitor CIN cases that have been open for more than 12 months and take action to support decision making on the next steps;',
      },
    },
    {
      id: 'camden.escalation.written-referral-within-48-hours',
      kind: 'timescale',
      topic: 'escalation',
      requires: 'Follow an urgent child protection referral made to the MASH by telephone with a written referral',
      anchors: ['referral-received'],
      offset: { unit: 'days', amount: 2, direction: 'after' },
      recurring: false,
      onCase: false,
      responsible: { role: 'worker', words: 'the professional who made the telephone referral' },
      fulfilledBy: ['referral-received'],
      interpretation:
        '"Within 48 hours" is counted as 2 calendar days from the day of the telephone referral, weekends and bank holidays included; strictly it is 48 hours from the time of the call. It falls to the referring professional, so it is an answer only, not a deadline on a case.',
      citation: {
        section: 'Appendix 1 \u2013 Thresholds and eligibility criteria for children\'s services',
        quote:
          'If the matter is urgent, professionals can make a child protection referral to the MASH by telephone and follow up with a written referral within 48 hours.',
      },
    },
    {
      id: 'camden.escalation.manager-oversight',
      kind: 'role',
      topic: 'escalation',
      requires: 'The manager or senior who supervises the allocated social worker provides professional oversight of the case, including supervision',
      act: 'oversees',
      who: 'the manager or senior who supervises the allocated social worker',
      citation: {
        section: '5 Role of social work managers and seniors',
        quote: 'provide an appropriate level of high standard professional oversight to the case, including supervision;',
      },
    },
    {
      id: 'camden.escalation.step-up-decision',
      kind: 'role',
      topic: 'escalation',
      requires:
        'Stepping a case up (child protection procedures or removal from parents\u2019 care) is decided by the CIN review, or in an emergency by the social worker and their manager, who then inform the network as soon as possible',
      act: 'decides',
      who: 'the CIN review, or in an emergency the social worker and their manager',
      citation: {
        section: '12.1 Step up/escalation',
        quote:
          'This decision may be made by the CIN review or may be made in an emergency by the social worker and their manager following a significant incident.',
      },
    },
    {
      id: 'camden.escalation.complexity-forum-referral',
      kind: 'role',
      topic: 'escalation',
      requires: 'A referral to the Complexity Forum, when a case appears to be drifting, is discussed and agreed by the professional network at the CIN review',
      act: 'decides',
      who: 'the professional network at the CIN review',
      citation: {
        section: '12.3 Referral to the Complexity Forum',
        quote: 'Possible referral to the Forum should be discussed and agreed by the professional network at the CIN review.',
      },
    },
    {
      id: 'camden.escalation.dispute-resolution',
      kind: 'role',
      topic: 'escalation',
      requires: 'The supervising manager or senior carries out any dispute resolution under the CSCP escalation policy',
      act: 'decides',
      who: 'the manager or senior who supervises the allocated social worker',
      citation: { section: '5 Role of social work managers and seniors', quote: 'carry out any dispute resolution in line with the CSCP escalation policy.' },
    },

    // --- Chairs and authorisation -----------------------------------------------------------------------------
    {
      id: 'camden.chair.manager-or-senior',
      kind: 'role',
      topic: 'chair',
      requires: 'CIN reviews are chaired by the manager or senior who supervises the allocated social worker',
      act: 'chairs',
      who: 'the manager or senior who supervises the allocated social worker (the CIN IRO in complex cases and after a return from care)',
      citation: { section: '5 Role of social work managers and seniors', quote: 'chair the CIN reviews;' },
    },
    {
      id: 'camden.chair.iro-complex-cases',
      kind: 'role',
      topic: 'chair',
      requires:
        'The CIN IRO chairs CIN meetings and reviews in complex cases: large professional networks, sibling groups with varying needs, and cases involving care or private proceedings',
      act: 'chairs',
      who: 'the CIN Independent Reviewing Officer (IRO)',
      citation: {
        section: '6 Role of the CIN Independent Reviewing Officer (IRO)',
        quote:
          'chair CIN meetings and review in complex cases such as those involving large professional networks, sibling groups with varying needs, and cases involving care proceedings and private proceedings.',
      },
    },
    {
      id: 'camden.chair.iro-after-return-from-care',
      kind: 'role',
      topic: 'chair',
      requires: 'The IRO convenes and chairs the CIN review for a child who has returned home after being looked after',
      act: 'chairs',
      who: 'the IRO',
      citation: {
        section: '9 The child in need plan',
        quote:
          'Where the child becomes a child in need having returned home after being looked after the IRO will convene and chair a CIN review within 4 weeks of the child being discharged from care.',
      },
    },
    {
      id: 'camden.chair.iro-when-chair-absent',
      kind: 'role',
      topic: 'chair',
      requires:
        'If the manager or senior who would normally chair the review will be absent, an independent reviewing officer chairs it, arranged through the Children\u2019s Quality Assurance Unit',
      act: 'chairs',
      who: 'an independent reviewing officer, arranged via the Children\u2019s Quality Assurance Unit',
      citation: {
        section: '10.3 Arranging reviews',
        quote:
          'If it is known that the manager or senior who would normally chair the CIN review will be absent, arrangements should be made via the Children\'s Quality Assurance Unit for an independent reviewing officer to chair the meeting.',
      },
    },
    {
      id: 'camden.authorisation.manager-or-senior',
      kind: 'role',
      topic: 'authorisation',
      requires:
        'Decisions on case closure, step-down to Early Help Services, escalation to child protection or looked after children, and referrals to the Complexity Forum are authorised by the supervising manager or senior',
      act: 'authorises',
      who: 'the manager or senior who supervises the allocated social worker',
      approves: { requests: ['closure', 'step-down'], roles: ['manager', 'senior-practitioner'] },
      citation: {
        section: '5 Role of social work managers and seniors',
        quote:
          'authorise decisions on case closure and step down to Early Help Services or escalation of cases to child protection or looked after children (see sections 10.1 and 10.2) or any referral to the Complexity Forum (see section 10.3);',
      },
    },

    // --- What the plan contains -------------------------------------------------------------------------------
    {
      id: 'camden.plan-content.smart',
      kind: 'plan-content',
      topic: 'plan-content',
      element: 'SMART plan',
      requires: 'The CIN plan is SMART: specific, measurable, achievable, realistic and timely',
      citation: { section: '9 The child in need plan', quote: 'All child in need plans will be SMART: specific, measurable, achievable, realistic and timely.' },
    },
    {
      id: 'camden.plan-content.responsible-agency',
      kind: 'plan-content',
      topic: 'plan-content',
      element: 'the agency responsible for each action',
      form: { kind: 'action-column', column: 'owner', label: 'Responsible agency' },
      requires: 'The CIN plan sets out which agency is responsible for each action or intervention',
      citation: {
        section: '9 The child in need plan',
        quote:
          'Plans will set out which agency is responsible for each action or intervention, the timescale for taking action and what outcomes should be achieved.',
      },
    },
    {
      id: 'camden.plan-content.timescales',
      kind: 'plan-content',
      topic: 'plan-content',
      element: 'the timescale for each action',
      form: { kind: 'action-column', column: 'dueOn', label: 'Timescale: by when' },
      requires: 'The CIN plan sets out the timescale for taking action',
      citation: {
        section: '9 The child in need plan',
        quote:
          'Plans will set out which agency is responsible for each action or intervention, the timescale for taking action and what outcomes should be achieved.',
      },
    },
    {
      id: 'camden.plan-content.outcomes',
      kind: 'plan-content',
      topic: 'plan-content',
      element: 'the outcomes to be achieved',
      form: { kind: 'action-column', column: 'outcome', label: 'Outcome to be achieved' },
      requires: 'The CIN plan sets out what outcomes should be achieved',
      citation: {
        section: '9 The child in need plan',
        quote:
          'Plans will set out which agency is responsible for each action or intervention, the timescale for taking action and what outcomes should be achieved.',
      },
    },
    {
      id: 'camden.plan-content.actions-services-resources',
      kind: 'plan-content',
      topic: 'plan-content',
      element: 'actions, services and resources',
      form: { kind: 'action-column', column: 'action', label: 'Action, service or resource' },
      requires: 'The CIN plan sets out the actions, services and resources made available to meet the child\u2019s developmental needs and support parents',
      citation: {
        section: '9 The child in need plan',
        quote:
          'The plan sets out what actions, services and resources will be made available to children and families in order to meet children\'s developmental needs and support parents.',
      },
    },
    {
      id: 'camden.plan-content.multi-agency',
      kind: 'plan-content',
      topic: 'plan-content',
      element: 'multi-agency plan',
      requires: 'The CIN plan is a multi-agency plan developed by the professionals who know the child and family best',
      citation: {
        section: '9 The child in need plan',
        quote:
          'A child in need plan is a multi-agency plan developed by those professionals who know the child and family best and can contribute their professional expertise and personal knowledge of the child to making plans to improve their life.',
      },
    },
    {
      id: 'camden.plan-content.lead-professional',
      kind: 'condition',
      topic: 'plan-content',
      appliesTo: ['plan-start'],
      requires: 'The child has an allocated social worker as their lead professional for as long as they receive a service from CSSW',
      citation: {
        section: '9 The child in need plan',
        quote: 'As long as a child receives a service from CSSW they will always have an allocated social worker who will be their lead professional.',
      },
    },

    // --- Visits and assessments: no figure set ----------------------------------------------------------------
    {
      id: 'camden.visit.no-frequency-set',
      kind: 'no-figure-set',
      topic: 'visit',
      requires: 'Visit the child as the CIN plan and the social worker\u2019s duties require',
      says:
        'The guidance sets no visiting frequency and no timescale for a first visit. The only thing it says about seeing the child is that professionals must tell the social worker immediately of any difficulties in engaging the family or seeing the child (including seeing the child alone where appropriate).',
      citation: {
        section: '11 Information sharing',
        quote: 'any difficulties in engaging families or seeing the child (including seeing the child alone where appropriate);',
      },
    },
    {
      id: 'camden.assessment.no-timescale-set',
      kind: 'no-figure-set',
      topic: 'assessment',
      requires: 'Complete, update and repeat the child and family assessment',
      says:
        'The guidance sets no timescale for completing the child and family assessment. The social worker updates it to inform each review and repeats it in line with social work service policy or where a CIN review recommends it.',
      citation: {
        section: '4 Role of social workers',
        quote:
          'repeat the child and family assessment in line with social work service policy or where this is a recommendation of the CIN review;',
      },
    },

    // --- Families moving in and out of Camden -----------------------------------------------------------------
    {
      id: 'camden.transfer-in.cin-meeting-no-timescale',
      kind: 'no-figure-set',
      topic: 'transfer-in',
      requires: 'Invite the professional network in Camden to a transfer-in CIN meeting to agree an updated CIN plan',
      says:
        'The guidance sets no timescale for the transfer-in CIN meeting: where a family moves into Camden, the allocated social worker invites the professional network in Camden to a transfer-in CIN meeting to agree an updated CIN plan.',
      citation: {
        section: '13 Families moving in and out of Camden',
        quote:
          'Where families are moving into Camden the allocated social worker will invite the professional network in Camden to a transfer-in CIN meeting to agree an updated CIN plan.',
      },
    },
    {
      id: 'camden.transfer-in.arrange-with-authorities',
      kind: 'condition',
      topic: 'transfer-in',
      appliesTo: ['transfer-in', 'transfer-out'],
      requires: 'The social worker arranges the transfer of the case with the other local authority and informs the professional network',
      citation: {
        section: '13 Families moving in and out of Camden',
        quote:
          'Social workers will make arrangements with the relevant local authorities for the transfer of cases into and out of Camden and will inform the professional network.',
      },
    },
    {
      id: 'camden.transfer-in.mash-notified',
      kind: 'condition',
      topic: 'transfer-in',
      appliesTo: ['transfer-in'],
      requires: 'Professionals who learn of a child moving into Camden who was receiving a social care service in the previous borough notify the MASH team',
      citation: {
        section: '13 Families moving in and out of Camden',
        quote:
          'Professionals should also notify the MASH team if they become aware of any child moving into Camden who was receiving a social care service in the previous borough immediately before moving.',
      },
    },
    {
      id: 'camden.transfer-in.records-from-previous-authority',
      kind: 'condition',
      topic: 'transfer-in',
      appliesTo: ['transfer-in'],
      requires:
        'Members of the professional network are recommended to contact their counterparts in the previous authority for information about the child and family and the timely transfer of case records',
      citation: {
        section: '13 Families moving in and out of Camden',
        quote:
          'It is recommended that members of the family\'s professional network contact their counterpart in the previous authority to:',
      },
    },
    {
      id: 'camden.transfer-out.no-timescale',
      kind: 'no-figure-set',
      topic: 'transfer-out',
      requires: 'Contact the children\u2019s social care department in the new borough to arrange the transfer of the case',
      says:
        'The guidance sets no timescale for transferring a case out: once the network tells the social worker the family will move out of Camden, the social worker contacts the children\u2019s social care department in the new borough to arrange the transfer.',
      citation: {
        section: '13 Families moving in and out of Camden',
        quote:
          'The social worker will then contact the children\'s social care department in the new borough to arrange for the transfer of the case.',
      },
    },
    {
      id: 'camden.transfer-out.notify-network',
      kind: 'condition',
      topic: 'transfer-out',
      appliesTo: ['transfer-out'],
      requires:
        'The allocated social worker notifies the professional network in Camden and asks them to contact their counterparts in the receiving authority to share information and transfer records',
      citation: {
        section: '13 Families moving in and out of Camden',
        quote:
          'Where families are moving out of Camden the allocated social will notify the professional network in Camden and ask them to contact their counterpart in the receiving authority to share relevant information and ensure the smooth transfer of records.',
      },
    },

    // --- Closure and step-down ----------------------------------------------------------------------------------
    {
      id: 'camden.closure.agreed-at-review',
      kind: 'condition',
      topic: 'closure',
      appliesTo: ['closure', 'step-down'],
      requires: 'Closure is agreed at a CIN review because the child is no longer considered a child in need following effective intervention and support',
      autoCheck: { kind: 'review-decided', decisions: ['close', 'step-down'] },
      citation: {
        section: '12.2 Case closure/step down',
        quote:
          'CIN cases can only be closed following agreement at a CIN review because the child is no longer considered a child in need following effective intervention and support.',
      },
    },
    {
      id: 'camden.closure.network-notified',
      kind: 'condition',
      topic: 'closure',
      appliesTo: ['closure'],
      requires: 'The social worker has notified the professional network of the intention to close, timetabled at the CIN review',
      citation: {
        section: '12.2 Case closure/step down',
        quote: 'Social workers will always notify the professional network of the intention to close a case and this will be timetabled at the CIN review.',
      },
    },
    {
      id: 'camden.closure.manager-authorises',
      kind: 'condition',
      topic: 'closure',
      appliesTo: ['closure', 'step-down'],
      requires: 'The manager or senior who supervises the allocated social worker has authorised the closure or step-down',
      autoCheck: { kind: 'authorised-by-this-request' },
      citation: {
        section: '5 Role of social work managers and seniors',
        quote:
          'authorise decisions on case closure and step down to Early Help Services or escalation of cases to child protection or looked after children (see sections 10.1 and 10.2) or any referral to the Complexity Forum (see section 10.3);',
      },
    },
    {
      id: 'camden.step-down.final-review-plans',
      kind: 'condition',
      topic: 'step-down',
      appliesTo: ['step-down'],
      requires:
        'Where the family needs on-going support, the final CIN review meeting plans the step-down to Early Help Services and identifies the early help service and the new lead professional from the child\u2019s network',
      autoCheck: { kind: 'review-decided', decisions: ['step-down'] },
      citation: {
        section: '12.2 Case closure/step down',
        quote:
          'The final CIN review meeting will plan the step down and identify the most appropriate early help service and the new lead professional from the child\'s network.',
      },
    },

    // --- Thresholds ---------------------------------------------------------------------------------------------
    {
      id: 'camden.threshold.cypds-functional-needs',
      kind: 'threshold',
      topic: 'threshold',
      pathway: 'disabled-children',
      service: "Children and Young People's Disability Service (CYPDS)",
      requires:
        'A child meets the threshold for a child in need service from CYPDS with at least 2 moderate needs, or 1 severe or profound need, on the functional needs assessment scoring (Appendix 2)',
      functions: [
        'Intellectual learning',
        'Gross motor (e.g. mobility)',
        'Fine motor (e.g. manipulation)',
        'Vision',
        'Hearing',
        'Speech & language / communication',
        'Behavioural problems',
        'Self help',
        'Physical health',
      ],
      unscoredFunctions: ['Social / environmental'],
      eligibleWhenAnyOf: [
        { count: 2, levelOrAbove: 'moderate' },
        { count: 1, levelOrAbove: 'severe' },
      ],
      interpretation:
        'Appendix 2 scores each function 0 (no problems), 1 mild, 2 moderate, 3 severe, 4 profound or N (not tested); a function not tested has no score and so does not count towards the threshold. "Social / environmental" is not scored: the community trust has no plans to use it.',
      citation: {
        section: '3 Definitions',
        quote:
          'Children will meet the threshold for a child in need service from the Children and Young People\'s Disability Service (CYPDS) if they have at least 2 moderate or 1 profound or severe need as recognised in the MOSAIC Functional Needs Assessment matrix (see Appendix 2).',
      },
    },
    {
      id: 'camden.threshold.complex-needs-level-3',
      kind: 'condition',
      topic: 'threshold',
      appliesTo: ['plan-start'],
      requires: 'A child in need has complex and enduring needs (level 3) and requires statutory social work intervention to improve outcomes',
      citation: {
        section: '3 Definitions',
        quote:
          'Under Camden\'s threshold and eligibility criteria (see Appendix 1) a child in need is a child who has complex and enduring needs (level 3) and who requires statutory social work intervention to improve outcomes.',
      },
    },
  ],
  // The document's own words, for reading questions (a block of its own at the end, so rule edits merge cleanly).
  vocabulary: {
    places: ['Camden Town', 'Kentish Town', 'Holborn', 'Hampstead'],
    terms: {
      CSSW: 'social work',
      CYPDS: 'disabled children',
      'disability service': 'disabled children service',
      IRO: 'independent reviewing officer',
      MASH: 'referral',
    },
  },
} satisfies PolicyInput;
