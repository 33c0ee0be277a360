import nock from 'nock';
import { expect } from 'vitest';
import { replyText } from '../../scripts/eval/expectations.js';
import { objectsIn, type Json } from '../cards/card-queries.js';
import { cardActionInvoke, CONNECTOR, personalMessage, replyPath } from '../bot/teams/bot-framework-double.js';

/** Everything the stand-in Connector was sent: a post to a conversation (a reply or a proactive send) or an update. */
export interface Traffic {
  readonly method: 'POST' | 'PUT';
  readonly conversationId: string;
  /** The activity replied to (a reply, or botbuilder's made-up one for a proactive send) or updated (PUT). */
  readonly activityId?: string;
  readonly body: Json;
  /** The id the stand-in gave a posted message, when it gives ids. */
  readonly sentId: string;
}

/**
 * A stand-in Bot Connector for a whole file (nock, persistent): it takes every post and update the bot makes,
 * replies and proactive sends alike, and records them. `givesIds: false` answers as the Agents Playground does,
 * with no activity id; `refusesNewChats` refuses to create a chat, as Teams does without the app installed.
 * Updates to a conversation can be held back to play a Connector slow to take them.
 */
export function standInConnector(options: { readonly givesIds?: boolean; readonly refusesNewChats?: boolean } = {}) {
  const traffic: Traffic[] = [];
  let held: { readonly conversationId: string; readonly until: Promise<void> } | undefined;
  const record = (method: Traffic['method'], uri: string, body: unknown) => {
    const [, conversation, activity] = /^\/uk\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(uri) ?? [];
    const sentId = `sent-${traffic.length}`;
    traffic.push({ method, conversationId: decodeURIComponent(conversation ?? ''), ...(activity ? { activityId: decodeURIComponent(activity) } : {}), body: body as Json, sentId });
    return options.givesIds === false ? {} : { id: sentId };
  };
  const scope = nock(CONNECTOR).persist();
  if (options.refusesNewChats) scope.post(/^\/teams\/v3\/conversations$/).reply(403, { error: { code: 'Forbidden', message: 'The bot is not installed for the user' } });
  scope
    .post(/^\/uk\/v3\/conversations\//)
    .reply(200, (uri, body) => record('POST', uri, body))
    .put(/^\/uk\/v3\/conversations\//)
    .reply(async (uri, body) => {
      if (held && uri.includes(encodeURIComponent(held.conversationId))) await held.until;
      return [200, record('PUT', uri, body)];
    });
  return {
    traffic,
    /** Until `until` settles, updates to `conversationId` wait; `undefined` lets them through again. */
    holdUpdates: (hold: { readonly conversationId: string; readonly until: Promise<void> } | undefined) => void (held = hold),
    sentTo: (conversationId: string) => traffic.filter((entry) => entry.method === 'POST' && entry.conversationId === conversationId),
    updatesTo: (conversationId: string) => traffic.filter((entry) => entry.method === 'PUT' && entry.conversationId === conversationId),
  };
}
export type StandInConnector = ReturnType<typeof standInConnector>;

/** One exchange with the real bot over HTTP, as Teams makes it. */
export interface Exchange {
  /** The HTTP status the bot answered the activity with. */
  readonly status: number;
  /** Everything the bot posted in reply: texts and card strings, as a person (and the evaluation) reads it. */
  readonly said: string;
  /** The texts of the messages posted in reply only, one a line. */
  readonly text: string;
  /** The messages posted in reply, as sent. */
  readonly replies: readonly Json[];
  readonly cards: readonly Json[];
  /** The card that replaced the pressed one (Action.Execute's invoke response), if any. */
  readonly updatedCard?: Json;
  /** A message Teams shows beside the pressed card, when no card replaces it. */
  readonly invokeMessage?: string;
}

export interface ChatOptions {
  /** Where replies are read from; without one, each exchange puts a stand-in Connector in place for its own replies. */
  readonly connector?: StandInConnector;
  /** Whether each sender carries a display name ("Name of <id>"), as Teams gives one. */
  readonly named?: boolean;
  /** Whether an answer other than 200 is what the test looks at, rather than a failure. */
  readonly anyStatus?: boolean;
}

/** Activity ids unique across every chat of a file, so a reply is never taken for another's. */
let nextActivityId = 0;

/**
 * Talks to a running bot as people of one tenant, each in their own one-to-one chat (`a:chat-<id>`), over HTTP
 * as Teams does. Each activity is stamped `timestamp`, the moment the bot reads "today" from.
 */
export function chatWith(bot: () => { readonly url: string } | undefined, tenantId: string, options: ChatOptions = {}) {
  const post = async (activity: Json): Promise<Exchange> => {
    const activityId = String(activity['id']);
    const conversationId = String((activity['conversation'] as Json | undefined)?.['id']);
    const sentHere: Json[] = [];
    if (!options.connector) {
      nock(CONNECTOR)
        .post(replyPath(conversationId, activityId), (body: Json) => (sentHere.push(body), true))
        .times(6)
        .reply(200, { id: 'reply' });
    }
    const response = await fetch(`${bot()?.url ?? ''}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    if (!options.anyStatus) expect(response.status).toBe(200);
    const body = await response.text();
    if (!options.connector) nock.cleanAll();
    const replies = options.connector
      ? options.connector.traffic.filter((entry) => entry.method === 'POST' && entry.conversationId === conversationId && entry.activityId === activityId).map((entry) => entry.body)
      : sentHere;
    const invoke = invokeResponseIn(body);
    return {
      status: response.status,
      said: replyText(replies),
      text: replies.map((reply) => String(reply['text'] ?? '')).join('\n'),
      replies,
      cards: replies.flatMap((reply) => ((reply['attachments'] as { content: Json }[] | undefined) ?? []).map((attachment) => attachment.content)),
      ...(invoke?.type === 'application/vnd.microsoft.card.adaptive' ? { updatedCard: invoke.value as Json } : {}),
      ...(invoke?.type === 'application/vnd.microsoft.activity.message' ? { invokeMessage: String(invoke.value) } : {}),
    };
  };
  const from = (userId: string, timestamp: string): Json =>
    personalMessage(userId, tenantId, `activity-${nextActivityId++}`, timestamp, options.named ? { name: `Name of ${userId}` } : {}).activity;
  return {
    /** Posts an activity as it stands (an install, a channel message): its own id and conversation say where replies go. */
    post,
    say: (userId: string, text: string, timestamp: string, extra: Json = {}): Promise<Exchange> => post({ ...from(userId, timestamp), text, ...extra }),
    /** Action.Execute: an adaptiveCard/action invoke. */
    press: (userId: string, verb: string, data: Json, timestamp: string): Promise<Exchange> => post(cardActionInvoke(from(userId, timestamp), verb, data)),
    /** The Action.Submit fallback: a message whose value is the card's data with the verb, naming the card's message. */
    submit: (userId: string, cardMessageId: string, data: Json, timestamp: string): Promise<Exchange> =>
      post({ ...from(userId, timestamp), text: undefined, replyToId: cardMessageId, value: data }),
  };
}

/** The invoke response's body, for a card action; nothing for a message. */
function invokeResponseIn(body: string): { readonly type?: string; readonly value?: unknown } | undefined {
  if (body === '') return undefined;
  try {
    return JSON.parse(body) as { type?: string; value?: unknown };
  } catch {
    return { value: body };
  }
}

/**
 * What Teams sends when a button of `card` is pressed: every input's value (as the card holds it, then as the
 * person changed it) merged with the button's own data. The button is the first with `verb`, or the one titled so.
 */
export function submissionOf(card: Json | undefined, verb: string, changes: Record<string, string> = {}, title?: string): Record<string, unknown> {
  const objects = objectsIn(card);
  const button = objects.find((object) => object['type'] === 'Action.Execute' && object['verb'] === verb && (title === undefined || object['title'] === title));
  if (!button) throw new Error(`The card has no ${verb} button${title ? ` titled ${title}` : ''}`);
  const inputs = Object.fromEntries(
    objects.filter((object) => String(object['type']).startsWith('Input.')).map((input) => [String(input['id']), String(input['value'] ?? '')]),
  );
  return { ...inputs, ...changes, ...(button['data'] as Json) };
}

/** The value an input of the card holds. */
export function inputValue(card: Json | undefined, id: string): unknown {
  return objectsIn(card).find((object) => String(object['type']).startsWith('Input.') && object['id'] === id)?.['value'];
}

/** The texts shown on a card (TextBlocks and TextRuns), joined. */
export function shownText(card: Json | undefined): string {
  return objectsIn(card)
    .filter((object) => object['type'] === 'TextBlock' || object['type'] === 'TextRun')
    .map((object) => String(object['text']))
    .join('');
}
