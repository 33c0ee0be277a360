import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_TENANT_ID } from '../../../bot/cases/identifiers.js';
import { startBot, type StartedBot } from '../../../bot/start-bot.js';
import { chatWith } from '../../helpers/chat-driver.js';
import { ADMIN, MANAGER, seedYear, WORKER } from './seed-year.js';
import { putNewClusterIn } from '../../helpers/databases.js';

// `team report` and `export timeliness` through the real bot on the seeded year (seed-year.ts), as the manager
// of team north writes on Monday 23 November 2026. Every figure is counted by hand from the seed's rules.
const TENANT = '4b1f6a2e-9c3d-4e8f-a1b2-7c6d5e4f3a21';
const MONDAY = '2026-11-23T10:00:00Z';

let dataDir: string;
let bot: StartedBot;
const { say } = chatWith(() => bot, TENANT);

beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  dataDir = mkdtempSync(join(tmpdir(), 'cin-team-report-'));
  await putNewClusterIn(dataDir);
  bot = await startBot({ PORT: '0', DATA_DIR: dataDir, NODE_ENV: 'test', LOG_LEVEL: 'silent', BOT_ADMINS: ADMIN }, { host: '127.0.0.1' });
  // With authentication off every chat is in the one local tenant, whatever tenant id the client sends.
  await seedYear(bot.database.db, LOCAL_TENANT_ID);
}, 120_000);
afterAll(async () => {
  await bot.stop();
  rmSync(dataDir, { recursive: true, force: true });
  nock.cleanAll();
  nock.enableNetConnect();
});

describe('team report and export timeliness in chat', () => {
  it("gives a manager their team's headline and the five visits overdue longest, by reference, with the worker's name", async () => {
    const { said } = await say(MANAGER, 'team report', MONDAY);
    // North: 20 visits never done; reviews of C0000, C0030, C0060 due today; 60 of 100 visits on time; 13 of
    // 25 assessments within 45 working days; none of the 90 open cases with a plan.
    expect(said).toContain('Team report for team north, Monday 23 November 2026');
    expect(said).toContain('- Overdue: 20; due this week: 3');
    expect(said).toContain('- On time over the last 12 months: 60%');
    expect(said).toContain('- Assessments within 45 working days of referral: 52%');
    expect(said).toContain('- Open cases with a plan: 0%');
    for (const reference of ['C0012', 'C0072', 'C0132', 'C0192', 'C0252']) expect(said).toContain(`- ${reference}: visit due Wednesday 10 December 2025 (Sam Worker)`);
    expect(said).toContain('Open the tab');
    expect(said).not.toContain('A.B.');
  }, 60_000);

  it('refuses the report and the export to a worker', async () => {
    expect((await say(WORKER, 'team report', MONDAY)).said).toContain('Team figures are for managers, senior practitioners and admins');
    expect((await say(WORKER, 'export timeliness 1 December 2025 to 31 March 2026', MONDAY)).said).toContain('Team figures are for managers');
  }, 60_000);

  it("gives a manager their team's months as CSV through the signed link", async () => {
    const { said } = await say(MANAGER, 'export timeliness 1 December 2025 to 31 March 2026', MONDAY);
    const token = /\/downloads\/([\w.-]+)/.exec(said)?.[1];
    if (token === undefined) throw new Error(`No link in: ${said}`);
    const response = await fetch(`${bot.url}/downloads/${token}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain('timeliness-2025-12-01-to-2026-03-31.csv');
    const lines = (await response.text()).trim().split('\n');
    expect(lines[0]).toContain('Month,assessment on time,assessment late,assessment on time %,initial-meeting on time');
    // Visits of months 0 and 3 (December, March): 15 on time, 10 late. 100 north cases open; the 50 of
    // i mod 6 = 0 had a plan from 15 January.
    expect(lines.slice(1)).toEqual([
      '2025-12,0,0,,0,0,,0,0,,0,0,,15,10,60,0,0,,0,0,,100,0,0',
      '2026-01,0,0,,0,0,,0,0,,0,0,,0,0,,0,0,,0,0,,100,50,50',
      '2026-02,0,0,,0,0,,0,0,,0,0,,0,0,,0,0,,0,0,,100,50,50',
      '2026-03,0,0,,0,0,,0,0,,0,0,,15,10,60,0,0,,0,0,,100,50,50',
    ]);
    const tampered = `${token.slice(0, -2)}xx`;
    expect((await fetch(`${bot.url}/downloads/${tampered}`)).status).toBe(404);
  }, 60_000);
});
