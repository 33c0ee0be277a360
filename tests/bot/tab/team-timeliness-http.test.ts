import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startBot, type StartedBot } from '../../../bot/start-bot.js';
import { londonDateOf } from '../../../domain/dates/local-date.js';
import { MANAGER, seedYear } from '../timeliness/seed-year.js';
import { APP_ID, TENANT_ID } from './entra-test-keys.js';
import { putNewClusterIn } from '../../helpers/databases.js';

const FiguresSchema = z.object({ dueByWeek: z.array(z.object({ bucket: z.string(), byKind: z.record(z.string(), z.number()) })) });
const CasesSchema = z.object({ caseReferences: z.array(z.string()) });

/**
 * The two Team view routes through the real server, as the tab calls them (the Chromium test clicks a bar too,
 * where Chromium is installed): the figures come as counts, and the references behind a bar when asked for.
 */
describe('GET /api/team-timeliness and /api/team-timeliness/cases over HTTP', () => {
  let dataDir: string;
  let bot: StartedBot;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'cin-team-http-'));
    await putNewClusterIn(dataDir);
    bot = await startBot(
      { PORT: '0', NODE_ENV: 'development', DATA_DIR: dataDir, LOG_LEVEL: 'silent', TAB_DEV_USER: MANAGER, TAB_DEV_TENANT: TENANT_ID, TAB_APP_ID_URI: APP_ID },
      { host: '127.0.0.1' },
    );
    await seedYear(bot.database.db, TENANT_ID, londonDateOf(new Date()));
  }, 120_000);
  afterAll(async () => {
    await bot?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  const get = (path: string) => fetch(`${bot.url}${path}`, { headers: { 'x-tab-dev-user': MANAGER } });

  it("gives team north's figures without references, then the 20 overdue visits' references when asked", async () => {
    const figures = await get('/api/team-timeliness?team=north');
    expect(figures.status).toBe(200);
    const body = FiguresSchema.parse(await figures.json());
    expect(body.dueByWeek[0]?.byKind.visit).toBe(20);
    const cases = await get('/api/team-timeliness/cases?team=north&chart=due&bucket=overdue&kind=visit');
    expect(cases.status).toBe(200);
    expect(cases.headers.get('cache-control')).toBe('no-store');
    const { caseReferences } = CasesSchema.parse(await cases.json());
    expect(caseReferences).toHaveLength(20);
    for (const reference of caseReferences) expect(reference).toMatch(/^C\d{4}$/);
  });

  it('refuses a malformed bar with 400 and a request without a user with 401', async () => {
    expect((await get('/api/team-timeliness/cases?chart=due&bucket=soon&kind=visit')).status).toBe(400);
    expect((await fetch(`${bot.url}/api/team-timeliness/cases?chart=without-plan&month=2026-05`)).status).toBe(401);
  });
});
