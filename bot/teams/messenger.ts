import type { ConversationParameters, TurnContext } from 'botbuilder';
import type { Logger } from '../log.js';
import type { ConversationAddress, Messenger, OutgoingMessage } from '../ports.js';
import type { TeamsAdapter } from './adapter.js';
import { referenceAt } from './conversation-reference.js';
import { activityFor } from './outgoing-activity.js';

/** The global Teams endpoint; it routes to the tenant's region when no conversation has told us a regional one. */
export const GLOBAL_TEAMS_SERVICE_URL = 'https://smba.trafficmanager.net/teams/';

/** Who the bot's outbound token is for: the Bot Connector of the public cloud, where councils' Teams runs. */
const BOT_CONNECTOR_AUDIENCE = 'https://api.botframework.com';

export interface MessengerOptions {
  /** The bot's app id; empty when authentication is disabled for local use. */
  readonly appId: string;
  readonly serviceUrl?: string;
  /** Told once that the channel answers sends without an activity id. */
  readonly log?: Logger;
}

/**
 * Sends outside a turn (reminders, approvals) through the adapter. Failures (a 403 for a user who removed the
 * app, a 429, a 5xx) are thrown to the caller, which owns the retry policy.
 */
export function createMessenger(adapter: TeamsAdapter, options: MessengerOptions): Messenger {
  const { appId, serviceUrl = GLOBAL_TEAMS_SERVICE_URL, log } = options;
  let toldOfMissingIds = false;

  // botbuilder hands an error thrown inside the callback to onTurnError, which would apologise to the user and
  // swallow it; the scheduler needs it instead, so it is carried out of the callback and rethrown here.
  async function inConversation<T>(address: ConversationAddress, work: (context: TurnContext) => Promise<T>): Promise<T> {
    let outcome: { readonly value: T } | { readonly error: unknown } | undefined;
    await adapter.continueConversationAsync(appId, referenceAt(address), async (context) => {
      try {
        outcome = { value: await work(context) };
      } catch (error) {
        outcome = { error };
      }
    });
    if (outcome === undefined) throw new Error('continueConversationAsync did not run its callback');
    if ('error' in outcome) throw outcome.error;
    return outcome.value;
  }

  return {
    async send(address: ConversationAddress, message: OutgoingMessage) {
      // A 2xx is a delivery; an error status has already been thrown. Sending again because no id came back
      // would repeat the message every pass (the Agents Playground answers so).
      const sent = await inConversation(address, (context) => context.sendActivity(activityFor(message)));
      if (sent?.id) return { activityId: sent.id };
      if (!toldOfMissingIds) {
        toldOfMissingIds = true;
        log?.warn('connector-sent-without-activity-id', { note: 'delivered; such messages cannot be updated in place' });
      }
      return {};
    },

    async update(address: ConversationAddress, activityId: string, message: OutgoingMessage) {
      await inConversation(address, (context) => context.updateActivity({ ...activityFor(message), id: activityId }));
    },

    async createConversation(tenantId: string, userAadObjectId: string) {
      const botAccountId = `28:${appId}`;
      const parameters = {
        isGroup: false,
        bot: { id: botAccountId },
        // Teams accepts the user's Entra object id here and answers with the one-to-one chat's id.
        members: [{ id: userAadObjectId }],
        tenantId,
        channelData: { tenant: { id: tenantId } },
      };
      let conversationId: string | undefined;
      await adapter.createConversationAsync(
        appId,
        'msteams',
        serviceUrl,
        BOT_CONNECTOR_AUDIENCE,
        // botbuilder's types want display names that Teams does not need; a stored address keeps none.
        parameters as ConversationParameters,
        async (context) => {
          conversationId = context.activity.conversation.id;
        },
      );
      if (!conversationId) throw new Error('The Bot Connector created a conversation without an id');
      return {
        channelId: 'msteams',
        serviceUrl,
        conversation: { id: conversationId, conversationType: 'personal', tenantId, isGroup: false },
        bot: { id: botAccountId },
      };
    },
  };
}
