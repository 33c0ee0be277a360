import { sql } from 'kysely';
import nock from 'nock';
import { loadConfig } from '../../bot/config.js';
import { createTurnHandler } from '../../bot/turn-handler.js';
import { botContextOn } from '../../bot/start-bot.js';
import type { Database, Db } from '../../bot/store/database.js';
import { activityFixture, CONNECTOR, startBot, type BotUnderTest } from '../bot/teams/bot-framework-double.js';

/**
 * The real server, adapter, handlers and stores on a real database, for hostile requests: nock stands in for
 * the Bot Connector and Microsoft's login service and records every request the bot makes to them.
 */
export interface BotUnderAttack extends BotUnderTest {
  readonly database: Database;
  /** Every request the bot sent to the Bot Connector or to Microsoft login, as "METHOD host path". */
  readonly outbound: string[];
  /** The bodies the bot posted or put to the Bot Connector. */
  readonly sentToConnector: Record<string, unknown>[];
}

export async function startBotUnderAttack(env: Record<string, string>, database: Database): Promise<BotUnderAttack> {
  const config = loadConfig({ PORT: '0', ...env });
  if (!config.ok) throw new Error(config.error.message);
  const bot = await startBot(env, createTurnHandler(botContextOn(database.db, config.value)));
  const outbound: string[] = [];
  const sentToConnector: Record<string, unknown>[] = [];
  const record = (method: string, host: string) =>
    function (this: unknown, path: string, body: unknown) {
      outbound.push(`${method} ${host}${path}`);
      if (host === CONNECTOR && body !== null && typeof body === 'object') sentToConnector.push(body as Record<string, unknown>);
      return [200, host === CONNECTOR ? { id: `reply-${outbound.length}` } : BOT_TO_CONNECTOR_TOKEN];
    };
  const post = nock(CONNECTOR).persist().post(/.*/);
  const put = nock(CONNECTOR).persist().put(/.*/);
  // The roster lookup for an @mention: nobody is found, as for a person who has left the team.
  const roster = nock(CONNECTOR).persist().get(/.*/);
  const login = nock(LOGIN).persist().post(/\/oauth2\/v2\.0\/token/).query(true);
  post.reply(record('POST', CONNECTOR));
  put.reply(record('PUT', CONNECTOR));
  login.reply(record('POST', LOGIN));
  roster.reply(404, { error: { code: 'MemberNotFoundInConversation' } });
  const interceptors = [post, put, roster, login];
  return {
    ...bot,
    database,
    outbound,
    sentToConnector,
    // The next bot of the file records its own requests.
    close: async () => {
      for (const interceptor of interceptors) nock.removeInterceptor(interceptor);
      await bot.close();
    },
  };
}

const LOGIN = 'https://login.microsoftonline.com';
const BOT_TO_CONNECTOR_TOKEN = { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: 'bot-to-connector-token' };

/** Every row of every table of the bot's schema, as sorted JSON text: two equal snapshots mean nothing was written. */
export async function contentsOf(db: Db): Promise<Record<string, string[]>> {
  const tables = await sql<{ table_name: string }>`
    SELECT table_name FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`.execute(db);
  const contents: Record<string, string[]> = {};
  for (const { table_name: table } of tables.rows) {
    const rows = await sql<{ row: unknown }>`SELECT to_jsonb(t) AS row FROM ${sql.table(table)} AS t`.execute(db);
    contents[table] = rows.rows.map((row) => JSON.stringify(row.row)).sort();
  }
  return contents;
}

/** The sentences a user would read in everything the bot sent: message texts and every string of the cards. */
export function textsOf(activities: readonly Record<string, unknown>[]): string {
  const strings = (value: unknown): string[] => {
    if (typeof value === 'string') return [value];
    if (Array.isArray(value)) return value.flatMap(strings);
    if (value !== null && typeof value === 'object') return Object.values(value).flatMap(strings);
    return [];
  };
  return activities.flatMap((activity) => [...strings(activity.text), ...strings(activity.attachments)]).join('\n');
}

export interface Sender {
  readonly tenantId: string;
  /** Entra object id; the channel id is made from it. */
  readonly userId: string;
}

let nextActivity = 0;

/** A personal-chat message as Teams posts it, from `sender` at `timestamp`. */
export function messageFrom(sender: Sender, text: string, timestamp = '2026-03-10T09:00:00Z'): Record<string, unknown> {
  const fixture = activityFixture('personal-message');
  return {
    ...fixture,
    id: `hostile-${nextActivity++}`,
    text,
    attachments: [],
    timestamp,
    localTimestamp: timestamp,
    from: { id: `29:${sender.userId}`, aadObjectId: sender.userId },
    conversation: { conversationType: 'personal', tenantId: sender.tenantId, id: `a:chat-${sender.tenantId}-${sender.userId}` },
    channelData: { tenant: { id: sender.tenantId } },
  };
}

/** A card button pressed: Action.Execute (an invoke) or its Action.Submit fallback (a message with a value). */
export function cardActionFrom(
  sender: Sender,
  verb: string,
  data: Readonly<Record<string, unknown>>,
  via: 'execute' | 'submit',
  timestamp = '2026-03-10T09:00:00Z',
): Record<string, unknown> {
  const message = messageFrom(sender, '', timestamp);
  if (via === 'submit') return { ...message, text: undefined, replyToId: 'card-message', value: { ...data, verb } };
  return { ...message, type: 'invoke', name: 'adaptiveCard/action', text: undefined, value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' } };
}
