import { describe, expect, it } from 'vitest';
import { policyOf } from '../../../bot/cases/case-policy.js';
import type { CaseRecord } from '../../../bot/store/cases.js';
import { POLICIES } from '../../../domain/policy/registry.js';

const caseUnder = (authorityId: string) => ({ reference: 'AB12', authorityId }) as CaseRecord;

describe('the policy a case follows', () => {
  it('is its authority\u2019s', () => {
    expect(policyOf(caseUnder('brighton-and-hove'), POLICIES).authority.id).toBe('brighton-and-hove');
  });

  it('is a deployment bug, thrown, when its authority has no policy file', () => {
    expect(() => policyOf(caseUnder('atlantis'), POLICIES)).toThrow('Case AB12 names an authority with no policy file: atlantis');
  });
});
