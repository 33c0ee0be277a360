import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { POLICIES } from '../../../domain/policy/registry.js';
import { SEEDS_SKIP_REASON, SHARED_DIR } from '../../helpers/seeds.js';

describe.skipIf(SEEDS_SKIP_REASON)(`each policy's source hash (reads ../shared/seeds${SEEDS_SKIP_REASON ? `; ${SEEDS_SKIP_REASON}` : ''})`, () => {
  it.each(POLICIES.map((policy) => [policy.authority.id, policy] as const))('%s names the SHA-256 of the seed its rules were read from', (_id, policy) => {
    const seed = readFileSync(`${SHARED_DIR}seeds/${policy.source.file}`);
    expect(policy.source.sha256).toBe(createHash('sha256').update(seed).digest('hex'));
  });
});
