import { generateKeyPairSync } from 'node:crypto';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Reply, Turn } from '../../../bot/ports.js';
import type { AdaptiveCardJson } from '../../../cards/adaptive-card-json.js';
import {
  activityFixture,
  APP_ID,
  BotFrameworkTokens,
  CONNECTOR,
  RecordingTurnHandler,
  replyPath,
  SERVICE_URL,
  startBot,
  type BotUnderTest,
} from './bot-framework-double.js';

const TENANT_ID = '4b1f6a2e-9c3d-4e8f-a1b2-7c6d5e4f3a21';
const BOT_ID = `28:${APP_ID}`;
const SAM = { id: '29:1vQk3LpX9mZrT7bYc2nW8dHfJ5sA0eUiO4gKxR6yBqEtCvN1lMzP3jDw', aadObjectId: '2c7a1e5f-3b9d-4a6c-8e2f-1d0b9a8c7e65' };
const PRIYA = { id: '29:1hR4tY7uI0oP3aS6dF9gH2jK5lZ8xC1vB4nM7qW0eR3tY6uI9oP2aS5dF', aadObjectId: '7e3d9b1a-6f2c-4d8e-9a0b-5c4d3e2f1a09' };
const SAMS_CHAT = 'a:1T5xQw8ErTy2UiOp4AsDf6GhJk9LzXcVb3NmQwErTyUiOpAsDfGhJkLzXcVbNm';
const PRIYAS_CHAT = 'a:1Zx9Cv8Bn7Mm6Lk5Jh4Gf3Dd2Ss1Aa0Qq9Ww8Ee7Rr6Tt5Yy4Uu3Ii2Oo1Pp';
const CHANNEL_THREAD = '19:c1b2a3d4e5f60718293a4b5c6d7e8f90@thread.tacv2;messageid=1763895727441';

const ANSWER_CARD: AdaptiveCardJson = {
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  body: [{ type: 'TextBlock', text: 'Initial CiN meeting due Tuesday 24 March 2026', wrap: true }],
};
const SAVED_PLAN_CARD: AdaptiveCardJson = {
  type: 'AdaptiveCard',
  version: '1.5',
  body: [{ type: 'TextBlock', text: 'Draft saved', wrap: true }],
};

const personalAddress = (user: typeof SAM, conversationId: string) => ({
  channelId: 'msteams',
  serviceUrl: SERVICE_URL,
  locale: 'en-GB',
  conversation: { id: conversationId, conversationType: 'personal', tenantId: TENANT_ID },
  bot: { id: BOT_ID },
  user,
});

/** Every request any test makes outside loopback that no nock interceptor answered. */
const unmatchedRequests: string[] = [];
const recordUnmatched = (request: { method?: string; href?: string; hostname?: string; path?: string }) => {
  // nock reports the loopback requests it lets through as well; only the others are unexpected.
  if (request.hostname === '127.0.0.1' || request.href?.startsWith('http://127.0.0.1')) return;
  unmatchedRequests.push(`${request.method ?? ''} ${request.href ?? `${request.hostname ?? ''}${request.path ?? ''}`}`);
};

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  nock.emitter.on('no match', recordUnmatched);
});
afterEach(() => {
  nock.cleanAll();
  expect(unmatchedRequests.splice(0)).toEqual([]);
});
afterAll(() => {
  nock.emitter.removeListener('no match', recordUnmatched);
  nock.enableNetConnect();
});

/** nock for one reply the bot posts to the Bot Connector; `sent` collects the activities it posted. */
function expectReplies(conversationId: string, activityId: string, count = 1) {
  const sent: Record<string, unknown>[] = [];
  let nextId = 0;
  const scope = nock(CONNECTOR)
    .post(replyPath(conversationId, activityId), (body: Record<string, unknown>) => {
      sent.push(body);
      return true;
    })
    .times(count)
    .reply(200, () => ({ id: `1763900000${nextId++}` }));
  return { scope, sent };
}

describe('POST /api/messages, authentication disabled for local use', () => {
  let bot: BotUnderTest;
  let handler: RecordingTurnHandler;
  let answer: (turn: Turn) => Reply | Promise<Reply>;

  beforeAll(async () => {
    handler = new RecordingTurnHandler((turn) => answer(turn));
    bot = await startBot({ NODE_ENV: 'test' }, handler);
  });
  afterAll(() => bot.close());
  beforeEach(() => {
    handler.turns.length = 0;
    bot.log.events.length = 0;
    answer = () => ({ messages: [] });
  });

  it('turns a personal-chat message into a message Turn and posts the reply with its card', async () => {
    answer = () => ({ messages: [{ text: 'The initial CiN meeting is due on Tuesday 24 March 2026.', card: ANSWER_CARD }] });
    const connector = expectReplies(SAMS_CHAT, '1763892930123');

    const response = await bot.post(activityFixture('personal-message'));

    expect(response.status).toBe(200);
    expect(handler.turns).toEqual([
      {
        kind: 'message',
        mentionedUserIds: [],
        files: [],
        text: 'When is the initial CiN meeting due if we decided on 3 March?',
        user: SAM,
        userName: 'Sam Okafor',
        conversation: { id: SAMS_CHAT, kind: 'personal', tenantId: TENANT_ID },
        receivedAt: new Date('2026-11-23T10:15:30.123Z'),
        address: personalAddress(SAM, SAMS_CHAT),
      },
    ]);
    expect(connector.scope.isDone()).toBe(true);
    expect(connector.sent).toEqual([
      expect.objectContaining({
        type: 'message',
        text: 'The initial CiN meeting is due on Tuesday 24 March 2026.',
        attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: ANSWER_CARD }],
        replyToId: '1763892930123',
        conversation: expect.objectContaining({ id: SAMS_CHAT }),
      }),
    ]);
  });

  it('sends each outgoing message as its own activity, text always set and no attachment without a card', async () => {
    answer = () => ({ messages: [{ text: 'Recorded.' }, { text: 'Here is the timeline.', card: ANSWER_CARD }] });
    const connector = expectReplies(SAMS_CHAT, '1763892930123', 2);

    await bot.post(activityFixture('personal-message'));

    expect(connector.sent.map((activity) => [activity.text, activity.attachments])).toEqual([
      ['Recorded.', undefined],
      ['Here is the timeline.', [{ contentType: 'application/vnd.microsoft.card.adaptive', content: ANSWER_CARD }]],
    ]);
  });

  it('strips the @mention of the bot from a channel message and knows it came from a channel', async () => {
    answer = () => ({ messages: [{ text: 'In Slough, visits are every 20 working days.' }] });
    const connector = expectReplies(CHANNEL_THREAD, '1763895727441');

    const response = await bot.post(activityFixture('channel-message-with-mention'));

    expect(response.status).toBe(200);
    expect(handler.turns).toMatchObject([
      {
        kind: 'message',
        mentionedUserIds: [],
        files: [],
        text: 'how often do I visit in Slough?',
        user: PRIYA,
        conversation: { id: CHANNEL_THREAD, kind: 'channel', tenantId: TENANT_ID },
      },
    ]);
    expect(connector.scope.isDone()).toBe(true);
  });

  it('takes the tenant from channelData when the conversation does not name it, for the Turn and the address', async () => {
    const channelMessage = activityFixture('channel-message-with-mention');
    const { tenantId: _omitted, ...conversationWithoutTenant } = channelMessage.conversation as Record<string, unknown>;

    await bot.post({ ...channelMessage, conversation: conversationWithoutTenant });

    expect(handler.turns).toMatchObject([
      { conversation: { tenantId: TENANT_ID }, address: { conversation: { id: CHANNEL_THREAD, tenantId: TENANT_ID } } },
    ]);
  });

  it('removes every mention of the bot in a group chat, wherever it stands, and keeps mentions of people', async () => {
    const channelMessage = activityFixture('channel-message-with-mention');
    const groupChatId = '19:meeting_c2FtLWFuZC1wcml5YQ@thread.v2';
    const inGroupChat = {
      ...channelMessage,
      id: '1763895800000',
      text: 'Is <at>Sam Okafor</at> right that the review is due <at>CiN Assistant</at> or is it later?\n<at>CiN Assistant</at>',
      conversation: { isGroup: true, conversationType: 'groupChat', tenantId: TENANT_ID, id: groupChatId },
      entities: [
        { mentioned: { id: SAM.id, name: 'Sam Okafor' }, text: '<at>Sam Okafor</at>', type: 'mention' },
        { mentioned: { id: BOT_ID, name: 'CiN Assistant' }, text: '<at>CiN Assistant</at>', type: 'mention' },
        { mentioned: { id: BOT_ID, name: 'CiN Assistant' }, text: '<at>CiN Assistant</at>', type: 'mention' },
      ],
    };

    // Teams names a mentioned person by channel id; the roster (the team's, as the message came from one) gives
    // their Entra object id.
    const roster = nock(CONNECTOR)
      .get((path) => path.startsWith('/uk/v3/conversations/') && path.endsWith(`/members/${encodeURIComponent(SAM.id)}`))
      .reply(200, { id: SAM.id, name: 'Sam Okafor', aadObjectId: SAM.aadObjectId });

    await bot.post(inGroupChat);

    expect(roster.isDone()).toBe(true);
    expect(handler.turns).toMatchObject([
      {
        kind: 'message',
        mentionedUserIds: [SAM.aadObjectId],
        text: 'Is <at>Sam Okafor</at> right that the review is due or is it later?',
        conversation: { id: groupChatId, kind: 'groupChat', tenantId: TENANT_ID },
      },
    ]);
  });

  it('turns an Action.Execute invoke into a card action with its verb and data, and answers with the updated card', async () => {
    answer = () => ({ messages: [], updatedCard: SAVED_PLAN_CARD });

    const response = await bot.post(activityFixture('adaptive-card-action-invoke'));

    expect(handler.turns).toMatchObject([
      {
        kind: 'card-action',
        via: 'execute',
        verb: 'plan.save-draft',
        data: {
          caseReference: 'CIN-2026-0142',
          planVersion: 3,
          desiredOutcome1: 'School attendance above 90% by the spring half-term',
        },
        user: SAM,
        conversation: { id: SAMS_CHAT, kind: 'personal', tenantId: TENANT_ID },
        receivedAt: new Date('2026-11-23T14:40:12.903Z'),
      },
    ]);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      statusCode: 200,
      type: 'application/vnd.microsoft.card.adaptive',
      value: SAVED_PLAN_CARD,
    });
  });

  it('answers an Action.Execute with a message when the handler refuses instead of updating the card', async () => {
    answer = () => ({ messages: [], invokeMessage: 'Only a manager of this case’s team can approve its closure.' });

    const response = await bot.post(activityFixture('adaptive-card-action-invoke'));

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: 'Only a manager of this case’s team can approve its closure.',
    });
  });

  it('posts the messages of an Action.Execute reply to the chat as well as answering the invoke', async () => {
    answer = () => ({ messages: [{ text: 'Plan saved as a draft.' }], updatedCard: SAVED_PLAN_CARD });
    const connector = expectReplies(SAMS_CHAT, 'f:3d6b9e1c-4a7f-4c20-8e5b-1f9a2d7c6e03');

    const response = await bot.post(activityFixture('adaptive-card-action-invoke'));

    expect(response.status).toBe(200);
    expect(connector.sent).toMatchObject([{ type: 'message', text: 'Plan saved as a draft.' }]);
  });

  it.each([
    ['no verb', { action: { type: 'Action.Execute', data: { caseReference: 'CIN-2026-0142' } } }],
    ['an empty verb', { action: { type: 'Action.Execute', verb: '  ' } }],
    ['no action', { trigger: 'manual' }],
    ['data that is not an object', { action: { type: 'Action.Execute', verb: 'plan.submit', data: 'CIN-2026-0142' } }],
    ['a value that is not an object', 'plan.submit'],
  ])('answers 400 vnd.microsoft.error to an Action.Execute with %s, without calling the handler', async (_case, value) => {
    const response = await bot.post({ ...activityFixture('adaptive-card-action-invoke'), value });

    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      statusCode: 400,
      type: 'application/vnd.microsoft.error',
      value: { code: 'BadRequest', message: expect.stringContaining('Action.Execute') },
    });
    expect(handler.turns).toEqual([]);
  });

  it('turns the Action.Submit fallback into a card action and replaces the card it came from', async () => {
    answer = () => ({ messages: [], updatedCard: SAVED_PLAN_CARD });
    const updated: Record<string, unknown>[] = [];
    const connector = nock(CONNECTOR)
      .put(replyPath(PRIYAS_CHAT, '1763910201987'), (body: Record<string, unknown>) => updated.push(body) > 0)
      .reply(200, { id: '1763910201987' });

    const response = await bot.post(activityFixture('action-submit-message'));

    expect(response.status).toBe(200);
    expect(handler.turns).toEqual([
      {
        kind: 'card-action',
        via: 'submit',
        verb: 'closure.return',
        data: { caseReference: 'CIN-2026-0087', returnReason: 'The step-down plan has no named lead professional.' },
        user: PRIYA,
        userName: 'Priya Ramanathan',
        conversation: { id: PRIYAS_CHAT, kind: 'personal', tenantId: TENANT_ID },
        receivedAt: new Date('2026-11-23T15:05:44.271Z'),
        address: personalAddress(PRIYA, PRIYAS_CHAT),
      },
    ]);
    expect(connector.isDone()).toBe(true);
    expect(updated).toMatchObject([
      { type: 'message', id: '1763910201987', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: SAVED_PLAN_CARD }] },
    ]);
  });

  it('sends the refusal of an Action.Submit as a message, since there is no invoke to answer', async () => {
    answer = () => ({ messages: [], invokeMessage: 'Only a manager of this case’s team can return it.' });
    const connector = expectReplies(PRIYAS_CHAT, '1763910344271');

    await bot.post(activityFixture('action-submit-message'));

    expect(connector.sent).toMatchObject([{ type: 'message', text: 'Only a manager of this case’s team can return it.' }]);
  });

  it('turns the bot being added to a conversation into an installed Turn and sends the welcome', async () => {
    answer = () => ({ messages: [{ text: 'Hello, I am CiN Assistant.', card: ANSWER_CARD }] });
    const connector = expectReplies(SAMS_CHAT, 'f:8c5a2e7d-1b3f-4d6a-9c0e-2f4b6d8a1c35');

    const response = await bot.post(activityFixture('conversation-update-bot-added'));

    expect(response.status).toBe(200);
    expect(handler.turns).toEqual([
      {
        kind: 'installed',
        user: SAM,
        conversation: { id: SAMS_CHAT, kind: 'personal', tenantId: TENANT_ID },
        receivedAt: new Date('2026-11-23T09:01:03.552Z'),
        address: personalAddress(SAM, SAMS_CHAT),
      },
    ]);
    expect(connector.scope.isDone()).toBe(true);
  });

  it('ignores a conversation update that adds someone other than the bot', async () => {
    const colleagueJoins = { ...activityFixture('conversation-update-bot-added'), membersAdded: [{ id: PRIYA.id }] };

    const response = await bot.post(colleagueJoins);

    expect(response.status).toBe(200);
    expect(handler.turns).toEqual([]);
  });

  it('ignores an installationUpdate add: the conversationUpdate Teams sends with it greets, once', async () => {
    const response = await bot.post(activityFixture('installation-update-add'));

    expect(response.status).toBe(200);
    expect(handler.turns).toEqual([]);
  });

  it.each([['installation-update-remove', 'uninstalled']])('turns %s into an %s Turn', async (fixture, kind) => {
    const response = await bot.post(activityFixture(fixture));

    expect(response.status).toBe(200);
    expect(handler.turns).toMatchObject([
      { kind, user: SAM, conversation: { id: SAMS_CHAT, kind: 'personal', tenantId: TENANT_ID } },
    ]);
  });

  it('keeps names out of the address it hands over for storing', async () => {
    await bot.post(activityFixture('personal-message'));

    expect(JSON.stringify(handler.turns[0]?.address)).not.toContain('Sam Okafor');
    expect(JSON.stringify(handler.turns[0]?.address)).not.toContain('CiN Assistant');
  });

  it('apologises with a reference when the handler fails, and logs the reference without the message', async () => {
    answer = () => {
      throw new Error('Case CIN-2026-0142 for Sam Okafor: database unavailable');
    };
    const connector = expectReplies(SAMS_CHAT, '1763892930123');

    const response = await bot.post(activityFixture('personal-message'));

    expect(response.status).toBe(200);
    const failure = bot.log.events.find((event) => event.event === 'turn-failed');
    expect(failure?.fields).toMatchObject({ activityId: '1763892930123', activityType: 'message', errorName: 'Error' });
    const correlationId = String(failure?.fields.correlationId);
    expect(correlationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(connector.sent).toMatchObject([{ type: 'message', text: expect.stringContaining(correlationId) }]);
    const logged = JSON.stringify(bot.log.events);
    for (const secret of ['CIN-2026-0142', 'Sam Okafor', 'database unavailable', 'initial CiN meeting']) {
      expect(logged).not.toContain(secret);
    }
  });

  it('answers a failed Action.Execute with a 500 vnd.microsoft.error rather than botbuilder’s 501', async () => {
    answer = () => Promise.reject(new TypeError('no such plan'));
    expectReplies(SAMS_CHAT, 'f:3d6b9e1c-4a7f-4c20-8e5b-1f9a2d7c6e03');

    const response = await bot.post(activityFixture('adaptive-card-action-invoke'));

    expect(response.status).toBe(500);
    expect(await response.json()).toMatchObject({
      statusCode: 500,
      type: 'application/vnd.microsoft.error',
      value: { code: 'InternalServerError', message: expect.stringContaining('Reference:') },
    });
  });

  it('answers 400 to malformed JSON without calling the handler', async () => {
    const response = await bot.post('{"type": "message", "text": ');

    expect(response.status).toBe(400);
    expect(handler.turns).toEqual([]);
  });

  it.each([
    ['an empty object', {}],
    ['an array', [activityFixture('personal-message')]],
    ['a string', 'message'],
    ['null', null],
    ['an activity without a serviceUrl', { ...activityFixture('personal-message'), serviceUrl: undefined }],
    ['an activity without a sender', { ...activityFixture('personal-message'), from: undefined }],
    ['an activity with a timestamp that is no date', { ...activityFixture('personal-message'), timestamp: 'yesterday' }],
    ['an activity whose sender has an object id of 200 characters', { ...activityFixture('personal-message'), from: { ...SAM, aadObjectId: 'a'.repeat(200) } }],
  ])('answers 400 to JSON that is %s, without calling the handler', async (_case, body) => {
    const response = await bot.post(JSON.stringify(body));

    expect(response.status).toBe(400);
    expect(handler.turns).toEqual([]);
  });

  it('answers 413 to a body over MAX_BODY_BYTES that says its length', async () => {
    const oversized = { ...activityFixture('personal-message'), text: 'x'.repeat(bot.config.maxBodyBytes) };

    const response = await bot.post(oversized);

    expect(response.status).toBe(413);
    expect(handler.turns).toEqual([]);
  });

  it('answers 413 to a chunked body over MAX_BODY_BYTES that does not say its length', async () => {
    const oversized = JSON.stringify({ ...activityFixture('personal-message'), text: 'x'.repeat(bot.config.maxBodyBytes) });
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        const bytes = new TextEncoder().encode(oversized);
        for (let at = 0; at < bytes.length; at += 16_384) controller.enqueue(bytes.subarray(at, at + 16_384));
        controller.close();
      },
    });

    const response = await fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: chunks,
      duplex: 'half',
    } as RequestInit);

    expect(response.status).toBe(413);
    expect(handler.turns).toEqual([]);
  });

  it.each([
    ['text/plain', {}],
    ['application/x-www-form-urlencoded', {}],
    ['application/json', { 'content-encoding': 'gzip' }],
  ])('answers 415 to a body sent as %s %o', async (contentType, headers) => {
    const response = await bot.post(activityFixture('personal-message'), { 'content-type': contentType, ...headers });

    expect(response.status).toBe(415);
    expect(handler.turns).toEqual([]);
  });

  it('answers GET /healthz with 200 {status: ok}', async () => {
    const response = await fetch(`${bot.url}/healthz`);

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });
});

describe('POST /api/messages with MicrosoftAppId set', () => {
  const tokens = new BotFrameworkTokens();
  let bot: BotUnderTest;
  let handler: RecordingTurnHandler;

  beforeAll(async () => {
    handler = new RecordingTurnHandler(() => ({ messages: [{ text: 'CiN Assistant is starting up.' }] }));
    bot = await startBot(
      { NODE_ENV: 'production', MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'not-a-real-secret', LINK_SIGNING_SECRET: 'a-test-secret-of-at-least-thirty-two-characters' },
      handler,
    );
  });
  afterAll(() => bot.close());
  beforeEach(() => {
    handler.turns.length = 0;
  });

  it('answers 401 to a request without an Authorization header and never calls the handler', async () => {
    const response = await bot.post(activityFixture('personal-message'));

    expect(response.status).toBe(401);
    expect(handler.turns).toEqual([]);
  });

  it('answers 401 to a token that is not a Bot Framework token', async () => {
    const response = await bot.post(activityFixture('personal-message'), { authorization: 'Bearer forged' });

    expect(response.status).toBe(401);
    expect(handler.turns).toEqual([]);
  });

  it('answers 401 to a token for another bot', async () => {
    tokens.publishSigningKeys();

    const response = await bot.post(activityFixture('personal-message'), {
      authorization: tokens.channelAuthorization('0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9', SERVICE_URL),
    });

    expect(response.status).toBe(401);
    expect(handler.turns).toEqual([]);
  });

  it('answers 401, not botbuilder’s 500, to a token signed with a key the channel never published', async () => {
    tokens.publishSigningKeys();
    const { privateKey: strangersKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });

    const response = await bot.post(activityFixture('personal-message'), {
      authorization: tokens.channelAuthorization(APP_ID, SERVICE_URL, strangersKey),
    });

    expect(response.status).toBe(401);
    expect(handler.turns).toEqual([]);
  });

  it('accepts a channel-signed token, then replies with its own token from the Microsoft login endpoint', async () => {
    tokens.publishSigningKeys();
    const login = nock('https://login.microsoftonline.com')
      .post(
        '/botframework.com/oauth2/v2.0/token',
        (form: Record<string, string>) => form.grant_type === 'client_credentials' && form.client_id === APP_ID,
      )
      .query(true)
      .reply(200, { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: 'bot-to-connector-token' });
    const connector = nock(CONNECTOR, { reqheaders: { authorization: 'Bearer bot-to-connector-token' } })
      .post(replyPath(SAMS_CHAT, '1763892930123'))
      .reply(200, { id: '1763900000001' });

    const response = await bot.post(activityFixture('personal-message'), {
      authorization: tokens.channelAuthorization(APP_ID, SERVICE_URL),
    });

    expect(response.status).toBe(200);
    expect(handler.turns).toHaveLength(1);
    expect(login.isDone()).toBe(true);
    expect(connector.isDone()).toBe(true);
  });
});
