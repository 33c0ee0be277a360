import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseStore } from '../../../bot/store/cases.js';
import { startBot, type StartedBot } from '../../../bot/start-bot.js';
import { formatLongDate, londonDateOf } from '../../../domain/dates/local-date.js';
import { POLICIES } from '../../../domain/policy/registry.js';
import { calendar } from '../../helpers/policy.js';
import { APP_ID, entraDouble, TENANT_ID } from './entra-test-keys.js';
import { MANAGER, seedDeadlines, WORKER } from './seed-deadlines.js';
import { putNewClusterIn } from '../../helpers/databases.js';

const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOTS = join(process.cwd(), 'test-results', 'tab');
if (!existsSync(CHROMIUM)) console.warn(`Skipping the tab's browser test: ${CHROMIUM} is absent (apt-get install -y chromium).`);

/**
 * The real bot (PGlite in a temporary folder, development sign-in) and Debian's Chromium: the tab as a worker
 * and as a manager sees it. The seeded March 2026 deadlines are overdue by now; GH78, decided today, is ahead.
 */
describe.skipIf(!existsSync(CHROMIUM))('the deadlines tab in Chromium', () => {
  let dataDir: string;
  let browser: Browser;
  let upcoming: { readonly dueOn: string };

  const started = (devUser: string): Promise<StartedBot> =>
    startBot(
      { PORT: '0', NODE_ENV: 'development', DATA_DIR: dataDir, LOG_LEVEL: 'silent', TAB_DEV_USER: devUser, TAB_DEV_TENANT: TENANT_ID, TAB_APP_ID_URI: APP_ID },
      { host: '127.0.0.1' },
    );
  const within = async <T>(devUser: string, use: (bot: StartedBot) => Promise<T>): Promise<T> => {
    const bot = await started(devUser);
    try {
      return await use(bot);
    } finally {
      await bot.stop();
    }
  };
  const timelineOf = async (url: string, screenshot: string, view: 'mine' | 'team' = 'mine') => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 700 } });
    try {
      await page.goto(url);
      await page.locator('#timeline li, #timeline p').first().waitFor();
      if (view === 'team') {
        await page.click('#view-team');
        await page.locator('#view-team[aria-selected="true"]').waitFor();
        await page.locator('#timeline li').first().waitFor();
      }
      const path = join(SCREENSHOTS, screenshot);
      await page.screenshot({ path, fullPage: true });
      expect((await stat(path)).size).toBeGreaterThan(1000);
      return {
        teamTabShown: await page.locator('#view-team').isVisible(),
        theme: await page.locator('body').getAttribute('data-theme'),
        headings: await page.locator('#timeline h2').allTextContents(),
        rows: await page.locator('#timeline li').evaluateAll((items) => items.map((item) => [...item.querySelectorAll('span')].map((span) => span.textContent).join(' | '))),
      };
    } finally {
      await page.close();
    }
  };

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'cin-tab-'));
    await putNewClusterIn(dataDir);
    await mkdir(SCREENSHOTS, { recursive: true });
    await within(WORKER, async (bot) => {
      await seedDeadlines(bot.database.db, TENANT_ID);
      const cases = new CaseStore(bot.database.db, POLICIES, calendar);
      const today = londonDateOf(new Date());
      const opened = await cases.openCase(
        { tenantId: TENANT_ID, reference: 'GH78', initials: 'X.Y.', authorityId: 'redbridge', team: 'north', workerId: WORKER, pathways: [], openedOn: today },
        { tenantId: TENANT_ID, userId: WORKER },
        new Date(),
      );
      if (!opened.ok) throw new Error(opened.error.kind);
      await cases.recordEvent(opened.value, { kind: 'plan-decision', on: today }, { tenantId: TENANT_ID, userId: WORKER }, today, new Date());
      // The store's own date: this test checks that the page shows it, the store tests check its arithmetic.
      const [due] = await cases.deadlines(TENANT_ID, { workerId: WORKER, dueOnOrBefore: '9999-12-31' as typeof today }).then((all) => all.filter((item) => item.caseReference === 'GH78'));
      if (!due) throw new Error('GH78 has no deadline');
      upcoming = due;
    });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("shows a worker their own deadlines, overdue first, and no Team view", async () => {
    const seen = await within(WORKER, (bot) => timelineOf(`${bot.url}/tab`, 'worker-my-deadlines.png'));
    expect(seen.teamTabShown).toBe(false);
    expect(seen.theme).toBe('default');
    expect(seen.headings[0]).toBe('Overdue');
    expect(seen.rows).toEqual([
      'Overdue: Monday 30 March 2026 | AB12 | Convene the initial CiN meeting that develops the CiN Plan',
      `${formatLongDate(upcoming.dueOn as never)} | GH78 | Convene the initial CiN meeting that develops the CiN Plan`,
    ]);
  }, 60_000);

  it("shows a manager their team's deadlines, not another team's, in the dark theme", async () => {
    const seen = await within(MANAGER, (bot) => timelineOf(`${bot.url}/tab?theme=dark`, 'manager-team-dark.png', 'team'));
    expect(seen.teamTabShown).toBe(true);
    expect(seen.theme).toBe('dark');
    expect(seen.rows).toEqual([
      'Overdue: Monday 23 February 2026 | CD34 | Convene the initial CiN meeting that develops the CiN Plan (team north)',
      'Overdue: Monday 30 March 2026 | AB12 | Convene the initial CiN meeting that develops the CiN Plan (team north)',
      `${formatLongDate(upcoming.dueOn as never)} | GH78 | Convene the initial CiN meeting that develops the CiN Plan (team north)`,
    ]);
  }, 60_000);

  it('has the API refuse a missing, expired or wrongly signed token and accept a good one', async () => {
    const entra = await entraDouble(new Date());
    nock.enableNetConnect('127.0.0.1');
    try {
      await within(WORKER, async (bot) => {
        const status = async (authorization?: string) =>
          (await fetch(`${bot.url}/api/deadlines?view=mine`, authorization === undefined ? {} : { headers: { authorization } })).status;
        const hourAgo = new Date(Date.now() - 3_600_000);
        expect(await status()).toBe(401);
        expect(await status(`Bearer ${await entra.tokenFor(WORKER, { issuedAt: hourAgo, expiresAt: new Date(Date.now() - 60_000) })}`)).toBe(401);
        expect(await status(`Bearer ${await entra.tokenFor(WORKER, { signedBy: 'unpublished' })}`)).toBe(401);
        expect(await status(`Bearer ${await entra.tokenFor(WORKER)}`)).toBe(200);
        expect(await status(`Bearer ${await entra.tokenFor(WORKER)}`.replace('Bearer', 'Basic'))).toBe(401);
      });
    } finally {
      nock.cleanAll();
    }
  }, 60_000);
});
