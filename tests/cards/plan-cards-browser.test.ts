import { existsSync } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planCompareCard } from '../../cards/plan-compare-card.js';
import { planFormCard } from '../../cards/plan-form-card.js';
import { planReviewCard } from '../../cards/plan-review-card.js';
import { planVersionCard } from '../../cards/plan-version-card.js';
import { twelveActionForm, twelveActionReview, twelveActionVersion, twelveChangeComparison } from './plan-sample-views.js';
import type { Json } from './card-queries.js';

const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOTS = join(process.cwd(), 'test-results', 'cards');
const require = createRequire(import.meta.url);
if (!existsSync(CHROMIUM)) console.warn(`Skipping the plan cards' browser test: ${CHROMIUM} is absent (apt-get install -y chromium).`);

const CARDS: readonly { readonly name: string; readonly card: Json; readonly inputs: number }[] = [
  // Redbridge: 5 sections + 12 actions of 4 inputs + review date + meeting + date of the meeting
  { name: 'plan-form-redbridge-refused', card: planFormCard(twelveActionForm('redbridge', { refused: true })), inputs: 5 + 48 + 3 },
  { name: 'plan-form-slough', card: planFormCard(twelveActionForm('slough', { refused: false })), inputs: 3 + 48 + 3 },
  { name: 'plan-version-camden', card: planVersionCard(twelveActionVersion('camden')), inputs: 0 },
  { name: 'plan-compare', card: planCompareCard(twelveChangeComparison), inputs: 2 },
  // date, 12 × (progress, note), child's views, family's views, agreement, decision
  { name: 'plan-review-refused', card: planReviewCard(twelveActionReview({ refused: true })), inputs: 1 + 24 + 4 },
];

/**
 * The plan and review cards rendered by Microsoft's own Adaptive Cards HTML renderer (the `adaptivecards`
 * package) in headless Chromium, at a phone's width (360 CSS pixels, as Teams mobile gives a card): every input
 * is drawn, nothing runs off the side, and a screenshot of each is saved to test-results/cards/.
 */
describe.skipIf(!existsSync(CHROMIUM))('plan cards in Chromium at a phone\u2019s width', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    await mkdir(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser.close();
  });

  it.each(CARDS)('renders $name with every input and no horizontal overflow', async ({ name, card, inputs }) => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    try {
      await page.setContent('<!doctype html><html><body style="margin:0"><div id="card"></div></body></html>');
      await page.addStyleTag({ path: require.resolve('adaptivecards/dist/adaptivecards.css') });
      await page.addScriptTag({ path: require.resolve('adaptivecards/dist/adaptivecards.min.js') });
      const rendered = await page.evaluate((json) => {
        // Typed by hand: the tests compile without the DOM library, and this runs in the page.
        interface Node { appendChild(child: Node): void; querySelectorAll(selector: string): { length: number } }
        const page = globalThis as unknown as {
          AdaptiveCards: { AdaptiveCard: new () => { parse(card: unknown): void; render(): Node | undefined } };
          document: { getElementById(id: string): Node | null; documentElement: { scrollWidth: number; clientWidth: number } };
        };
        const adaptiveCard = new page.AdaptiveCards.AdaptiveCard();
        adaptiveCard.parse(json);
        const element = adaptiveCard.render();
        if (!element) return { drawn: false, inputs: 0, overflow: 0 };
        page.document.getElementById('card')?.appendChild(element);
        return {
          drawn: true,
          inputs: element.querySelectorAll('input, textarea, select, [role="radiogroup"]').length,
          overflow: page.document.documentElement.scrollWidth - page.document.documentElement.clientWidth,
        };
      }, card);
      const path = join(SCREENSHOTS, `${name}.png`);
      await page.screenshot({ path, fullPage: true });
      expect(rendered.drawn).toBe(true);
      expect(rendered.inputs).toBeGreaterThanOrEqual(inputs);
      expect(rendered.overflow).toBe(0);
      expect((await stat(path)).size).toBeGreaterThan(1000);
    } finally {
      await page.close();
    }
  });
});
