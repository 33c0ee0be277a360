import type { PolicyInput } from '../schema.js';

const socialWorker = { role: 'worker', words: 'social worker' } as const;

/**
 * Brighton and Hove, 1.4.3 Children in Need Plans and Network Meetings - Practice Guidance. Its CiN reviews are
 * "Child in Need Network Meetings"; children held in ICDDS solely for Direct Payments follow section 8 (the
 * `direct-payments` pathway) instead of the general visiting and review rules. Data only: PolicySchema checks it
 * in registry.ts.
 */
export const brightonAndHove = {
  authority: {
    id: 'brighton-and-hove',
    name: 'Brighton and Hove',
    alsoKnownAs: ['Brighton', 'Brighton & Hove', 'B&H', 'Brighton and Hove City Council', 'Brighton & Hove City Council'],
  },
  source: {
    file: '004_4680ce6eb91d8c1b.txt',
    title: '1.4.3 Children in Need Plans and Network Meetings - Practice Guidance',
    version: 'updated November 2017',
    checkedOn: '2026-11-22',
    sha256: 'a06fe6c15930fd238026420e3a1a5bdb2f1dc386981ac404a76f68ae23a7009d',
  },
  rules: [
    // ---- Timescales -------------------------------------------------------------------------------------------
    {
      id: 'brighton-and-hove.initial-meeting.within-fifteen-working-days',
      kind: 'timescale',
      topic: 'initial-meeting',
      requires: 'Arrange the Initial Child in Need Network Meeting after the Child in Need Plan is established',
      anchors: ['plan-started'],
      offset: { unit: 'workingDays', amount: 15, direction: 'after' },
      recurring: false,
      responsible: socialWorker,
      fulfilledBy: ['initial-meeting-held'],
      interpretation:
        '"The establishment of a Child in Need Plan" is read as the day the plan started. "Arranged no later than" is read as the meeting being held by that day. The guidance does not name who arranges it.',
      citation: {
        section: '5. Arranging a Child in Need Network Meeting',
        quote:
          'A Child in Need Network Meeting can be called at any time in the process of working with a child and family, but the Initial Child in Need Network Meeting should be arranged no later than fifteen working days after the establishment of a Child in Need Plan.',
      },
    },
    {
      id: 'brighton-and-hove.review.network-meeting-every-three-months',
      kind: 'timescale',
      topic: 'review',
      requires:
        'Hold the next Child in Need Network Meeting (at least once every 3 months, more often if progress needs it; a meeting can be called at any time)',
      anchors: ['initial-meeting-held', 'review-held'],
      offset: { unit: 'months', amount: 3, direction: 'after' },
      recurring: true,
      responsible: { role: 'worker', words: 'social worker or social work manager' },
      fulfilledBy: ['review-held'],
      exceptPathway: 'direct-payments',
      interpretation:
        'Counted from the last network meeting actually held (the initial one or a later one). Section 1 says the same figure: "Child in Need Network Meetings should be held once every 3 months". Children held in ICDDS solely for Direct Payments follow the 6-monthly review rule of section 8 instead.',
      citation: {
        section: '5. Arranging a Child in Need Network Meeting',
        quote:
          'Subsequent Child in Need Network Meetings should be held with sufficient frequency to ensure that progress toward the identified outcomes for the child is being achieved. This should be, at a minimum of once every 3 months.',
      },
    },
    {
      id: 'brighton-and-hove.review.direct-payments-every-six-months',
      kind: 'timescale',
      topic: 'review',
      requires: 'Hold the next review for a child held in ICDDS under the Direct Payments procedure (at least once every 6 months)',
      anchors: ['initial-meeting-held', 'review-held'],
      offset: { unit: 'months', amount: 6, direction: 'after' },
      recurring: true,
      responsible: { role: 'manager', words: 'Managers in ICDDS' },
      fulfilledBy: ['review-held'],
      pathway: 'direct-payments',
      interpretation:
        'Applies only where a Manager in ICDDS has decided the case is managed under the Direct Payments (non-safeguarding) procedure; it replaces the 3-monthly network meetings. Counted from the last review actually held. The guidance does not name who holds the review.',
      citation: {
        section: '8. Procedure for Children in Need subject to Direct Payments and held in ICDDS (non-safeguarding pathway)',
        quote: 'Reviews for children under this procedure must be held at least once every 6 months.',
      },
    },
    {
      id: 'brighton-and-hove.minutes-circulation.within-ten-working-days',
      kind: 'timescale',
      topic: 'minutes-circulation',
      requires: 'Distribute the minutes of the Child in Need Network Meeting to all parties involved in the Child in Need Team and the participants',
      anchors: ['initial-meeting-held', 'review-held'],
      offset: { unit: 'workingDays', amount: 10, direction: 'after' },
      recurring: false,
      responsible: socialWorker,
      fulfilledBy: ['minutes-circulated'],
      interpretation:
        'Read as within 10 working days of each network meeting, initial or subsequent. The guidance does not name who distributes the minutes.',
      citation: {
        section: 'Child in Need Network Meeting Agenda',
        quote: 'The minutes should be distributed to all parties involved in the Child in Need Team, participants, within ten working days.',
      },
    },
    {
      id: 'brighton-and-hove.visit.every-six-weeks',
      kind: 'timescale',
      topic: 'visit',
      requires: 'Visit the child (at least once every 6 weeks; more often where the level of intervention needs it)',
      anchors: ['plan-started', 'visit-made'],
      offset: { unit: 'weeks', amount: 6, direction: 'after' },
      recurring: true,
      responsible: socialWorker,
      fulfilledBy: ['visit-made'],
      exceptPathway: 'direct-payments',
      interpretation:
        '"At a minimum of once every 6 weeks" is read as no more than 6 weeks after the last visit, or after the plan started if no visit is recorded yet. Children held in ICDDS solely for Direct Payments are visited every 3 months instead (section 8).',
      citation: {
        section: '4. Visits to Children subject to a Child in Need Plan',
        quote:
          'It is expected that a child will be visited at a minimum of once every 6 weeks. This may need to be more frequent, depending of the level of intervention required with a family.',
      },
    },
    {
      id: 'brighton-and-hove.visit.direct-payments-every-three-months',
      kind: 'timescale',
      topic: 'visit',
      requires: 'Visit a child held in ICDDS under the Direct Payments procedure (once every 3 months)',
      anchors: ['plan-started', 'visit-made'],
      offset: { unit: 'months', amount: 3, direction: 'after' },
      recurring: true,
      responsible: { role: 'worker', words: 'worker holding the case in ICDDS' },
      fulfilledBy: ['visit-made'],
      pathway: 'direct-payments',
      interpretation:
        'Applies only where a Manager in ICDDS has decided the case is managed under the Direct Payments (non-safeguarding) procedure; it replaces the 6-weekly visits. "Once every 3 months" is read as no more than 3 months after the last visit (or after the plan started if none is recorded). The guidance does not name who visits.',
      citation: {
        section: '8. Procedure for Children in Need subject to Direct Payments and held in ICDDS (non-safeguarding pathway)',
        quote: 'Visits to children under this procedure must be once every 3 months;',
      },
    },
    {
      id: 'brighton-and-hove.supervision-order.meeting-before-expiry',
      kind: 'no-figure-set',
      topic: 'supervision-order',
      requires:
        'Hold a Child in Need Network Meeting in a timely way before the Supervision Order expires, so the matter can return to court if concerns remain',
      says:
        'No figure is set: the network meeting is held "in a timely way before the order expires", so that if the concerns and issues remain there is the opportunity to return the matter to court. The expiry is the outer limit; the meeting must come well before it, in time to return to court.',
      outerLimit: {
        anchors: ['supervision-order-made'],
        responsible: socialWorker,
        fulfilledBy: ['review-held'],
        remindWorkingDaysBefore: [40, 20],
      },
      interpretation:
        'The order\u2019s expiry is the outer limit, not a target: on that day it is too late to return the matter to court. Reminders start 40 working days (about eight weeks) before the expiry and come again 20 working days before, besides the usual 5 working days before and on the day; that notice is this bot\u2019s reading, to leave time to hold the meeting and, if concerns remain, to go back to court before the order ends. It is not a figure from the guidance, which does not name who arranges the meeting either.',
      citation: {
        section: '7. Concluding a Child in Need Plan',
        quote:
          'If a child is subject to Supervision Order, a child in Need Network Meeting should be held in a timely way before the order expires, so that should the concerns and issues remain, there is the opportunity to return the matter to court if required.',
      },
    },

    // ---- Where the guidance sets no figure ---------------------------------------------------------------------
    {
      id: 'brighton-and-hove.first-visit.no-separate-timescale',
      kind: 'no-figure-set',
      topic: 'first-visit',
      requires: 'Visit the child at least once every 6 weeks; there is no separate timescale for the first visit',
      says:
        'The guidance sets no separate timescale for a first visit. It expects a child subject to a Child in Need Plan to be visited at a minimum of once every 6 weeks, more often depending on the level of intervention (every 3 months for children held in ICDDS solely for Direct Payments).',
      citation: {
        section: '4. Visits to Children subject to a Child in Need Plan',
        quote: 'It is expected that a child will be visited at a minimum of once every 6 weeks.',
      },
    },
    {
      id: 'brighton-and-hove.assessment.no-timescale-set',
      kind: 'no-figure-set',
      topic: 'assessment',
      requires: 'Base the Child in Need Plan on a social work assessment; this guidance sets no assessment timescale',
      says:
        'This guidance sets no timescale for the assessment. It says only that a Child in Need Plan results from social work assessment and analysis that determines that the child is in need under s.17 Children Act 1989.',
      citation: {
        section: '2. Statutory Framework',
        quote:
          'A Child in Need Plan results from social work assessment and analysis that determines that a child is \u2018in need\u2019 under S.17 Children Act 1989.',
      },
    },

    // ---- Roles ------------------------------------------------------------------------------------------------
    {
      id: 'brighton-and-hove.chair.social-worker-or-manager',
      kind: 'role',
      topic: 'chair',
      requires: 'The Child in Need Network Meeting is chaired by a social worker or social work manager',
      act: 'chairs',
      who: 'a social worker or social work manager',
      citation: {
        section: '6. The Child in Need Network Meeting',
        quote: 'The meeting should be chaired by a social worker or social work manager.',
      },
    },
    {
      id: 'brighton-and-hove.authorisation.exclude-family-member',
      kind: 'role',
      topic: 'authorisation',
      requires:
        'A decision to exclude a family member from the network meeting is endorsed by a Pod Manager or Team Manager (ICDDS) and recorded formally in the minutes; an alternative forum is found to gain the excluded parent\u2019s views',
      act: 'endorses',
      who: 'Pod Manager or Team Manager (ICDDS)',
      citation: {
        section: '5. Arranging a Child in Need Network Meeting',
        quote:
          'A decision to exclude a family member must be endorsed by a Pod Manager or Team Manager (ICDDS) and recorded formally within the Minutes of the Meeting.',
      },
    },
    {
      id: 'brighton-and-hove.authorisation.direct-payments-pathway',
      kind: 'role',
      topic: 'authorisation',
      requires: 'Managers in ICDDS decide that a case may be managed under the Direct Payments (non-safeguarding) procedure',
      act: 'decides',
      who: 'Managers in ICDDS',
      pathway: 'direct-payments',
      citation: {
        section: '8. Procedure for Children in Need subject to Direct Payments and held in ICDDS (non-safeguarding pathway)',
        quote: 'Managers in ICDDS are responsible for determining that a case may be managed under this procedure.',
      },
    },

    // ---- The outline plan: the five questions -----------------------------------------------------------------
    {
      id: 'brighton-and-hove.plan-content.worried-about',
      kind: 'plan-content',
      topic: 'plan-content',
      element: 'what are we worried about?',
      form: { kind: 'section', section: 'worried-about', label: 'What are we worried about?' },
      requires: 'The outline Plan answers "What are we worried about?"',
      citation: {
        section: 'Child in Need Network Meeting Agenda',
        quote: 'The outline Plan should address the following points: 1. What are we worried about?',
      },
    },
    {
      id: 'brighton-and-hove.plan-content.needs-to-change',
      kind: 'plan-content',
      topic: 'plan-content',
      element: 'what needs to change?',
      form: { kind: 'section', section: 'needs-to-change', label: 'What needs to change?' },
      requires: 'The outline Plan answers "What needs to change?"',
      citation: { section: 'Child in Need Network Meeting Agenda', quote: '2. What needs to change?' },
    },
    {
      id: 'brighton-and-hove.plan-content.needs-to-happen',
      kind: 'plan-content',
      topic: 'plan-content',
      element: 'what needs to happen?',
      form: { kind: 'action-column', column: 'action', label: 'What needs to happen?' },
      requires: 'The outline Plan answers "What needs to happen?"',
      citation: { section: 'Child in Need Network Meeting Agenda', quote: '3. What needs to happen?' },
    },
    {
      id: 'brighton-and-hove.plan-content.by-when',
      kind: 'plan-content',
      topic: 'plan-content',
      element: 'by when?',
      form: { kind: 'action-column', column: 'dueOn', label: 'By when?' },
      requires: 'The outline Plan answers "By when?"',
      citation: { section: 'Child in Need Network Meeting Agenda', quote: '4. By when? 5. By whom?' },
    },
    {
      id: 'brighton-and-hove.plan-content.by-whom',
      kind: 'plan-content',
      topic: 'plan-content',
      element: 'by whom?',
      form: { kind: 'action-column', column: 'owner', label: 'By whom?' },
      requires: 'The outline Plan answers "By whom?"',
      citation: { section: 'Child in Need Network Meeting Agenda', quote: '4. By when? 5. By whom?' },
    },

    // ---- What every network meeting covers (agenda, attendance) -------------------------------------------------
    {
      id: 'brighton-and-hove.meeting-agenda.introductions',
      kind: 'plan-content',
      topic: 'meeting-agenda',
      element: 'agenda: introductions',
      requires: 'The network meeting agenda covers introductions',
      citation: { section: 'Child in Need Network Meeting Agenda', quote: 'Introductions;' },
    },
    {
      id: 'brighton-and-hove.meeting-agenda.attendance-and-apologies',
      kind: 'plan-content',
      topic: 'meeting-agenda',
      element: 'agenda: record of attendance and apologies',
      requires: 'The network meeting agenda covers a record of attendance and apologies',
      citation: { section: 'Child in Need Network Meeting Agenda', quote: 'Record of Attendance and Apologies;' },
    },
    {
      id: 'brighton-and-hove.meeting-agenda.risk-and-protective-factors',
      kind: 'plan-content',
      topic: 'meeting-agenda',
      element: 'agenda: summary of risk and protective factors',
      requires: 'The network meeting agenda covers a brief summary of the risk and protective factors identified',
      citation: { section: 'Child in Need Network Meeting Agenda', quote: 'A Brief Summary of the Risk and Protective Factors identified;' },
    },
    {
      id: 'brighton-and-hove.meeting-agenda.plan-elements',
      kind: 'plan-content',
      topic: 'meeting-agenda',
      element: 'agenda: develop or review each element of the plan',
      requires: 'The network meeting agenda covers a discussion to develop or review each element of the Child in Need Plan',
      citation: {
        section: 'Child in Need Network Meeting Agenda',
        quote: 'A Discussion to develop/review each element of the Child in Need Plan;',
      },
    },
    {
      id: 'brighton-and-hove.meeting-agenda.child-attends',
      kind: 'plan-content',
      topic: 'meeting-agenda',
      element: 'attendance: the child, where appropriate',
      requires: 'The child attends all or part of the network meeting where appropriate',
      citation: {
        section: '5. Arranging a Child in Need Network Meeting',
        quote: 'The child should attend all or part of the meeting where appropriate.',
      },
    },
    {
      id: 'brighton-and-hove.meeting-agenda.family-involved',
      kind: 'plan-content',
      topic: 'meeting-agenda',
      element: 'attendance: family members',
      requires:
        'The network meeting always involves family members, unless that would jeopardise the child\u2019s wellbeing or another family member\u2019s (for example Domestic Violence and Abuse or Forced Marriage)',
      citation: {
        section: '5. Arranging a Child in Need Network Meeting',
        quote:
          'The Child in Need Network Meeting should always involve family members, unless doing so would jeopardise the child\u2019s wellbeing or that of another family member (for example, cases involving Domestic Violence and Abuse or Forced Marriage).',
      },
    },
    {
      id: 'brighton-and-hove.meeting-agenda.excluded-parent-views',
      kind: 'plan-content',
      topic: 'meeting-agenda',
      element: 'views of an excluded parent',
      requires: 'Where a parent is excluded from the meeting, an alternative forum is found to gain their views',
      citation: {
        section: '5. Arranging a Child in Need Network Meeting',
        quote: 'An alternative forum to gain the views of an excluded parent should be found.',
      },
    },
    {
      id: 'brighton-and-hove.meeting-agenda.disagreements-noted',
      kind: 'plan-content',
      topic: 'meeting-agenda',
      element: 'disagreements and proposed action',
      requires:
        'Decisions are made with agreement where possible, by negotiation and respecting family views; where no agreement is reached, disagreements are noted with any action proposed',
      citation: {
        section: '6. The Child in Need Network Meeting',
        quote: 'If no agreement can be reached, disagreements should be noted, along with any action proposed.',
      },
    },

    // ---- What each subsequent network meeting reviews -----------------------------------------------------------
    {
      id: 'brighton-and-hove.meeting-agenda.progress-update',
      kind: 'plan-content',
      topic: 'meeting-agenda',
      element: 'update on progress since the last meeting',
      requires: 'Each subsequent network meeting includes an update on progress since the last Child in Need Network Meeting',
      citation: {
        section: 'Child in Need Network Meeting Agenda',
        quote: 'An update regarding progress since the last Child in Need Network Meeting;',
      },
    },
    {
      id: 'brighton-and-hove.meeting-agenda.resulting-actions',
      kind: 'plan-content',
      topic: 'meeting-agenda',
      element: 'actions resulting from the progress update',
      requires: 'Each subsequent network meeting records any actions that result from the progress update',
      citation: { section: 'Child in Need Network Meeting Agenda', quote: 'Any actions that result from this;' },
    },
    {
      id: 'brighton-and-hove.meeting-agenda.consider-ending-plan',
      kind: 'plan-content',
      topic: 'meeting-agenda',
      element: 'consideration of ending the plan',
      requires:
        'Each subsequent network meeting considers ending the Child in Need Plan: stepping down to Early Help, staying at Child in Need, or starting safeguarding procedures',
      citation: {
        section: 'Child in Need Network Meeting Agenda',
        quote:
          'The meeting should consider whether the intervention can be \u2018stepped down\u2019 from Children\u2019s Social Work to Early Help, maintained as Child in Need or whether safeguarding procedures should be implemented;',
      },
    },
    {
      id: 'brighton-and-hove.meeting-agenda.child-views',
      kind: 'plan-content',
      topic: 'meeting-agenda',
      element: 'the views and wishes of the child',
      requires: 'Each subsequent network meeting considers the child\u2019s views and experience, whether or not the child is present',
      citation: {
        section: 'Child in Need Network Meeting Agenda',
        quote:
          'It is essential that the child\u2019s views and experience are considered, whether or not they are present at the meeting;',
      },
    },
    {
      id: 'brighton-and-hove.meeting-agenda.parent-views',
      kind: 'plan-content',
      topic: 'meeting-agenda',
      element: 'the views and wishes of the parents or carers',
      requires:
        'Each subsequent network meeting understands and records the parents\u2019 or carers\u2019 views and wishes; the social worker makes sure the meeting has the opportunity to consider them',
      citation: {
        section: 'Child in Need Network Meeting Agenda',
        quote: 'It is important that the views and wishes of the parent or carer be understood and recorded.',
      },
    },
    {
      id: 'brighton-and-hove.meeting-agenda.agreement-recorded',
      kind: 'plan-content',
      topic: 'meeting-agenda',
      element: 'agreement and disagreement to the proposed actions',
      requires: 'The social worker seeks agreement to the actions discussed, recording any disagreement and the reasons why',
      citation: {
        section: 'Child in Need Network Meeting Agenda',
        quote: 'The social worker should seek agreement to the actions discussed, recording any disagreement and the reasons why;',
      },
    },
    {
      id: 'brighton-and-hove.meeting-agenda.visits-record',
      kind: 'plan-content',
      topic: 'meeting-agenda',
      element: 'multi-agency record of when the child has been seen',
      requires:
        'Each subsequent network meeting records the visits to the child since the previous meeting, including whether the child was seen alone',
      citation: {
        section: 'Child in Need Network Meeting Agenda',
        quote:
          'The meeting should ensure a record of visits to the child since the previous meeting including whether the child was alone or not.',
      },
    },
    {
      id: 'brighton-and-hove.meeting-agenda.future-visiting',
      kind: 'plan-content',
      topic: 'meeting-agenda',
      element: 'future visiting patterns',
      requires: 'Each subsequent network meeting plans future visiting patterns',
      citation: { section: 'Child in Need Network Meeting Agenda', quote: 'The meeting should plan future visiting patterns;' },
    },
    {
      id: 'brighton-and-hove.meeting-agenda.next-meeting-agreed',
      kind: 'plan-content',
      topic: 'meeting-agenda',
      element: 'details of the next network meeting',
      requires: 'Each subsequent network meeting agrees the details of the next Child in Need Network Meeting',
      citation: {
        section: 'Child in Need Network Meeting Agenda',
        quote: 'Details of next Child in Need Network Meeting to be agreed',
      },
    },

    // ---- Starting a plan --------------------------------------------------------------------------------------
    {
      id: 'brighton-and-hove.plan-required.significant-needs',
      kind: 'condition',
      topic: 'plan-required',
      appliesTo: ['plan-start'],
      requires:
        'An assessment has identified the child as having significant needs, and a coordinated response from more than one agency is needed to meet them',
      autoCheck: { kind: 'event-recorded', event: 'assessment-completed' },
      citation: {
        section: '3. The Child in Need Plan',
        quote:
          'A Child in Need Plan may be established whenever an assessment identifies the child as having significant needs and where a coordinated response from more than one agency is needed in order for the child\'s needs to be met.',
      },
    },
    {
      id: 'brighton-and-hove.plan-required.section-17',
      kind: 'condition',
      topic: 'plan-required',
      appliesTo: ['plan-start'],
      requires: 'Social work assessment and analysis has determined that the child is in need under s.17 Children Act 1989',
      autoCheck: { kind: 'event-recorded', event: 'assessment-completed' },
      citation: {
        section: '2. Statutory Framework',
        quote:
          'A Child in Need Plan results from social work assessment and analysis that determines that a child is \u2018in need\u2019 under S.17 Children Act 1989.',
      },
    },
    {
      id: 'brighton-and-hove.plan-required.ceasing-to-be-looked-after',
      kind: 'condition',
      topic: 'plan-required',
      appliesTo: ['plan-start'],
      requires:
        'A plan may result where a Looked After Child Review decides the child will cease to be looked after and the child needs multi-agency support to safeguard and promote their welfare',
      citation: {
        section: '3. The Child in Need Plan',
        quote:
          'The decision at a Looked After Child Review that a child will cease to be looked after and the child needs multi-agency support to safeguard and promote their welfare;',
      },
    },
    {
      id: 'brighton-and-hove.plan-required.supervision-order-care-proceedings',
      kind: 'condition',
      topic: 'plan-required',
      appliesTo: ['plan-start'],
      requires: 'A plan may result where the child is made subject to a Supervision Order as a result of Care Proceedings',
      citation: {
        section: '3. The Child in Need Plan',
        quote: 'A child being made subject to a Supervision Order as a result of Care Proceedings;',
      },
    },
    {
      id: 'brighton-and-hove.plan-required.private-law-report',
      kind: 'condition',
      topic: 'plan-required',
      appliesTo: ['plan-start'],
      requires: 'A plan may result where the child is subject to private law proceedings in which a S7 or S37 report is ordered',
      citation: {
        section: '3. The Child in Need Plan',
        quote: 'A child being subject to private law proceedings where a S7 or S37 report is ordered.',
      },
    },
    {
      id: 'brighton-and-hove.supervision-order.identified-as-in-need',
      kind: 'condition',
      topic: 'supervision-order',
      appliesTo: ['plan-start'],
      requires:
        'A child subject to a Supervision Order from care proceedings or private law proceedings is identified as a child in need, and a network meeting is held in a timely way before the order expires',
      citation: {
        section: 'AMENDMENT',
        quote:
          'This chapter was updated in November 2017 to acknowledge that children subject to Supervision Orders as a result of care proceedings or private law proceedings should be identified as children in need.',
      },
    },
    {
      id: 'brighton-and-hove.authorisation.direct-payments-recorded',
      kind: 'condition',
      topic: 'authorisation',
      appliesTo: ['plan-start'],
      pathway: 'direct-payments',
      requires:
        'The ICDDS manager\u2019s decision that the case is managed under the Direct Payments procedure is clearly recorded on the child\u2019s file; other children in need held in ICDDS follow sections 1 to 7',
      citation: {
        section: '8. Procedure for Children in Need subject to Direct Payments and held in ICDDS (non-safeguarding pathway)',
        quote: 'This must be clearly recorded on the child\u2019s file.',
      },
    },

    // ---- Ending a plan ----------------------------------------------------------------------------------------
    {
      id: 'brighton-and-hove.closure.network-meeting-decision',
      kind: 'condition',
      topic: 'closure',
      appliesTo: ['closure', 'step-down'],
      requires:
        'A network meeting (review) has discussed, with the agencies and in consultation with parents and carers, whether the case can be closed, stepped down to Early Help, kept at Child in Need or moved to safeguarding procedures',
      autoCheck: { kind: 'event-recorded', event: 'review-held' },
      citation: {
        section: '7. Concluding a Child in Need Plan',
        quote:
          'Regular review of a Child in Need Plan enables multi-agency discussion in consultation with parents and carers as to whether the intervention can be \u2018stepped down\u2019 from Children\u2019s Social Work to Early Help, maintained as Child in Need or whether safeguarding procedures should be implemented, or whether the case can be closed.',
      },
    },
    {
      id: 'brighton-and-hove.closure.supervision-order-meeting',
      kind: 'condition',
      topic: 'closure',
      appliesTo: ['closure'],
      pathway: 'supervision-order',
      requires:
        'Where the child is subject to a Supervision Order, a network meeting has been held before the order expires, so the matter can return to court if concerns remain',
      citation: {
        section: '7. Concluding a Child in Need Plan',
        quote:
          'If a child is subject to Supervision Order, a child in Need Network Meeting should be held in a timely way before the order expires',
      },
    },
    {
      id: 'brighton-and-hove.step-down.considered-at-network-meeting',
      kind: 'condition',
      topic: 'step-down',
      appliesTo: ['step-down'],
      requires:
        'A subsequent network meeting has considered ending the plan: whether the intervention can be stepped down from Children\u2019s Social Work to Early Help',
      autoCheck: { kind: 'event-recorded', event: 'review-held' },
      citation: {
        section: 'Child in Need Network Meeting Agenda',
        quote:
          'The meeting should consider whether the intervention can be \u2018stepped down\u2019 from Children\u2019s Social Work to Early Help, maintained as Child in Need or whether safeguarding procedures should be implemented;',
      },
    },
  ],
  // The document's own words, for reading questions (a block of its own at the end, so rule edits merge cleanly).
  vocabulary: {
    places: ['Hove', 'Brighton and Hove', 'Brighton-Hove', 'BHCC'],
    terms: {
      ICINNM: 'initial network meeting',
      CINNM: 'network meeting',
      'pod manager': 'manager',
      ICDDS: 'disabled children',
      DP: 'direct payments',
      TAF: 'early help',
    },
  },
} satisfies PolicyInput;
