import { z } from 'zod';
import { addCalendarDays } from '../../domain/calendar/add-calendar-days.js';
import { normaliseCaseReference } from '../../domain/cases/case-reference.js';
import { compareLocalDates, LocalDateSchema, type LocalDate } from '../../domain/dates/local-date.js';
import { err, ok, type Result } from '../../domain/result.js';
import { appendAudit } from './audit.js';
import type { Db } from './database.js';

/*
 * Why delete rather than anonymise. The bot keeps working copies only: a reference, initials and dated events
 * that the worker also records in the council's case management system (Liquidlogic LCS, Mosaic), which stays
 * the record and applies the council's own retention schedule. Anonymising would keep the dated events, and a
 * sequence of dates in one authority's team identifies a family as surely as a name does, while the bot has no
 * use for them once the case is closed. Deleting leaves nothing to re-identify and is easy to verify. The audit
 * log stays: it holds references, ids, dates and codes, so what was removed, when and by whom stays accountable.
 *
 * Everything held about a case hangs off `cases.id` with ON DELETE CASCADE (events, obligations, and every
 * later per-case table must do the same), so deleting the case row deletes all of it in the same statement.
 */

/** The bot's own work in the audit log; people appear by Entra object id. */
export const RETENTION_ACTOR = 'system:retention';

/** Cases deleted per transaction: large enough to be quick, small enough not to hold locks for long. */
const BATCH_SIZE = 500;

const ExpiredRowSchema = z.object({
  tenant_id: z.string(),
  reference: z.string(),
  closed_on: LocalDateSchema,
});

const RemovedRowSchema = z.object({
  tenant_id: z.string(),
  reference: z.string(),
  status: z.enum(['open', 'closed']),
  opened_on: LocalDateSchema,
  closed_on: LocalDateSchema.nullable(),
});

export interface DeletedCase {
  readonly tenantId: string;
  readonly reference: string;
  readonly closedOn: LocalDate;
}

export interface RetentionOptions {
  /** RETENTION_DAYS_AFTER_CLOSURE: whole calendar days a closed case is kept after the day it closed. */
  readonly retentionDaysAfterClosure: number;
  /** Today's London date. */
  readonly today: LocalDate;
  /** The instant written in the audit rows. */
  readonly at: Date;
}

/**
 * Deletes every closed case whose closure is more than `retentionDaysAfterClosure` calendar days before `today`,
 * in every tenant, with everything held about it, writing one `case.deleted-after-retention` audit row per
 * case. A case closed on day C with N days' retention is kept through C + N and deleted from C + N + 1. Open
 * cases are never touched. Runs in batches, one transaction each; a second instance running at the same time
 * skips the rows the first has locked, so no case is audited twice.
 *
 * @returns the cases deleted, oldest closure first.
 * @example
 * // Closed Friday 10 January 2025, kept 365 days: still there on Saturday 10 January 2026, gone on Sunday 11 January 2026.
 * await applyRetention(db, { retentionDaysAfterClosure: 365, today: '2026-01-11', at })
 * //=> [{ tenantId: 'tenant-a', reference: 'AB12', closedOn: '2025-01-10' }]
 */
export async function applyRetention(db: Db, options: RetentionOptions): Promise<DeletedCase[]> {
  const { retentionDaysAfterClosure, today, at } = options;
  if (!Number.isInteger(retentionDaysAfterClosure) || retentionDaysAfterClosure < 1) {
    throw new RangeError('retentionDaysAfterClosure must be a whole number of days, at least 1');
  }
  const closedBefore = addCalendarDays(today, -retentionDaysAfterClosure);
  const deleted: DeletedCase[] = [];
  for (;;) {
    const batch = await db.transaction().execute(async (trx) => {
      const due = await trx
        .selectFrom('cases')
        .select('id')
        .where('status', '=', 'closed')
        .where('closed_on', '<', closedBefore)
        .orderBy('closed_on')
        .orderBy('id')
        .limit(BATCH_SIZE)
        .forUpdate()
        .skipLocked()
        .execute();
      // FOR UPDATE re-checks the conditions on a row changed meanwhile (a case re-opened), so only expired rows are locked.
      if (due.length === 0) return [];
      const rows = await trx
        .deleteFrom('cases')
        .where('id', 'in', due.map((row) => row.id))
        .returning(['tenant_id', 'reference', 'closed_on'])
        .execute();
      const cases = rows.map((row) => {
        const parsed = ExpiredRowSchema.parse(row);
        return { tenantId: parsed.tenant_id, reference: parsed.reference, closedOn: parsed.closed_on };
      });
      // One insert for the batch, not one per case: on PostgreSQL that took 10,000 deletions from 13 s to 1.6 s.
      if (cases.length > 0) {
        await trx
          .insertInto('audit_log')
          .values(
            cases.map((deletedCase) => ({
              tenant_id: deletedCase.tenantId,
              at,
              actor_id: RETENTION_ACTOR,
              action: 'case.deleted-after-retention',
              case_reference: deletedCase.reference,
              detail: JSON.stringify({ closedOn: deletedCase.closedOn, retentionDays: retentionDaysAfterClosure }),
            })),
          )
          .execute();
      }
      return cases;
    });
    deleted.push(...batch.sort((left, right) => compareLocalDates(left.closedOn, right.closedOn)));
    if (batch.length < BATCH_SIZE) return deleted;
  }
}

export interface RemovedCase {
  readonly tenantId: string;
  readonly reference: string;
  readonly status: 'open' | 'closed';
}

export interface NoSuchCase {
  readonly kind: 'no-such-case';
  readonly reference: string;
}

/**
 * An administrator removes one case's data at once, open or closed (a case opened in error, or a family's
 * request under the council's data-protection process), audited as `case.removed-by-admin`. The reference is
 * matched in any case of letters, as in chat. Checking that `actorId` is an administrator is the caller's job.
 *
 * @example
 * await removeCase(db, 'tenant-a', 'ab12', 'admin-object-id', at)
 * //=> { ok: true, value: { tenantId: 'tenant-a', reference: 'AB12', status: 'open' } }
 * await removeCase(db, 'tenant-a', 'ZZ99', 'admin-object-id', at)
 * //=> { ok: false, error: { kind: 'no-such-case', reference: 'ZZ99' } }
 */
export async function removeCase(db: Db, tenantId: string, reference: string, actorId: string, at: Date): Promise<Result<RemovedCase, NoSuchCase>> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .deleteFrom('cases')
      .where('tenant_id', '=', tenantId)
      .where('reference', '=', normaliseCaseReference(reference))
      .returning(['tenant_id', 'reference', 'status', 'opened_on', 'closed_on'])
      .executeTakeFirst();
    if (!row) return err({ kind: 'no-such-case', reference });
    const parsed = RemovedRowSchema.parse(row);
    await appendAudit(trx, {
      tenantId,
      actorId,
      action: 'case.removed-by-admin',
      caseReference: parsed.reference,
      detail: { status: parsed.status, openedOn: parsed.opened_on, ...(parsed.closed_on === null ? {} : { closedOn: parsed.closed_on }) },
      at,
    });
    return ok({ tenantId: parsed.tenant_id, reference: parsed.reference, status: parsed.status });
  });
}
