/**
 * A procedure's text as headings and sentences. Procedures arrive as text extracted from web pages, Word files
 * and PDFs, one paragraph, list item or heading to a line; this reads that shape without knowing the authority.
 */

/** One sentence (or list item) of a document, under the heading it stands under, as printed. */
export interface DocumentSentence {
  /** Whitespace-normalised, exactly as in the text: a quote of it is verbatim. */
  readonly text: string;
  /** The nearest heading above it; empty before the first heading. */
  readonly section: string;
}

export interface DocumentText {
  /** The whole text, whitespace-normalised, for verbatim look-ups that may span sentences. */
  readonly normalised: string;
  readonly headings: readonly string[];
  readonly sentences: readonly DocumentSentence[];
  /** Each heading's body, whitespace-normalised; a repeated heading (a contents list) keeps its last body. */
  readonly bodyUnder: ReadonlyMap<string, string>;
}

/** A heading is one short line without closing punctuation; longer or punctuated lines are paragraphs. */
const MOST_HEADING_WORDS = 14;
/** A numbered heading may run longer ("8. Procedure for Children in Need subject to Direct Payments and …"). */
const MOST_NUMBERED_HEADING_WORDS = 20;
const MOST_HEADING_CHARACTERS = 140;
const SECTION_NUMBER = /^\d+(\.\d+)*\.?\s/;
const BULLET = /^(?:[-•*·▪◦o]|\u2022)\s+/;
/** Words after which a full stop does not end a sentence. */
const ABBREVIATIONS = new Set(['e.g', 'i.e', 'eg', 'ie', 'etc', 'no', 'mr', 'mrs', 'ms', 'dr', 'st', 'para', 'cf', 'vs', 'approx']);

/** Collapses runs of whitespace so a quote matches however the extracted text wrapped it. */
export function normaliseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Whether a line of the text is a heading, by its shape alone: an indented line is a list item.
 *
 * @example
 * isHeading('10.3 Arranging reviews') //=> true
 * isHeading('Child in need reviews are held every 3 months.') //=> false
 * isHeading('Level of need\tIndicators\tResponses') //=> false
 * isHeading('Level of need | Indicators | Responses') //=> false
 */
export function isHeading(line: string): boolean {
  // A row of a table (cells split by tabs, or by bars once flattened) heads its columns, not a section.
  if (/\S(\t+| \| )\S/.test(line)) return false;
  const text = normaliseWhitespace(line);
  if (text.length < 3 || text.length > MOST_HEADING_CHARACTERS) return false;
  if (/^\s/.test(line) || BULLET.test(text) || /[.;:,!?]$/.test(text)) return false;
  if (!/^[\p{Lu}\d]/u.test(text)) return false;
  return text.split(' ').length <= (SECTION_NUMBER.test(text) ? MOST_NUMBERED_HEADING_WORDS : MOST_HEADING_WORDS);
}

/**
 * The text's headings, sentences and section bodies.
 *
 * @example
 * readDocumentText('5. Reviews\n\nReviews are held every 3 months. The chair decides.').sentences
 * //=> [{ text: 'Reviews are held every 3 months.', section: '5. Reviews' }, { text: 'The chair decides.', section: '5. Reviews' }]
 */
export function readDocumentText(text: string): DocumentText {
  const lines = joinedLines(text);
  const headings: string[] = [];
  const sentences: DocumentSentence[] = [];
  const bodies = new Map<string, string[]>();
  let section = '';
  for (const line of lines) {
    if (isHeading(line)) {
      section = normaliseWhitespace(line);
      headings.push(section);
      bodies.set(section, []);
      continue;
    }
    const paragraph = normaliseWhitespace(line);
    bodies.get(section)?.push(paragraph);
    for (const sentence of sentencesOf(paragraph.replace(BULLET, ''))) sentences.push({ text: sentence, section });
  }
  const bodyUnder = new Map([...bodies].map(([heading, body]) => [heading, body.join(' ')] as const));
  return { normalised: normaliseWhitespace(text), headings, sentences, bodyUnder };
}

/**
 * The text's lines, a hard-wrapped paragraph (text from a PDF) joined back into one: a line that starts with a
 * lower-case letter right below another continues it. Leading whitespace is kept (it marks a list item).
 */
function joinedLines(text: string): string[] {
  const lines: string[] = [];
  let previousBlank = true;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trimEnd();
    if (line.trim().length === 0) {
      previousBlank = true;
      continue;
    }
    if (!previousBlank && lines.length > 0 && /^\s*\p{Ll}/u.test(line)) lines[lines.length - 1] += ` ${line.trim()}`;
    else lines.push(line);
    previousBlank = false;
  }
  return lines;
}

/**
 * A paragraph's sentences: a full stop, question or exclamation mark ends one when the next word starts with a
 * capital or a figure, except after an abbreviation ("e.g.") or a section number ("Section 17.10").
 */
export function sentencesOf(paragraph: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  const ends = /[.!?]["'’”)*]*\s+(?=["'‘“(*]*[\p{Lu}\d])/gu;
  for (let match = ends.exec(paragraph); match; match = ends.exec(paragraph)) {
    const before = paragraph.slice(start, match.index).split(' ').at(-1) ?? '';
    if (ABBREVIATIONS.has(before.toLowerCase().replace(/^\W+/, '')) || /^\W*\p{L}$/u.test(before)) continue;
    const end = match.index + match[0].trimEnd().length;
    sentences.push(paragraph.slice(start, end));
    start = match.index + match[0].length;
  }
  const rest = paragraph.slice(start).trim();
  if (rest.length > 0) sentences.push(rest);
  return sentences;
}
