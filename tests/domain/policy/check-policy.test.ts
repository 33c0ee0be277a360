import { describe, expect, it } from 'vitest';
import { checkPolicy, citationsOf, figureChanges, wordLikeness } from '../../../domain/policy/check-policy.js';
import { normaliseWhitespace } from '../../../domain/policy/document-text.js';
import { POLICIES } from '../../../domain/policy/registry.js';
import type { Policy, Rule } from '../../../domain/policy/schema.js';
import { policySourcesMissing, seedText } from '../../helpers/seeds.js';

/** Why the tests that read the procedures (../shared/seeds, or POLICY_SOURCES) cannot run here; undefined when they can. */
const SOURCES_MISSING = policySourcesMissing();

/** Five edits a council makes when it revises a procedure, each chosen so that it touches no other edit's sentence. */
interface Revision {
  readonly text: string;
  /** The seed with one edit only, to tell which rules that edit alone breaks. */
  readonly alone: { readonly figure: string; readonly reworded: string; readonly removed: string };
  readonly figureRule: Rule;
  readonly figure: { readonly from: string; readonly to: string };
  readonly rewordedRule: Rule;
  readonly removedRule: Rule;
  readonly renumbered: { readonly from: string; readonly to: string };
  readonly added: string;
}

const ADDED_SENTENCE = 'Social workers will see the child alone at least every 4 weeks while the plan is in place.';
const REWORDINGS: readonly (readonly [RegExp, string])[] = [
  [/\bshould\b/, 'must'],
  [/\bwill\b/, 'shall'],
  [/\bmust\b/, 'should'],
  [/\bare\b/, 'are normally'],
  [/\bis\b/, 'is normally'],
];

function isWholeSentence(quote: string): boolean {
  return /^[A-Z]/.test(quote) && /\.$/.test(quote) && quote.split(' ').length >= 8;
}

function revise(policy: Policy, seed: string): Revision {
  const rules = policy.rules.filter((rule) => rule.citation.section.length > 0);
  const quoteOf = (rule: Rule) => normaliseWhitespace(rule.citation.quote);
  const separate = (rule: Rule, others: readonly Rule[]) =>
    others.every((other) => other.citation.section !== rule.citation.section && !quoteOf(other).includes(quoteOf(rule)) && !quoteOf(rule).includes(quoteOf(other)));
  const inSeed = (rule: Rule) => seed.includes(rule.citation.quote);

  const figureRule = rules.find((rule) => rule.kind === 'timescale' && inSeed(rule) && /\b\d+ (working days|weeks|months|days)\b/.test(rule.citation.quote));
  if (!figureRule) throw new Error(`${policy.authority.id}: no timescale quote with a figure`);
  const rewordedRule = rules.find((rule) => inSeed(rule) && isWholeSentence(rule.citation.quote) && REWORDINGS.some(([word]) => word.test(rule.citation.quote)) && separate(rule, [figureRule]));
  if (!rewordedRule) throw new Error(`${policy.authority.id}: no sentence to reword`);
  const removedRule = rules.find((rule) => inSeed(rule) && isWholeSentence(rule.citation.quote) && separate(rule, [figureRule, rewordedRule]));
  if (!removedRule) throw new Error(`${policy.authority.id}: no sentence to remove`);
  const renumberedRule = rules.find((rule) => separate(rule, [figureRule, rewordedRule, removedRule]) && seed.split('\n').some((line) => line.trim() === rule.citation.section));
  if (!renumberedRule) throw new Error(`${policy.authority.id}: no section to renumber`);

  const [figureMatch] = /\b(\d+) (working days|weeks|months|days)\b/.exec(figureRule.citation.quote) ?? [];
  const figureFrom = figureMatch ?? '';
  const figureTo = figureFrom.replace(/^\d+/, (amount) => String(Number(amount) + 1));
  const [word, replacement] = REWORDINGS.find(([pattern]) => pattern.test(rewordedRule.citation.quote)) ?? [/$^/, ''];
  const heading = renumberedRule.citation.section;
  const renumberedHeading = /^\d/.test(heading)
    ? heading.replace(/^((?:\d+\.)*)(\d+)/, (_all, lead: string, last: string) => `${lead}${Number(last) + 1}`)
    : `9. ${heading}`;

  const changeFigure = (text: string) => text.replace(figureRule.citation.quote, figureRule.citation.quote.replace(figureFrom, figureTo));
  const reword = (text: string) => text.replace(rewordedRule.citation.quote, rewordedRule.citation.quote.replace(word, replacement));
  const remove = (text: string) => text.replace(removedRule.citation.quote, '');
  let text = remove(reword(changeFigure(seed)));
  const headingAt = text.lastIndexOf(`\n${heading}\n`);
  text = `${text.slice(0, headingAt)}\n${renumberedHeading}\n${text.slice(headingAt + heading.length + 2)}`;
  const figureHeadingAt = text.lastIndexOf(`\n${figureRule.citation.section}\n`) + figureRule.citation.section.length + 2;
  text = `${text.slice(0, figureHeadingAt)}\n${ADDED_SENTENCE}\n\n${text.slice(figureHeadingAt)}`;
  return { text, alone: { figure: changeFigure(seed), reworded: reword(seed), removed: remove(seed) }, figureRule, figure: { from: figureFrom, to: figureTo }, rewordedRule, removedRule, renumbered: { from: heading, to: renumberedHeading }, added: ADDED_SENTENCE };
}

describe('comparing two versions of a sentence', () => {
  it('names each figure that changed', () => {
    expect(figureChanges('convened within 15 working days of the decision', 'convened within 10 working days of the decision')).toEqual([{ from: '15 working days', to: '10 working days' }]);
    expect(figureChanges('held every 3 months', 'held every three months and within 6 weeks')).toEqual([{ from: '3 months', to: 'three months' }, { from: undefined, to: '6 weeks' }]);
    expect(figureChanges('held every 3 months', 'held every 3 months')).toEqual([]);
  });

  it('scores a reworded sentence as like the old one, and another sentence as unlike it', () => {
    expect(wordLikeness('Reviews should be held every 3 months.', 'Reviews must be held every 3 months.')).toBeGreaterThan(0.7);
    expect(wordLikeness('Reviews should be held every 3 months.', 'Parents will always be invited to attend.')).toBeLessThan(0.2);
  });
});

describe.skipIf(SOURCES_MISSING !== undefined)(`checking each authority's rules against a revised procedure (reads ../shared/seeds${SOURCES_MISSING ? `; skipped: ${SOURCES_MISSING}` : ''})`, () => {
  describe.each((SOURCES_MISSING ? [] : POLICIES).map((policy) => [policy.authority.name, policy] as const))('%s', (_name, policy) => {
    const seed = seedText(policy.source.file);

    it('reports nothing for the unchanged document', () => {
      expect(checkPolicy(policy, seed, seed)).toEqual({ authorityId: policy.authority.id, rules: [], uncited: [], changed: false });
    });

    it('names exactly the figure changed, the sentence reworded, the section renumbered, the timescale added and the sentence removed', () => {
      const revision = revise(policy, seed);
      const report = checkPolicy(policy, seed, revision.text);
      // The rules an edit breaks: those whose quote is no longer in the text once that one edit alone is made.
      const brokenBy = (editedAlone: string) => {
        const edited = normaliseWhitespace(editedAlone);
        return citationsOf(policy).filter((citation) => !edited.includes(normaliseWhitespace(citation.quote))).map((citation) => citation.ruleId);
      };
      const movedIds = citationsOf(policy).filter((citation) => citation.section === revision.renumbered.from).map((citation) => citation.ruleId);
      const statusOf = (id: string) => report.rules.find((check) => check.ruleId === id)?.status;

      expect(report.changed).toBe(true);
      expect(report.rules.map((check) => check.ruleId).sort()).toEqual(
        [...brokenBy(revision.alone.figure), ...brokenBy(revision.alone.reworded), ...brokenBy(revision.alone.removed), ...movedIds].sort(),
      );
      for (const id of brokenBy(revision.alone.figure)) {
        expect(statusOf(id)).toMatchObject({ kind: 'changed', figures: [{ from: revision.figure.from, to: revision.figure.to }] });
      }
      for (const id of brokenBy(revision.alone.reworded)) expect(statusOf(id)).toMatchObject({ kind: 'changed', figures: [] });
      for (const id of brokenBy(revision.alone.removed)) expect(statusOf(id)).toMatchObject({ kind: 'gone' });
      for (const id of movedIds) expect(statusOf(id)).toEqual({ kind: 'moved', section: revision.renumbered.to });
      expect(report.uncited).toEqual([{ section: revision.figureRule.citation.section, sentence: revision.added, states: expect.arrayContaining(['timescale', 'frequency']) as unknown }]);
    });
  });

  it('checks the quote of a condition\'s alternative too, under the rule\'s id', () => {
    const slough = POLICIES.find((policy) => policy.authority.id === 'slough');
    if (!slough) throw new Error('no Slough policy');
    const seed = seedText(slough.source.file);
    const revised = seed.replace('a management decision needs to be recorded providing a clear rationale', 'a management decision must be recorded giving a clear rationale');
    const report = checkPolicy(slough, seed, revised);
    const quoting = citationsOf(slough).filter((citation) => citation.quote.includes('a management decision needs to be recorded')).map((citation) => [citation.ruleId, 'changed']);
    expect(quoting).toContainEqual(['slough.closure.plan-in-place-three-months#alternative', 'changed']);
    expect(report.rules.map((check) => [check.ruleId, check.status.kind])).toEqual(quoting);
  });
});
