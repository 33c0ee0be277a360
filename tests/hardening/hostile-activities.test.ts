import fc from 'fast-check';
import nock from 'nock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../bot/store/database.js';
import { DATABASE_ENGINES } from '../helpers/databases.js';
import { activityFixture } from '../bot/teams/bot-framework-double.js';
import { contentsOf, startBotUnderAttack, type BotUnderAttack } from './bot-under-attack.js';
import { invalidStoredData } from './stored-data-checks.js';

// Whatever arrives at POST /api/messages: any JSON, any bytes, and real Teams activities with fields removed,
// of the wrong type, huge, in any script, or naming other tenants. The real bot on a real database.
const FIXTURES = [
  'personal-message',
  'channel-message-with-mention',
  'adaptive-card-action-invoke',
  'action-submit-message',
  'conversation-update-bot-added',
  'installation-update-add',
  'installation-update-remove',
] as const;

/** The fields a handler reads, dotted where they nest. */
const FIELDS = [
  'type', 'id', 'text', 'textFormat', 'timestamp', 'localTimestamp', 'channelId', 'name', 'action', 'replyToId', 'locale',
  'from', 'from.id', 'from.aadObjectId', 'from.name',
  'recipient', 'recipient.id',
  'conversation', 'conversation.id', 'conversation.tenantId', 'conversation.conversationType', 'conversation.isGroup',
  'channelData', 'channelData.tenant', 'channelData.tenant.id',
  'entities', 'attachments', 'membersAdded', 'membersRemoved',
  'value', 'value.action', 'value.action.verb', 'value.action.data', 'value.verb',
];

const REMOVED = Symbol('removed');

/** Anything a field could be made to hold: wrong types, nothing, huge, any script, another tenant's id. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(REMOVED),
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.uuid(),
  fc.constant('x'.repeat(100_000)),
  fc.constantFrom('case.create', 'event.record', 'reminder.snooze', '29:someone-else', 'a:another-chat', '${$root}', "'; DROP TABLE cases; --", '2026-02-30T25:61:00Z'),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
);

function withField(activity: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const [head = '', ...rest] = path.split('.');
  const copy = { ...activity };
  if (rest.length === 0) {
    if (value === REMOVED) delete copy[head];
    else copy[head] = value;
    return copy;
  }
  const inner = copy[head];
  copy[head] = withField(inner !== null && typeof inner === 'object' && !Array.isArray(inner) ? (inner as Record<string, unknown>) : {}, rest.join('.'), value);
  return copy;
}

const mutatedActivity = fc
  .record({
    fixture: fc.constantFrom(...FIXTURES),
    changes: fc.array(fc.tuple(fc.constantFrom(...FIELDS), hostileValue), { minLength: 1, maxLength: 4 }),
  })
  .map(({ fixture, changes }) => changes.reduce((activity, [path, value]) => withField(activity, path, value), activityFixture(fixture)));

describe.each(DATABASE_ENGINES)('hostile activities, on $name', ({ open }) => {
  let database: Database;
  let bot: BotUnderAttack;
  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    database = await open();
    bot = await startBotUnderAttack({ NODE_ENV: 'test' }, database);
  });
  afterAll(async () => {
    await bot.close();
    await database.close();
    nock.cleanAll();
    nock.enableNetConnect();
  });
  beforeEach(() => {
    bot.log.events.length = 0;
    bot.outbound.length = 0;
  });

  const stillServing = async () => expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);

  it('answers any JSON value that is no activity with 400 and stores nothing', async () => {
    const before = await contentsOf(database.db);
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 4 }), async (body) => {
        const response = await bot.post(JSON.stringify(body));
        expect(response.status).toBe(400);
      }),
      { numRuns: 150 },
    );
    expect(await contentsOf(database.db)).toEqual(before);
    expect(bot.outbound).toEqual([]);
    await stillServing();
  });

  it('answers bytes that are no JSON with 400 and stores nothing', async () => {
    const before = await contentsOf(database.db);
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', minLength: 1, maxLength: 200 }).filter((text) => !isJson(text)), async (body) => {
        expect((await bot.post(body)).status).toBe(400);
      }),
      { numRuns: 150 },
    );
    expect(await contentsOf(database.db)).toEqual(before);
    await stillServing();
  });

  it('answers a Teams activity with fields removed, mistyped, huge or foreign with 2xx or 4xx, never a failure, and stores nothing invalid', async () => {
    await fc.assert(
      fc.asyncProperty(mutatedActivity, async (activity) => {
        bot.log.events.length = 0;
        const response = await bot.post(activity);
        // 403: a channel other than Teams (issue 13).
        expect([200, 400, 403, 413, 501]).toContain(response.status);
        // A reply goes to the activity's serviceUrl; a changed one is a host nock refuses, which the bot logs.
        if (activity.serviceUrl === activityFixture('personal-message').serviceUrl) {
          expect(bot.log.events.filter((event) => event.level === 'error').map((event) => event.event)).toEqual([]);
        }
      }),
      { numRuns: 300 },
    );
    expect(await invalidStoredData(database.db)).toEqual([]);
    await stillServing();
  }, 60_000);

  it.each([
    ['a card field', { ...activityFixture('adaptive-card-action-invoke'), value: { action: { type: 'Action.Execute', verb: 'closure.refresh', data: { approvalId: 'a\u0000' } } } }],
    ['the sender\u2019s object id', { ...activityFixture('personal-message'), from: { id: '29:someone', aadObjectId: '\u0000' } }],
    ['a key of the channel data', { ...activityFixture('personal-message'), channelData: { tenant: { id: 'x' }, '\u0000': true } }],
  ])('answers 400 to U+0000 in %s, which PostgreSQL cannot store, and stores nothing', async (_case, activity) => {
    const before = await contentsOf(database.db);
    expect((await bot.post(activity)).status).toBe(400);
    expect(await contentsOf(database.db)).toEqual(before);
    expect(bot.outbound).toEqual([]);
  });

  it.each([
    ['says its length', (body: string) => bot.post(body)],
    ['is sent in chunks without a length', (body: string) => postChunked(`${bot.url}/api/messages`, body)],
  ])('answers 413 to a body over MAX_BODY_BYTES that %s, and processes nothing', async (_case, send) => {
    const limit = bot.config.maxBodyBytes;
    const before = await contentsOf(database.db);
    const message = { ...activityFixture('personal-message'), text: 'set authority Camden' };
    const padding = ' '.repeat(limit - JSON.stringify(message).length + 1);

    const response = await send(`${JSON.stringify(message)}${padding}`);

    expect(response.status).toBe(413);
    expect(await contentsOf(database.db)).toEqual(before);
    expect(bot.outbound).toEqual([]);
    // One byte less is served: the limit is the limit, not somewhere near it.
    expect((await bot.post(`${JSON.stringify(message)}${padding.slice(1)}`)).status).toBe(200);
    expect(await database.db.selectFrom('user_settings').select('authority_id').execute()).toEqual([{ authority_id: 'camden' }]);
    await database.db.deleteFrom('user_settings').execute();
  });
});

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

async function postChunked(url: string, body: string): Promise<Response> {
  const bytes = new TextEncoder().encode(body);
  const chunks = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let at = 0; at < bytes.length; at += 16_384) controller.enqueue(bytes.subarray(at, at + 16_384));
      controller.close();
    },
  });
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: chunks, duplex: 'half' } as RequestInit);
}
