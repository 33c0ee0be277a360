import MiniSearch from 'minisearch';
import { ruleCatalogue, type CatalogueEntry } from '../../domain/policy/catalogue.js';
import type { Policy } from '../../domain/policy/schema.js';

/**
 * A full-text index of the rule catalogue, for questions the bot cannot place: it offers the nearest rules
 * instead of guessing an answer. Fuzzy and prefix matching forgive typos and word endings.
 */
export function nearestRuleIndex(policies: readonly Policy[]): (text: string, authorityId: string | undefined, count: number) => CatalogueEntry[] {
  const entries = ruleCatalogue(policies);
  const index = new MiniSearch<CatalogueEntry & { position: number }>({
    idField: 'position',
    fields: ['requires', 'timing', 'topicWords', 'quote'],
    extractField: (entry, field) => {
      if (field === 'quote') return entry.citation.quote;
      if (field === 'topicWords') return entry.topic.replace(/-/g, ' ');
      return String((entry as unknown as Record<string, unknown>)[field] ?? '');
    },
    searchOptions: { boost: { requires: 3, topicWords: 2 }, fuzzy: 0.2, prefix: true, combineWith: 'OR' },
  });
  index.addAll(entries.map((entry, position) => ({ ...entry, position })));
  return (text, authorityId, count) =>
    index
      .search(searchableWordsOf(text), authorityId ? { filter: (result) => entries[Number(result.id)]?.authority === authorityId } : {})
      .slice(0, count)
      .map((result) => entries[Number(result.id)])
      .filter((entry): entry is CatalogueEntry => entry !== undefined);
}

/** No word of a rule is longer, and no question wordier, than these. */
const LONGEST_WORD = 40;
const MOST_WORDS = 60;

/**
 * The question's words that can match a rule. Fuzzy matching costs memory in proportion to a word's length, so
 * a pasted 100,000-character "word" would exhaust it; such words, and any words past the sixtieth, match nothing.
 */
function searchableWordsOf(text: string): string {
  return text
    .split(/\s+/)
    .filter((word) => word !== '' && word.length <= LONGEST_WORD)
    .slice(0, MOST_WORDS)
    .join(' ');
}
