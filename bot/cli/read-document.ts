import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, extname, join } from 'node:path';
import { convert } from 'html-to-text';
import mammoth from 'mammoth';

/**
 * A procedure's text, one paragraph, list item or heading to a line with blank lines between blocks: the shape
 * `readDocumentText` in the domain reads. Plain text as it is; HTML, Word (.docx) and PDF through their libraries,
 * all offline.
 */
export async function readDocument(path: string): Promise<string> {
  const extension = extname(path).toLowerCase();
  const bytes = await readFile(path);
  if (extension === '.txt') return bytes.toString('utf8');
  if (extension === '.html' || extension === '.htm') return textOfHtml(bytes.toString('utf8'));
  if (extension === '.docx') return textOfDocx(bytes);
  if (extension === '.pdf') return textOfPdf(bytes);
  throw new UnreadableDocument(`${path}: read .txt, .html, .docx or .pdf, not "${extension || 'no extension'}"`);
}

export class UnreadableDocument extends Error {}

const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({ selector, options: { uppercase: false, leadingLineBreaks: 2, trailingLineBreaks: 2 } }));

/** Headings keep their printed case (a citation names the heading as printed); links keep their words only. */
export function textOfHtml(html: string): string {
  return convert(html, {
    wordwrap: false,
    selectors: [
      ...HEADINGS,
      { selector: 'a', options: { ignoreHref: true } },
      { selector: 'img', format: 'skip' },
      { selector: 'nav', format: 'skip' },
      { selector: 'header', format: 'skip' },
      { selector: 'footer', format: 'skip' },
      { selector: 'ul', options: { itemPrefix: '- ' } },
      { selector: 'p', options: { leadingLineBreaks: 2, trailingLineBreaks: 2 } },
    ],
  });
}

/** Word's heading styles become HTML headings, so a .docx reads as its HTML would. */
async function textOfDocx(bytes: Buffer): Promise<string> {
  const { value } = await mammoth.convertToHtml({ buffer: bytes });
  return textOfHtml(value);
}

/** A text item of pdf.js: its string, whether a line ends after it, and where it sits (transform[5] is y). */
interface PdfTextItem {
  readonly str: string;
  readonly hasEOL: boolean;
  readonly height: number;
  readonly transform: readonly number[];
}

/**
 * Lines as pdf.js places them; a gap wider than a line and a half between two lines starts a new paragraph. The
 * standard fonts come from the package itself, so nothing is fetched.
 */
async function textOfPdf(bytes: Buffer): Promise<string> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const packageRoot = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  const document = await getDocument({
    data: new Uint8Array(bytes),
    standardFontDataUrl: `${join(packageRoot, 'standard_fonts')}/`,
    isEvalSupported: false,
    useSystemFonts: false,
    verbosity: 0,
  }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= document.numPages; number += 1) {
    const page = await document.getPage(number);
    const content = await page.getTextContent();
    let text = '';
    let lastY: number | undefined;
    let lastHeight = 0;
    for (const item of content.items as PdfTextItem[]) {
      const y = item.transform[5] ?? 0;
      if (lastY !== undefined && Math.abs(lastY - y) > 0.5 && !text.endsWith('\n')) text += '\n';
      if (lastY !== undefined && lastY - y > 1.6 * Math.max(lastHeight, item.height) && !text.endsWith('\n\n')) text += '\n';
      text += item.str;
      if (item.hasEOL) text += '\n';
      lastY = y;
      if (item.height > 0) lastHeight = item.height;
    }
    pages.push(text);
  }
  await document.destroy();
  return pages.join('\n\n');
}
