import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type StartedBot } from '../../bot/start-bot.js';
import { chatWith } from '../helpers/chat-driver.js';
import { putNewClusterIn } from '../helpers/databases.js';

// `policy status` through an activity as Teams sends it: the real bot on an embedded database, nock as the
// Bot Connector. Who is an admin comes from stored roles (BOT_ADMINS seeds the first), never from the message.
const TENANT = '7d3e2c1b-5a4f-4e6d-9c8b-1a2b3c4d5e6f';
const ADMIN = 'admin-object-id';
const SAM = 'sam-object-id';

let dataDir: string;
let bot: StartedBot;

beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  dataDir = mkdtempSync(join(tmpdir(), 'cin-policy-status-'));
  await putNewClusterIn(dataDir);
  bot = await startBot({ PORT: '0', DATA_DIR: dataDir, NODE_ENV: 'test', LOG_LEVEL: 'silent', BOT_ADMINS: ADMIN }, { host: '127.0.0.1' });
});
afterAll(async () => {
  await bot.stop();
  rmSync(dataDir, { recursive: true, force: true });
  nock.cleanAll();
  nock.enableNetConnect();
});

const chat = chatWith(() => bot, TENANT);

describe('policy status', () => {
  it('lists each authority\'s document, its hash, when its rules were last checked and the rules flagged', async () => {
    const { said } = await chat.say(ADMIN, 'policy status', '2026-12-03T10:00:00Z');
    expect(said).toContain('London Borough of Camden: 002_cb2cb634c7f0a706.txt, text of 2023, SHA-256 49ce12c0332e…');
    expect(said).toContain('- rules last checked against it on Sunday 22 November 2026');
    expect(said).toMatch(/- 14 rules flagged \(11 read from an ambiguous sentence, 3 in conflict\): slough\./);
    expect(said.match(/rules last checked against it/g)).toHaveLength(5);
  });

  it('is refused to anyone without the admin role, however they ask', async () => {
    const { said } = await chat.say(SAM, 'Policy status', '2026-12-03T10:00:00Z');
    expect(said).toBe('Only an admin can see the policy status.');
  });
});
