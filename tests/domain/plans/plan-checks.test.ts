import { describe, expect, it } from 'vitest';
import { englandAndWalesCalendar } from '../../../domain/calendar/holiday-calendar.js';
import type { CaseEvent } from '../../../domain/cases/case-events.js';
import type { LocalDate } from '../../../domain/dates/local-date.js';
import { planFindingsOn, type AgreementCheck } from '../../../domain/plans/plan-checks.js';
import { EMPTY_ACTION } from '../../../domain/plans/plan.js';
import { anAction, completePlan, MEETING_DAY, policyOf, templateOf } from './plan-examples.js';

const calendar = englandAndWalesCalendar();

function agreedAt(authorityId: string, meeting: string, heldOn: string, events: readonly CaseEvent[] = []): AgreementCheck {
  return { meeting, heldOn, caseFile: { authorityId, pathways: [], events }, openedOn: '2026-03-02' as LocalDate, policy: policyOf(authorityId), calendar };
}

describe('planFindingsOn', () => {
  it.each(['redbridge', 'blackburn-with-darwen', 'camden', 'slough', 'brighton-and-hove'])('finds nothing wrong with a complete %s plan', (authorityId) => {
    expect(planFindingsOn(completePlan(authorityId), MEETING_DAY, templateOf(authorityId), agreedAt(authorityId, 'initial-meeting', MEETING_DAY))).toEqual([]);
  });

  it('Redbridge: asks for the child\u2019s voice when it is left empty, citing the rule', () => {
    const plan = completePlan('redbridge', { sections: { ...completePlan('redbridge').sections, 'child-voice': '  ' } });
    expect(planFindingsOn(plan, MEETING_DAY, templateOf('redbridge'))).toEqual([
      { field: 'section:child-voice', message: 'Write this section: the CiN Plan records the child\u2019s voice.', ruleId: 'redbridge.plan-content.child-voice' },
    ]);
  });

  it('Blackburn with Darwen: an action needs its objective or outcome', () => {
    const plan = completePlan('blackburn-with-darwen', { actions: [anAction({ outcome: '' })] });
    expect(planFindingsOn(plan, MEETING_DAY, templateOf('blackburn-with-darwen'))).toEqual([
      { field: 'action:0:outcome', message: 'Say what it will achieve: "Objective or outcome for the child".', ruleId: 'blackburn-with-darwen.plan-content.objectives' },
    ]);
  });

  it('Camden: an action needs its responsible agency; blank rows are left out', () => {
    const plan = completePlan('camden', { actions: [EMPTY_ACTION, anAction({ owner: '' })] });
    expect(planFindingsOn(plan, MEETING_DAY, templateOf('camden'))).toEqual([
      { field: 'action:1:owner', message: 'Say who: "Responsible agency".', ruleId: 'camden.plan-content.responsible-agency' },
    ]);
  });

  it('Camden: a plan with no action at all is refused', () => {
    expect(planFindingsOn(completePlan('camden', { actions: [EMPTY_ACTION] }), MEETING_DAY, templateOf('camden'))).toEqual([
      { field: 'actions', message: 'Add at least one action: "Action, service or resource".', ruleId: 'camden.plan-content.actions-services-resources' },
    ]);
  });

  it('Slough: 8 points pass, 9 are one too many', () => {
    const template = templateOf('slough');
    expect(planFindingsOn(completePlan('slough', { actions: Array.from({ length: 8 }, () => anAction()) }), MEETING_DAY, template)).toEqual([]);
    expect(planFindingsOn(completePlan('slough', { actions: Array.from({ length: 9 }, () => anAction()) }), MEETING_DAY, template)).toEqual([
      {
        field: 'actions',
        message: "Slough Children's Services Trust asks for no more than 8 points; this plan has 9. Merge or remove 1.",
        ruleId: 'slough.plan-content.six-to-eight-points',
      },
    ]);
  });

  it('Brighton and Hove: "By when?" must not have passed and "By whom?" must be said', () => {
    const plan = completePlan('brighton-and-hove', { actions: [anAction({ dueOn: '2026-03-26', owner: '' })] });
    expect(planFindingsOn(plan, MEETING_DAY, templateOf('brighton-and-hove'))).toEqual([
      { field: 'action:0:owner', message: 'Say who: "By whom?".', ruleId: 'brighton-and-hove.plan-content.by-whom' },
      {
        field: 'action:0:dueOn',
        message: 'Thursday 26 March 2026 has passed: give the date it will be done by from today (Friday 27 March 2026) on.',
        ruleId: 'brighton-and-hove.plan-content.by-when',
      },
    ]);
  });

  it('accepts today as an action\u2019s date, and refuses a date that is not one', () => {
    const template = templateOf('camden');
    expect(planFindingsOn(completePlan('camden', { actions: [anAction({ dueOn: MEETING_DAY })] }), MEETING_DAY, template)).toEqual([]);
    expect(planFindingsOn(completePlan('camden', { actions: [anAction({ dueOn: '2026-02-30' })] }), MEETING_DAY, template)[0]?.message).toBe('Give the date it will be done by.');
  });

  it('Redbridge: the first review is due 6 weeks after the plan starts, so 8 May 2026 is the latest review date after an initial meeting on 27 March', () => {
    const template = templateOf('redbridge');
    const check = agreedAt('redbridge', 'initial-meeting', MEETING_DAY);
    expect(planFindingsOn(completePlan('redbridge', { reviewOn: '2026-05-08' }), MEETING_DAY, template, check)).toEqual([]);
    expect(planFindingsOn(completePlan('redbridge', { reviewOn: '2026-05-09' }), MEETING_DAY, template, check)).toEqual([
      {
        field: 'reviewOn',
        message: 'The next review is due by Friday 8 May 2026 (review the initial CiN Plan): set it on or before that day.',
        ruleId: 'redbridge.first-review.at-six-weeks',
      },
    ]);
  });

  it('Slough: the first review falls within 3 months of the initial meeting: Saturday 27 June 2026 passes, the 28th does not', () => {
    const template = templateOf('slough');
    const check = agreedAt('slough', 'initial-meeting', MEETING_DAY);
    expect(planFindingsOn(completePlan('slough', { reviewOn: '2026-06-27' }), MEETING_DAY, template, check)).toEqual([]);
    expect(planFindingsOn(completePlan('slough', { reviewOn: '2026-06-28' }), MEETING_DAY, template, check)[0]).toMatchObject({ field: 'reviewOn', ruleId: 'slough.first-review.within-three-months' });
  });

  it('Camden: a plan changed at a review on 8 May 2026 is next reviewed within 3 months, by 8 August 2026', () => {
    const events: CaseEvent[] = [{ kind: 'initial-meeting-held', on: MEETING_DAY }, { kind: 'plan-started', on: MEETING_DAY }];
    const check = agreedAt('camden', 'review', '2026-05-08', events);
    const today = '2026-05-08' as LocalDate;
    expect(planFindingsOn(completePlan('camden', { actions: [anAction({ dueOn: '2026-06-01' })], reviewOn: '2026-08-08' }), today, templateOf('camden'), check)).toEqual([]);
    expect(planFindingsOn(completePlan('camden', { actions: [anAction({ dueOn: '2026-06-01' })], reviewOn: '2026-08-10' }), today, templateOf('camden'), check)[0]?.message).toContain(
      'The next review is due by Saturday 8 August 2026',
    );
  });

  it('refuses a meeting not chosen, a meeting in the future, one before the case opened, and a review not after the meeting', () => {
    const template = templateOf('camden');
    const plan = completePlan('camden');
    expect(planFindingsOn(plan, MEETING_DAY, template, agreedAt('camden', '', MEETING_DAY))).toEqual([{ field: 'meeting', message: 'Say at which meeting the plan was agreed.' }]);
    expect(planFindingsOn(plan, MEETING_DAY, template, agreedAt('camden', 'review', '2026-03-30'))).toEqual([
      { field: 'heldOn', message: 'Monday 30 March 2026 is after today: agree the plan once the meeting has been held.' },
    ]);
    expect(planFindingsOn(plan, MEETING_DAY, template, agreedAt('camden', 'review', '2026-03-01'))).toEqual([
      { field: 'heldOn', message: 'Sunday 1 March 2026 is before the case opened (Monday 2 March 2026).' },
    ]);
    expect(planFindingsOn(completePlan('camden', { reviewOn: MEETING_DAY }), MEETING_DAY, template, agreedAt('camden', 'review', MEETING_DAY))).toEqual([
      { field: 'reviewOn', message: 'The next review must come after the meeting of Friday 27 March 2026.' },
    ]);
  });
});
