import { describe, expect, it } from 'vitest';
import { planDifferences } from '../../../domain/plans/plan-differences.js';
import { anAction, completePlan, templateOf } from './plan-examples.js';

const template = templateOf('redbridge');

describe('planDifferences', () => {
  it('finds nothing between a plan and itself, nor when only blank rows differ', () => {
    const plan = completePlan('redbridge');
    expect(planDifferences(plan, { ...plan, actions: [...plan.actions, { action: '', owner: '', dueOn: '', outcome: '' }] }, template)).toEqual([]);
  });

  it('names a rewritten section, an added and a removed action, a changed action and the new review date', () => {
    const older = completePlan('redbridge', { actions: [anAction(), anAction({ action: 'School attendance plan', owner: 'Head of year' })] });
    const newer = completePlan('redbridge', {
      sections: { ...older.sections, 'child-voice': 'A. wants to stay at her school.' },
      actions: [anAction({ owner: 'Social worker' }), anAction({ action: 'Referral to the school nurse' })],
      reviewOn: '2026-11-06',
    });
    expect(planDifferences(older, newer, template)).toEqual([
      { place: 'The child\u2019s voice', change: 'changed', before: 'The child\u2019s voice, written.', after: 'A. wants to stay at her school.' },
      {
        place: 'Task',
        change: 'changed',
        before: 'Parenting course at the family hub; Who is responsible: Family support worker; Timescale: by when: 2026-04-24; Outcome: Bedtime routine in place',
        after: 'Parenting course at the family hub; Who is responsible: Social worker; Timescale: by when: 2026-04-24; Outcome: Bedtime routine in place',
      },
      {
        place: 'Task',
        change: 'changed',
        before: 'School attendance plan; Who is responsible: Head of year; Timescale: by when: 2026-04-24; Outcome: Bedtime routine in place',
        after: 'Referral to the school nurse; Who is responsible: Family support worker; Timescale: by when: 2026-04-24; Outcome: Bedtime routine in place',
      },
      { place: 'Date of the next review', change: 'changed', before: '2026-05-08', after: '2026-11-06' },
    ]);
  });

  it('keeps an action\u2019s identity by its words, so moving it is no change, and tells added from removed', () => {
    const first = anAction();
    const second = anAction({ action: 'School attendance plan' });
    const base = completePlan('redbridge', { actions: [first, second] });
    expect(planDifferences(base, { ...base, actions: [second, first] }, template)).toEqual([]);
    expect(planDifferences(base, { ...base, actions: [first] }, template)).toEqual([
      { place: 'Task', change: 'removed', before: expect.stringContaining('School attendance plan') as unknown as string, after: '' },
    ]);
    expect(planDifferences({ ...base, actions: [first] }, base, template)).toEqual([
      { place: 'Task', change: 'added', before: '', after: expect.stringContaining('School attendance plan') as unknown as string },
    ]);
  });
});
