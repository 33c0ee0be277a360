import type { Asker, QuestionMemory } from '../ports.js';
import { RecordCache } from './record-cache.js';
import type { StoreChanges } from './store-changes.js';

const personKey = (tenantId: string, userId: string) => `${tenantId}\u0000${userId}`;
const chatKey = (tenantId: string, userId: string, conversationId: string) => `${tenantId}\u0000${userId}\u0000${conversationId}`;

/**
 * `stored`, with what every question turn reads kept in memory: the authority each person follows (their own
 * choice, else their tenant's), and who has no half-asked question waiting. A question turn then goes to the
 * database only when one of those changed, which every instance hears (`changes`). A half-asked question itself
 * is never kept: taking it is a change, so it is always taken from the database, whatever it holds.
 */
export function cachedQuestionMemory(stored: QuestionMemory, changes: StoreChanges): QuestionMemory {
  const authorities = new RecordCache<string | undefined>(changes);
  const nothingPending = new RecordCache<true>(changes);
  changes.subscribe((change) => {
    if (change === null) {
      authorities.clear();
      nothingPending.clear();
      return;
    }
    const [tenantId, userId, conversationId] = change.key;
    switch (change.table) {
      case 'tenant_settings':
        if (tenantId === undefined) authorities.clear();
        else authorities.forgetWhere((key) => key.startsWith(`${tenantId}\u0000`));
        return;
      case 'user_settings':
        if (tenantId === undefined || userId === undefined) authorities.clear();
        else authorities.forget(personKey(tenantId, userId));
        return;
      case 'pending_questions':
        if (tenantId === undefined || userId === undefined || conversationId === undefined) nothingPending.clear();
        else nothingPending.forget(chatKey(tenantId, userId, conversationId));
        return;
    }
  });
  const pendingKey = (asker: Asker) => chatKey(asker.tenantId, asker.userId, asker.conversationId);
  return {
    authorityFor: (asker) => authorities.read(personKey(asker.tenantId, asker.userId), () => stored.authorityFor(asker)),

    async rememberUserAuthority(asker, authorityId) {
      await stored.rememberUserAuthority(asker, authorityId);
      authorities.forget(personKey(asker.tenantId, asker.userId));
    },

    async takePendingQuestion(asker, now) {
      const key = pendingKey(asker);
      if (nothingPending.get(key)) return undefined;
      const since = nothingPending.watch(key);
      const taken = await stored.takePendingQuestion(asker, now);
      // Taken or none there: either way none waits now, unless one was written meanwhile (which drops `since`).
      nothingPending.keepIfUnchanged(key, since, true);
      return taken;
    },

    async rememberPendingQuestion(asker, pending, now) {
      await stored.rememberPendingQuestion(asker, pending, now);
      nothingPending.forget(pendingKey(asker));
    },
  };
}
