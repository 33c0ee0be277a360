import { describe, expect, it } from 'vitest';
import { isHeading, readDocumentText, sentencesOf } from '../../../domain/policy/document-text.js';

describe('reading a procedure as headings and sentences', () => {
  it('takes a short unpunctuated line for a heading, and not a list item, a question or a sentence', () => {
    expect(['10.3 Arranging reviews', 'Immediate Support', '8. Procedure for Children in Need subject to Direct Payments and held in ICDDS (non-safeguarding pathway)'].map(isHeading)).toEqual([true, true, true]);
    expect(['  1. Introduction', '- chair the CIN reviews;', '1. What are we worried about?', 'Reviews are held every 3 months.'].map(isHeading)).toEqual([false, false, false, false]);
  });

  it('splits sentences, but not after "e.g." or a section number', () => {
    expect(sentencesOf('Plans (e.g. SMART ones) follow section 17.10 of the Act. Reviews are held. 2 copies go out.')).toEqual([
      'Plans (e.g. SMART ones) follow section 17.10 of the Act.',
      'Reviews are held.',
      '2 copies go out.',
    ]);
  });

  it('joins a hard-wrapped paragraph and files each sentence under its heading', () => {
    const document = readDocumentText('13 Moving\n\nWhere families move the social worker will notify\nthe network. They agree a plan.\n\n- visit the child;\n');
    expect(document.sentences).toEqual([
      { text: 'Where families move the social worker will notify the network.', section: '13 Moving' },
      { text: 'They agree a plan.', section: '13 Moving' },
      { text: 'visit the child;', section: '13 Moving' },
    ]);
    expect(document.bodyUnder.get('13 Moving')).toBe('Where families move the social worker will notify the network. They agree a plan. - visit the child;');
  });
});
