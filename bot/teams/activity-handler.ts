import { ActivityTypes, CardFactory, TeamsInfo, type Activity, type TurnContext } from 'botbuilder';
import { TeamsConnectorClient, type ConnectorClient } from 'botframework-connector';
import { z } from 'zod';
import type { AttachedFile, ConversationKind, Reply, Turn, TurnHandler } from '../ports.js';
import { addressOf, tenantIdOf } from './conversation-reference.js';
import { withOperationTimeout } from './microsoft-calls.js';
import { activityFor } from './outgoing-activity.js';
import {
  asInvokeResponseActivity,
  errorResponse,
  messageResponse,
  updatedCardResponse,
} from './invoke-responses.js';

/** What CloudAdapter.process runs for each authenticated activity. */
export type BotLogic = (context: TurnContext) => Promise<void>;

type Reading =
  | { readonly kind: 'turn'; readonly turn: Turn }
  | { readonly kind: 'malformed-card-action'; readonly reason: string }
  | { readonly kind: 'ignored' };

const CardDataSchema = z.record(z.string(), z.unknown());

/** Action.Execute arrives as `value.action`; Teams merges the card's inputs into `data`. */
const ExecuteValueSchema = z.object({
  action: z.object({ verb: z.string().trim().min(1), data: CardDataSchema.optional() }),
});

/** Action.Submit arrives as a message whose `value` is the card's data plus its inputs; ours carry a `verb`. */
const SubmitValueSchema = z.looseObject({ verb: z.string().trim().min(1) });

/**
 * Turns each Teams activity into our plain Turn, asks the TurnHandler, and turns its Reply back into
 * activities (and, for Action.Execute, the invoke response). Activities that are no Turn are ignored;
 * botbuilder answers an unrecognised invoke with 501.
 */
export function createActivityHandler(turnHandler: TurnHandler, microsoftTimeoutMs: number): BotLogic {
  return async (context) => {
    const reading = readTurn(context.activity);
    switch (reading.kind) {
      case 'ignored':
        return;
      case 'malformed-card-action':
        await context.sendActivity(asInvokeResponseActivity(errorResponse(400, 'BadRequest', reading.reason)));
        return;
      case 'turn': {
        const turn = await withTeamName(context, await withMentionedPeople(context, reading.turn), microsoftTimeoutMs);
        await deliver(context, turn, await turnHandler.handle(turn));
      }
    }
  };
}

function readTurn(activity: Activity): Reading {
  const tenantId = tenantIdOf(activity);
  const base = {
    user: { id: activity.from.id, ...(activity.from.aadObjectId ? { aadObjectId: activity.from.aadObjectId } : {}) },
    ...(typeof activity.from.name === 'string' && activity.from.name.trim() !== '' ? { userName: activity.from.name.trim().slice(0, 120) } : {}),
    conversation: {
      id: activity.conversation.id,
      kind: conversationKindOf(activity.conversation.conversationType),
      ...(tenantId ? { tenantId } : {}),
    },
    receivedAt: receivedAtOf(activity),
    address: addressOf(activity),
  };
  const turn = (details: Turn): Reading => ({ kind: 'turn', turn: details });
  switch (activity.type) {
    case ActivityTypes.Message: {
      const submitted = SubmitValueSchema.safeParse(activity.value);
      if (submitted.success) {
        const { verb, ...data } = submitted.data;
        return turn({ ...base, kind: 'card-action', verb, data, via: 'submit' });
      }
      return turn({ ...base, kind: 'message', text: textWithoutBotMention(activity), mentionedUserIds: [], files: filesOf(activity) });
    }
    case ActivityTypes.Invoke: {
      if (activity.name !== 'adaptiveCard/action') return { kind: 'ignored' };
      const executed = ExecuteValueSchema.safeParse(activity.value);
      if (!executed.success) {
        const issue = executed.error.issues[0];
        const where = issue?.path.length ? `value.${issue.path.join('.')}` : 'value';
        return { kind: 'malformed-card-action', reason: `Action.Execute ${where}: ${issue?.message ?? 'invalid'}` };
      }
      const { verb, data = {} } = executed.data.action;
      return turn({ ...base, kind: 'card-action', verb, data, via: 'execute' });
    }
    case ActivityTypes.ConversationUpdate: {
      const isBot = (member: { id: string }) => member.id === activity.recipient.id;
      if (activity.membersAdded?.some(isBot)) {
        const team = teamOf(activity);
        return turn({ ...base, kind: 'installed', ...(team ? { team } : {}) });
      }
      if (activity.membersRemoved?.some(isBot)) return turn({ ...base, kind: 'uninstalled' });
      return { kind: 'ignored' };
    }
    case ActivityTypes.InstallationUpdate:
      // The -upgrade actions come with an app version change; botbuilder treats them as add and remove too.
      switch (activity.action) {
        case 'add':
        case 'add-upgrade':
          // Teams (and the Agents Playground) send a conversationUpdate adding the bot with every install: that
          // one greets and is remembered, or the welcome card would come twice.
          return { kind: 'ignored' };
        case 'remove':
        case 'remove-upgrade':
          return turn({ ...base, kind: 'uninstalled' });
        default:
          return { kind: 'ignored' };
      }
    default:
      return { kind: 'ignored' };
  }
}

const TeamChannelDataSchema = z.object({ team: z.object({ id: z.string().trim().min(1).max(200), name: z.string().trim().min(1).max(200).optional() }) });

/** The Teams team a channel conversation belongs to, as its channel data names it. */
function teamOf(activity: Activity): { readonly id: string; readonly name?: string } | undefined {
  if (activity.conversation.conversationType !== 'channel') return undefined;
  const parsed = TeamChannelDataSchema.safeParse(activity.channelData);
  if (!parsed.success) return undefined;
  const { id, name } = parsed.data.team;
  return name === undefined ? { id } : { id, name };
}

/**
 * Teams does not always name the team in the conversationUpdate that adds the bot to it; the name is what a
 * case's team is matched by, so it is asked for. A team whose name cannot be had is left unnamed.
 */
async function withTeamName(context: TurnContext, turn: Turn, microsoftTimeoutMs: number): Promise<Turn> {
  if (turn.kind !== 'installed' || turn.team === undefined || turn.team.name !== undefined) return turn;
  try {
    const name = (await teamsConnector(context, microsoftTimeoutMs).teams.fetchTeamDetails(turn.team.id)).name;
    return typeof name === 'string' && name.trim() !== '' ? { ...turn, team: { id: turn.team.id, name: name.trim().slice(0, 200) } } : turn;
  } catch {
    return turn;
  }
}

/**
 * The Teams API client TeamsInfo.getTeamDetails builds for itself, with no timeout and out of the adapter's
 * reach; built here from the turn's own credentials so that it gives up like every other call to Microsoft.
 */
function teamsConnector(context: TurnContext, microsoftTimeoutMs: number): TeamsConnectorClient {
  const connector = context.turnState.get<ConnectorClient>(context.adapter.ConnectorClientKey);
  return withOperationTimeout(new TeamsConnectorClient(connector.credentials, { baseUri: context.activity.serviceUrl }), microsoftTimeoutMs);
}

/**
 * Teams names a mentioned person by their channel id (29:…) only; roles are kept by Entra object id, so each
 * mention other than the bot's is looked up in the conversation's roster. One that cannot be found is left out.
 */
async function withMentionedPeople(context: TurnContext, turn: Turn): Promise<Turn> {
  if (turn.kind !== 'message') return turn;
  const mentioned = (context.activity.entities ?? [])
    .filter((entity) => String(entity.type).toLowerCase() === 'mention')
    .map((entity): unknown => entity.mentioned?.id)
    .filter((id): id is string => typeof id === 'string' && id !== context.activity.recipient.id);
  if (mentioned.length === 0) return turn;
  const objectIds = await Promise.all(
    mentioned.map(async (id) => {
      try {
        return (await TeamsInfo.getMember(context, id)).aadObjectId;
      } catch {
        return undefined;
      }
    }),
  );
  return { ...turn, mentionedUserIds: objectIds.filter((id): id is string => typeof id === 'string' && id !== '') };
}

/** Teams' own file type for a file sent to a bot in personal chat, with a short-lived download link. */
const FileDownloadInfoSchema = z.object({
  contentType: z.literal('application/vnd.microsoft.teams.file.download.info'),
  name: z.string().max(255),
  content: z.object({ downloadUrl: z.url({ protocol: /^https$/ }) }),
});

function filesOf(activity: Activity): AttachedFile[] {
  return (activity.attachments ?? []).flatMap((attachment) => {
    const file = FileDownloadInfoSchema.safeParse(attachment);
    return file.success ? [{ name: file.data.name, downloadUrl: file.data.content.downloadUrl }] : [];
  });
}

function conversationKindOf(conversationType: string | undefined): ConversationKind {
  switch (conversationType) {
    case 'channel':
      return 'channel';
    case 'groupChat':
      return 'groupChat';
    default:
      // Teams says 'personal'; the Bot Framework Emulator says nothing and is a one-to-one chat too.
      return 'personal';
  }
}

function receivedAtOf(activity: Activity): Date {
  // server.ts admits only activities with a valid timestamp, and CloudAdapter turns it into a Date.
  if (!(activity.timestamp instanceof Date)) throw new Error('Activity reached the handler without a timestamp');
  return activity.timestamp;
}

/**
 * The message text without the bot's @mention. In channels and group chats Teams puts `<at>CiN Assistant</at>`
 * into the text and a matching `mention` entity beside it. Unlike TurnContext.removeRecipientMention this removes
 * every mention of the bot, tolerates entities without a type, and leaves the activity untouched.
 */
function textWithoutBotMention(activity: Activity): string {
  const mentionTexts = (activity.entities ?? [])
    .filter((entity) => String(entity.type).toLowerCase() === 'mention' && entity.mentioned?.id === activity.recipient.id)
    .map((entity): unknown => entity.text)
    .filter((text): text is string => typeof text === 'string' && text.length > 0);
  const text = mentionTexts.reduce(
    (remaining, mention) => remaining.replace(new RegExp(`\\s*${escapeRegExp(mention)}\\s*`, 'g'), ' '),
    activity.text ?? '',
  );
  return text.trim();
}

function escapeRegExp(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

async function deliver(context: TurnContext, turn: Turn, reply: Reply): Promise<void> {
  if (reply.messages.length > 0) await context.sendActivities(reply.messages.map(activityFor));
  if (turn.kind !== 'card-action') return;
  if (turn.via === 'execute') {
    // Teams wants an answer to every invoke; an empty message leaves the pressed card as it was.
    const response = reply.updatedCard ? updatedCardResponse(reply.updatedCard) : messageResponse(reply.invokeMessage ?? '');
    await context.sendActivity(asInvokeResponseActivity(response));
    return;
  }
  // Action.Submit has no invoke response, so the same outcomes go by message: Teams names the card's own
  // message in replyToId, and updating that message replaces the card.
  const cardMessageId = context.activity.replyToId;
  if (reply.updatedCard && cardMessageId) {
    await context.updateActivity({
      type: ActivityTypes.Message,
      id: cardMessageId,
      attachments: [CardFactory.adaptiveCard(reply.updatedCard)],
    });
  } else if (reply.invokeMessage) {
    await context.sendActivity(reply.invokeMessage);
  }
}
