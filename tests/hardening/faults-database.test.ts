import { randomUUID } from 'node:crypto';
import nock from 'nock';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startBot, type StartedBot } from '../../bot/start-bot.js';
import { chatWith, type Exchange } from '../helpers/chat-driver.js';
import { startTcpProxy, type TcpProxy } from './faults-tcp-proxy.js';

// The bot on a real PostgreSQL server, reached through a TCP proxy the test can cut and restore: the machine's
// server itself never stops. Each run gets a database of its own, dropped at the end.
const serverUrl = process.env.TEST_DATABASE_URL;
const ADMIN = 'admin-object-id';
const SAM = 'sam-object-id';
const TUESDAY_10_MARCH = '2026-03-10T09:00:00Z';
const TENANT = '4b1f6a2e-9c3d-4e8f-a1b2-7c6d5e4f3a21';
/** Everything the bot answered: what it posted, and the invoke response's message or card. */
const heard = (exchange: Exchange) => [exchange.said, exchange.invokeMessage ?? '', JSON.stringify(exchange.updatedCard ?? '')].join('\n');

describe.runIf(serverUrl)('the bot when its PostgreSQL database goes away and comes back', () => {
  let server: pg.Client;
  let proxy: TcpProxy;
  let databaseName: string;
  let bot: StartedBot | undefined;
  const chat = chatWith(() => bot, TENANT, { anyStatus: true });
  const botEnv = () => {
    const url = new URL(serverUrl ?? '');
    url.host = `127.0.0.1:${proxy.port}`;
    url.pathname = `/${databaseName}`;
    return { PORT: '0', DATABASE_URL: url.toString(), NODE_ENV: 'test', LOG_LEVEL: 'silent', BOT_ADMINS: ADMIN, REMINDER_INTERVAL_SECONDS: '0' };
  };
  const status = async (path: '/readyz' | '/healthz') => (await fetch(`${bot?.url ?? ''}${path}`)).status;
  /**
   * Waits until /readyz says 200; the bot retries on its own, so no restart and no timing is asserted. Real time:
   * the bot reaches PostgreSQL through a TCP proxy, and faked timers would hold its sockets and retries still.
   */
  const readyAgain = () => vi.waitFor(async () => expect(await status('/readyz')).toBe(200), { timeout: 20_000, interval: 200 });
  const visitsRecorded = async () => {
    const { rows } = await server.query<{ count: string }>(`SELECT count(*) FROM case_events WHERE kind = 'visit-made'`);
    return Number(rows[0]?.count);
  };

  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    databaseName = `faults_${randomUUID().replace(/-/g, '')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${databaseName}`);
    await admin.end();
    const url = new URL(serverUrl ?? '');
    proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
    url.pathname = `/${databaseName}`;
    server = new pg.Client({ connectionString: url.toString() });
    await server.connect();
  });
  afterEach(async () => {
    await bot?.stop();
    bot = undefined;
  });
  afterAll(async () => {
    await server?.end();
    await proxy?.close();
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
    await admin.end();
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it('goes unready mid-run, tells the user nothing was saved, and serves again once the database is back, without a restart', async () => {
    bot = await startBot(botEnv(), { host: '127.0.0.1' });
    await chat.say(ADMIN, `role ${SAM} worker of North`, TUESDAY_10_MARCH);
    const opened = await chat.press(SAM, 'case.create', { reference: 'AB12', initials: 'A.B.', authorityId: 'redbridge', team: 'North', worker: 'me', openedOn: '2026-03-01', pathways: '' }, TUESDAY_10_MARCH);
    expect(heard(opened)).toMatch(/Opened AB12/);
    expect(await status('/readyz')).toBe(200);

    await proxy.cut();
    expect(await status('/readyz')).toBe(503);
    expect(await status('/healthz')).toBe(200);
    const written = await chat.say(SAM, 'record visit yesterday for AB12', TUESDAY_10_MARCH);
    expect(written.status).toBe(200);
    expect(heard(written)).toMatch(/cannot reach my database just now, so nothing was saved from that step\. Please try again in a few minutes\. \(Reference: [0-9a-f-]{36}\)/);
    const pressed = await chat.press(SAM, 'event.record', { reference: 'AB12', kind: 'visit-made', on: '2026-03-09', countsFrom: '' }, TUESDAY_10_MARCH);
    expect(heard(pressed)).toMatch(/cannot reach my database just now/);

    await proxy.restore();
    await readyAgain();
    expect(heard(await chat.say(SAM, 'record visit yesterday for AB12', TUESDAY_10_MARCH))).toMatch(/Recorded for AB12/);
    expect(await visitsRecorded()).toBe(1);
  });

  it('starts without its database, answers /readyz with 503 and each turn with the reason, and migrates and serves once it is there', async () => {
    await proxy.cut();
    bot = await startBot(botEnv(), { host: '127.0.0.1' });
    expect(await status('/healthz')).toBe(200);
    expect(await status('/readyz')).toBe(503);
    expect(heard(await chat.say(ADMIN, 'roles', TUESDAY_10_MARCH))).toMatch(/cannot reach my database just now/);

    await proxy.restore();
    await readyAgain();
    expect(heard(await chat.say(ADMIN, `role ${SAM} worker of North`, TUESDAY_10_MARCH))).toContain(`${SAM} is worker of team North`);
  });
});
