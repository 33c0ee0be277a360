import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { ClosureChecklist, ClosureKind } from '../../domain/closures/closure-checklist.js';
import { LocalDateSchema, type LocalDate } from '../../domain/dates/local-date.js';
import { appendAudit } from './audit.js';
import type { Actor, CaseRecord, CaseStore } from './cases.js';
import type { Db } from './database.js';
import { err, ok, type Result } from '../../domain/result.js';

export const ApprovalStatusSchema = z.enum(['draft', 'requested', 'approved', 'returned']);
export type ApprovalStatus = z.infer<typeof ApprovalStatusSchema>;
export type Decision = 'approved' | 'returned';

/** One checklist item as it stood when the request was sent: what the manager saw, and what the audit keeps. */
const ChecklistSnapshotItemSchema = z.object({
  ruleId: z.string(),
  check: z.enum(['recorded', 'not-recorded', 'review-decided', 'not-decided', 'in-place', 'not-in-place', 'confirmed', 'alternative-confirmed', 'to-confirm', 'on-approval']),
  met: z.boolean(),
  /** The date the bot found: the event's, the review's, or the plan's start. */
  on: LocalDateSchema.optional(),
});
export type ChecklistSnapshotItem = z.infer<typeof ChecklistSnapshotItemSchema>;

const ChecklistColumnSchema = z.object({
  /** The worker's ticks: rule ids, and `<rule id>#alternative` for an exception ticked. */
  confirmed: z.array(z.string()),
  /** Set when the request is sent. */
  sent: z.array(ChecklistSnapshotItemSchema).optional(),
});

const ApprovalRowSchema = z.object({
  id: z.string(),
  tenant_id: z.string(),
  case_id: z.string(),
  kind: z.enum(['closure', 'step-down']),
  status: ApprovalStatusSchema,
  version: z.number().int(),
  checklist: ChecklistColumnSchema,
  requested_by: z.string(),
  requested_at: z.date(),
  decided_by: z.string().nullable(),
  decided_at: z.date().nullable(),
  comment: z.string().nullable(),
});

/** A closure or step-down request: saved as a draft, sent for approval, then approved or returned once. */
export interface Approval {
  readonly id: string;
  readonly tenantId: string;
  readonly caseId: string;
  readonly kind: ClosureKind;
  readonly status: ApprovalStatus;
  /** Bumped on every change; each card carries the version it shows. */
  readonly version: number;
  readonly confirmed: readonly string[];
  readonly sentChecklist?: readonly ChecklistSnapshotItem[];
  readonly requestedBy: string;
  readonly requestedAt: Date;
  readonly decidedBy?: string;
  readonly decidedAt?: Date;
  readonly comment?: string;
}

/** The case has a request awaiting a decision already: nothing is saved or sent. */
export interface AlreadySent {
  readonly kind: 'already-sent';
}

/** Someone decided first, or the card showed an older version: the request as it now stands. */
export interface TooLate {
  readonly kind: 'too-late';
  readonly approval: Approval;
}

const ALREADY_SENT: AlreadySent = { kind: 'already-sent' };

/**
 * Closure and step-down requests and the notices they queue. The decision is a conditional UPDATE on status and
 * version, so of two managers pressing at once exactly one wins; an approval closes the case (a `plan-closed`
 * event) in the same transaction. Every step is audited with the checklist as it stood.
 */
export class ApprovalStore {
  constructor(
    private readonly db: Db,
    private readonly cases: CaseStore,
  ) {}

  /** The ids of the tenant's cases in `teams` with a request awaiting a decision, the oldest request first. */
  async casesAwaitingDecision(tenantId: string, teams: readonly string[]): Promise<string[]> {
    if (teams.length === 0) return [];
    const rows = await this.db
      .selectFrom('approvals')
      .innerJoin('cases', 'cases.id', 'approvals.case_id')
      .select('cases.id')
      .where('approvals.tenant_id', '=', tenantId)
      .where('approvals.status', '=', 'requested')
      .where('cases.team', 'in', teams)
      .orderBy('approvals.requested_at')
      .execute();
    return rows.map((row) => row.id);
  }

  async approvalById(tenantId: string, id: string): Promise<Approval | undefined> {
    const row = await this.db.selectFrom('approvals').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
    return row ? approvalOf(row) : undefined;
  }

  /** The case's draft or sent request, if one is open (there is at most one: migration 0008's unique index). */
  async openRequestOf(caseId: string): Promise<Approval | undefined> {
    const row = await this.db.selectFrom('approvals').selectAll().where('case_id', '=', caseId).where('status', 'in', ['draft', 'requested']).executeTakeFirst();
    return row ? approvalOf(row) : undefined;
  }

  /** The case's last decided request, for "returned by … because …" when the worker opens a new one. */
  async lastDecidedOf(caseId: string): Promise<Approval | undefined> {
    const row = await this.db
      .selectFrom('approvals')
      .selectAll()
      .where('case_id', '=', caseId)
      .where('status', 'in', ['approved', 'returned'])
      .orderBy('decided_at', 'desc')
      .executeTakeFirst();
    return row ? approvalOf(row) : undefined;
  }

  /** Keeps the worker's ticks in the case's open draft, starting one if there is none. */
  async saveDraft(record: CaseRecord, kind: ClosureKind, confirmed: readonly string[], actor: Actor, at: Date): Promise<Result<Approval, AlreadySent>> {
    return this.db.transaction().execute(async (trx) => {
      const open = await trx.selectFrom('approvals').selectAll().where('case_id', '=', record.id).where('status', 'in', ['draft', 'requested']).forUpdate().executeTakeFirst();
      const checklist = JSON.stringify({ confirmed });
      if (open && open.status === 'requested') return err(ALREADY_SENT);
      const row = open
        ? await trx
            .updateTable('approvals')
            .set((eb) => ({ kind, checklist, version: eb('version', '+', 1), requested_by: actor.userId, requested_at: at }))
            .where('id', '=', open.id)
            .returningAll()
            .executeTakeFirstOrThrow()
        : await trx
            .insertInto('approvals')
            .values({ id: randomUUID(), tenant_id: record.tenantId, case_id: record.id, kind, status: 'draft', version: 1, checklist, requested_by: actor.userId, requested_at: at, decided_by: null, decided_at: null, comment: null })
            .returningAll()
            .executeTakeFirstOrThrow();
      await appendAudit(trx, { tenantId: actor.tenantId, actorId: actor.userId, action: `${kind}.saved`, caseReference: record.reference, detail: { approvalId: row.id, confirmed }, at });
      return ok(approvalOf(row));
    });
  }

  /**
   * Sends the request: the draft becomes `requested` with the checklist as it stands, and a card is queued for
   * each approver, for the requester and, given `channelTeamId`, for the team's channel. Refused (`already-sent`) when the case has a request awaiting a decision.
   */
  async send(
    record: CaseRecord,
    checklist: ClosureChecklist,
    confirmed: readonly string[],
    approverIds: readonly string[],
    actor: Actor,
    at: Date,
    channelTeamId?: string,
  ): Promise<Result<Approval, AlreadySent>> {
    const saved = await this.saveDraft(record, checklist.kind, confirmed, actor, at);
    if (!saved.ok) return saved;
    const draft = saved.value;
    const sent = checklist.items.map(snapshotOf);
    return this.db.transaction().execute(async (trx): Promise<Result<Approval, AlreadySent>> => {
      const row = await trx
        .updateTable('approvals')
        .set((eb) => ({ status: 'requested', version: eb('version', '+', 1), checklist: JSON.stringify({ confirmed, sent }), requested_at: at }))
        .where('id', '=', draft.id)
        .where('status', '=', 'draft')
        .returningAll()
        .executeTakeFirst();
      if (!row) return err(ALREADY_SENT);
      const recipients = [...new Set([...approverIds, actor.userId])];
      await trx
        .insertInto('approval_notices')
        .values([
          ...recipients.map((recipientId) => ({ approval_id: row.id, tenant_id: record.tenantId, kind: 'card' as const, recipient_id: recipientId, status: 'pending' as const, created_at: at })),
          // The team's channel, where the bot is in one: its recipient is the Teams team's id.
          ...(channelTeamId === undefined ? [] : [{ approval_id: row.id, tenant_id: record.tenantId, kind: 'channel' as const, recipient_id: channelTeamId, status: 'pending' as const, created_at: at }]),
        ])
        .execute();
      await appendAudit(trx, {
        tenantId: actor.tenantId,
        actorId: actor.userId,
        action: `${checklist.kind}.requested`,
        caseReference: record.reference,
        detail: { approvalId: row.id, version: row.version, approverIds: [...approverIds], checklist: sent },
        at,
      });
      return ok(approvalOf(row));
    });
  }

  /**
   * The first decision on a request wins: an UPDATE that matches only while the request is `requested` at
   * `expectedVersion`. An approval records `plan-closed` on `closedOn`, closing the case and ending its
   * obligations, in the same transaction. The requester's and everyone's cards are then queued for update.
   */
  async decide(
    approvalId: string,
    expectedVersion: number,
    decision: Decision,
    comment: string | undefined,
    record: CaseRecord,
    actor: Actor,
    closedOn: LocalDate,
    at: Date,
  ): Promise<Result<Approval, TooLate>> {
    const decided = await this.db.transaction().execute(async (trx): Promise<Approval | undefined> => {
      const row = await trx
        .updateTable('approvals')
        .set((eb) => ({ status: decision, version: eb('version', '+', 1), decided_by: actor.userId, decided_at: at, comment: comment ?? null }))
        .where('id', '=', approvalId)
        .where('tenant_id', '=', actor.tenantId)
        .where('status', '=', 'requested')
        .where('version', '=', expectedVersion)
        .returningAll()
        .executeTakeFirst();
      if (!row) return undefined;
      const approval = approvalOf(row);
      if (decision === 'approved') await this.cases.recordEventWithin(trx, record, { kind: 'plan-closed', on: closedOn }, actor, closedOn, at);
      await trx
        .insertInto('approval_notices')
        .values([
          { approval_id: approval.id, tenant_id: approval.tenantId, kind: 'update-cards', recipient_id: approval.requestedBy, status: 'pending', created_at: at },
          { approval_id: approval.id, tenant_id: approval.tenantId, kind: 'tell-requester', recipient_id: approval.requestedBy, status: 'pending', created_at: at },
        ])
        .execute();
      await appendAudit(trx, {
        tenantId: actor.tenantId,
        actorId: actor.userId,
        action: `${approval.kind}.${decision}`,
        caseReference: record.reference,
        detail: {
          approvalId: approval.id,
          version: approval.version,
          requestedBy: approval.requestedBy,
          ...(decision === 'approved' ? { closedOn } : { commentGiven: true }),
          checklist: approval.sentChecklist ?? [],
        },
        at,
      });
      return approval;
    });
    if (decided) return ok(decided);
    const current = await this.approvalById(actor.tenantId, approvalId);
    if (!current) throw new Error(`Approval ${approvalId} vanished while being decided`);
    return err({ kind: 'too-late', approval: current });
  }
}

function approvalOf(row: unknown): Approval {
  const parsed = ApprovalRowSchema.parse(row);
  return {
    id: parsed.id,
    tenantId: parsed.tenant_id,
    caseId: parsed.case_id,
    kind: parsed.kind,
    status: parsed.status,
    version: parsed.version,
    confirmed: parsed.checklist.confirmed,
    ...(parsed.checklist.sent ? { sentChecklist: parsed.checklist.sent } : {}),
    requestedBy: parsed.requested_by,
    requestedAt: parsed.requested_at,
    ...(parsed.decided_by === null ? {} : { decidedBy: parsed.decided_by }),
    ...(parsed.decided_at === null ? {} : { decidedAt: parsed.decided_at }),
    ...(parsed.comment === null ? {} : { comment: parsed.comment }),
  };
}

function snapshotOf(item: ClosureChecklist['items'][number]): ChecklistSnapshotItem {
  const { check } = item;
  const on =
    check.kind === 'recorded' || check.kind === 'review-decided'
      ? check.on
      : check.kind === 'not-decided'
        ? check.latest?.heldOn
        : check.kind === 'in-place' || check.kind === 'not-in-place'
          ? check.since
          : undefined;
  return { ruleId: item.ruleId, check: check.kind, met: item.met, ...(on === undefined ? {} : { on }) };
}
