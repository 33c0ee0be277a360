import type { LocalDate } from '../dates/local-date.js';
import { readDocumentText } from './document-text.js';
import type { PolicyInput, RuleInput } from './schema.js';
import { timescalesIn, type TimescaleReading } from './timescale-sentences.js';

export interface DraftRequest {
  readonly authorityId: string;
  readonly authorityName: string;
  /** The name the extracted text is saved under in shared/seeds/ (a .txt file). */
  readonly sourceFile: string;
  readonly sourceSha256: string;
  readonly documentText: string;
  readonly today: LocalDate;
}

/** One candidate rule and what was read to make it, for the person who reviews it. */
export interface DraftCandidate {
  readonly rule: Extract<RuleInput, { kind: 'timescale' }>;
  readonly reading: TimescaleReading;
}

export interface PolicyDraft {
  readonly policy: PolicyInput;
  readonly candidates: readonly DraftCandidate[];
}

/**
 * A new authority's draft policy: every sentence that sets a timescale becomes a candidate timescale rule, one
 * per figure, quoting the sentence verbatim under the heading it stands under, each marked `review: 'needed'`
 * so the loader refuses the file until a person has confirmed (or deleted) every candidate.
 */
export function draftPolicy(request: DraftRequest): PolicyDraft {
  const document = readDocumentText(request.documentText);
  const ids = new Set<string>();
  const candidates = document.sentences.flatMap((sentence) =>
    timescalesIn(sentence.text).map((reading): DraftCandidate => {
      const id = uniqueId(`${request.authorityId}.${reading.topic}.${idWords(reading)}`, ids);
      const rule = {
        id,
        kind: 'timescale',
        topic: reading.topic,
        requires: requirementOf(sentence.text),
        anchors: [reading.anchor],
        offset: reading.offset,
        recurring: reading.recurring,
        responsible: { role: 'worker', words: 'allocated social worker' },
        fulfilledBy: [reading.fulfilledBy],
        review: 'needed',
        citation: { section: sentence.section, quote: sentence.text },
      } satisfies Extract<RuleInput, { kind: 'timescale' }>;
      return { rule, reading };
    }),
  );
  const policy: PolicyInput = {
    authority: { id: request.authorityId, name: request.authorityName, alsoKnownAs: [] },
    source: {
      file: request.sourceFile,
      title: 'to be confirmed from the document',
      checkedOn: request.today,
      version: 'to be confirmed from the document',
      sha256: request.sourceSha256,
    },
    rules: candidates.map(({ rule }) => rule),
  };
  return { policy, candidates };
}

function idWords(reading: TimescaleReading): string {
  const amount = reading.offset.amount === 0 ? 'no-figure' : `${reading.offset.amount}-${reading.offset.unit.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
  return `${amount}-${reading.offset.direction}`;
}

function uniqueId(wanted: string, taken: Set<string>): string {
  let id = wanted;
  for (let suffix = 2; taken.has(id); suffix += 1) id = `${wanted}-${suffix}`;
  taken.add(id);
  return id;
}

/** The sentence itself stands for what must be done until a person words it. */
function requirementOf(sentence: string): string {
  return sentence.length >= 10 ? sentence : `As the procedure says: ${sentence}`;
}
