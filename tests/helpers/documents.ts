import { strToU8, zipSync } from 'fflate';

/** A block of a procedure: a heading, or a paragraph (a list item is a paragraph starting "- "). */
export interface Block {
  readonly heading: boolean;
  readonly text: string;
}

function escapeMarkup(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The page a council publishes: headings as <h2>, paragraphs as <p>, in a page with navigation around it. */
export function htmlOf(blocks: readonly Block[]): string {
  const body = blocks.map((block) => (block.heading ? `<h2>${escapeMarkup(block.text)}</h2>` : `<p>${escapeMarkup(block.text)}</p>`)).join('\n');
  return `<!doctype html><html><head><title>Procedure</title><style>p { margin: 0 }</style></head><body><nav><a href="/">Home</a></nav><main>\n${body}\n</main></body></html>`;
}

/** A minimal Word document (.docx): headings in the built-in "heading 1" style, as Word writes them. */
export function docxOf(blocks: readonly Block[]): Uint8Array {
  const paragraphs = blocks
    .map((block) => {
      const style = block.heading ? '<w:pPr><w:pStyle w:val="Heading1"/></w:pPr>' : '';
      return `<w:p>${style}<w:r><w:t xml:space="preserve">${escapeMarkup(block.text)}</w:t></w:r></w:p>`;
    })
    .join('');
  const namespace = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/_rels/document.xml.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
    ),
    'word/styles.xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles ${namespace}><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style></w:styles>`),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${namespace}><w:body>${paragraphs}</w:body></w:document>`),
  });
}

/**
 * A minimal PDF (plain ASCII text in Helvetica), one line per block and a blank line's gap between blocks, 20
 * lines to a page, with the cross-reference table a reader needs.
 */
export function pdfOf(blocks: readonly Block[]): Uint8Array {
  const pages: string[] = [];
  const perPage = 20;
  for (let start = 0; start < blocks.length; start += perPage) {
    const lines = blocks.slice(start, start + perPage).map((block, index) => {
      const text = block.text.replace(/[\\()]/g, (character) => `\\${character}`);
      return `BT /F1 ${block.heading ? 14 : 10} Tf 40 ${800 - index * 36} Td (${text}) Tj ET`;
    });
    pages.push(lines.join('\n'));
  }
  const objects: string[] = ['<< /Type /Catalog /Pages 2 0 R >>', '', '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>'];
  const pageIds: number[] = [];
  for (const content of pages) {
    const contentId = objects.length + 2;
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${contentId} 0 R >>`);
    pageIds.push(objects.length);
    objects.push(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
  }
  objects[1] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pageIds.length} >>`;
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((object, index) => {
    const offset = pdf.length;
    pdf += `${index + 1} 0 obj\n${object}\nendobj\n`;
    return offset;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return strToU8(pdf);
}
