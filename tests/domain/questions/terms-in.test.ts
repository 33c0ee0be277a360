import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseText } from '../../../bot/understanding/normalise.js';
import { COMMON_TERMS, phrasePattern, termPhrasesIn, termsIn, type Term } from '../../../domain/questions/vocabulary.js';
import { loadQuestions } from '../../../scripts/eval/run-eval.js';

/** What termPhrasesIn gave before it skipped patterns: every term's pattern run over the whole text. */
function everyPatternRun(text: string): Term[] {
  return (Object.entries(COMMON_TERMS) as [Term, readonly string[]][]).filter(([, phrases]) => phrasePattern(phrases).test(text)).map(([term]) => term);
}

const evalDir = fileURLToPath(new URL('../../eval/', import.meta.url));
const evalTexts = readdirSync(evalDir)
  .filter((name) => name.endsWith('.jsonl'))
  .flatMap((name) => loadQuestions(join(evalDir, name)))
  .map((question) => normaliseText(question.text));
const phrases = Object.values(COMMON_TERMS).flat();

describe('termPhrasesIn, which runs only the patterns whose first words the text has', () => {
  it('finds the terms, in the same order, that running every pattern finds, on every eval question', () => {
    for (const text of evalTexts) expect([...termPhrasesIn(text)], text).toEqual(everyPatternRun(text));
  });

  it('finds the same terms in phrases of the vocabulary joined, cut and glued by any characters', () => {
    const piece = fc.oneof(fc.constantFrom(...phrases), fc.constantFrom(' ', '-', '/', "'", 'x', '1', '', ' the '), fc.string({ maxLength: 4 }));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), fc.nat(), (pieces, cut) => {
        const joined = pieces.join('');
        const text = joined.slice(cut % (joined.length + 1));
        expect([...termPhrasesIn(text)]).toEqual(everyPatternRun(text));
      }),
      { numRuns: 2000 },
    );
  });
});

describe("termsIn, where one term's phrases shadow another term's word", () => {
  it('does not read "set out" as moving out, nor "can\'t agree" as agreeing', () => {
    expect(termsIn('what does the cin plan need to set out')).toEqual(new Set(['plan', 'contents']));
    expect(termsIn("what if we can't agree at the network meeting").has('authorise')).toBe(false);
    expect(termsIn("what if we can't agree at the network meeting").has('disagree')).toBe(true);
  });

  it('reads "go out" and "send out" as circulating, not as a family moving out', () => {
    expect(termsIn('when does the plan have to go out to the family')).toEqual(new Set(['plan', 'circulate', 'family']));
    expect(termsIn('minutes sent out yet?').has('out')).toBe(false);
    expect(termsIn('family moved out, when do the minutes go out').has('out')).toBe(true);
  });

  it('still reads the other term where the text names it outside the shadowing phrase', () => {
    expect(termsIn('family moving out, what do we set out in the plan').has('out')).toBe(true);
    expect(termsIn("we can't agree, who has to agree to ending it").has('authorise')).toBe(true);
  });
});
