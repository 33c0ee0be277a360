import { describe, expect, it } from 'vitest';
import { POLICIES } from '../../../domain/policy/registry.js';
import { planTemplateFor } from '../../../domain/plans/plan-template.js';
import { templateOf } from './plan-examples.js';

describe('planTemplateFor', () => {
  it('gives Redbridge its eight elements: unmet needs, objectives, tasks, services, who, timescales, the child\u2019s voice, review', () => {
    const template = templateOf('redbridge');
    expect(template.sections.map((section) => section.id)).toEqual(['unmet-needs', 'objectives', 'services', 'child-voice', 'review-arrangements']);
    expect(template.sections[0]?.label).toBe('The child\u2019s unmet needs, reflecting their ethnicity and diversity');
    expect(template.columns.action.label).toBe('Task');
    expect(template.columns.owner).toMatchObject({ label: 'Who is responsible', rules: [{ id: 'redbridge.plan-content.responsibility' }] });
    expect(template.columns.dueOn.rules.map((rule) => rule.id)).toEqual(['redbridge.plan-content.timescales']);
    expect(template.guidance.map((item) => item.ruleId)).toEqual(['redbridge.plan-content.smart']);
    expect(template.pointsLimit).toBeUndefined();
  });

  it('gives Blackburn with Darwen the outline\u2019s issues and desired outcomes, services as actions and its date for review', () => {
    const template = templateOf('blackburn-with-darwen');
    expect(template.sections.map((section) => section.id)).toEqual(['how-reviewed', 'issues-and-outcomes']);
    expect(template.columns.action.label).toBe('Service to be provided');
    expect(template.columns.outcome.label).toBe('Objective or outcome for the child');
    expect(template.reviewDate).toMatchObject({ label: 'The date for review', rules: [{ id: 'blackburn-with-darwen.plan-content.review-date' }] });
  });

  it('gives Camden actions with the responsible agency, the timescale and the outcome, and no written sections', () => {
    const template = templateOf('camden');
    expect(template.sections).toEqual([]);
    expect([template.columns.action.label, template.columns.owner.label, template.columns.dueOn.label, template.columns.outcome.label]).toEqual([
      'Action, service or resource',
      'Responsible agency',
      'Timescale: by when',
      'Outcome to be achieved',
    ]);
  });

  it('gives Slough at most 8 points, strengths, the contingency plan and the child\u2019s wishes and how they were ascertained', () => {
    const template = templateOf('slough');
    expect(template.pointsLimit).toMatchObject({ max: 8, ruleId: 'slough.plan-content.six-to-eight-points' });
    expect(template.sections.map((section) => section.id)).toEqual(['contingency-plan', 'child-wishes', 'strengths']);
    expect(template.columns.action.label).toBe('Plan point: what will happen');
  });

  it('gives Brighton and Hove its five questions', () => {
    const template = templateOf('brighton-and-hove');
    expect(template.sections.map((section) => section.label)).toEqual(['What are we worried about?', 'What needs to change?']);
    expect([template.columns.action.label, template.columns.dueOn.label, template.columns.owner.label]).toEqual(['What needs to happen?', 'By when?', 'By whom?']);
    // The network meeting's agenda is not the plan's content.
    expect(template.guidance.some((item) => item.ruleId.includes('meeting-agenda'))).toBe(false);
  });

  it('cites a plan-content rule for every place it gives a label of its own, in every authority', () => {
    for (const policy of POLICIES) {
      const template = planTemplateFor(policy);
      for (const section of template.sections) expect(section.rules.length).toBeGreaterThan(0);
      for (const rule of [...template.sections.flatMap((section) => section.rules), ...Object.values(template.columns).flatMap((column) => column.rules)]) {
        expect(rule.citation.quote.length).toBeGreaterThan(11);
        expect(rule.id.startsWith(`${policy.authority.id}.plan-content.`)).toBe(true);
      }
    }
  });
});
