import type { Messenger } from '../ports.js';
import type { ApprovalNotice, ApprovalNoticeStore } from '../store/approval-notices.js';
import type { ApprovalStore } from '../store/approvals.js';
import type { CaseStore } from '../store/cases.js';
import type { TeamChannelStore } from '../store/team-channels.js';
import { approvalMessageFor, type ApprovalMessageDependencies } from './approval-message.js';
import { KIND_WORDS } from './closure-views.js';
import { failedSend, type RetryPolicy } from '../teams/send-retry.js';

/** A notice being sent is leased, so another instance (or the next tick) takes it over only if this one died. */
const LEASE_MS = 2 * 60 * 1000;
const BATCH = 50;
/** 30 s, 1 min, 2 min … after each failed attempt, six in all. */
const NOTICE_RETRIES: RetryPolicy = { firstWaitMs: 30_000, mostAttempts: 6 };

export interface ApprovalNoticeDependencies extends ApprovalMessageDependencies {
  readonly approvalNotices: ApprovalNoticeStore;
  readonly approvals: ApprovalStore;
  readonly teamChannels: TeamChannelStore;
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
  const { approvalNotices, now } = dependencies;
  const notices = await approvalNotices.claim(now, new Date(now.getTime() + LEASE_MS), BATCH);
  let sent = 0;
  let retrying = 0;
  let failed = 0;
  for (const notice of notices) {
    try {
      await deliver(notice, dependencies);
      sent += 1;
    } catch (error) {
      const verdict = failedSend(error, notice.attempts, NOTICE_RETRIES);
      if (verdict.kind === 'retry') {
        await approvalNotices.retryFrom(notice.id, new Date(now.getTime() + verdict.waitMs), `retry after ${verdict.status ?? 'error'}`);
        retrying += 1;
      } else {
        await approvalNotices.finish(notice.id, 'failed', `failed ${verdict.status ?? 'error'}`, now);
        failed += 1;
      }
    }
  }
  return { sent, retrying, failed };
}

async function deliver(notice: ApprovalNotice, dependencies: ApprovalNoticeDependencies): Promise<void> {
  const { approvalNotices, messenger, conversations, now } = dependencies;
  const approval = await dependencies.approvals.approvalById(notice.tenant_id, notice.approval_id);
  const record = approval ? await dependencies.cases.caseById(approval.caseId) : undefined;
  if (!approval || !record) {
    await approvalNotices.finish(notice.id, 'failed', 'request or case removed', now);
    return;
  }
  switch (notice.kind) {
    case 'card': {
      const address = await conversations.personalChatOrNew(notice.tenant_id, notice.recipient_id, messenger, now);
      const { activityId } = await messenger.send(address, await approvalMessageFor(approval, record, notice.recipient_id, dependencies));
      await approvalNotices.cardSent(notice.id, address, activityId, now);
      return;
    }
    case 'channel': {
      // Drawn for no one in particular: the case reference and status, refreshing into Approve and Return for the approvers.
      const channel = await dependencies.teamChannels.channelById(notice.tenant_id, notice.recipient_id);
      if (!channel) {
        await approvalNotices.finish(notice.id, 'failed', 'the bot is no longer in the team', now);
        return;
      }
      const { activityId } = await messenger.send(channel.address, await approvalMessageFor(approval, record, notice.recipient_id, dependencies));
      await approvalNotices.cardSent(notice.id, channel.address, activityId, now);
      return;
    }
    case 'update-cards': {
      const cards = await approvalNotices.sentCardsOf(approval.id);
      for (const card of cards) {
        await messenger.update(card.address, card.activityId, await approvalMessageFor(approval, record, card.recipientId, dependencies));
      }
      await approvalNotices.finish(notice.id, 'sent', `updated ${cards.length}`, now);
      return;
    }
    case 'tell-requester': {
      const address = await conversations.personalChatOrNew(notice.tenant_id, notice.recipient_id, messenger, now);
      const outcome = approval.status === 'approved' ? 'approved: the case is closed and its reminders have stopped' : 'returned: the reason is on the request card';
      await messenger.send(address, { text: `${record.reference}: your ${KIND_WORDS[approval.kind].noun} request was ${outcome}.` });
      await approvalNotices.finish(notice.id, 'sent', 'sent', now);
      return;
    }
  }
}
