import nock from 'nock';
import { replyText } from '../../scripts/eval/expectations.js';
import { cardActionInvoke, CONNECTOR, personalMessage, replyPath } from '../bot/teams/bot-framework-double.js';

export const TENANT = '4b1f6a2e-9c3d-4e8f-a1b2-7c6d5e4f3a21';

export interface Exchange {
  /** The HTTP status the bot answered the activity with. */
  readonly status: number;
  /** Everything the bot said: texts and cards posted to the chat, and the invoke response's body. */
  readonly said: string;
}

/**
 * Talks to a running bot as Teams does, with nock standing in for the Bot Connector that takes its replies.
 * Each activity is stamped `timestamp`, the moment the bot reads "today" from.
 */
export function chatWith(botUrl: () => string) {
  let nextId = 0;
  const post = async (activity: Record<string, unknown>, conversationId: string, activityId: string): Promise<Exchange> => {
    const sent: Record<string, unknown>[] = [];
    nock(CONNECTOR)
      .post(replyPath(conversationId, activityId), (body: Record<string, unknown>) => (sent.push(body), true))
      .times(5)
      .reply(200, { id: 'reply' });
    const response = await fetch(`${botUrl()}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    const body = await response.text();
    nock.cleanAll();
    return { status: response.status, said: `${replyText(sent)}\n${body}` };
  };
  const nextActivityId = () => `fault-activity-${nextId++}`;
  return {
    say: (userId: string, text: string, timestamp: string) => {
      const id = nextActivityId();
      const { conversationId, activity } = personalMessage(userId, TENANT, id, timestamp);
      return post({ ...activity, text }, conversationId, id);
    },
    press: (userId: string, verb: string, data: Record<string, unknown>, timestamp: string) => {
      const id = nextActivityId();
      const { conversationId, activity } = personalMessage(userId, TENANT, id, timestamp);
      return post(cardActionInvoke(activity, verb, data), conversationId, id);
    },
  };
}
