import { sql } from 'kysely';
import { z } from 'zod';
import type { HolidayCalendar } from '../../domain/calendar/holiday-calendar.js';
import { compareLocalDates, formatLongDate, LocalDateSchema, type LocalDate } from '../../domain/dates/local-date.js';
import { reminderDigestCard, reminderDigestText, type ReminderDigestView } from '../../cards/reminder-digest-card.js';
import type { Policy } from '../../domain/policy/schema.js';
import { DEFAULT_WORKING_HOURS, isWithinWorkingHours, type WorkingHours } from '../../domain/reminders/working-hours.js';
import type { Logger } from '../log.js';
import type { Messenger, OutgoingMessage } from '../ports.js';
import type { CaseStore } from '../store/cases.js';
import type { ConversationStore } from '../store/conversation-references.js';
import type { Db } from '../store/database.js';
import { enqueueTodaysReminders } from './enqueue-reminders.js';
import { londonDateTimeOf } from './london-time.js';
import { reminderItemView } from './reminder-view.js';

/** How long a claimed reminder is this instance's to send; after that another instance may take it over. */
const LEASE_MS = 2 * 60 * 1000;
const BATCH = 200;
/** Teams answers these when it is busy or briefly down: try again later. */
const RETRYABLE = new Set([412, 429, 500, 502, 503, 504]);
/** The person blocked the bot, removed it, or left: this conversation is gone. */
const GONE = new Set([403, 404]);
const MOST_ATTEMPTS = 8;

export interface ReminderTickOptions {
  readonly db: Db;
  readonly cases: CaseStore;
  readonly conversations: ConversationStore;
  readonly policies: readonly Policy[];
  readonly calendar: HolidayCalendar;
  readonly messenger: Messenger;
  readonly log: Logger;
  /** The moment of this pass (the scheduler's clock, or `--now` for one pass by hand). */
  readonly now: Date;
  readonly hours?: WorkingHours;
}

export interface TickOutcome {
  readonly outsideWorkingHours: boolean;
  readonly enqueued: number;
  readonly sent: number;
  readonly retrying: number;
  readonly failed: number;
}

const ClaimedSchema = z.object({
  id: z.coerce.string(),
  tenant_id: z.string(),
  case_id: z.string(),
  rule_id: z.string(),
  due_on: LocalDateSchema,
  kind: z.string(),
  recipient_role: z.string(),
  attempts: z.coerce.number(),
});
type Claimed = z.infer<typeof ClaimedSchema>;

/**
 * One pass of the reminder scheduler: outside working hours on a working day it does nothing; otherwise it
 * puts today's reminders into the outbox (idempotent), claims the due ones with FOR UPDATE SKIP LOCKED and a
 * lease (so any number of instances send each once, and a crash mid-send is taken over when the lease ends),
 * and sends each person one message with all of theirs.
 */
export async function runReminderTick(options: ReminderTickOptions): Promise<TickOutcome> {
  const { db, now, calendar, hours = DEFAULT_WORKING_HOURS } = options;
  const london = londonDateTimeOf(now);
  if (!isWithinWorkingHours(london, calendar, hours)) return { outsideWorkingHours: true, enqueued: 0, sent: 0, retrying: 0, failed: 0 };
  const enqueued = await enqueueTodaysReminders({ db, cases: options.cases, calendar, today: london.date, at: now, hours });
  const claimed = await claim(db, now);
  let sent = 0;
  let retrying = 0;
  let failed = 0;
  for (const [recipientKey, reminders] of groupedByRecipient(await withRecipients(claimed, options))) {
    const [tenantId, recipientId] = recipientKey.split('\u0000') as [string, string];
    const outcome = await deliver(tenantId, recipientId, reminders, options);
    if (outcome === 'sent') sent += reminders.length;
    else if (outcome === 'retrying') retrying += reminders.length;
    else failed += reminders.length;
  }
  options.log.info('reminder-tick', { enqueued, claimed: claimed.length, sent, retrying, failed });
  return { outsideWorkingHours: false, enqueued, sent, retrying, failed };
}

async function claim(db: Db, now: Date): Promise<Claimed[]> {
  const leaseUntil = new Date(now.getTime() + LEASE_MS);
  const { rows } = await sql<Record<string, unknown>>`
    UPDATE reminder_outbox SET status = 'sending', lease_until = ${leaseUntil}::timestamptz, attempts = attempts + 1
    WHERE id IN (
      SELECT id FROM reminder_outbox
      WHERE send_after <= ${now}::timestamptz
        AND (status = 'pending' OR (status = 'sending' AND lease_until < ${now}::timestamptz))
        AND (next_attempt_at IS NULL OR next_attempt_at <= ${now}::timestamptz)
      ORDER BY send_after, id
      LIMIT ${BATCH}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING id, tenant_id, case_id, rule_id, due_on, kind, recipient_role, attempts`.execute(db);
  return rows.map((row) => ClaimedSchema.parse(row));
}

interface Addressed extends Claimed {
  readonly recipientId: string;
  readonly caseReference: string;
}

/** Who gets each reminder is decided now, not when it was planned, so a case that moved goes to its new worker. */
async function withRecipients(claimed: readonly Claimed[], options: ReminderTickOptions): Promise<Addressed[]> {
  const addressed: Addressed[] = [];
  for (const reminder of claimed) {
    const row = await options.db
      .selectFrom('cases')
      .leftJoin('obligations', (join) => join.onRef('obligations.case_id', '=', 'cases.id').on('obligations.rule_id', '=', reminder.rule_id))
      .select(['cases.reference', 'cases.worker_id', 'cases.manager_id', 'cases.team', 'cases.status', 'obligations.done_on', 'obligations.due_on'])
      .where('cases.id', '=', reminder.case_id)
      .executeTakeFirst();
    // Done since it was planned, or the case closed: nothing to remind anyone of.
    if (!row || row.status !== 'open' || row.done_on !== null || row.due_on !== reminder.due_on) {
      await finish(options.db, reminder.id, 'cancelled', options.now, 'no longer owed');
      continue;
    }
    if (reminder.kind === 'escalation' && (await acknowledgedByWorker(options.db, reminder))) {
      await finish(options.db, reminder.id, 'cancelled', options.now, 'acknowledged by the worker');
      continue;
    }
    const recipientId = reminder.recipient_role === 'worker' ? row.worker_id : ((await managerOf(options.db, reminder.tenant_id, row.team, row.manager_id)) ?? row.worker_id);
    addressed.push({ ...reminder, recipientId, caseReference: row.reference });
  }
  return addressed;
}

/** An overdue item escalates only if the worker has not acknowledged any reminder of it. */
async function acknowledgedByWorker(db: Db, reminder: Claimed): Promise<boolean> {
  const acknowledged = await db
    .selectFrom('reminder_outbox')
    .select('id')
    .where('case_id', '=', reminder.case_id)
    .where('rule_id', '=', reminder.rule_id)
    .where('due_on', '=', reminder.due_on)
    .where('acknowledged_at', 'is not', null)
    .executeTakeFirst();
  return acknowledged !== undefined;
}

async function managerOf(db: Db, tenantId: string, team: string, caseManager: string | null): Promise<string | undefined> {
  if (caseManager) return caseManager;
  const manager = await db
    .selectFrom('role_assignments')
    .select('user_id')
    .where('tenant_id', '=', tenantId)
    .where('team', '=', team)
    .where('role', '=', 'manager')
    .orderBy('user_id')
    .executeTakeFirst();
  return manager?.user_id;
}

function groupedByRecipient(reminders: readonly Addressed[]): Map<string, Addressed[]> {
  const groups = new Map<string, Addressed[]>();
  for (const reminder of reminders) {
    const key = `${reminder.tenant_id}\u0000${reminder.recipientId}`;
    groups.set(key, [...(groups.get(key) ?? []), reminder]);
  }
  return groups;
}

async function deliver(tenantId: string, recipientId: string, reminders: readonly Addressed[], options: ReminderTickOptions): Promise<'sent' | 'retrying' | 'failed'> {
  const { db, messenger, conversations, now } = options;
  try {
    let address = await conversations.personalChatOf(tenantId, recipientId);
    if (!address) {
      address = await messenger.createConversation(tenantId, recipientId);
      const conversation = address.conversation as { id: string };
      await conversations.remember({ tenantId, conversationId: conversation.id, kind: 'personal', userId: recipientId, address }, now);
    }
    const { activityId } = await messenger.send(address, messageFor(reminders, londonDateTimeOf(now).date, options));
    for (const reminder of reminders) {
      await db
        .updateTable('reminder_outbox')
        .set({ status: 'sent', sent_at: now, recipient_id: recipientId, activity_id: activityId, lease_until: null, last_outcome: 'sent' })
        .where('id', '=', reminder.id)
        .execute();
      await attempt(db, reminder.id, now, 'sent', 200);
    }
    return 'sent';
  } catch (error) {
    const status = statusOf(error);
    const gone = status !== undefined && GONE.has(status);
    const retryable = !gone && (status === undefined || RETRYABLE.has(status));
    for (const reminder of reminders) {
      await attempt(db, reminder.id, now, gone ? 'gone' : 'error', status ?? null);
      if (retryable && reminder.attempts < MOST_ATTEMPTS) {
        const wait = retryAfterMs(error) ?? backoffMs(reminder.attempts);
        await db
          .updateTable('reminder_outbox')
          .set({ status: 'pending', lease_until: null, next_attempt_at: new Date(now.getTime() + wait), last_outcome: `retry after ${status ?? 'error'}` })
          .where('id', '=', reminder.id)
          .execute();
      } else {
        await finish(db, reminder.id, 'failed', now, gone ? `gone (${status})` : `failed (${status ?? 'error'})`);
      }
    }
    if (gone) {
      const address = await conversations.personalChatOf(tenantId, recipientId);
      const conversation = address?.conversation as { id?: string } | undefined;
      if (conversation?.id) await conversations.markDead(tenantId, conversation.id, `Teams answered ${status}`, now);
    }
    options.log.warn('reminder-delivery-failed', { status: status ?? 0, reminders: reminders.length, willRetry: retryable });
    return retryable ? 'retrying' : 'failed';
  }
}

async function finish(db: Db, id: string, status: 'failed' | 'cancelled', now: Date, outcome: string): Promise<void> {
  await db.updateTable('reminder_outbox').set({ status, lease_until: null, last_outcome: outcome }).where('id', '=', id).execute();
  await attempt(db, id, now, status, null);
}

async function attempt(db: Db, outboxId: string, at: Date, outcome: string, statusCode: number | null): Promise<void> {
  await db.insertInto('reminder_attempts').values({ outbox_id: outboxId, at, outcome, status_code: statusCode }).execute();
}

/**
 * One card for everything this person has today: case references only, never initials or names. Escalations
 * come first, overdue items next, as the digest orders them.
 */
function messageFor(reminders: readonly Addressed[], today: LocalDate, options: ReminderTickOptions): OutgoingMessage {
  const order = (reminder: Addressed) => (reminder.kind === 'escalation' ? 0 : reminder.kind === 'overdue' ? 1 : 2);
  const sorted = [...reminders].sort((left, right) => order(left) - order(right) || compareLocalDates(left.due_on, right.due_on));
  const view: ReminderDigestView = {
    day: formatLongDate(today),
    items: sorted.map((reminder) =>
      reminderItemView({ id: reminder.id, caseReference: reminder.caseReference, ruleId: reminder.rule_id, dueOn: reminder.due_on, kind: reminder.kind }, today, options.policies, options.calendar),
    ),
  };
  return { text: reminderDigestText(view), card: reminderDigestCard(view) };
}

function statusOf(error: unknown): number | undefined {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' ? status : undefined;
}

function retryAfterMs(error: unknown): number | undefined {
  const headers = (error as { response?: { headers?: { get?: (name: string) => string | undefined } } } | null)?.response?.headers;
  const value = headers?.get?.('retry-after');
  const seconds = value === undefined ? Number.NaN : Number(value);
  return Number.isFinite(seconds) && seconds >= 0 ? Math.min(seconds, 3600) * 1000 : undefined;
}

/** 10 s, 20 s, 40 s … up to an hour, with up to a fifth more at random so instances do not retry in step. */
function backoffMs(attempts: number): number {
  const base = Math.min(10_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
  return base + Math.floor(Math.random() * base * 0.2);
}
