import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import nock from 'nock';
import { loadConfig, type Config } from '../../../bot/config.js';
import type { Logger, LogFields } from '../../../bot/log.js';
import type { Reply, Turn, TurnHandler } from '../../../bot/ports.js';
import { createAdapter } from '../../../bot/teams/adapter.js';
import { startServer, type RunningServer, type ServerDependencies } from '../../../bot/teams/server.js';

/** The recorded Teams activities, as Teams posts them to /api/messages. */
export function activityFixture(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`../../fixtures/activities/${name}.json`, import.meta.url), 'utf8'));
}

export const CONNECTOR = 'https://smba.trafficmanager.net';
export const SERVICE_URL = `${CONNECTOR}/uk/`;
export const APP_ID = '9f8e7d6c-5b4a-4392-8170-6e5d4c3b2a19';

/** The Bot Connector path botbuilder posts a reply to. */
export const replyPath = (conversationId: string, activityId: string) =>
  `/uk/v3/conversations/${encodeURIComponent(conversationId)}/activities/${encodeURIComponent(activityId)}`;

/**
 * A message from `userId` in their one-to-one chat with the bot (`a:chat-<userId>`), as Teams posts it, stamped
 * `timestamp`: the moment the bot reads "today" from. `from` adds to the sender (a display name, say).
 */
export function personalMessage(
  userId: string,
  tenantId: string,
  id: string,
  timestamp: string,
  from: Record<string, unknown> = {},
): { readonly conversationId: string; readonly activity: Record<string, unknown> } {
  const conversationId = `a:chat-${userId}`;
  return {
    conversationId,
    activity: {
      ...activityFixture('personal-message'),
      id,
      attachments: [],
      timestamp,
      localTimestamp: timestamp,
      from: { id: `29:${userId}`, aadObjectId: userId, ...from },
      conversation: { conversationType: 'personal', tenantId, id: conversationId },
      channelData: { tenant: { id: tenantId } },
    },
  };
}

/** What Teams posts instead of `message` when its sender presses an Action.Execute button. */
export const cardActionInvoke = (message: Record<string, unknown>, verb: string, data: Record<string, unknown>): Record<string, unknown> => ({
  ...message,
  type: 'invoke',
  name: 'adaptiveCard/action',
  text: undefined,
  value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
});

export class RecordingTurnHandler implements TurnHandler {
  readonly turns: Turn[] = [];
  constructor(private readonly answer: (turn: Turn) => Reply | Promise<Reply> = () => ({ messages: [] })) {}
  async handle(turn: Turn): Promise<Reply> {
    this.turns.push(turn);
    return this.answer(turn);
  }
}

export interface LoggedEvent {
  readonly level: string;
  readonly event: string;
  readonly fields: LogFields;
}

export function recordingLogger(): Logger & { readonly events: LoggedEvent[] } {
  const events: LoggedEvent[] = [];
  const at = (level: string) => (event: string, fields: LogFields = {}) => void events.push({ level, event, fields });
  return { events, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

export interface BotUnderTest {
  readonly url: string;
  readonly log: ReturnType<typeof recordingLogger>;
  readonly config: Config;
  post(body: unknown, headers?: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

/** The real server, adapter and activity handler on a free loopback port; `downloads` adds the download route. */
export async function startBot(
  env: Record<string, string>,
  turnHandler: TurnHandler,
  downloads?: ServerDependencies['downloads'],
): Promise<BotUnderTest> {
  const loaded = loadConfig({ PORT: '0', ...env });
  if (!loaded.ok) throw new Error(loaded.error.message);
  const config = loaded.value;
  const log = recordingLogger();
  const server: RunningServer = await startServer(config, turnHandler, {
    adapter: createAdapter(config, log),
    log,
    host: '127.0.0.1',
    ...(downloads === undefined ? {} : { downloads }),
  });
  return {
    url: server.url,
    log,
    config,
    post: (body, headers = {}) =>
      fetch(`${server.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    close: () => server.close(),
  };
}

/**
 * Stands in for the Bot Framework's token service: an RSA key published through the channel OpenID metadata
 * (endorsed for msteams, as the real keys are), and tokens signed with it the way the channel signs them.
 */
export class BotFrameworkTokens {
  private readonly privateKey: KeyObject;
  private readonly publicJwk: { n?: string; e?: string };
  readonly keyId = 'cin-assistant-test-key';

  constructor() {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    this.privateKey = privateKey;
    this.publicJwk = publicKey.export({ format: 'jwk' });
  }

  /** nock for the channel's OpenID metadata and signing keys (login.botframework.com). */
  publishSigningKeys(): nock.Scope {
    return nock('https://login.botframework.com')
      .persist()
      .get('/v1/.well-known/openidconfiguration')
      .reply(200, {
        issuer: 'https://api.botframework.com',
        jwks_uri: 'https://login.botframework.com/v1/.well-known/keys',
        id_token_signing_alg_values_supported: ['RS256'],
      })
      .get('/v1/.well-known/keys')
      .reply(200, {
        keys: [{ kty: 'RSA', use: 'sig', kid: this.keyId, n: this.publicJwk.n, e: this.publicJwk.e, endorsements: ['msteams'] }],
      });
  }

  /** The Authorization header Teams sends with an activity for the bot `audience`. */
  channelAuthorization(audience: string, serviceUrl: string, signingKey: KeyObject = this.privateKey): string {
    const nowSeconds = Math.floor(Date.now() / 1000);
    const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString('base64url');
    const signed = `${encode({ alg: 'RS256', typ: 'JWT', kid: this.keyId })}.${encode({
      iss: 'https://api.botframework.com',
      aud: audience,
      serviceurl: serviceUrl,
      nbf: nowSeconds - 60,
      iat: nowSeconds - 60,
      exp: nowSeconds + 3600,
    })}`;
    const signature = createSign('RSA-SHA256').update(signed).sign(signingKey).toString('base64url');
    return `Bearer ${signed}.${signature}`;
  }
}
