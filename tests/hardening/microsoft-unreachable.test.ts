import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { generateKeyPair, SignJWT } from 'jose';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RecordingTurnHandler, startBot, APP_ID, SERVICE_URL, type BotUnderTest } from '../bot/teams/bot-framework-double.js';
import { messageFrom } from './bot-under-attack.js';
import { CHANNEL_ISSUER, publishMicrosoftSigningKeys } from './token-issuers.js';

// Issue 13, items 2, 3 and 8: forged tokens while Microsoft's OpenID metadata or keys cannot be had were answered
// 500 with "request to https://login.botframework.com/... failed" in the body, and a key endpoint that took the
// connection and never answered hung every request for ever (41 requests, 44 sockets held).
const COUNCIL = '4b1f6a2e-9c3d-4e8f-a1b2-7c6d5e4f3a21';
const ENV = { NODE_ENV: 'production', MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'not-a-real-secret', LINK_SIGNING_SECRET: 'a-test-secret-of-at-least-thirty-two-characters', MICROSOFT_TIMEOUT_MS: '200' };
const message = () => messageFrom({ tenantId: COUNCIL, userId: 'sam-object-id' }, 'hello');

/** The forged tokens the attack tried: alg none, HS256, its own RS256 key, a wrong audience, expired, another issuer. */
async function forgedTokens(): Promise<string[]> {
  const now = Math.floor(Date.now() / 1000);
  const claims = { iss: CHANNEL_ISSUER, aud: APP_ID, serviceurl: SERVICE_URL, iat: now, nbf: now, exp: now + 3600 };
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const own = await generateKeyPair('RS256');
  const rs256 = (overrides: Record<string, unknown>) =>
    new SignJWT({ ...claims, ...overrides }).setProtectedHeader({ alg: 'RS256', kid: 'attacker-key', typ: 'JWT' }).sign(own.privateKey);
  return [
    `${encode({ alg: 'none', typ: 'JWT' })}.${encode(claims)}.`,
    await new SignJWT(claims).setProtectedHeader({ alg: 'HS256', kid: 'attacker-key' }).sign(new TextEncoder().encode('a-shared-secret-of-thirty-two-bytes!')),
    await rs256({}),
    await rs256({ aud: 'another-bot' }),
    await rs256({ exp: now - 3600, iat: now - 7200, nbf: now - 7200 }),
    await rs256({ iss: 'https://issuer.attacker.example' }),
  ];
}

/** A server on loopback that takes every connection and never answers, counting the connections. */
async function silentServer(): Promise<{ readonly url: string; readonly sockets: Socket[]; close(): Promise<void> }> {
  const sockets: Socket[] = [];
  const server: Server = createServer((socket) => void sockets.push(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    sockets,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('forged tokens while Microsoft cannot be reached', () => {
  let bot: BotUnderTest;
  afterEach(() => bot.close());

  it('answers each 401 or 503 with no detail, never 500, when the metadata request fails', async () => {
    nock('https://login.botframework.com').persist().get(/.*/).replyWithError('connect ECONNREFUSED 40.126.0.1:443');
    nock('https://login.microsoftonline.com').persist().get(/.*/).replyWithError('connect ECONNREFUSED 40.126.0.2:443');
    bot = await startBot(ENV, new RecordingTurnHandler());
    for (const token of await forgedTokens()) {
      const response = await bot.post(message(), { authorization: `Bearer ${token}` });
      const body = await response.text();
      expect([401, 503]).toContain(response.status);
      expect(body).not.toMatch(/login\.|request to|ECONNREFUSED|failed/i);
    }
    const keyed = await bot.post(message(), { authorization: `Bearer ${(await forgedTokens())[2]}` });
    expect(keyed.status).toBe(503);
    expect(await keyed.json()).toEqual({ code: 'ServiceUnavailable', message: 'Try again shortly.' });
  });

  it('gives up on a key endpoint that takes the connection and never answers, with one fetch for many requests', async () => {
    const silent = await silentServer();
    nock('https://login.botframework.com').persist().get('/v1/.well-known/openidconfiguration').reply(200, { issuer: CHANNEL_ISSUER, jwks_uri: `${silent.url}/keys` });
    bot = await startBot(ENV, new RecordingTurnHandler());
    try {
      const token = (await forgedTokens())[2];
      const answers = await Promise.all(Array.from({ length: 20 }, () => bot.post(message(), { authorization: `Bearer ${token}` })));
      expect(answers.map((answer) => answer.status)).toEqual(Array.from({ length: 20 }, () => 503));
      // One fetch in flight serves every request waiting; a second may start once the first has timed out.
      expect(silent.sockets.length).toBeLessThanOrEqual(2);
    } finally {
      await silent.close();
    }
  });

  it('serves from keys already held while the key endpoint stops answering', async () => {
    const issuers = await publishMicrosoftSigningKeys();
    bot = await startBot(ENV, new RecordingTurnHandler());
    const good = await issuers.bearer({ issuer: CHANNEL_ISSUER, audience: APP_ID, serviceUrl: SERVICE_URL });
    nock('https://smba.trafficmanager.net').persist().post(/.*/).reply(200, { id: 'reply' });
    nock('https://login.microsoftonline.com').persist().post(/\/oauth2\/v2\.0\/token/).reply(200, { token_type: 'Bearer', expires_in: 3599, access_token: 'token' });
    expect((await bot.post(message(), { authorization: good })).status).toBe(200);
    nock.cleanAll();
    nock('https://login.botframework.com').persist().get(/.*/).replyWithError('connect ECONNREFUSED 40.126.0.1:443');
    nock('https://smba.trafficmanager.net').persist().post(/.*/).reply(200, { id: 'reply' });
    nock('https://login.microsoftonline.com').persist().post(/\/oauth2\/v2\.0\/token/).reply(200, { token_type: 'Bearer', expires_in: 3599, access_token: 'token' });
    expect((await bot.post(message(), { authorization: good })).status).toBe(200);
    const forged = await bot.post(message(), { authorization: `Bearer ${(await forgedTokens())[2]}` });
    expect(forged.status).toBe(401);
  });
});

describe('who may talk to the bot (issue 13, item 8)', () => {
  let bot: BotUnderTest;
  afterEach(() => bot.close());

  it('refuses, with authentication on, a message whose sender has no Entra object id', async () => {
    const issuers = await publishMicrosoftSigningKeys();
    const handler = new RecordingTurnHandler();
    bot = await startBot(ENV, handler);
    const { aadObjectId: _dropped, ...from } = message().from as Record<string, unknown>;
    const response = await bot.post({ ...message(), from }, { authorization: await issuers.bearer({ issuer: CHANNEL_ISSUER, audience: APP_ID, serviceUrl: SERVICE_URL }) });
    expect(response.status).toBe(403);
    expect(handler.turns).toEqual([]);
  });

  it('refuses in local mode a channel that is neither Teams nor the emulator, before any turn or reply', async () => {
    const handler = new RecordingTurnHandler();
    bot = await startBot({ NODE_ENV: 'test' }, handler);
    expect((await bot.post({ ...message(), channelId: 'webchat', serviceUrl: 'https://attacker.example/' })).status).toBe(403);
    expect(handler.turns).toEqual([]);
  });

  it('logs what botbuilder prints of a refused token as one line with its name, not a stack trace', async () => {
    const issuers = await publishMicrosoftSigningKeys();
    bot = await startBot(ENV, new RecordingTurnHandler());
    const expired = await issuers.bearer({ issuer: CHANNEL_ISSUER, audience: APP_ID, serviceUrl: SERVICE_URL, expiresInSeconds: -3600 });
    expect((await bot.post(message(), { authorization: expired })).status).toBe(401);
    expect(bot.log.events).toContainEqual({ level: 'warn', event: 'botbuilder-console', fields: { level: 'error', errorName: 'TokenExpiredError' } });
  });
});

