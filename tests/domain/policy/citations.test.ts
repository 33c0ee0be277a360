import { describe, expect, it } from 'vitest';
import { POLICIES } from '../../../domain/policy/registry.js';
import { normaliseWhitespace, policySourcesMissing, seedText } from '../../helpers/seeds.js';

const missing = policySourcesMissing();
if (missing) console.warn(`citations skipped: ${missing}`);

describe.skipIf(missing !== undefined)('citations', () => {
  for (const policy of missing ? [] : POLICIES) {
    const seed = normaliseWhitespace(seedText(policy.source.file));
    const headings = seedText(policy.source.file)
      .split('\n')
      .map((line) => normaliseWhitespace(line));

    describe(policy.authority.name, () => {
      it.each(policy.rules.map((rule) => [rule.id, rule] as const))('%s quotes its seed verbatim', (_id, rule) => {
        expect(seed).toContain(normaliseWhitespace(rule.citation.quote));
      });

      it.each(policy.rules.map((rule) => [rule.id, rule] as const))('%s names a heading printed in the body', (_id, rule) => {
        expect(headings).toContain(normaliseWhitespace(rule.citation.section));
      });

      const alternatives = policy.rules.flatMap((rule) => (rule.kind === 'condition' && rule.alternative ? [[rule.id, rule.alternative.citation] as const] : []));
      it.runIf(alternatives.length > 0).each(alternatives)('%s: its alternative quotes its seed verbatim, under the heading it names', (_id, citation) => {
        const lines = seedText(policy.source.file).split('\n').map((line) => normaliseWhitespace(line));
        const headingLine = lines.lastIndexOf(normaliseWhitespace(citation.section));
        expect(headingLine).toBeGreaterThanOrEqual(0);
        expect(normaliseWhitespace(lines.slice(headingLine).join(' '))).toContain(normaliseWhitespace(citation.quote));
      });

      it('cites each quote under the heading it names', () => {
        const misplaced = policy.rules.filter((rule) => {
          const body = seedText(policy.source.file);
          const lines = body.split('\n').map((line) => normaliseWhitespace(line));
          const headingLine = lines.lastIndexOf(normaliseWhitespace(rule.citation.section));
          const after = normaliseWhitespace(lines.slice(headingLine).join(' '));
          return !after.includes(normaliseWhitespace(rule.citation.quote));
        });
        expect(misplaced.map((rule) => rule.id)).toEqual([]);
      });
    });
  }
});
