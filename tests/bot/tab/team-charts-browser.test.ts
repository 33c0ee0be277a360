import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startBot, type StartedBot } from '../../../bot/start-bot.js';
import { londonDateOf } from '../../../domain/dates/local-date.js';
import { MANAGER, seedYear } from '../timeliness/seed-year.js';
import { APP_ID, TENANT_ID } from './entra-test-keys.js';
import { putNewClusterIn } from '../../helpers/databases.js';

const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOTS = join(process.cwd(), 'test-results', 'tab');
if (!existsSync(CHROMIUM)) console.warn(`Skipping the Team charts' browser test: ${CHROMIUM} is absent (apt-get install -y chromium).`);

const WIDTHS = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } } as const;
const PointSchema = z.object({ x: z.number(), y: z.number() }).optional();
const THEMES = { light: 'default', dark: 'dark', 'high-contrast': 'contrast' } as const;

/**
 * The real bot on the seeded year up to today (300 cases, tests/bot/timeliness/seed-year.ts) and Debian's
 * Chromium. In local development everyone is an admin, so the Team view opens on every team; choosing team north
 * gives figures that do not move with the day the test runs: the 20 visits never done (months 0, 3, 6, 9 of
 * the twelve) are all the overdue, five for each of four workers. The store test checks every figure against a
 * fixed day.
 */
describe.skipIf(!existsSync(CHROMIUM))('the Team view charts in Chromium', () => {
  let dataDir: string;
  let browser: Browser;
  let bot: StartedBot;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'cin-team-charts-'));
    await putNewClusterIn(dataDir);
    await mkdir(SCREENSHOTS, { recursive: true });
    bot = await startBot(
      { PORT: '0', NODE_ENV: 'development', DATA_DIR: dataDir, LOG_LEVEL: 'silent', TAB_DEV_USER: MANAGER, TAB_DEV_TENANT: TENANT_ID, TAB_APP_ID_URI: APP_ID },
      { host: '127.0.0.1' },
    );
    await seedYear(bot.database.db, TENANT_ID, londonDateOf(new Date()));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await bot?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  const teamView = async (theme: string, viewport: { width: number; height: number }) => {
    const page = await browser.newPage({ viewport });
    await page.goto(`${bot.url}/tab?theme=${theme}`);
    await page.locator('#view-team').click();
    await page.locator('#chart-census table').waitFor();
    await page.selectOption('#filter-team', 'north');
    await page.locator('#headline', { hasText: /^20 overdue/ }).waitFor();
    return page;
  };

  it('draws four charts, each with its figures as a table, and the headline', async () => {
    const page = await teamView('default', WIDTHS.desktop);
    try {
      expect(await page.locator('figure.team-chart canvas').count()).toBe(4);
      expect(await page.locator('figure.team-chart table').count()).toBe(4);
      expect(await page.locator('#headline').textContent()).toMatch(/^20 overdue, /);
      const dueRows = await page.locator('#chart-due tbody tr').evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => cell.textContent)));
      // Overdue first: 20 visits, nothing else overdue.
      expect(dueRows[0]).toEqual(['Overdue', '0', '0', '0', '0', '20', '0', '20']);
      expect(dueRows).toHaveLength(9);
      const workers = await page.locator('#chart-workers tbody tr').evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => cell.textContent)));
      expect(workers).toEqual([
        ['Sam Worker', '5'],
        ['A worker not yet known to the bot', '5'],
        ['A worker not yet known to the bot', '5'],
        ['A worker not yet known to the bot', '5'],
      ]);
      expect(await page.locator('#chart-on-time tbody tr').count()).toBe(12);
      expect(await page.locator('#chart-census tbody tr').count()).toBe(12);
    } finally {
      await page.close();
    }
  }, 60_000);

  it('lists the case references behind a bar when it is clicked, never a name or initials', async () => {
    const page = await teamView('default', WIDTHS.desktop);
    try {
      // The overdue bar's visit segment, where Chart.js drew it.
      // Written as page script text: the tests are compiled without the browser's types.
      const point = PointSchema.parse(
        await page.evaluate(`(() => {
          const canvas = document.querySelector('#chart-due canvas');
          const bar = Chart.getChart(canvas).getDatasetMeta(4).data[0];
          const box = canvas.getBoundingClientRect();
          return bar === undefined ? undefined : { x: box.left + bar.x, y: box.top + (bar.y + bar.base) / 2 };
        })()`),
      );
      if (point === undefined) throw new Error('No overdue visit bar drawn');
      await page.mouse.click(point.x, point.y);
      // The references are asked for when the bar is clicked (GET /api/team-timeliness/cases).
      await page.locator('#bar-cases:not([hidden])').waitFor();
      await page.locator('#bar-cases-title', { hasText: /\(\d+\)$/ }).waitFor();
      expect(await page.locator('#bar-cases-title').textContent()).toBe('Visit: Overdue (20)');
      const references = await page.locator('#bar-cases-list li').allTextContents();
      expect(references).toHaveLength(20);
      for (const reference of references) expect(reference).toMatch(/^C\d{4}$/);
      expect(await page.locator('#team-charts').textContent()).not.toContain('A.B.');
    } finally {
      await page.close();
    }
  }, 60_000);

  for (const [themeName, theme] of Object.entries(THEMES)) {
    for (const [widthName, viewport] of Object.entries(WIDTHS)) {
      it(`is screenshotted at ${widthName} width in the ${themeName} theme`, async () => {
        const page = await teamView(theme, viewport);
        try {
          expect(await page.locator('body').getAttribute('data-theme')).toBe(theme);
          const path = join(SCREENSHOTS, `team-charts-${widthName}-${themeName}.png`);
          await page.screenshot({ path, fullPage: true });
          expect((await stat(path)).size).toBeGreaterThan(10_000);
        } finally {
          await page.close();
        }
      }, 60_000);
    }
  }
});
