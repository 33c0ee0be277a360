import type { BotContext } from '../../bot/handlers/context.js';
import type { AttachedFile, Reply } from '../../bot/ports.js';
import { createTurnHandler } from '../../bot/turn-handler.js';
import { SERVICE_URL } from '../bot/teams/bot-framework-double.js';

/**
 * Turns handed straight to the bot's turn handler (routes, resolver, handlers, the real database), without
 * restify, botbuilder or a stand-in Connector: for handler tests where the Teams wire is not what is tested.
 * Each person writes from their own one-to-one chat in `tenantId` (`chatOf` names it, to match chats a test
 * stored itself), and the turn stores its address as Teams' would be; the reply is the bot's own `Reply`.
 */
export function turnsWith(context: BotContext, tenantId: string, chatOf: (userId: string) => string = (userId) => `a:chat-with-${userId}`) {
  const handler = createTurnHandler(context);
  const base = (userId: string, at: string | Date) => {
    const conversation = { id: chatOf(userId), kind: 'personal' as const, tenantId };
    return {
      user: { id: `29:${userId}`, aadObjectId: userId },
      conversation,
      receivedAt: new Date(at),
      address: { channelId: 'msteams', serviceUrl: SERVICE_URL, conversation: { id: conversation.id, conversationType: 'personal', tenantId }, bot: { id: '28:bot' } },
    };
  };
  return {
    say: (userId: string, text: string, at: string | Date, extra: { readonly mentionedUserIds?: readonly string[]; readonly files?: readonly AttachedFile[] } = {}): Promise<Reply> =>
      handler.handle({ ...base(userId, at), kind: 'message', text, mentionedUserIds: extra.mentionedUserIds ?? [], files: extra.files ?? [] }),
    press: (userId: string, verb: string, data: Record<string, unknown>, at: string | Date): Promise<Reply> =>
      handler.handle({ ...base(userId, at), kind: 'card-action', verb, data, via: 'execute' }),
  };
}

/** Everything a reply says: its messages' texts and the invoke message, one per line. */
export function textOf(reply: Reply): string {
  return [...reply.messages.map((message) => message.text), ...(reply.invokeMessage === undefined ? [] : [reply.invokeMessage])].join('\n');
}
