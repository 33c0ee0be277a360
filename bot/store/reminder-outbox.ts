import { sql, type Insertable } from 'kysely';
import { z } from 'zod';
import { LocalDateSchema, type LocalDate } from '../../domain/dates/local-date.js';
import type { ReminderKind } from '../../domain/reminders/plan-reminders.js';
import { TEAM_WEEK_KIND, teamWeekKey } from '../../domain/reminders/team-week.js';
import type { Db } from './database.js';
import { OUTBOX_KINDS, REMINDER_KINDS, RECIPIENT_ROLES, type OutboxStatus, type Tables } from './tables.js';

/** A reminder to put in the outbox: sent once, whoever puts it there how often, by its idempotency key. */
export type NewReminder = Omit<Insertable<Tables['reminder_outbox']>, 'id' | 'status' | 'attempts'>;

const ClaimedSchema = z.object({
  id: z.coerce.string(),
  tenant_id: z.string(),
  /** Null for a manager's weekly card, which is about their teams. */
  case_id: z.string().nullable(),
  rule_id: z.string(),
  due_on: LocalDateSchema,
  kind: z.enum(OUTBOX_KINDS),
  recipient_role: z.enum(RECIPIENT_ROLES),
  /** Set from the start for a weekly card only; a case's reminder goes to whoever holds the case when it is sent. */
  recipient_id: z.string().nullable(),
  attempts: z.coerce.number(),
});
/** A reminder this instance holds to send, with the attempt its claim counted. */
export type ClaimedReminder = z.infer<typeof ClaimedSchema>;

/** The case a claimed reminder is about, and its obligation, as they stand now. */
export interface ReminderStanding {
  readonly caseReference: string;
  readonly caseStatus: string;
  readonly workerId: string;
  readonly managerId: string | null;
  readonly team: string;
  /** Absent when the rule is no longer one of the case's obligations. */
  readonly obligation?: { readonly dueOn: LocalDate; readonly doneOn: LocalDate | null };
}

const SentReminderSchema = z.object({
  id: z.coerce.string(),
  idempotency_key: z.string(),
  tenant_id: z.string(),
  case_id: z.string(),
  rule_id: z.string(),
  due_on: LocalDateSchema,
  kind: z.enum(REMINDER_KINDS),
  recipient_role: z.enum(RECIPIENT_ROLES),
  recipient_id: z.string().nullable(),
  reference: z.string(),
});
/** A reminder as its card's buttons act on it. */
export type SentReminder = z.infer<typeof SentReminderSchema>;

/** One item of a reminder card already sent, to draw the card again. */
export interface CardItem {
  readonly id: string;
  readonly caseReference: string;
  readonly caseId: string;
  readonly ruleId: string;
  readonly dueOn: LocalDate;
  readonly kind: ReminderKind;
  readonly acknowledgedAt: Date | null;
  readonly sentAt: Date | null;
}

/** How a tenant's reminders stand, for `delivery status`. */
export interface DeliveryCounts {
  readonly byStatus: ReadonlyMap<OutboxStatus, number>;
  /** Pending or being sent after at least one failed attempt. */
  readonly retrying: number;
}

const INSERT_BATCH = 500;

/**
 * The reminder outbox and its attempts: reminders planned for a day, claimed under a lease by whichever
 * instance sends them (FOR UPDATE SKIP LOCKED), and their fate. Every change a claim makes is conditional on
 * the claim still being this instance's (status `sending` and the attempt it counted).
 */
export class ReminderOutboxStore {
  constructor(private readonly db: Db) {}

  /** Puts reminders in, skipping those whose idempotency key is already there; returns how many were new. */
  async add(reminders: readonly NewReminder[]): Promise<number> {
    let added = 0;
    for (let start = 0; start < reminders.length; start += INSERT_BATCH) {
      const inserted = await this.db
        .insertInto('reminder_outbox')
        .values(reminders.slice(start, start + INSERT_BATCH).map((reminder) => ({ ...reminder, status: 'pending' as const })))
        .onConflict((conflict) => conflict.column('idempotency_key').doNothing())
        .returning('id')
        .execute();
      added += inserted.length;
    }
    return added;
  }

  /**
   * Puts one weekly timeliness card for each manager into the outbox, keyed by manager and ISO `week`, so any
   * number of passes, restarts and instances add it once. A manager is someone holding the manager role in a team
   * that has cases; one whose teams have none gets no card. Returns how many were new.
   */
  async addTeamWeekCards(week: string, today: LocalDate, sendAfter: Date, at: Date): Promise<number> {
    const managers = await this.db
      .selectFrom('role_assignments')
      .select(['tenant_id', 'user_id'])
      .distinct()
      .where('role', '=', 'manager')
      .where('team', '<>', '')
      .where(({ exists, selectFrom }) =>
        exists(selectFrom('cases').select(sql`1`.as('one')).whereRef('cases.tenant_id', '=', 'role_assignments.tenant_id').whereRef('cases.team', '=', 'role_assignments.team')),
      )
      .execute();
    return this.add(
      managers.map((manager) => ({
        idempotency_key: teamWeekKey(manager.tenant_id, manager.user_id, week),
        tenant_id: manager.tenant_id,
        case_id: null,
        rule_id: TEAM_WEEK_KIND,
        due_on: today,
        kind: TEAM_WEEK_KIND,
        recipient_role: 'manager' as const,
        recipient_id: manager.user_id,
        send_after: sendAfter,
        created_at: at,
      })),
    );
  }

  /**
   * Claims up to `batch` reminders due at `now`, each leased until `leaseUntil`, counting an attempt. A reminder
   * that failed is claimed again only once its wait has passed by `passStartedAt`.
   */
  async claimDue(now: Date, passStartedAt: Date, leaseUntil: Date, batch: number): Promise<ClaimedReminder[]> {
    const { rows } = await sql<Record<string, unknown>>`
      UPDATE reminder_outbox SET status = 'sending', lease_until = ${leaseUntil}::timestamptz, attempts = attempts + 1
      WHERE id IN (
        SELECT id FROM reminder_outbox
        WHERE send_after <= ${now}::timestamptz
          AND (status = 'pending' OR (status = 'sending' AND lease_until < ${now}::timestamptz))
          AND (next_attempt_at IS NULL OR next_attempt_at <= ${passStartedAt}::timestamptz)
        ORDER BY send_after, id
        LIMIT ${batch}
        FOR UPDATE SKIP LOCKED
      )
      RETURNING id, tenant_id, case_id, rule_id, due_on, kind, recipient_role, recipient_id, attempts`.execute(this.db);
    return rows.map((row) => ClaimedSchema.parse(row));
  }

  /** Each claimed reminder's case and obligation as they stand now, in one query; a reminder whose case is gone is absent. */
  async standingOf(claimed: readonly ClaimedReminder[]): Promise<Map<string, ReminderStanding>> {
    if (claimed.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('reminder_outbox')
      .innerJoin('cases', 'cases.id', 'reminder_outbox.case_id')
      .leftJoin('obligations', (join) => join.onRef('obligations.case_id', '=', 'reminder_outbox.case_id').onRef('obligations.rule_id', '=', 'reminder_outbox.rule_id'))
      .select(['reminder_outbox.id', 'cases.reference', 'cases.worker_id', 'cases.manager_id', 'cases.team', 'cases.status', 'obligations.done_on', 'obligations.due_on'])
      .where('reminder_outbox.id', 'in', claimed.map((reminder) => reminder.id))
      .execute();
    return new Map(
      rows.map((row): [string, ReminderStanding] => [
        String(row.id),
        {
          caseReference: row.reference,
          caseStatus: row.status,
          workerId: row.worker_id,
          managerId: row.manager_id,
          team: row.team,
          ...(row.due_on === null ? {} : { obligation: { dueOn: LocalDateSchema.parse(row.due_on), doneOn: row.done_on === null ? null : LocalDateSchema.parse(row.done_on) } }),
        },
      ]),
    );
  }

  /** Whether the worker has acknowledged any reminder of the same item (same case, rule and due date). */
  async acknowledged(reminder: Pick<ClaimedReminder, 'rule_id' | 'due_on'> & { readonly case_id: string }): Promise<boolean> {
    const acknowledged = await this.db
      .selectFrom('reminder_outbox')
      .select('id')
      .where('case_id', '=', reminder.case_id)
      .where('rule_id', '=', reminder.rule_id)
      .where('due_on', '=', reminder.due_on)
      .where('acknowledged_at', 'is not', null)
      .executeTakeFirst();
    return acknowledged !== undefined;
  }

  /**
   * The reminders still held (each still being sent, and no later claim has counted an attempt since ours), their
   * leases renewed to `leaseUntil` in the same statement.
   */
  async renewedClaims<T extends ClaimedReminder>(reminders: readonly T[], leaseUntil: Date): Promise<T[]> {
    const { rows } = await sql<{ id: string; attempts: number }>`
      UPDATE reminder_outbox SET lease_until = ${leaseUntil}::timestamptz
      WHERE id IN (${sql.join(reminders.map((reminder) => reminder.id))}) AND status = 'sending'
      RETURNING id::text AS id, attempts`.execute(this.db);
    const held = new Set(rows.map((row) => `${row.id}|${Number(row.attempts)}`));
    return reminders.filter((reminder) => held.has(`${reminder.id}|${reminder.attempts}`));
  }

  /**
   * Marks a message's reminders sent, with their attempts, in one statement: a crash between the send and this
   * repeats that one message at the next pass, and one round trip keeps that window small.
   */
  async markSent(reminders: readonly ClaimedReminder[], recipientId: string, activityId: string | undefined, at: Date): Promise<void> {
    await sql`
      WITH sent AS (
        UPDATE reminder_outbox
        SET status = 'sent', sent_at = ${at}::timestamptz, recipient_id = ${recipientId}, activity_id = ${activityId ?? null}, lease_until = NULL, last_outcome = 'sent'
        WHERE id IN (${sql.join(reminders.map((reminder) => reminder.id))})
        RETURNING id
      )
      INSERT INTO reminder_attempts (outbox_id, at, outcome, status_code) SELECT id, ${at}::timestamptz, 'sent', 200 FROM sent`.execute(this.db);
  }

  /** Records a failed attempt: `gone` when Teams said the chat is gone, else `error`, with Teams' status if any. */
  async recordFailedAttempt(reminder: ClaimedReminder, outcome: 'gone' | 'error', at: Date, statusCode: number | null): Promise<void> {
    await this.attempt(reminder.id, at, outcome, statusCode);
  }

  /** Puts a failed reminder back to be claimed again from `nextAttemptAt`, unless another instance has claimed it since. */
  async retryLater(reminder: ClaimedReminder, nextAttemptAt: Date, outcome: string): Promise<void> {
    await this.db
      .updateTable('reminder_outbox')
      .set({ status: 'pending', lease_until: null, next_attempt_at: nextAttemptAt, last_outcome: outcome })
      .where('id', '=', reminder.id)
      .where('status', '=', 'sending')
      .where('attempts', '=', reminder.attempts)
      .execute();
  }

  /** Ends a claimed reminder unsent, unless another instance has claimed it since (its claim counted one more attempt). */
  async finish(reminder: ClaimedReminder, status: 'failed' | 'cancelled', at: Date, outcome: string): Promise<void> {
    await this.db
      .updateTable('reminder_outbox')
      .set({ status, lease_until: null, last_outcome: outcome })
      .where('id', '=', reminder.id)
      .where('status', '=', 'sending')
      .where('attempts', '=', reminder.attempts)
      .execute();
    await this.attempt(reminder.id, at, status, null);
  }

  /** The reminder `id` of the tenant, with its case reference; undefined if there is none. */
  async sentReminder(tenantId: string, id: string): Promise<SentReminder | undefined> {
    const row = await this.db
      .selectFrom('reminder_outbox')
      .innerJoin('cases', 'cases.id', 'reminder_outbox.case_id')
      .select(['reminder_outbox.id', 'idempotency_key', 'reminder_outbox.tenant_id', 'case_id', 'rule_id', 'due_on', 'kind', 'recipient_role', 'recipient_id', 'cases.reference'])
      .where('reminder_outbox.id', '=', id)
      .where('reminder_outbox.tenant_id', '=', tenantId)
      .executeTakeFirst();
    return row ? SentReminderSchema.parse(row) : undefined;
  }

  /** Records who saw a reminder and when (Teams gives bots no read receipts). */
  async acknowledge(id: string, by: string, at: Date): Promise<void> {
    await this.db.updateTable('reminder_outbox').set({ acknowledged_at: at, acknowledged_by: by }).where('id', '=', id).execute();
  }

  /** The same reminder again from `sendAfter`, once however often it is snoozed to that day; the original counts as acknowledged. */
  async snooze(reminder: SentReminder, until: LocalDate, sendAfter: Date, by: string, at: Date): Promise<void> {
    await this.db
      .insertInto('reminder_outbox')
      .values({
        idempotency_key: `${reminder.idempotency_key}|snoozed-to|${until}`,
        tenant_id: reminder.tenant_id,
        case_id: reminder.case_id,
        rule_id: reminder.rule_id,
        due_on: reminder.due_on,
        kind: reminder.kind,
        recipient_role: reminder.recipient_role,
        send_after: sendAfter,
        status: 'pending',
        created_at: at,
      })
      .onConflict((conflict) => conflict.column('idempotency_key').doNothing())
      .execute();
    await this.acknowledge(reminder.id, by, at);
  }

  /** The activity ids of the reminder cards sent to `recipientId` that hold an item of `caseId`. */
  async cardsHolding(caseId: string, recipientId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('reminder_outbox')
      .select('activity_id')
      .distinct()
      .where('case_id', '=', caseId)
      .where('recipient_id', '=', recipientId)
      .where('status', '=', 'sent')
      .where('activity_id', 'is not', null)
      .execute();
    return rows.flatMap((row) => (row.activity_id === null ? [] : [row.activity_id]));
  }

  /** Every item of the card sent as `activityId`, in the order it was drawn. */
  async itemsOfCard(activityId: string): Promise<CardItem[]> {
    const rows = await this.db
      .selectFrom('reminder_outbox')
      .innerJoin('cases', 'cases.id', 'reminder_outbox.case_id')
      .select(['reminder_outbox.id', 'cases.reference', 'reminder_outbox.case_id', 'rule_id', 'due_on', 'kind', 'acknowledged_at', 'sent_at'])
      .where('activity_id', '=', activityId)
      .orderBy('reminder_outbox.id')
      // Joined to its case, so never a weekly card, whose case is null.
      .$narrowType<{ case_id: string }>()
      .execute();
    return rows.map((row) => ({
      id: String(row.id),
      caseReference: row.reference,
      caseId: row.case_id,
      ruleId: row.rule_id,
      dueOn: LocalDateSchema.parse(row.due_on),
      kind: z.enum(REMINDER_KINDS).parse(row.kind),
      acknowledgedAt: row.acknowledged_at,
      sentAt: row.sent_at,
    }));
  }

  /** How many of the tenant's reminders are in each status, and how many of those not yet sent have failed before. */
  async deliveryCounts(tenantId: string): Promise<DeliveryCounts> {
    const rows = await this.db
      .selectFrom('reminder_outbox')
      .select((eb) => [
        'status',
        eb.fn.countAll<string>().as('count'),
        eb.fn.sum<string>(eb.case().when('attempts', '>', 1).then(1).else(0).end()).as('retried'),
      ])
      .where('tenant_id', '=', tenantId)
      .groupBy('status')
      .execute();
    return {
      byStatus: new Map(rows.map((row) => [row.status, Number(row.count)])),
      retrying: rows.filter((row) => row.status === 'pending' || row.status === 'sending').reduce((total, row) => total + Number(row.retried ?? 0), 0),
    };
  }

  private async attempt(outboxId: string, at: Date, outcome: string, statusCode: number | null): Promise<void> {
    await this.db.insertInto('reminder_attempts').values({ outbox_id: outboxId, at, outcome, status_code: statusCode }).execute();
  }
}
