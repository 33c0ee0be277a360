import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readDocument, UnreadableDocument } from '../../../bot/cli/read-document.js';
import { checkPolicy } from '../../../domain/policy/check-policy.js';
import { readDocumentText } from '../../../domain/policy/document-text.js';
import { POLICIES } from '../../../domain/policy/registry.js';
import { docxOf, htmlOf, pdfOf, type Block } from '../../helpers/documents.js';
import { policySourcesMissing, seedText } from '../../helpers/seeds.js';

/** Why the tests that read the procedures (../shared/seeds, or POLICY_SOURCES) cannot run here; undefined when they can. */
const SOURCES_MISSING = policySourcesMissing();

const folder = mkdtempSync(join(tmpdir(), 'read-document-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function saved(name: string, content: string | Uint8Array): string {
  const path = join(folder, name);
  writeFileSync(path, content);
  return path;
}

const PROCEDURE: readonly Block[] = [
  { heading: true, text: '5. Frequency of Planning and Review Meetings' },
  { heading: false, text: 'The initial CiN Plan should be reviewed at 6 weeks and thereafter at a minimum frequency of 6 months.' },
  { heading: false, text: '- Copies of the Plan should be provided to the family within 10 working days of the meeting;' },
  { heading: true, text: '6. Step Down (Process)' },
  { heading: false, text: 'The Team Manager will authorise the step down. Parents & carers are told.' },
];
const EXPECTED_SENTENCES = [
  { section: '5. Frequency of Planning and Review Meetings', text: 'The initial CiN Plan should be reviewed at 6 weeks and thereafter at a minimum frequency of 6 months.' },
  { section: '5. Frequency of Planning and Review Meetings', text: 'Copies of the Plan should be provided to the family within 10 working days of the meeting;' },
  { section: '6. Step Down (Process)', text: 'The Team Manager will authorise the step down.' },
  { section: '6. Step Down (Process)', text: 'Parents & carers are told.' },
];

describe('reading a procedure from each format the councils publish', () => {
  it.each([
    ['plain text', 'procedure.txt', PROCEDURE.map((block) => block.text).join('\n\n')],
    ['HTML', 'procedure.html', htmlOf(PROCEDURE)],
    ['Word (.docx)', 'procedure.docx', docxOf(PROCEDURE)],
    ['PDF', 'procedure.pdf', pdfOf(PROCEDURE)],
  ] as const)('%s: the same headings and sentences', async (_format, name, content) => {
    const document = readDocumentText(await readDocument(saved(name, content)));
    expect(document.headings).toEqual(['5. Frequency of Planning and Review Meetings', '6. Step Down (Process)']);
    expect(document.sentences).toEqual(EXPECTED_SENTENCES);
  });

  it('refuses a format it cannot read, saying which it can', async () => {
    await expect(readDocument(saved('procedure.odt', 'x'))).rejects.toThrow(UnreadableDocument);
    await expect(readDocument(saved('procedure.odt', 'x'))).rejects.toThrow('read .txt, .html, .docx or .pdf, not ".odt"');
  });
});

/**
 * The seed's blocks as a council's page or Word file would hold them: one paragraph per line, a hard-wrapped
 * paragraph (its next line starts in lower case) as one, headings marked.
 */
function blocksOf(seed: string): Block[] {
  const headings = new Set(readDocumentText(seed).headings);
  const paragraphs: string[] = [];
  let previousBlank = true;
  for (const line of seed.split('\n')) {
    if (line.trim().length === 0) previousBlank = true;
    else {
      if (!previousBlank && /^\s*\p{Ll}/u.test(line)) paragraphs[paragraphs.length - 1] += ` ${line.trim()}`;
      else paragraphs.push(line);
      previousBlank = false;
    }
  }
  // A table row (cells split by tabs in the extracted text) is written as a web page or Word flattens a row: cells split by bars.
  return paragraphs.map((line) => ({ heading: !/^\s/.test(line) && headings.has(line.trim().replace(/\s+/g, ' ')), text: line.trim().replace(/\t+/g, ' | ') }));
}

describe.skipIf(SOURCES_MISSING !== undefined)(`each procedure as a web page and as a Word file (reads ../shared/seeds${SOURCES_MISSING ? `; skipped: ${SOURCES_MISSING}` : ''})`, () => {
  describe.each((SOURCES_MISSING ? [] : POLICIES).map((policy) => [policy.authority.name, policy] as const))('%s', (_name, policy) => {
    const seed = seedText(policy.source.file);
    it.each([
      ['HTML', 'html', htmlOf(blocksOf(seed))],
      ['Word', 'docx', docxOf(blocksOf(seed))],
    ] as const)('%s: every rule still quotes it verbatim under its heading', async (_format, extension, content) => {
      const text = await readDocument(saved(`${policy.authority.id}.${extension}`, content));
      expect(checkPolicy(policy, seed, text).rules).toEqual([]);
    });
  });
});
