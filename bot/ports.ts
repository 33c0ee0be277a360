import type { AdaptiveCardJson } from '../cards/adaptive-card-json.js';
import type { Question } from '../domain/questions/question.js';

/**
 * The bot's own vocabulary. Everything outside bot/teams speaks these plain types, never botbuilder's, so a
 * move to the Microsoft 365 Agents SDK touches only bot/teams.
 */

export type ConversationKind = 'personal' | 'channel' | 'groupChat';

export interface TurnUser {
  /** The channel's id for the user (Teams: 29:…). */
  readonly id: string;
  /** Entra object id; authorisation decisions use this, looked up in stored roles. */
  readonly aadObjectId?: string;
}

export interface TurnConversation {
  readonly id: string;
  readonly kind: ConversationKind;
  readonly tenantId?: string;
}

interface TurnBase {
  readonly user: TurnUser;
  /** The sender's display name, as Teams gives it: staff, never a child. Kept so a manager's card can name a worker. */
  readonly userName?: string;
  readonly conversation: TurnConversation;
  /** The activity's own timestamp; "today" is its Europe/London date, never the server's clock. */
  readonly receivedAt: Date;
  /** Where later proactive messages to this conversation go (store it on install); see Messenger. */
  readonly address: ConversationAddress;
}

/** One incoming activity, reduced to what handlers need. */
export type Turn =
  | (TurnBase & {
      readonly kind: 'message';
      /** The text with any @mention of the bot removed and whitespace trimmed. */
      readonly text: string;
      /** Entra object ids of the people @mentioned (not the bot), in order. */
      readonly mentionedUserIds: readonly string[];
      /** Files sent with the message (Teams gives a pre-authorised download link for each). */
      readonly files: readonly AttachedFile[];
    })
  | (TurnBase & {
      /** Action.Execute (invoke adaptiveCard/action) or the Action.Submit fallback (message with value). */
      readonly kind: 'card-action';
      readonly verb: string;
      readonly data: Readonly<Record<string, unknown>>;
      readonly via: 'execute' | 'submit';
    })
  | (TurnBase & {
      readonly kind: 'installed';
      /** The Teams team, when the bot was added to a team (the conversation is then its General channel). */
      readonly team?: { readonly id: string; readonly name?: string };
    })
  | (TurnBase & { readonly kind: 'uninstalled' });

export interface AttachedFile {
  readonly name: string;
  readonly downloadUrl: string;
}

/** One message to send back: plain text always (notifications, screen readers, cardless clients), a card when there is one. */
export interface OutgoingMessage {
  readonly text: string;
  readonly card?: AdaptiveCardJson;
}

export interface Reply {
  readonly messages: readonly OutgoingMessage[];
  /** For card actions: the card that replaces the one pressed (Universal Actions invoke response). */
  readonly updatedCard?: AdaptiveCardJson;
  /** For card actions: a refusal or validation message shown to the user instead of a card. */
  readonly invokeMessage?: string;
}

export interface TurnHandler {
  handle(turn: Turn): Promise<Reply>;
}

/** Where a proactive message goes: a stored conversation reference, as plain JSON. */
export type ConversationAddress = Readonly<Record<string, unknown>>;

/** Sending outside a turn (reminders, approvals). Implemented with botbuilder in bot/teams/messenger.ts. */
export interface Messenger {
  /**
   * Any 2xx answer is a delivery. `activityId` is absent where the channel gave none (Agents Playground, some
   * stand-ins): the message arrived but cannot be updated in place later.
   */
  send(address: ConversationAddress, message: OutgoingMessage): Promise<{ readonly activityId?: string }>;
  update(address: ConversationAddress, activityId: string, message: OutgoingMessage): Promise<void>;
  createConversation(tenantId: string, userAadObjectId: string): Promise<ConversationAddress>;
}

/** Who is asking, as the stores key it: never a name. */
export interface Asker {
  readonly tenantId: string;
  /** Entra object id where Teams gives one, else the channel's user id. */
  readonly userId: string;
  readonly conversationId: string;
}

/**
 * A question that is waiting for one more thing: which authority, which date, or which of the rules offered
 * ("Which did you mean?"). Structured, never raw text.
 */
export interface PendingQuestion {
  readonly missing: 'authority' | 'date' | 'rule';
  readonly authorityId?: string;
  readonly question: Question;
}

/** What the bot remembers between messages about who asks what. Implemented on the database in bot/store. */
export interface QuestionMemory {
  /** The user's own choice (`set authority …`), else the tenant's default. */
  authorityFor(asker: Asker): Promise<string | undefined>;
  rememberUserAuthority(asker: Asker, authorityId: string): Promise<void>;
  /** The user's half-asked question in this conversation, if one is waiting, removing it in the same step. */
  takePendingQuestion(asker: Asker, now: Date): Promise<PendingQuestion | undefined>;
  rememberPendingQuestion(asker: Asker, pending: PendingQuestion, now: Date): Promise<void>;
}
