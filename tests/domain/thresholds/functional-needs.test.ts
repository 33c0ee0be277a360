import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NeedLevelSchema, type NeedLevel } from '../../../domain/policy/schema.js';
import { functionalNeedsEligibility, type ThresholdRule } from '../../../domain/thresholds/functional-needs.js';
import { ruleOf } from '../../helpers/policy.js';

const rule = ((): ThresholdRule => {
  const found = ruleOf('camden', 'camden.threshold.cypds-functional-needs');
  if (found.kind !== 'threshold') throw new Error('Camden CYPDS rule is not a threshold rule');
  return found;
})();

const eligible = (scores: Record<string, NeedLevel>): boolean => {
  const result = functionalNeedsEligibility(scores, rule);
  if (!result.ok) throw new Error(`unexpected error ${result.error.kind}`);
  return result.value.eligible;
};

describe('functionalNeedsEligibility: Camden CYPDS, at least 2 moderate or 1 severe or profound', () => {
  it.each([
    ['no scores at all', {}, false],
    ['1 moderate', { Hearing: 'moderate' }, false],
    ['2 moderate', { Hearing: 'moderate', Vision: 'moderate' }, true],
    ['1 severe', { 'Physical health': 'severe' }, true],
    ['1 profound', { 'Self help': 'profound' }, true],
    ['1 moderate and 1 severe', { Hearing: 'moderate', 'Physical health': 'severe' }, true],
    ['1 moderate and many mild', { Hearing: 'moderate', Vision: 'mild', 'Self help': 'mild', 'Physical health': 'mild' }, false],
    ['every function mild', Object.fromEntries(rule.functions.map((name) => [name, 'mild'])), false],
    ['no problems everywhere', Object.fromEntries(rule.functions.map((name) => [name, 'none'])), false],
  ] as const)('%s: eligible %s', (_label, scores, expected) => {
    expect(eligible(scores as Record<string, NeedLevel>)).toBe(expected);
  });

  it('explains an eligible result in plain words', () => {
    expect(functionalNeedsEligibility({ 'Physical health': 'severe' }, rule)).toEqual({
      ok: true,
      value: { eligible: true, reason: '1 function scored severe or above (Physical health): at least 1 severe or profound is needed' },
    });
    expect(functionalNeedsEligibility({ Vision: 'moderate', Hearing: 'moderate' }, rule)).toEqual({
      ok: true,
      value: { eligible: true, reason: '2 functions scored moderate or above (Vision, Hearing): at least 2 moderate or above are needed' },
    });
  });

  it('explains an ineligible result, every clause and the mild scores that do not count', () => {
    expect(functionalNeedsEligibility({ Hearing: 'moderate', Vision: 'mild' }, rule)).toEqual({
      ok: true,
      value: {
        eligible: false,
        reason:
          '1 function scored moderate or above (Hearing): at least 2 moderate or above are needed; ' +
          'no function scored severe or above: at least 1 severe or profound is needed. Mild scores do not count (Vision)',
      },
    });
  });

  it('matches function names ignoring case and spacing', () => {
    expect(eligible({ 'physical  HEALTH': 'severe' })).toBe(true);
  });

  it('refuses a score for a function the rule does not list', () => {
    expect(functionalNeedsEligibility({ Smell: 'severe' }, rule)).toEqual({
      ok: false,
      error: { kind: 'unknown-function', function: 'Smell', known: rule.functions },
    });
  });

  it('refuses a score for the function the appendix does not use (Social / environmental)', () => {
    const result = functionalNeedsEligibility({ 'Social / environmental': 'moderate' }, rule);
    expect(result.ok === false && result.error.kind).toBe('unscored-function');
  });

  it('refuses the same function scored twice under two spellings', () => {
    const result = functionalNeedsEligibility({ Vision: 'mild', vision: 'severe' }, rule);
    expect(result.ok === false && result.error.kind).toBe('duplicate-function');
  });

  it('refuses a level that is not on the scale', () => {
    const result = functionalNeedsEligibility({ Vision: 'extreme' as NeedLevel }, rule);
    expect(result.ok === false && result.error).toEqual({ kind: 'unknown-level', function: 'Vision', level: 'extreme' });
  });

  describe('properties', () => {
    const levels = NeedLevelSchema.options;
    const aLevel = fc.constantFrom(...levels);
    const someScores = fc.dictionary(fc.constantFrom(...rule.functions), aLevel, { maxKeys: rule.functions.length });

    it('adding or raising a score never makes an eligible child ineligible', () => {
      fc.assert(
        fc.property(someScores, fc.constantFrom(...rule.functions), aLevel, (scores, name, level) => {
          const current = scores[name] ?? 'none';
          const raised = levels.indexOf(level) >= levels.indexOf(current) ? level : current;
          if (eligible(scores)) expect(eligible({ ...scores, [name]: raised })).toBe(true);
        }),
      );
    });

    it('mild never counts: turning any mild score into no problem never changes the answer', () => {
      fc.assert(
        fc.property(someScores, (scores) => {
          const withoutMild = Object.fromEntries(Object.entries(scores).map(([name, level]) => [name, level === 'mild' ? 'none' : level]));
          expect(eligible(withoutMild as Record<string, NeedLevel>)).toBe(eligible(scores));
        }),
      );
    });

    it('agrees with the sentence of the guidance: at least 2 moderate or above, or at least 1 severe or profound', () => {
      fc.assert(
        fc.property(someScores, (scores) => {
          const values = Object.values(scores);
          const moderateOrAbove = values.filter((level) => ['moderate', 'severe', 'profound'].includes(level)).length;
          const severeOrAbove = values.filter((level) => ['severe', 'profound'].includes(level)).length;
          expect(eligible(scores)).toBe(moderateOrAbove >= 2 || severeOrAbove >= 1);
        }),
      );
    });
  });
});
