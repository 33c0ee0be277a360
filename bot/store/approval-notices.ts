import { sql } from 'kysely';
import { z } from 'zod';
import type { ConversationAddress } from '../ports.js';
import type { Db } from './database.js';

const NoticeRowSchema = z.object({
  id: z.coerce.string(),
  approval_id: z.string(),
  tenant_id: z.string(),
  kind: z.enum(['card', 'update-cards', 'tell-requester', 'channel']),
  recipient_id: z.string(),
  attempts: z.number().int(),
});
/** A closure request's message to send, claimed by this instance, with the attempt its claim counted. */
export type ApprovalNotice = z.infer<typeof NoticeRowSchema>;

const SentCardSchema = z.object({ recipient_id: z.string(), address: z.record(z.string(), z.unknown()), activity_id: z.string() });

/** A card a request sent, where it went and the id to update it in place by. */
export interface SentApprovalCard {
  readonly recipientId: string;
  readonly address: ConversationAddress;
  readonly activityId: string;
}

/**
 * The messages closure requests queue (ApprovalStore puts them in with the request or decision they follow) and
 * their fate. A notice being sent is leased, so another instance takes it over only if this one died; the
 * lease doubles as the wait before a failed one is tried again.
 */
export class ApprovalNoticeStore {
  constructor(private readonly db: Db) {}

  /** Claims up to `batch` pending notices whose lease has ended by `now`, leasing them until `leaseUntil`, oldest first. */
  async claim(now: Date, leaseUntil: Date, batch: number): Promise<ApprovalNotice[]> {
    const claimed = await sql<Record<string, unknown>>`
      UPDATE approval_notices SET lease_until = ${leaseUntil}::timestamptz, attempts = attempts + 1
      WHERE id IN (
        SELECT id FROM approval_notices
        WHERE status = 'pending' AND (lease_until IS NULL OR lease_until < ${now}::timestamptz)
        ORDER BY id LIMIT ${batch} FOR UPDATE SKIP LOCKED
      )
      RETURNING id, approval_id, tenant_id, kind, recipient_id, attempts`.execute(this.db);
    return claimed.rows.map((row) => NoticeRowSchema.parse(row)).sort((left, right) => Number(left.id) - Number(right.id));
  }

  /** A card sent to `address`: kept with its activity id, so it can be updated in place once the request is decided. */
  async cardSent(id: string, address: ConversationAddress, activityId: string | undefined, at: Date): Promise<void> {
    await this.db
      .updateTable('approval_notices')
      .set({ status: 'sent', sent_at: at, lease_until: null, address: JSON.stringify(address), activity_id: activityId ?? null, last_outcome: activityId ? 'sent' : 'sent without an id' })
      .where('id', '=', id)
      .execute();
  }

  /** Ends a notice: sent, or failed for good. */
  async finish(id: string, status: 'sent' | 'failed', outcome: string, at: Date): Promise<void> {
    await this.db.updateTable('approval_notices').set({ status, sent_at: status === 'sent' ? at : null, lease_until: null, last_outcome: outcome }).where('id', '=', id).execute();
  }

  /** Leaves a failed notice pending, for no attempt to claim before `retryAt`. */
  async retryFrom(id: string, retryAt: Date, outcome: string): Promise<void> {
    await this.db.updateTable('approval_notices').set({ status: 'pending', lease_until: retryAt, last_outcome: outcome }).where('id', '=', id).execute();
  }

  /** The cards the request sent that can be updated in place (a card the channel gave no id for cannot), in the order sent. */
  async sentCardsOf(approvalId: string): Promise<SentApprovalCard[]> {
    const rows = await this.db
      .selectFrom('approval_notices')
      .select(['recipient_id', 'address', 'activity_id'])
      .where('approval_id', '=', approvalId)
      .where('kind', 'in', ['card', 'channel'])
      .where('status', '=', 'sent')
      .where('activity_id', 'is not', null)
      .orderBy('id')
      .execute();
    return rows.map((row) => {
      const card = SentCardSchema.parse(row);
      return { recipientId: card.recipient_id, address: card.address as ConversationAddress, activityId: card.activity_id };
    });
  }
}
