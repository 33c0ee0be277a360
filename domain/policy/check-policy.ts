import { normaliseWhitespace, readDocumentText, type DocumentSentence, type DocumentText } from './document-text.js';
import type { Policy } from './schema.js';
import { figuresIn, statementsIn, type Statement } from './timescale-sentences.js';

/** A figure of the cited sentence that reads differently in the new version ("15 working days" → "10 working days"). */
export interface FigureChange {
  readonly from: string | undefined;
  readonly to: string | undefined;
}

/** What became of a rule's quote that is no longer word for word under its heading. */
export type QuoteStatus =
  /** The quote is there word for word, under another heading (a section renumbered, renamed or moved). */
  | { readonly kind: 'moved'; readonly section: string }
  /** The sentence was reworded or its figures changed; the new one is the closest new sentence of the version. */
  | { readonly kind: 'changed'; readonly oldSentence: string; readonly newSentence: string; readonly section: string; readonly figures: readonly FigureChange[] }
  | { readonly kind: 'gone'; readonly oldSentence: string };

export interface RuleQuoteCheck {
  readonly ruleId: string;
  readonly section: string;
  readonly quote: string;
  readonly status: QuoteStatus;
}

/** A sentence of the new version that sets a timescale or names who decides, and that no rule cites. */
export interface UncitedStatement {
  readonly section: string;
  readonly sentence: string;
  readonly states: readonly Statement[];
}

export interface PolicyCheck {
  readonly authorityId: string;
  /** Every rule whose quote is no longer verbatim under its heading; rules still verbatim are not listed. */
  readonly rules: readonly RuleQuoteCheck[];
  readonly uncited: readonly UncitedStatement[];
  readonly changed: boolean;
}

/** Below this likeness a new sentence is not the old one reworded: the old one is gone. */
const LEAST_LIKENESS = 0.5;

/**
 * Checks a policy's quotes against a new version of its document. `previousText` is the text the rules were read
 * from (the seed), so that only sentences new in this version are reported as uncited: an unchanged document
 * reports nothing.
 */
export function checkPolicy(policy: Policy, previousText: string, newText: string): PolicyCheck {
  const previous = readDocumentText(previousText);
  const next = readDocumentText(newText);
  const newSentences = next.sentences.filter((sentence) => !previous.normalised.includes(sentence.text));
  const replacements = new Map<string, DocumentSentence | undefined>();
  const replacementOf = (oldSentence: string): DocumentSentence | undefined => {
    if (!replacements.has(oldSentence)) replacements.set(oldSentence, closestSentence(oldSentence, newSentences, replacements));
    return replacements.get(oldSentence);
  };

  const citations = citationsOf(policy);
  const rules = citations.flatMap((citation): RuleQuoteCheck[] => {
    const quote = normaliseWhitespace(citation.quote);
    const section = normaliseWhitespace(citation.section);
    if (next.bodyUnder.get(section)?.includes(quote)) return [];
    const found = { ruleId: citation.ruleId, section, quote };
    if (next.normalised.includes(quote)) return [{ ...found, status: { kind: 'moved', section: sectionHolding(next, quote) } }];
    const oldSentences = sentencesQuoted(previous, quote, section);
    const oldSentence = oldSentences.join(' ');
    // A quote of several sentences may keep some word for word and have others reworded or removed.
    const parts = oldSentences.map((sentence) => (next.normalised.includes(sentence) ? { kept: sentence } : { replacement: replacementOf(sentence) }));
    const [firstReplacement] = parts.flatMap((part) => (part.replacement ? [part.replacement] : []));
    if (!firstReplacement) return [{ ...found, status: { kind: 'gone', oldSentence } }];
    const newSentence = parts.flatMap((part) => (part.kept !== undefined ? [part.kept] : part.replacement ? [part.replacement.text] : [])).join(' ');
    return [{ ...found, status: { kind: 'changed', oldSentence, newSentence, section: firstReplacement.section, figures: figureChanges(oldSentence, newSentence) } }];
  });

  const quotes = citations.map((citation) => normaliseWhitespace(citation.quote));
  const replaced = new Set([...replacements.values()].flatMap((sentence) => (sentence ? [sentence.text] : [])));
  const uncited = newSentences.flatMap((sentence): UncitedStatement[] => {
    const states = statementsIn(sentence.text);
    if (states.length === 0 || replaced.has(sentence.text)) return [];
    if (quotes.some((quote) => quote.includes(sentence.text) || sentence.text.includes(quote))) return [];
    return [{ section: sentence.section, sentence: sentence.text, states }];
  });
  return { authorityId: policy.authority.id, rules, uncited, changed: rules.length > 0 || uncited.length > 0 };
}

/**
 * Every quote of a policy: each rule's citation, and the citation of a condition's alternative under
 * `<rule id>#alternative`.
 */
export function citationsOf(policy: Policy): { readonly ruleId: string; readonly section: string; readonly quote: string }[] {
  return policy.rules.flatMap((rule) => [
    { ruleId: rule.id, section: rule.citation.section, quote: rule.citation.quote },
    ...(rule.kind === 'condition' && rule.alternative ? [{ ruleId: `${rule.id}#alternative`, ...rule.alternative.citation }] : []),
  ]);
}

/** The heading whose body holds the quote; empty when it stands before every heading. */
function sectionHolding(document: DocumentText, quote: string): string {
  return [...document.bodyUnder].find(([, body]) => body.includes(quote))?.[0] ?? '';
}

/** The whole sentences of the old text that the quote comes from, under its cited heading first. */
function sentencesQuoted(document: DocumentText, quote: string, section: string): string[] {
  const overlapping = (sentence: DocumentSentence) => sentence.text.includes(quote) || quote.includes(sentence.text);
  const underHeading = document.sentences.filter((sentence) => sentence.section === section && overlapping(sentence));
  const anywhere = underHeading.length > 0 ? underHeading : document.sentences.filter(overlapping);
  return anywhere.length > 0 ? anywhere.map((sentence) => sentence.text) : [quote];
}

/** The new sentence most like the old one, not already taken as another sentence's replacement. */
function closestSentence(oldSentence: string, candidates: readonly DocumentSentence[], taken: ReadonlyMap<string, DocumentSentence | undefined>): DocumentSentence | undefined {
  const takenTexts = new Set([...taken.values()].map((sentence) => sentence?.text));
  let best: { sentence: DocumentSentence; likeness: number } | undefined;
  for (const sentence of candidates) {
    if (takenTexts.has(sentence.text)) continue;
    const likeness = wordLikeness(oldSentence, sentence.text);
    if (likeness >= LEAST_LIKENESS && (!best || likeness > best.likeness)) best = { sentence, likeness };
  }
  return best?.sentence;
}

/**
 * How alike two sentences are by their words (Dice's coefficient over the sets of words), from 0 to 1.
 *
 * @example
 * wordLikeness('reviews are held every 3 months', 'reviews are held every 6 months') //=> 0.833…
 */
export function wordLikeness(one: string, other: string): number {
  const words = (text: string) => new Set(text.toLowerCase().match(/[\p{L}\d]+/gu) ?? []);
  const first = words(one);
  const second = words(other);
  if (first.size + second.size === 0) return 1;
  const shared = [...first].filter((word) => second.has(word)).length;
  return (2 * shared) / (first.size + second.size);
}

/**
 * The figures that differ between two versions of a sentence, in order; a figure added or removed has no
 * counterpart.
 *
 * @example
 * figureChanges('within 15 working days', 'within 10 working days') //=> [{ from: '15 working days', to: '10 working days' }]
 */
export function figureChanges(oldSentence: string, newSentence: string): FigureChange[] {
  const before = figuresIn(oldSentence).map((figure) => figure.text);
  const after = figuresIn(newSentence).map((figure) => figure.text);
  const changes: FigureChange[] = [];
  for (let index = 0; index < Math.max(before.length, after.length); index += 1) {
    if (before[index]?.toLowerCase() !== after[index]?.toLowerCase()) changes.push({ from: before[index], to: after[index] });
  }
  return changes;
}
