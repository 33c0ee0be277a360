import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { POLICIES } from '../../../domain/policy/registry.js';
import { POLICY_SOURCES, policySourcesMissing } from '../../helpers/seeds.js';

/** Why the tests that read the procedures (../shared/seeds, or POLICY_SOURCES) cannot run here; undefined when they can. */
const SOURCES_MISSING = policySourcesMissing();

describe.skipIf(SOURCES_MISSING !== undefined)(`each policy's source hash (reads ../shared/seeds${SOURCES_MISSING ? `; skipped: ${SOURCES_MISSING}` : ''})`, () => {
  it.each((SOURCES_MISSING ? [] : POLICIES).map((policy) => [policy.authority.id, policy] as const))('%s names the SHA-256 of the seed its rules were read from', (_id, policy) => {
    const seed = readFileSync(resolve(POLICY_SOURCES, policy.source.file));
    expect(policy.source.sha256).toBe(createHash('sha256').update(seed).digest('hex'));
  });
});
