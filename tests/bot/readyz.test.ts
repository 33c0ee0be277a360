import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type StartedBot } from '../../bot/start-bot.js';
import { putNewClusterIn } from '../helpers/databases.js';

let dataDir: string;
let bot: StartedBot;
beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'cin-readyz-'));
  await putNewClusterIn(dataDir);
  bot = await startBot({ PORT: '0', DATA_DIR: dataDir, NODE_ENV: 'test', LOG_LEVEL: 'silent', REMINDER_INTERVAL_SECONDS: '0' }, { host: '127.0.0.1' });
});
afterAll(async () => {
  await bot.stop().catch(() => undefined);
  rmSync(dataDir, { recursive: true, force: true });
});

describe('GET /readyz', () => {
  it('is ready while the database answers, and says so with 503 when it does not, while /healthz stays up', async () => {
    const ready = await fetch(`${bot.url}/readyz`);
    expect([ready.status, await ready.json()]).toEqual([200, { status: 'ready' }]);
    await bot.database.close();
    const notReady = await fetch(`${bot.url}/readyz`);
    expect([notReady.status, await notReady.json()]).toEqual([503, { status: 'database-unavailable' }]);
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
  });
});
