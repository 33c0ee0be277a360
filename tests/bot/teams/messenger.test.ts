import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../bot/config.js';
import type { ConversationAddress } from '../../../bot/ports.js';
import type { AdaptiveCardJson } from '../../../cards/adaptive-card-json.js';
import { createAdapter } from '../../../bot/teams/adapter.js';
import { createMessenger, GLOBAL_TEAMS_SERVICE_URL } from '../../../bot/teams/messenger.js';
import { APP_ID, CONNECTOR, recordingLogger, SERVICE_URL } from './bot-framework-double.js';

const TENANT_ID = '4b1f6a2e-9c3d-4e8f-a1b2-7c6d5e4f3a21';
const WORKER_AAD_OBJECT_ID = '2c7a1e5f-3b9d-4a6c-8e2f-1d0b9a8c7e65';
const CHAT_ID = 'a:1T5xQw8ErTy2UiOp4AsDf6GhJk9LzXcVb3NmQwErTyUiOpAsDfGhJkLzXcVbNm';
const REMINDER_CARD: AdaptiveCardJson = {
  type: 'AdaptiveCard',
  version: '1.5',
  body: [{ type: 'TextBlock', text: 'CIN-2026-0142: review due Monday 7 December 2026', wrap: true }],
};

/** A personal-chat address as the activity handler hands it over for storing, after a JSON round trip. */
const storedAddress: ConversationAddress = JSON.parse(
  JSON.stringify({
    channelId: 'msteams',
    serviceUrl: SERVICE_URL,
    locale: 'en-GB',
    conversation: { id: CHAT_ID, conversationType: 'personal', tenantId: TENANT_ID },
    bot: { id: `28:${APP_ID}` },
    user: { id: '29:1vQk3LpX9mZrT7bYc2nW8dHfJ5sA0eUiO4gKxR6yBqEtCvN1lMzP3jDw', aadObjectId: WORKER_AAD_OBJECT_ID },
  }),
);
const activitiesPath = (serviceUrlPath: string, conversationId: string) =>
  `${serviceUrlPath}v3/conversations/${encodeURIComponent(conversationId)}/activities`;
/**
 * botbuilder posts a proactive message as a reply to the continuation event it makes up for the occasion
 * (a fresh uuid each time), so the path ends in an id no test can know.
 */
const proactivePostTo = (serviceUrlPath: string, conversationId: string) => (uri: string) =>
  uri.startsWith(`${activitiesPath(serviceUrlPath, conversationId)}/`);

function messengerFor(env: Record<string, string>) {
  const loaded = loadConfig(env);
  if (!loaded.ok) throw new Error(loaded.error.message);
  const log = recordingLogger();
  const appId = loaded.value.authentication === 'enabled' ? loaded.value.microsoftApp.id : '';
  return { log, messenger: createMessenger(createAdapter(loaded.value, log), { appId }) };
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  expect(nock.pendingMocks()).toEqual([]);
  nock.cleanAll();
});
afterAll(() => nock.enableNetConnect());

describe('createMessenger', () => {
  it('sends a new post with text and card to a stored conversation and returns its activity id', async () => {
    const { messenger } = messengerFor({});
    const posted: Record<string, unknown>[] = [];
    nock(CONNECTOR)
      .post(proactivePostTo('/uk/', CHAT_ID), (body: Record<string, unknown>) => posted.push(body) > 0)
      .reply(201, { id: '1763990000001' });

    const sent = await messenger.send(storedAddress, { text: 'CIN-2026-0142: review due Monday 7 December 2026', card: REMINDER_CARD });

    expect(sent).toEqual({ activityId: '1763990000001' });
    expect(posted).toMatchObject([
      {
        type: 'message',
        text: 'CIN-2026-0142: review due Monday 7 December 2026',
        attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: REMINDER_CARD }],
        conversation: { id: CHAT_ID },
      },
    ]);
  });

  it('replaces an earlier message in place', async () => {
    const { messenger } = messengerFor({});
    const replaced: Record<string, unknown>[] = [];
    nock(CONNECTOR)
      .put(`${activitiesPath('/uk/', CHAT_ID)}/1763990000001`, (body: Record<string, unknown>) => replaced.push(body) > 0)
      .reply(200, { id: '1763990000001' });

    await messenger.update(storedAddress, '1763990000001', { text: 'CIN-2026-0142: review held', card: REMINDER_CARD });

    expect(replaced).toMatchObject([{ type: 'message', id: '1763990000001', text: 'CIN-2026-0142: review held' }]);
  });

  it('throws the connector’s refusal to the caller instead of apologising to the user', async () => {
    const { messenger, log } = messengerFor({});
    nock(CONNECTOR)
      .post(proactivePostTo('/uk/', CHAT_ID))
      .reply(403, { error: { code: 'BotDisabledByAdmin', message: 'The bot is disabled in this conversation.' } });

    await expect(messenger.send(storedAddress, { text: 'CIN-2026-0142: review due' })).rejects.toMatchObject({ statusCode: 403 });
    expect(log.events).toEqual([]);
  });

  it('refuses a stored address that is not a conversation reference', async () => {
    const { messenger } = messengerFor({});

    await expect(messenger.send({ conversation: { id: CHAT_ID } }, { text: 'CIN-2026-0142: review due' })).rejects.toThrow();
  });

  it('opens a one-to-one chat with a worker in their tenant, authenticated, and returns an address that works', async () => {
    const { messenger } = messengerFor({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'not-a-real-secret' });
    nock('https://login.microsoftonline.com')
      .post('/botframework.com/oauth2/v2.0/token')
      .query(true)
      .reply(200, { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: 'bot-to-connector-token' });
    const created: Record<string, unknown>[] = [];
    nock(CONNECTOR, { reqheaders: { authorization: 'Bearer bot-to-connector-token' } })
      .post('/teams/v3/conversations', (body: Record<string, unknown>) => created.push(body) > 0)
      .reply(201, { id: 'a:1NewChatWithWorker', activityId: '', serviceUrl: GLOBAL_TEAMS_SERVICE_URL })
      .post(proactivePostTo('/teams/', 'a:1NewChatWithWorker'))
      .reply(201, { id: '1763990000002' });

    const address = await messenger.createConversation(TENANT_ID, WORKER_AAD_OBJECT_ID);
    const sent = await messenger.send(JSON.parse(JSON.stringify(address)), { text: 'CIN-2026-0142: review due' });

    expect(created).toEqual([
      {
        isGroup: false,
        bot: { id: `28:${APP_ID}` },
        members: [{ id: WORKER_AAD_OBJECT_ID }],
        tenantId: TENANT_ID,
        channelData: { tenant: { id: TENANT_ID } },
      },
    ]);
    expect(address).toEqual({
      channelId: 'msteams',
      serviceUrl: GLOBAL_TEAMS_SERVICE_URL,
      conversation: { id: 'a:1NewChatWithWorker', conversationType: 'personal', tenantId: TENANT_ID, isGroup: false },
      bot: { id: `28:${APP_ID}` },
    });
    expect(sent).toEqual({ activityId: '1763990000002' });
  });
});
