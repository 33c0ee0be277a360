import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { caseCalendarLink, censusLink, serveDownload, type DownloadDependencies } from '../../../bot/downloads/serve-download.js';
import { CaseStore, type NewCase } from '../../../bot/store/cases.js';
import type { Database } from '../../../bot/store/database.js';
import { RoleStore } from '../../../bot/store/roles.js';
import type { LocalDate } from '../../../domain/dates/local-date.js';
import { POLICIES } from '../../../domain/policy/registry.js';
import { DATABASE_ENGINES } from '../../helpers/databases.js';
import { calendar } from '../../helpers/policy.js';
import { RecordingTurnHandler, startBot, type BotUnderTest } from '../teams/bot-framework-double.js';

const on = (date: string) => date as LocalDate;
const SECRET = 'a-secret-of-at-least-thirty-two-characters';
const CONFIG = { publicBaseUrl: 'https://cin.council.example', linkSigningSecret: SECRET };
const TENANT = 'tenant-a';
const ADMIN = 'admin-object-id';
const SAM = 'sam-object-id'; // AB12's allocated worker, team north
const PRIYA = 'priya-object-id'; // worker in team north, not allocated
const OLA = 'ola-object-id'; // worker in team south
const MADE_AT = new Date('2026-03-10T09:00:00Z');
const HOUR = 60 * 60 * 1000;
const AB12: NewCase = {
  tenantId: TENANT,
  reference: 'AB12',
  initials: 'Q.Z.',
  authorityId: 'redbridge',
  team: 'north',
  workerId: SAM,
  pathways: [],
  openedOn: on('2026-03-01'),
};

const tokenOf = (link: string) => link.slice(`${CONFIG.publicBaseUrl}/downloads/`.length);
const calendarToken = (userId: string, caseReference = 'AB12') =>
  tokenOf(caseCalendarLink(CONFIG, { kind: 'case-calendar', tenantId: TENANT, userId, caseReference }, MADE_AT));
const censusToken = (userId: string) => tokenOf(censusLink(CONFIG, { kind: 'census', tenantId: TENANT, userId, from: '2025-04-01', to: '2026-03-31' }, MADE_AT));

describe.each(DATABASE_ENGINES)('serveDownload on $name', ({ open }) => {
  let database: Database;
  let roles: RoleStore;
  let deps: DownloadDependencies;
  beforeEach(async () => {
    database = await open();
    const cases = new CaseStore(database.db, POLICIES, calendar);
    roles = new RoleStore(database.db, [ADMIN]);
    deps = { secret: SECRET, cases, roles };
    const opened = await cases.openCase(AB12, { tenantId: TENANT, userId: SAM }, MADE_AT);
    if (!opened.ok) throw new Error(opened.error.kind);
    await cases.recordEvent(opened.value, { kind: 'plan-decision', on: on('2026-03-09') }, { tenantId: TENANT, userId: SAM }, on('2026-03-10'), MADE_AT);
    await roles.assign(TENANT, { userId: PRIYA, role: 'worker', team: 'north' }, ADMIN, MADE_AT);
    await roles.assign(TENANT, { userId: OLA, role: 'worker', team: 'south' }, ADMIN, MADE_AT);
  });
  afterEach(() => database.close());

  it('makes a link under the public address, and serves the case\u2019s deadlines to its worker', async () => {
    const link = caseCalendarLink(CONFIG, { kind: 'case-calendar', tenantId: TENANT, userId: SAM, caseReference: 'AB12' }, MADE_AT);
    expect(link).toMatch(/^https:\/\/cin\.council\.example\/downloads\/[\w-]+\.[\w-]+$/);
    const served = await serveDownload(tokenOf(link), new Date(MADE_AT.getTime() + HOUR), deps);
    expect(served).toMatchObject({ status: 200, contentType: 'text/calendar; charset=utf-8', filename: 'AB12-deadlines.ics' });
    if (served.status !== 200) throw new Error('not served');
    // Plan decision Mon 9 March + 15 working days = Mon 30 March.
    expect(served.body).toContain('\r\nDTSTART;VALUE=DATE:20260330\r\n');
    expect(served.body).toContain('\r\nUID:AB12.redbridge.initial-meeting.convene.20260330@cin-assistant\r\n');
    expect(served.body).toContain('\r\nDTSTAMP:20260310T100000Z\r\n');
    expect(served.body).not.toContain('Q.Z.');
  });

  it('serves a colleague in the case\u2019s team, until the role is withdrawn', async () => {
    expect(await serveDownload(calendarToken(PRIYA), MADE_AT, deps)).toMatchObject({ status: 200 });
    await roles.withdraw(TENANT, { userId: PRIYA, role: 'worker', team: 'north' }, ADMIN, MADE_AT);
    expect(await serveDownload(calendarToken(PRIYA), MADE_AT, deps)).toEqual({ status: 403, message: 'You can no longer see case AB12.' });
  });

  it('refuses a worker of another team, though the link is genuine', async () => {
    expect(await serveDownload(calendarToken(OLA), MADE_AT, deps)).toEqual({ status: 403, message: 'You can no longer see case AB12.' });
  });

  it('answers a tampered, foreign or malformed token as if nothing were there', async () => {
    const notFound = { status: 404, message: 'There is nothing to download at this link.' };
    const [payload, signature] = calendarToken(SAM).split('.') as [string, string];
    const forOla = Buffer.from(Buffer.from(payload, 'base64url').toString('utf8').replace(SAM, OLA)).toString('base64url');
    expect(await serveDownload(`${forOla}.${signature}`, MADE_AT, deps)).toEqual(notFound);
    expect(await serveDownload(calendarToken(SAM), MADE_AT, { ...deps, secret: 'another-secret-of-thirty-two-characters' })).toEqual(notFound);
    expect(await serveDownload('not-a-token', MADE_AT, deps)).toEqual(notFound);
    expect(await serveDownload(calendarToken(SAM, 'ZZ99'), MADE_AT, deps)).toEqual(notFound);
  });

  it('works for 24 hours, then says the link has expired', async () => {
    expect(await serveDownload(calendarToken(SAM), new Date(MADE_AT.getTime() + 24 * HOUR - 1), deps)).toMatchObject({ status: 200 });
    expect(await serveDownload(calendarToken(SAM), new Date(MADE_AT.getTime() + 24 * HOUR), deps)).toEqual({
      status: 410,
      message: 'This link has expired; ask the bot for a new one.',
    });
  });

  it('serves the census export to administrators only, for one hour, and only when an exporter is wired', async () => {
    const asked: string[] = [];
    const census = async (tenantId: string, from: string, to: string) => {
      asked.push(`${tenantId} ${from} ${to}`);
      return 'LAchildID,CINreferralDate\r\nAB12,2026-03-01\r\n';
    };
    expect(await serveDownload(censusToken(ADMIN), MADE_AT, { ...deps, census })).toEqual({
      status: 200,
      contentType: 'text/csv; charset=utf-8',
      filename: 'census-2025-04-01-to-2026-03-31.csv',
      body: 'LAchildID,CINreferralDate\r\nAB12,2026-03-01\r\n',
    });
    expect(asked).toEqual(['tenant-a 2025-04-01 2026-03-31']);
    expect(await serveDownload(censusToken(SAM), MADE_AT, { ...deps, census })).toEqual({ status: 403, message: 'Only an administrator can download the census export.' });
    expect(await serveDownload(censusToken(ADMIN), MADE_AT, deps)).toMatchObject({ status: 404 });
    expect(await serveDownload(censusToken(ADMIN), new Date(MADE_AT.getTime() + HOUR), { ...deps, census })).toMatchObject({ status: 410 });
  });

  describe('through HTTP', () => {
    let bot: BotUnderTest | undefined;
    afterEach(async () => {
      await bot?.close();
      bot = undefined;
    });

    it('GET /downloads/:token sends the file as an uncached attachment, and refusals as plain text', async () => {
      bot = await startBot({ NODE_ENV: 'test' }, new RecordingTurnHandler(), (token, now) => serveDownload(token, now, deps));
      // The server reads its own clock, so this link is made now.
      const link = caseCalendarLink(CONFIG, { kind: 'case-calendar', tenantId: TENANT, userId: SAM, caseReference: 'AB12' }, new Date());
      const token = tokenOf(link);
      expect(token.length).toBeGreaterThan(100); // past restify's limit on a route parameter

      const response = await fetch(`${bot.url}/downloads/${token}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
      expect(response.headers.get('content-disposition')).toBe(`attachment; filename="AB12-deadlines.ics"; filename*=UTF-8''AB12-deadlines.ics`);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      const body = await response.text();
      expect(body).toMatch(/^BEGIN:VCALENDAR\r\n/);
      expect(body).toContain('\r\nDTSTART;VALUE=DATE:20260330\r\n');

      const refused = await fetch(`${bot.url}/downloads/${token.slice(0, -2)}xx`);
      expect(refused.status).toBe(404);
      expect(refused.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expect(refused.headers.get('content-disposition')).toBeNull();
      expect(await refused.text()).toBe('There is nothing to download at this link.');

      const forOla = await fetch(`${bot.url}/downloads/${tokenOf(caseCalendarLink(CONFIG, { kind: 'case-calendar', tenantId: TENANT, userId: OLA, caseReference: 'AB12' }, new Date()))}`);
      expect(forOla.status).toBe(403);

      expect(JSON.stringify(bot.log.events)).not.toContain(token.split('.')[1]);
      expect(bot.log.events.filter((logged) => logged.event === 'download-answered').map((logged) => logged.fields)).toEqual([{ status: 200 }, { status: 404 }, { status: 403 }]);
    });

    it('answers a failure with a plain 500 that names nothing inside, and logs no token', async () => {
      bot = await startBot({ NODE_ENV: 'test' }, new RecordingTurnHandler(), async () => {
        throw new Error('relation "cases" does not exist');
      });
      const response = await fetch(`${bot.url}/downloads/${calendarToken(SAM)}`);
      expect(response.status).toBe(500);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(await response.text()).toBe('The file could not be made just now; try the link again shortly.');
      expect(bot.log.events).toEqual([{ level: 'error', event: 'download-failed', fields: { errorName: 'Error' } }]);
    });

    it('has no download route when the server is started without one', async () => {
      bot = await startBot({ NODE_ENV: 'test' }, new RecordingTurnHandler());
      expect((await fetch(`${bot.url}/downloads/${calendarToken(SAM)}`)).status).toBe(404);
    });
  });
});
