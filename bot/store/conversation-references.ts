import { sql } from 'kysely';
import { z } from 'zod';
import type { ConversationAddress, ConversationKind, Messenger } from '../ports.js';
import type { Db } from './database.js';
import { RecordCache } from './record-cache.js';
import { NO_STORE_CHANGES, type StoreChanges } from './store-changes.js';

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

/**
 * Where the bot can write to people later: every conversation it has been installed in or spoken in, by tenant,
 * with the one-to-one chats findable by person. Kept up to date on every turn; marked dead, not deleted, when
 * the app is removed or Teams refuses a message.
 */
export class ConversationStore {
  /**
   * What is stored of each conversation, as this instance last wrote or found it, so a conversation's every
   * message does not rewrite the same row. Dropped when any instance changes the row (marks it dead, say), so the
   * person's next message brings it back.
   */
  private readonly stored: RecordCache<string>;

  constructor(
    private readonly db: Db,
    changes: StoreChanges = NO_STORE_CHANGES,
  ) {
    this.stored = new RecordCache(changes);
    changes.subscribe((change) => {
      if (change === null) return this.stored.clear();
      if (change.table !== 'conversation_references') return;
      const [tenantId, conversationId] = change.key;
      if (tenantId === undefined || conversationId === undefined) this.stored.clear();
      else this.stored.forget(conversationKey(tenantId, conversationId));
    });
  }

  async remember(conversation: KnownConversation, at: Date): Promise<void> {
    const key = conversationKey(conversation.tenantId, conversation.conversationId);
    const personal = conversation.kind === 'personal';
    const row = {
      tenant_id: conversation.tenantId,
      conversation_id: conversation.conversationId,
      kind: conversation.kind,
      user_id: personal ? (conversation.userId ?? null) : null,
      user_name: personal ? (conversation.userName ?? null) : null,
      address: JSON.stringify(conversation.address),
      updated_at: at,
      dead_at: null,
      dead_reason: null,
    };
    const fingerprint = JSON.stringify([row.kind, row.user_id, row.user_name, row.address]);
    if (this.stored.get(key)?.value === fingerprint) return;
    const since = this.stored.watch(key);
    await this.db
      .insertInto('conversation_references')
      .values(row)
      .onConflict((conflict) =>
        conflict
          .columns(['tenant_id', 'conversation_id'])
          .doUpdateSet({ user_id: row.user_id, user_name: row.user_name, address: row.address, updated_at: at, dead_at: null, dead_reason: null })
          // Unchanged and alive: left as it is, so other instances are not told of a change that is none.
          .where(
            sql<boolean>`conversation_references.user_id IS DISTINCT FROM excluded.user_id
              OR conversation_references.user_name IS DISTINCT FROM excluded.user_name
              OR conversation_references.address IS DISTINCT FROM excluded.address
              OR conversation_references.dead_at IS NOT NULL`,
          ),
      )
      .execute();
    this.stored.keepIfUnchanged(key, since, fingerprint);
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
    this.stored.forget(conversationKey(tenantId, conversationId));
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

  /** How many of the tenant's chats the bot can no longer write to (blocked, removed, left). */
  async deadChatCount(tenantId: string): Promise<number> {
    const row = await this.db
      .selectFrom('conversation_references')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where('tenant_id', '=', tenantId)
      .where('dead_at', 'is not', null)
      .executeTakeFirst();
    return Number(row?.count ?? 0);
  }
}

function conversationKey(tenantId: string, conversationId: string): string {
  return `${tenantId}\u0000${conversationId}`;
}
