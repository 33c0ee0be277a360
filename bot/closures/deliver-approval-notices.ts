import { sql } from 'kysely';
import { z } from 'zod';
import type { ConversationAddress, Messenger } from '../ports.js';
import { ApprovalStore } from '../store/approvals.js';
import { TeamChannelStore } from '../store/team-channels.js';
import type { CaseStore } from '../store/cases.js';
import type { Db } from '../store/database.js';
import { approvalMessageFor, type ApprovalMessageDependencies } from './approval-message.js';
import { KIND_WORDS } from './closure-views.js';
import { failedSend, type RetryPolicy } from '../teams/send-retry.js';

/** A notice being sent is leased, so another instance (or the next tick) takes it over only if this one died. */
const LEASE_MS = 2 * 60 * 1000;
const BATCH = 50;
/** 30 s, 1 min, 2 min … after each failed attempt, six in all. */
const NOTICE_RETRIES: RetryPolicy = { firstWaitMs: 30_000, mostAttempts: 6 };

const NoticeRowSchema = z.object({
  id: z.coerce.string(),
  approval_id: z.string(),
  tenant_id: z.string(),
  kind: z.enum(['card', 'update-cards', 'tell-requester', 'channel']),
  recipient_id: z.string(),
  attempts: z.number().int(),
});
type Notice = z.infer<typeof NoticeRowSchema>;

const SentCardSchema = z.object({ recipient_id: z.string(), address: z.record(z.string(), z.unknown()), activity_id: z.string() });

export interface ApprovalNoticeDependencies extends ApprovalMessageDependencies {
  readonly db: Db;
  readonly cases: CaseStore;
  readonly messenger: Messenger;
  readonly now: Date;
}

export interface NoticeOutcome {
  readonly sent: number;
  readonly retrying: number;
  readonly failed: number;
}

/**
 * Sends what closure requests have queued: each approver's and the requester's card, the team channel's, the update of every card a
 * request sent once it is decided (in place, at its stored activity id), and the message telling the requester.
 * Cards are drawn when they are sent, from the request as it then stands, so a card sent after the decision
 * shows the decision. Run straight after a request is sent or decided (not awaited by the turn), and by every
 * reminder tick for whatever is left to retry.
 */
export async function deliverApprovalNotices(dependencies: ApprovalNoticeDependencies): Promise<NoticeOutcome> {
  const { db, now } = dependencies;
  const claimed = await sql<Record<string, unknown>>`
    UPDATE approval_notices SET lease_until = ${new Date(now.getTime() + LEASE_MS)}::timestamptz, attempts = attempts + 1
    WHERE id IN (
      SELECT id FROM approval_notices
      WHERE status = 'pending' AND (lease_until IS NULL OR lease_until < ${now}::timestamptz)
      ORDER BY id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED
    )
    RETURNING id, approval_id, tenant_id, kind, recipient_id, attempts`.execute(db);
  const notices = claimed.rows.map((row) => NoticeRowSchema.parse(row)).sort((left, right) => Number(left.id) - Number(right.id));
  let sent = 0;
  let retrying = 0;
  let failed = 0;
  for (const notice of notices) {
    try {
      await deliver(notice, dependencies);
      sent += 1;
    } catch (error) {
      const verdict = failedSend(error, notice.attempts, NOTICE_RETRIES);
      const retry = verdict.kind === 'retry';
      await db
        .updateTable('approval_notices')
        .set({
          status: retry ? 'pending' : 'failed',
          // The lease doubles as the wait: no attempt may claim it before then.
          lease_until: retry ? new Date(now.getTime() + verdict.waitMs) : null,
          last_outcome: `${retry ? 'retry after' : 'failed'} ${verdict.status ?? 'error'}`,
        })
        .where('id', '=', notice.id)
        .execute();
      if (retry) retrying += 1;
      else failed += 1;
    }
  }
  return { sent, retrying, failed };
}

async function deliver(notice: Notice, dependencies: ApprovalNoticeDependencies): Promise<void> {
  const { db, messenger, conversations, now } = dependencies;
  const approval = await new ApprovalStore(db, dependencies.cases).approvalById(notice.tenant_id, notice.approval_id);
  const record = approval ? await dependencies.cases.caseById(approval.caseId) : undefined;
  if (!approval || !record) {
    await finish(db, notice.id, 'failed', 'request or case removed', now);
    return;
  }
  switch (notice.kind) {
    case 'card': {
      const address = await conversations.personalChatOrNew(notice.tenant_id, notice.recipient_id, messenger, now);
      const { activityId } = await messenger.send(address, await approvalMessageFor(approval, record, notice.recipient_id, dependencies));
      await db
        .updateTable('approval_notices')
        .set({ status: 'sent', sent_at: now, lease_until: null, address: JSON.stringify(address), activity_id: activityId ?? null, last_outcome: activityId ? 'sent' : 'sent without an id' })
        .where('id', '=', notice.id)
        .execute();
      return;
    }
    case 'channel': {
      // Drawn for no one in particular: the case reference and status, refreshing into Approve and Return for the approvers.
      const channel = await new TeamChannelStore(db).channelById(notice.tenant_id, notice.recipient_id);
      if (!channel) {
        await finish(db, notice.id, 'failed', 'the bot is no longer in the team', now);
        return;
      }
      const { activityId } = await messenger.send(channel.address, await approvalMessageFor(approval, record, notice.recipient_id, dependencies));
      await db
        .updateTable('approval_notices')
        .set({ status: 'sent', sent_at: now, lease_until: null, address: JSON.stringify(channel.address), activity_id: activityId ?? null, last_outcome: activityId ? 'sent' : 'sent without an id' })
        .where('id', '=', notice.id)
        .execute();
      return;
    }
    case 'update-cards': {
      const cards = await db
        .selectFrom('approval_notices')
        .select(['recipient_id', 'address', 'activity_id'])
        .where('approval_id', '=', approval.id)
        .where('kind', 'in', ['card', 'channel'])
        .where('status', '=', 'sent')
        // A card the channel gave no id for cannot be updated in place: its refresh shows the decision instead.
        .where('activity_id', 'is not', null)
        .orderBy('id')
        .execute();
      for (const row of cards) {
        const card = SentCardSchema.parse(row);
        await messenger.update(card.address as ConversationAddress, card.activity_id, await approvalMessageFor(approval, record, card.recipient_id, dependencies));
      }
      await finish(db, notice.id, 'sent', `updated ${cards.length}`, now);
      return;
    }
    case 'tell-requester': {
      const address = await conversations.personalChatOrNew(notice.tenant_id, notice.recipient_id, messenger, now);
      const outcome = approval.status === 'approved' ? 'approved: the case is closed and its reminders have stopped' : 'returned: the reason is on the request card';
      await messenger.send(address, { text: `${record.reference}: your ${KIND_WORDS[approval.kind].noun} request was ${outcome}.` });
      await finish(db, notice.id, 'sent', 'sent', now);
      return;
    }
  }
}

async function finish(db: Db, id: string, status: 'sent' | 'failed', outcome: string, at: Date): Promise<void> {
  await db.updateTable('approval_notices').set({ status, sent_at: status === 'sent' ? at : null, lease_until: null, last_outcome: outcome }).where('id', '=', id).execute();
}
