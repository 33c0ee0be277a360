import { z } from 'zod';
import type { ConversationAddress, ConversationKind, Messenger } from '../ports.js';
import type { Db } from './database.js';

export interface KnownConversation {
  readonly tenantId: string;
  readonly conversationId: string;
  readonly kind: ConversationKind;
  /** The person, for a one-to-one chat: where their reminders go. */
  readonly userId?: string;
  /** Their display name in Teams (staff only), when Teams gave one. */
  readonly userName?: string;
  readonly address: ConversationAddress;
}

const AddressSchema = z.record(z.string(), z.unknown());
const REMEMBERED_FOR_MS = 10 * 60 * 1000;
const MOST_REMEMBERED = 50_000;

/**
 * Where the bot can write to people later: every conversation it has been installed in or spoken in, by tenant,
 * with the one-to-one chats findable by person. Kept up to date on every turn; marked dead, not deleted, when
 * the app is removed or Teams refuses a message.
 */
export class ConversationStore {
  /**
   * What this process wrote lately, so a conversation's every message does not rewrite the same row. Kept ten
   * minutes, so a chat another instance marked dead is brought back soon after its person writes again.
   */
  private readonly recentlyRemembered = new Map<string, number>();

  constructor(private readonly db: Db) {}

  async remember(conversation: KnownConversation, at: Date): Promise<void> {
    const key = `${conversation.tenantId}\u0000${conversation.conversationId}\u0000${conversation.userId ?? ''}\u0000${conversation.userName ?? ''}\u0000${JSON.stringify(conversation.address)}`;
    const rememberedAt = this.recentlyRemembered.get(key);
    if (rememberedAt !== undefined && at.getTime() - rememberedAt < REMEMBERED_FOR_MS && at.getTime() >= rememberedAt) return;
    const row = {
      tenant_id: conversation.tenantId,
      conversation_id: conversation.conversationId,
      kind: conversation.kind,
      user_id: conversation.kind === 'personal' ? (conversation.userId ?? null) : null,
      user_name: conversation.kind === 'personal' ? (conversation.userName ?? null) : null,
      address: JSON.stringify(conversation.address),
      updated_at: at,
      dead_at: null,
      dead_reason: null,
    };
    await this.db
      .insertInto('conversation_references')
      .values(row)
      .onConflict((conflict) =>
        conflict
          .columns(['tenant_id', 'conversation_id'])
          .doUpdateSet({ user_id: row.user_id, user_name: row.user_name, address: row.address, updated_at: at, dead_at: null, dead_reason: null }),
      )
      .execute();
    if (this.recentlyRemembered.size >= MOST_REMEMBERED) this.recentlyRemembered.clear();
    this.recentlyRemembered.set(key, at.getTime());
  }

  /** The person's live one-to-one chat with the bot, if there is one. */
  async personalChatOf(tenantId: string, userId: string): Promise<ConversationAddress | undefined> {
    const row = await this.db
      .selectFrom('conversation_references')
      .select('address')
      .where('tenant_id', '=', tenantId)
      .where('user_id', '=', userId)
      .where('kind', '=', 'personal')
      .where('dead_at', 'is', null)
      .orderBy('updated_at', 'desc')
      .executeTakeFirst();
    return row ? AddressSchema.parse(row.address) : undefined;
  }

  /**
   * The person's live one-to-one chat, or a new one Teams makes for the bot (remembered at once): how reminders
   * and approval cards reach someone who has never written to the bot. Teams' refusal is thrown to the caller.
   */
  async personalChatOrNew(tenantId: string, userId: string, messenger: Pick<Messenger, 'createConversation'>, at: Date): Promise<ConversationAddress> {
    const known = await this.personalChatOf(tenantId, userId);
    if (known) return known;
    const address = await messenger.createConversation(tenantId, userId);
    const conversation = address.conversation as { id: string };
    await this.remember({ tenantId, conversationId: conversation.id, kind: 'personal', userId, address }, at);
    return address;
  }

  /** A member of staff's display name, from the last time they wrote to the bot one to one. */
  async nameOf(tenantId: string, userId: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('conversation_references')
      .select('user_name')
      .where('tenant_id', '=', tenantId)
      .where('user_id', '=', userId)
      .where('user_name', 'is not', null)
      .orderBy('updated_at', 'desc')
      .executeTakeFirst();
    return row?.user_name ?? undefined;
  }

  /**
   * The app was removed, or Teams said the person or chat is gone (403, 404): write there no more. True when
   * this call is the one that found it gone, so whoever must be told is told once.
   */
  async markDead(tenantId: string, conversationId: string, reason: string, at: Date): Promise<boolean> {
    const prefix = `${tenantId}\u0000${conversationId}\u0000`;
    for (const key of this.recentlyRemembered.keys()) if (key.startsWith(prefix)) this.recentlyRemembered.delete(key);
    const updated = await this.db
      .updateTable('conversation_references')
      .set({ dead_at: at, dead_reason: reason })
      .where('tenant_id', '=', tenantId)
      .where('conversation_id', '=', conversationId)
      .where('dead_at', 'is', null)
      .executeTakeFirst();
    return updated.numUpdatedRows > 0n;
  }

  /** No chat with this person could be made (Teams refused): noted once, so the people to tell are told once. */
  async markUnreachable(tenantId: string, userId: string, reason: string, at: Date): Promise<boolean> {
    const inserted = await this.db
      .insertInto('conversation_references')
      .values({
        tenant_id: tenantId,
        conversation_id: `unreachable:${userId}`,
        kind: 'personal',
        user_id: userId,
        address: JSON.stringify({}),
        updated_at: at,
        dead_at: at,
        dead_reason: reason,
      })
      .onConflict((conflict) => conflict.columns(['tenant_id', 'conversation_id']).doNothing())
      .executeTakeFirst();
    return (inserted.numInsertedOrUpdatedRows ?? 0n) > 0n;
  }
}
