import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../bot/config.js';
import { importAttachedCases } from '../../../bot/handlers/admin.js';
import { botContextOn } from '../../../bot/start-bot.js';
import type { Database } from '../../../bot/store/database.js';
import { DATABASE_ENGINES } from '../../helpers/databases.js';
import { recordingLogger } from '../teams/bot-framework-double.js';

const TENANT = 'tenant-a';
const ADMIN = 'admin-object-id';
const CSV_URL = 'https://tenant.sharepoint.com/personal/admin/cases.csv';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe.each(DATABASE_ENGINES)('an admin command on $name', ({ open }) => {
  let database: Database;
  beforeEach(async () => {
    database = await open();
  });
  afterEach(() => database.close());

  it('asks for the file again when the attached census cannot be fetched, and logs the failure without the file name', async () => {
    const config = loadConfig({ BOT_ADMINS: ADMIN });
    if (!config.ok) throw new Error(config.error.message);
    const log = recordingLogger();
    const context = botContextOn(database.db, config.value, undefined, { log });
    nock('https://tenant.sharepoint.com').get('/personal/admin/cases.csv').replyWithError('connection reset');
    const request = {
      text: 'import cases',
      receivedAt: new Date('2026-06-01T09:00:00Z'),
      asker: { tenantId: TENANT, userId: ADMIN, conversationId: 'a:admins-chat' },
      files: [{ name: 'AB12 cases.csv', downloadUrl: CSV_URL }],
    };

    const reply = await importAttachedCases(request, context);

    expect(reply.messages[0]?.text).toBe('I could not read AB12 cases.csv. Send it again, as a .csv file under 8 MB.');
    expect(log.events).toEqual([{ level: 'warn', event: 'import-download-failed', fields: { errorName: expect.any(String) } }]);
    expect(JSON.stringify(log.events)).not.toContain('AB12');
  });
});
