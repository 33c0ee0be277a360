import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type StartedBot } from '../../bot/start-bot.js';

const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOTS = join(process.cwd(), 'test-results', 'playground');
const VIEWPORTS = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } } as const;
/** The Playground's compose box: an editable element, not a textarea. */
const COMPOSE_BOX = '[contenteditable="true"] >> nth=0';
const runs = existsSync(CHROMIUM) || process.env.CI !== undefined;
if (!runs) console.warn(`Skipping the Agents Playground test: ${CHROMIUM} is absent (apt-get install -y chromium); CI runs it.`);

/** A port nothing listens on now, for the Playground (it must be told one). */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * The bot (embedded database, no app registration, as `npm run playground` runs it) and Microsoft 365 Agents
 * Playground pointed at it, driven by Debian's Chromium as a person would: typing in the compose box and reading
 * the cards. Screenshots of the main cards at desktop and phone widths go to test-results/playground/.
 */
describe.skipIf(!runs)('a first day in Microsoft 365 Agents Playground, in Chromium', () => {
  let dataDir: string;
  let bot: StartedBot;
  let playground: ChildProcess;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'cin-playground-'));
    await mkdir(SCREENSHOTS, { recursive: true });
    bot = await startBot({ PORT: '0', NODE_ENV: 'development', DATA_DIR: join(dataDir, 'data'), LOG_LEVEL: 'silent', REMINDER_INTERVAL_SECONDS: '0' }, { host: '127.0.0.1' });
    const port = await freePort();
    const cli = createRequire(import.meta.url).resolve('@microsoft/m365agentsplayground/cli.js');
    // Its working folder is a fresh one, so the Playground uses its built-in users, not a developer's own file.
    playground = spawn(process.execPath, [cli, '--app-endpoint', `${bot.url}/api/messages`, '--channel-id', 'msteams', '--port', String(port), '--disable-telemetry'], {
      cwd: dataDir,
      env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none' },
      stdio: 'ignore',
    });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    page = await browser.newPage({ viewport: VIEWPORTS.desktop });
    for (let attempt = 0; ; attempt += 1) {
      try {
        await page.goto(`http://127.0.0.1:${port}/`);
        break;
      } catch (error) {
        if (attempt > 60) throw error;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
    await page.locator(COMPOSE_BOX).waitFor({ timeout: 60_000 });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    playground?.kill('SIGTERM');
    await bot?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  /** Types `text` into the compose box, sends it, and waits for `expected` to appear in the chat. */
  async function send(text: string, expected: string): Promise<void> {
    await page.locator(COMPOSE_BOX).click();
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
    try {
      await page.getByText(expected, { exact: false }).last().waitFor({ timeout: 30_000 });
    } catch (error) {
      // What the chat showed instead, for whoever reads the failure.
      await page.screenshot({ path: join(SCREENSHOTS, 'failed.png') });
      throw error;
    }
  }

  async function screenshots(name: string): Promise<void> {
    for (const [width, viewport] of Object.entries(VIEWPORTS)) {
      await page.setViewportSize(viewport);
      const path = join(SCREENSHOTS, `${name}-${width}.png`);
      await page.screenshot({ path });
      expect((await stat(path)).size).toBeGreaterThan(1000);
    }
    await page.setViewportSize(VIEWPORTS.desktop);
  }

  it('greets with the commands grouped, answers a question with its date, and opens the new-case form', async () => {
    await send('help', 'Commands you may use');
    await screenshots('welcome');
    await send('Redbridge: we decided on 9 March 2026 that a CiN plan is needed. When is the initial CiN meeting due?', '30 March 2026');
    await screenshots('answer');
    await send('new case DL01', 'DL01');
    await screenshots('new-case');
  }, 180_000);
});
