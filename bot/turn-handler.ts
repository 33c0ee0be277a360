import { londonDateOf } from '../domain/dates/local-date.js';
import { LOCAL_TENANT_ID } from './cases/identifiers.js';
import { askQuestion } from './handlers/ask-question.js';
import { welcomeFor } from './handlers/commands.js';
import type { BotContext } from './handlers/context.js';
import { resolveRoute, type CardRoute } from './route-access.js';
import { CARD_ROUTES, MESSAGE_ROUTES, RECORD_REQUEST_ROUTE } from './routes.js';
import type { Asker, Turn, TurnHandler } from './ports.js';
import { recordRequestIn } from './understanding/recorded-event.js';

export interface TurnHandlerOptions {
  /**
   * Whether every turn belongs to LOCAL_TENANT_ID whatever tenant the client names: so with authentication off
   * (no MicrosoftAppId) the Playground's own tenant id, `npm run import` and the tab's dev tenant all meet.
   */
  readonly oneLocalTenant?: boolean;
}

/**
 * The bot's behaviour for one turn: typed commands from the route table, then "record … for <ref>", else a
 * procedural question; card actions by verb, their data checked against the verb's schema; a welcome on install.
 */
export function createTurnHandler(context: BotContext, options: TurnHandlerOptions = {}): TurnHandler {
  return {
    async handle(turn) {
      const asker = askerOf(turn, options.oneLocalTenant ?? false);
      // Every turn refreshes where the bot can write to this conversation later (reminders, approvals).
      if (turn.kind === 'uninstalled') {
        await context.conversations.markDead(asker.tenantId, turn.conversation.id, 'uninstalled', turn.receivedAt);
      } else {
        await context.conversations.remember(
          {
            tenantId: asker.tenantId,
            conversationId: turn.conversation.id,
            kind: turn.conversation.kind,
            userId: asker.userId,
            ...(turn.userName === undefined ? {} : { userName: turn.userName }),
            address: turn.address,
          },
          turn.receivedAt,
        );
      }
      switch (turn.kind) {
        case 'message': {
          const request = { text: turn.text, receivedAt: turn.receivedAt, asker, mentionedUserIds: turn.mentionedUserIds, files: turn.files };
          for (const { pattern, groups, route } of MESSAGE_ROUTES) {
            const match = pattern.exec(turn.text);
            if (match) return resolveRoute(route, namedArguments(match, groups), request, context);
          }
          const recordRequest = recordRequestIn(turn.text, londonDateOf(turn.receivedAt), context.policies);
          if (recordRequest) return resolveRoute(RECORD_REQUEST_ROUTE, recordRequest, request, context);
          return askQuestion(turn.text, turn.receivedAt, asker, context);
        }
        case 'card-action': {
          const cardRoute = Object.hasOwn(CARD_ROUTES, turn.verb) ? (CARD_ROUTES as Readonly<Record<string, CardRoute>>)[turn.verb] : undefined;
          if (!cardRoute) return { messages: [], invokeMessage: 'That button is from a card this version of the bot no longer knows.' };
          const data = cardRoute.schema.safeParse(turn.data);
          if (!data.success) return { messages: [], invokeMessage: 'That card sent something I could not read. Please ask again.' };
          return resolveRoute(cardRoute.route, data.data as never, { receivedAt: turn.receivedAt, asker }, context);
        }
        case 'installed':
          if (turn.team?.name !== undefined) {
            await context.teamChannels.remember(asker.tenantId, { id: turn.team.id, name: turn.team.name }, turn.address, turn.receivedAt);
          }
          return welcomeFor(asker, context);
        case 'uninstalled':
          return { messages: [] };
      }
    },
  };
}

function askerOf(turn: Turn, oneLocalTenant: boolean): Asker {
  return {
    tenantId: oneLocalTenant ? LOCAL_TENANT_ID : (turn.conversation.tenantId ?? LOCAL_TENANT_ID),
    userId: turn.user.aadObjectId ?? turn.user.id,
    conversationId: turn.conversation.id,
  };
}

/** A command's named groups, each as matched or '' where its part of the pattern was not. */
function namedArguments(match: RegExpExecArray, groups: readonly string[]): Readonly<Record<string, string>> {
  return Object.fromEntries(groups.map((name) => [name, match.groups?.[name] ?? '']));
}
