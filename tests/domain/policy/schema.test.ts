import { describe, expect, it } from 'vitest';
import { authorityNamed, POLICIES, POLICY_INPUTS, policyFor } from '../../../domain/policy/registry.js';
import { PolicySchema } from '../../../domain/policy/schema.js';
import { ruleCatalogue } from '../../../domain/policy/catalogue.js';

describe('policy files', () => {
  it.each(POLICY_INPUTS.map((input) => [input.authority.id, input]))('%s parses against the schema', (_id, input) => {
    expect(PolicySchema.safeParse(input).success).toBe(true);
  });

  it('gives every rule an id unique across all authorities', () => {
    const ids = POLICIES.flatMap((policy) => policy.rules.map((rule) => rule.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('gives every authority a distinct slug and seed', () => {
    expect(new Set(POLICIES.map((policy) => policy.authority.id)).size).toBe(POLICIES.length);
    expect(new Set(POLICIES.map((policy) => policy.source.file)).size).toBe(POLICIES.length);
  });

  it('holds at least 40 timescale or frequency rules across the five authorities', () => {
    const timescales = ruleCatalogue(POLICIES).filter((entry) => entry.kind === 'timescale');
    expect(POLICIES).toHaveLength(5);
    expect(timescales.length).toBeGreaterThanOrEqual(40);
  });

  it('gives each authority its own timescales', () => {
    for (const policy of POLICIES) {
      expect(policy.rules.filter((rule) => rule.kind === 'timescale').length, policy.authority.id).toBeGreaterThanOrEqual(5);
    }
  });

  it('refuses a rule without a quote', () => {
    const [first] = POLICY_INPUTS;
    const broken = { ...first, rules: [{ ...first?.rules[0], citation: { section: '1. Introduction' } }] };
    expect(PolicySchema.safeParse(broken).success).toBe(false);
  });

  it('refuses a conflict that does not name its other side back', () => {
    const policy = POLICY_INPUTS.find((input) => input.rules.some((rule) => rule.kind === 'timescale' && rule.conflictsWith));
    expect(policy, 'a policy records a conflict').toBeDefined();
    if (!policy) return;
    const rules = policy.rules.map((rule) => (rule.kind === 'timescale' && rule.conflictsWith ? { ...rule, conflictsWith: { rule: rule.id, follow: 'stricter' as const } } : rule));
    expect(PolicySchema.safeParse({ ...policy, rules }).success).toBe(false);
  });

  it('refuses a trigger that names no recurring rule to owe, and a next-occurrence on a rule that is no trigger', () => {
    const redbridge = POLICY_INPUTS.find((input) => input.authority.id === 'redbridge');
    if (!redbridge) throw new Error('redbridge missing');
    const withTrigger = (change: (rule: Record<string, unknown>) => Record<string, unknown>) => ({
      ...redbridge,
      rules: redbridge.rules.map((rule) => (rule.id === 'redbridge.escalation.twelve-month-review-chair' ? change({ ...rule }) : rule)),
    });
    expect(PolicySchema.safeParse(withTrigger((rule) => ({ ...rule, nextOf: 'redbridge.first-review.at-six-weeks' }))).success).toBe(false);
    expect(PolicySchema.safeParse(withTrigger(({ nextOf: _dropped, ...rule }) => rule)).success).toBe(false);
    expect(PolicySchema.safeParse(withTrigger(({ dateIs: _dropped, ...rule }) => rule)).success).toBe(false);
  });

  it('lists in the catalogue what each rule\u2019s date is: earliest dates, triggers, facts with no case deadline, outer limits, conflicts', () => {
    const entries = new Map(ruleCatalogue(POLICIES).map((entry) => [entry.id, entry]));
    expect(entries.get('blackburn-with-darwen.outline-plan.from-day-10')).toMatchObject({ dateIs: 'earliest', timing: expect.stringMatching(/^from day 10/) });
    expect(entries.get('redbridge.escalation.twelve-month-review-chair')).toMatchObject({ dateIs: 'trigger', nextOf: 'redbridge.review.every-six-months' });
    expect(entries.get('camden.escalation.written-referral-within-48-hours')).toMatchObject({ onCase: false });
    expect(entries.get('brighton-and-hove.supervision-order.meeting-before-expiry')).toMatchObject({
      kind: 'no-figure-set',
      outerLimit: { anchor: ['supervision-order-made'], remindWorkingDaysBefore: [40, 20] },
    });
    expect(entries.get('slough.review.disabled-children-six-monthly')?.conflictsWith).toBe('slough.review.every-three-months');
  });

  it('answers an unknown authority with an expected error, not an exception', () => {
    expect(policyFor('atlantis')).toEqual({ ok: false, error: { kind: 'unknown-authority', authorityId: 'atlantis' } });
  });

  it('finds a policy among the authorities a caller serves, and no other', () => {
    const slough = POLICIES.filter((policy) => policy.authority.id === 'slough');
    expect(policyFor('slough', slough)).toMatchObject({ ok: true, value: { authority: { id: 'slough' } } });
    expect(policyFor('camden', slough)).toEqual({ ok: false, error: { kind: 'unknown-authority', authorityId: 'camden' } });
    expect(policyFor('camden')).toMatchObject({ ok: true, value: { authority: { id: 'camden' } } });
  });

  it('finds an authority by its slug, its name or another of its names, in any case, and nothing by a part of one', () => {
    for (const name of ['camden', 'London Borough of Camden', 'LONDON BOROUGH OF CAMDEN', 'LB Camden', 'cscp']) {
      expect(authorityNamed(name)).toMatchObject({ ok: true, value: { authority: { id: 'camden' } } });
    }
    expect(authorityNamed('Borough of Camden')).toEqual({ ok: false, error: { kind: 'unknown-authority', authorityId: 'Borough of Camden' } });
    expect(authorityNamed('Camden', POLICIES.filter((policy) => policy.authority.id === 'slough')).ok).toBe(false);
  });
});
