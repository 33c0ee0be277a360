import { randomInt } from 'node:crypto';
import type { Storage, StoreItems } from 'botbuilder';
import { z } from 'zod';
import type { Db } from '../store/database.js';

const StateRowSchema = z.object({
  key: z.string(),
  etag: z.coerce.string(),
  document: z.record(z.string(), z.unknown()),
});

/** An eTag this storage could have issued: a positive bigint written in decimal. */
const ISSUED_ETAG = /^[1-9]\d{0,17}$/;

/**
 * A write lost the optimistic-concurrency race. The message is MemoryStorage's, so code written against
 * botbuilder's own storages reads it the same; the name lets logs (which carry names, not messages) tell it apart.
 */
export class ETagConflictError extends Error {
  override readonly name = 'ETagConflictError';
  constructor(key: string) {
    super(`Storage: error writing "${key}" due to eTag conflict.`);
  }
}

/**
 * botbuilder's conversation and user state in our own database (table `bot_state`), so any instance can take the
 * next turn and a restart forgets nothing. Optimistic concurrency follows botbuilder's contract: an item written
 * with eTag `'*'` or none overwrites; one written with another eTag must match the stored one or the write
 * throws; every successful write gives the item a new eTag. Each check is one conditional statement, so two
 * writers racing on the same eTag cannot both win.
 *
 * @example
 * const storage = new DatabaseStorage(database.db);
 * const conversationState = new ConversationState(storage);
 * await storage.read(['msteams/conversations/19:abc/']) //=> { 'msteams/conversations/19:abc/': { …, eTag: '8123' } }
 */
export class DatabaseStorage implements Storage {
  constructor(private readonly db: Db) {}

  async read(keys: string[]): Promise<StoreItems> {
    if (keys.length === 0) return {};
    const rows = await this.db.selectFrom('bot_state').select(['key', 'etag', 'document']).where('key', 'in', [...new Set(keys)]).execute();
    return Object.fromEntries(
      rows.map((row) => {
        const parsed = StateRowSchema.parse(row);
        return [parsed.key, { ...parsed.document, eTag: parsed.etag }];
      }),
    );
  }

  /** All the changes or none: a conflict on one key rolls back the others written in the same call. */
  async write(changes: StoreItems): Promise<void> {
    // Sorted, so two multi-key writes lock rows in the same order and cannot deadlock.
    const keys = Object.keys(changes).sort();
    if (keys.length === 0) return;
    await this.db.transaction().execute(async (trx) => {
      for (const key of keys) await writeOne(trx, key, changes[key] as unknown);
    });
  }

  async delete(keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    await this.db.deleteFrom('bot_state').where('key', 'in', [...new Set(keys)]).execute();
  }
}

async function writeOne(db: Db, key: string, item: unknown): Promise<void> {
  const { eTag, ...rest } = z.record(z.string(), z.unknown()).parse(item);
  const document = JSON.stringify(rest);
  if (eTag === undefined || eTag === null || eTag === '' || eTag === '*') {
    await db
      .insertInto('bot_state')
      .values({ key, etag: firstETag(), document })
      .onConflict((conflict) => conflict.column('key').doUpdateSet((eb) => ({ document: eb.ref('excluded.document'), etag: eb('bot_state.etag', '+', '1') })))
      .execute();
    return;
  }
  const expected = String(eTag);
  if (ISSUED_ETAG.test(expected)) {
    const updated = await db
      .updateTable('bot_state')
      .set((eb) => ({ document, etag: eb('etag', '+', '1') }))
      .where('key', '=', key)
      .where('etag', '=', expected)
      .executeTakeFirst();
    if (updated.numUpdatedRows > 0n) return;
  }
  // No row had that eTag. If the key is missing altogether the item is new here and is written, as MemoryStorage
  // does; if it exists (or another writer creates it first) the eTag is stale.
  const inserted = await db
    .insertInto('bot_state')
    .values({ key, etag: firstETag(), document })
    .onConflict((conflict) => conflict.column('key').doNothing())
    .executeTakeFirst();
  if ((inserted.numInsertedOrUpdatedRows ?? 0n) === 0n) throw new ETagConflictError(key);
}

/**
 * A new key starts at a random eTag rather than 1, so a key deleted and written again never re-issues an eTag
 * that a writer holding the old item could still present.
 */
function firstETag(): string {
  return String(randomInt(1, 2 ** 47));
}
