import { existsSync } from 'node:fs';

/**
 * Prints a page to PDF with headless Chromium (playwright-core driving the browser at `executablePath`), or
 * undefined where there is no browser there. A browser is started for each print and closed after it: plans
 * are printed now and then, and an idle browser would hold memory in every instance for nothing. The page runs
 * no script and loads nothing (JavaScript off; its own Content-Security-Policy allows no fetch).
 *
 * @example
 * const printPdf = pdfPrinterAt('/usr/bin/chromium');
 * await printPdf?.('<!doctype html><p>CiN plan AB12</p>') //=> Uint8Array [ 0x25, 0x50, 0x44, 0x46, … ] ('%PDF…')
 */
export function pdfPrinterAt(executablePath: string): ((html: string) => Promise<Uint8Array>) | undefined {
  if (!existsSync(executablePath)) return undefined;
  return async (html) => {
    // Loaded on first use: the package is only needed where a browser is.
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
    try {
      const page = await browser.newPage({ javaScriptEnabled: false });
      await page.setContent(html, { waitUntil: 'load' });
      return await page.pdf({ format: 'A4', printBackground: true });
    } finally {
      await browser.close();
    }
  };
}
