import nock from 'nock';
import { expect } from 'vitest';
import type { StartedBot } from '../../bot/start-bot.js';
import { replyText } from '../../scripts/eval/expectations.js';
import { objectsIn, type Json } from '../cards/card-queries.js';
import { cardActionInvoke, CONNECTOR, personalMessage, replyPath } from '../bot/teams/bot-framework-double.js';

/** One exchange with the real bot over HTTP, as Teams makes it, nock standing in for the Bot Connector. */
export interface Exchange {
  /** Everything the bot posted to the chat: texts and card strings. */
  readonly said: string;
  /** The message texts alone, one per message (what notifications and clients without cards show). */
  readonly texts: readonly string[];
  readonly cards: readonly Json[];
  /** The card that replaced the pressed one (Action.Execute's invoke response), if any. */
  readonly updatedCard?: Json;
}

/** Talks to a running bot as people of one tenant, each in their own one-to-one chat. */
export function chatWith(bot: () => StartedBot, tenantId: string) {
  let nextId = 0;
  const post = async (activity: Record<string, unknown>, conversationId: string, activityId: string): Promise<Exchange> => {
    const sent: Record<string, unknown>[] = [];
    nock(CONNECTOR)
      .post(replyPath(conversationId, activityId), (body: Record<string, unknown>) => (sent.push(body), true))
      .times(6)
      .reply(200, { id: 'reply' });
    const response = await fetch(`${bot().url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    expect(response.status).toBe(200);
    const body = await response.text();
    nock.cleanAll();
    const invoke = body === '' ? undefined : (JSON.parse(body) as { value?: unknown; type?: string });
    return {
      said: replyText(sent),
      texts: sent.flatMap((reply) => (typeof reply.text === 'string' ? [reply.text] : [])),
      cards: sent.flatMap((reply) => ((reply.attachments as { content: Json }[] | undefined) ?? []).map((attachment) => attachment.content)),
      ...(invoke?.type === 'application/vnd.microsoft.card.adaptive' ? { updatedCard: invoke.value as Json } : {}),
    };
  };
  const nextActivityId = () => `activity-${nextId++}`;
  return {
    say: (userId: string, text: string, timestamp: string, extra: Record<string, unknown> = {}): Promise<Exchange> => {
      const id = nextActivityId();
      const { conversationId, activity } = personalMessage(userId, tenantId, id, timestamp);
      return post({ ...activity, text, ...extra }, conversationId, id);
    },
    press: (userId: string, verb: string, data: Record<string, unknown>, timestamp: string): Promise<Exchange> => {
      const id = nextActivityId();
      const { conversationId, activity } = personalMessage(userId, tenantId, id, timestamp);
      return post(cardActionInvoke(activity, verb, data), conversationId, id);
    },
  };
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
