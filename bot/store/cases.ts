import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { z } from 'zod';
import type { HolidayCalendar } from '../../domain/calendar/holiday-calendar.js';
import type { CaseEvent, CaseFile } from '../../domain/cases/case-events.js';
import { normaliseCaseReference } from '../../domain/cases/case-reference.js';
import { eventRefusalOn, type EventRefusal } from '../../domain/cases/event-refusal.js';
import { EventKindSchema } from '../../domain/cases/event-kinds.js';
import { obligationsOn, type Obligation } from '../../domain/cases/timeline.js';
import { LocalDateSchema, type LocalDate } from '../../domain/dates/local-date.js';
import { censusDatesOf } from '../../domain/timeliness/census-dates.js';
import { PathwaySchema, type Pathway, type Policy } from '../../domain/policy/schema.js';
import { policyFor } from '../../domain/policy/registry.js';
import { err, ok, type Result } from '../../domain/result.js';
import { appendAudit } from './audit.js';
import { removeCase, type NoSuchCase, type RemovedCase } from './retention.js';
import type { Db } from './database.js';

const CaseRowSchema = z.object({
  id: z.string(),
  tenant_id: z.string(),
  reference: z.string(),
  initials: z.string(),
  authority_id: z.string(),
  team: z.string(),
  worker_id: z.string(),
  manager_id: z.string().nullable(),
  pathways: z.array(PathwaySchema),
  status: z.enum(['open', 'closed']),
  opened_on: LocalDateSchema,
  closed_on: LocalDateSchema.nullable(),
});

const EventRowSchema = z.object({
  id: z.coerce.string(),
  kind: EventKindSchema,
  happened_on: LocalDateSchema,
  counts_from: LocalDateSchema.nullable(),
  recorded_by: z.string(),
  recorded_at: z.date(),
});

/** A case as the bot keeps it: a reference and initials, never a name. */
export interface CaseRecord {
  readonly id: string;
  readonly tenantId: string;
  readonly reference: string;
  readonly initials: string;
  readonly authorityId: string;
  readonly team: string;
  readonly workerId: string;
  readonly managerId?: string;
  readonly pathways: readonly Pathway[];
  readonly status: 'open' | 'closed';
  readonly openedOn: LocalDate;
  readonly closedOn?: LocalDate;
}

export type NewCase = Omit<CaseRecord, 'id' | 'status' | 'closedOn'>;

export interface RecordedEvent {
  readonly id: string;
  readonly event: CaseEvent;
  readonly recordedBy: string;
  readonly recordedAt: Date;
}

/** A deadline from the materialised obligations, with the case it belongs to. */
export interface Deadline {
  readonly caseReference: string;
  readonly ruleId: string;
  readonly workerId: string;
  readonly team: string;
  readonly responsibleRole: string;
  readonly dueOn: LocalDate;
}

const DeadlineRowSchema = z.object({
  reference: z.string(),
  rule_id: z.string(),
  worker_id: z.string(),
  team: z.string(),
  responsible_role: z.string(),
  due_on: LocalDateSchema,
});

export type CaseWriteRefusal = EventRefusal | { readonly kind: 'reference-taken'; readonly reference: string } | { readonly kind: 'no-such-event'; readonly eventId: string };

export interface Actor {
  readonly tenantId: string;
  readonly userId: string;
}

/**
 * The cases, their events and their materialised obligations. Every write re-computes the case's obligations
 * from its events in the same transaction, and is audited.
 */
export class CaseStore {
  constructor(
    private readonly db: Db,
    private readonly policies: readonly Policy[],
    private readonly calendar: HolidayCalendar,
  ) {}

  async openCase(input: NewCase, actor: Actor, at: Date): Promise<Result<CaseRecord, CaseWriteRefusal>> {
    const record: CaseRecord = { ...input, reference: normaliseCaseReference(input.reference), id: randomUUID(), status: 'open' };
    return this.db.transaction().execute(async (trx) => {
      const inserted = await trx
        .insertInto('cases')
        .values({ ...rowOf(record), created_at: at, updated_at: at })
        .onConflict((conflict) => conflict.columns(['tenant_id', 'reference']).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!inserted) return err({ kind: 'reference-taken', reference: record.reference });
      await appendAudit(trx, {
        tenantId: actor.tenantId,
        actorId: actor.userId,
        action: 'case.opened',
        caseReference: record.reference,
        detail: { authorityId: record.authorityId, team: record.team, workerId: record.workerId, pathways: record.pathways, openedOn: record.openedOn },
        at,
      });
      return ok(record);
    });
  }

  /**
   * Opens the case, or brings an existing one with the same reference up to date (initials, authority, team,
   * worker, manager, dates): a re-import updates rather than duplicates. Audited either way.
   */
  async upsertCase(input: NewCase & { readonly closedOn?: LocalDate }, actor: Actor, at: Date): Promise<{ readonly record: CaseRecord; readonly created: boolean }> {
    const existing = await this.caseByReference(input.tenantId, input.reference);
    if (!existing) {
      const opened = await this.openCase(input, actor, at);
      if (opened.ok) return { record: opened.value, created: true };
      return this.upsertCase(input, actor, at);
    }
    const record: CaseRecord = {
      ...input,
      id: existing.id,
      reference: existing.reference,
      status: input.closedOn === undefined ? existing.status : 'closed',
      ...(input.closedOn === undefined ? (existing.closedOn === undefined ? {} : { closedOn: existing.closedOn }) : { closedOn: input.closedOn }),
    };
    await this.db.transaction().execute(async (trx) => {
      const { id: _id, tenant_id: _tenant, reference: _reference, ...changes } = rowOf(record);
      await trx.updateTable('cases').set({ ...changes, updated_at: at }).where('id', '=', existing.id).execute();
      await appendAudit(trx, {
        tenantId: actor.tenantId,
        actorId: actor.userId,
        action: 'case.updated',
        caseReference: record.reference,
        detail: { authorityId: record.authorityId, team: record.team, workerId: record.workerId, status: record.status },
        at,
      });
    });
    return { record, created: false };
  }

  async caseByReference(tenantId: string, reference: string): Promise<CaseRecord | undefined> {
    const row = await this.db
      .selectFrom('cases')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('reference', '=', normaliseCaseReference(reference))
      .executeTakeFirst();
    return row ? caseOf(row) : undefined;
  }

  async caseById(id: string): Promise<CaseRecord | undefined> {
    const row = await this.db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? caseOf(row) : undefined;
  }

  /** An admin removes the case and everything held about it at once, audited (bot/store/retention.ts). */
  async remove(tenantId: string, reference: string, actorId: string, at: Date): Promise<Result<RemovedCase, NoSuchCase>> {
    return removeCase(this.db, tenantId, reference, actorId, at);
  }

  /** Every open case whose family moved out (an event not withdrawn), with the day they moved: its transfer checklist is owed. */
  async openCasesMovedOut(): Promise<{ readonly record: CaseRecord; readonly movedOutOn: LocalDate }[]> {
    const rows = await this.db
      .selectFrom('case_events')
      .innerJoin('cases', 'cases.id', 'case_events.case_id')
      .selectAll('cases')
      .select('case_events.happened_on as moved_out_on')
      .where('case_events.kind', '=', 'moved-out')
      .where('case_events.withdrawn_at', 'is', null)
      .where('cases.status', '=', 'open')
      .execute();
    return rows.map((row) => ({ record: caseOf(row), movedOutOn: LocalDateSchema.parse(row.moved_out_on) }));
  }

  async casesOf(tenantId: string, filter: { readonly workerId?: string; readonly teams?: readonly string[] }): Promise<CaseRecord[]> {
    let query = this.db.selectFrom('cases').selectAll().where('tenant_id', '=', tenantId).where('status', '=', 'open');
    if (filter.workerId !== undefined) query = query.where('worker_id', '=', filter.workerId);
    if (filter.teams !== undefined) query = filter.teams.length === 0 ? query.where(({ lit }) => lit(false)) : query.where('team', 'in', [...filter.teams]);
    const rows = await query.orderBy('reference').execute();
    return rows.map(caseOf);
  }

  async eventsOf(caseId: string): Promise<RecordedEvent[]> {
    const rows = await this.db
      .selectFrom('case_events')
      .select(['id', 'kind', 'happened_on', 'counts_from', 'recorded_by', 'recorded_at'])
      .where('case_id', '=', caseId)
      .where('withdrawn_at', 'is', null)
      .orderBy('happened_on')
      .orderBy('id')
      .execute();
    return rows.map((row) => {
      const parsed = EventRowSchema.parse(row);
      return { id: parsed.id, event: eventOf(parsed), recordedBy: parsed.recorded_by, recordedAt: parsed.recorded_at };
    });
  }

  /**
   * Records what happened, refusing a date in the future or before the case opened, and re-computes. With
   * `unlessRecorded`, an event of the same kind on the same day already recorded is kept instead (re-imports).
   */
  async recordEvent(
    record: CaseRecord,
    event: CaseEvent,
    actor: Actor,
    today: LocalDate,
    at: Date,
    { unlessRecorded = false } = {},
  ): Promise<Result<RecordedEvent, CaseWriteRefusal>> {
    const refusal = eventRefusalOn(event, record.openedOn, today);
    if (refusal) return err(refusal);
    if (unlessRecorded) {
      const same = (await this.eventsOf(record.id)).find((recorded) => recorded.event.kind === event.kind && recorded.event.on === event.on);
      if (same) return ok(same);
    }
    return this.db.transaction().execute(async (trx) => ok(await this.recordEventWithin(trx, record, event, actor, today, at)));
  }

  /**
   * Records `event` inside the caller's transaction (a closure approved with its decision, all or nothing) and
   * re-computes; the caller has checked the date with eventRefusalOn. `plan-closed` closes the case, ending its
   * obligations and cancelling its pending reminders.
   */
  async recordEventWithin(trx: Db, record: CaseRecord, event: CaseEvent, actor: Actor, today: LocalDate, at: Date): Promise<RecordedEvent> {
    // One round trip: lock the case (so two writers to one case re-compute one after the other), record the
    // event and audit it. Recording is on every worker's path, and each round trip is a millisecond or so.
    const countsFrom = countsFromOf(event);
    const detail = { kind: event.kind, on: event.on, ...(countsFrom ? { countsFrom } : {}) };
    const { rows } = await sql<{ id: string }>`
      WITH locked AS (SELECT id FROM cases WHERE id = ${record.id} FOR UPDATE),
      event AS (
        INSERT INTO case_events (case_id, kind, happened_on, counts_from, recorded_by, recorded_at)
        SELECT id, ${event.kind}, ${event.on}::date, ${countsFrom ?? null}::date, ${actor.userId}, ${at}::timestamptz FROM locked
        RETURNING id
      ),
      audit AS (
        INSERT INTO audit_log (tenant_id, at, actor_id, action, case_reference, detail)
        SELECT ${actor.tenantId}, ${at}::timestamptz, ${actor.userId}, 'event.recorded', ${record.reference},
          ${JSON.stringify(detail)}::jsonb || jsonb_build_object('eventId', event.id::text)
        FROM event
      )
      SELECT id::text AS id FROM event`.execute(trx);
    const eventId = rows[0]?.id;
    if (eventId === undefined) throw new Error(`Case ${record.reference} was removed while an event was being recorded`);
    if (event.kind === 'plan-closed') {
      await trx.updateTable('cases').set({ status: 'closed', closed_on: event.on, updated_at: at }).where('id', '=', record.id).execute();
      // With the decision, not at the next send: nothing planned for a closed case goes out.
      await trx
        .updateTable('reminder_outbox')
        .set({ status: 'cancelled', last_outcome: 'case closed' })
        .where('case_id', '=', record.id)
        .where('status', '=', 'pending')
        .execute();
    }
    await this.recompute(trx, record, today);
    return { id: eventId, event, recordedBy: actor.userId, recordedAt: at };
  }

  /** Moves the case to another worker: their deadlines and (at the next send) their reminders follow. Audited. */
  async reassign(record: CaseRecord, workerId: string, actor: Actor, at: Date): Promise<CaseRecord> {
    await this.db.transaction().execute(async (trx) => {
      await trx.updateTable('cases').set({ worker_id: workerId, updated_at: at }).where('id', '=', record.id).execute();
      await trx.updateTable('obligations').set({ worker_id: workerId }).where('case_id', '=', record.id).execute();
      await appendAudit(trx, {
        tenantId: actor.tenantId,
        actorId: actor.userId,
        action: 'case.reassigned',
        caseReference: record.reference,
        detail: { fromWorkerId: record.workerId, toWorkerId: workerId },
        at,
      });
    });
    return { ...record, workerId };
  }

  /** A correction: the event stays in the table, marked withdrawn by whom and when, and the audit says so. */
  async withdrawEvent(record: CaseRecord, eventId: string, actor: Actor, today: LocalDate, at: Date): Promise<Result<RecordedEvent, CaseWriteRefusal>> {
    return this.db.transaction().execute(async (trx) => {
      await trx.selectFrom('cases').select('id').where('id', '=', record.id).forUpdate().execute();
      const row = await trx
        .updateTable('case_events')
        .set({ withdrawn_at: at, withdrawn_by: actor.userId })
        .where('id', '=', eventId)
        .where('case_id', '=', record.id)
        .where('withdrawn_at', 'is', null)
        .returning(['id', 'kind', 'happened_on', 'counts_from', 'recorded_by', 'recorded_at'])
        .executeTakeFirst();
      if (!row) return err({ kind: 'no-such-event', eventId });
      const parsed = EventRowSchema.parse(row);
      await appendAudit(trx, {
        tenantId: actor.tenantId,
        actorId: actor.userId,
        action: 'event.withdrawn',
        caseReference: record.reference,
        detail: { eventId: parsed.id, kind: parsed.kind, on: parsed.happened_on },
        at,
      });
      await this.recompute(trx, record, today);
      return ok({ id: parsed.id, event: eventOf(parsed), recordedBy: parsed.recorded_by, recordedAt: parsed.recorded_at });
    });
  }

  /** The case's obligations on `today`, worked out afresh from its events (with rule, working and citation). */
  async obligationsOf(record: CaseRecord, today: LocalDate): Promise<Obligation[]> {
    const events = (await this.eventsOf(record.id)).map((recorded) => recorded.event);
    return obligationsOn(this.caseFileOf(record, events), today, this.policyOf(record), this.calendar);
  }

  /**
   * Open cases with an obligation not yet done that falls due on or before `dueBy`, or, for the rules in `early`
   * (reminded further ahead), on or before `early.dueBy` (reminder planning).
   */
  async casesOwingBy(dueBy: LocalDate, early?: { readonly ruleIds: readonly string[]; readonly dueBy: LocalDate }): Promise<CaseRecord[]> {
    const rows = await this.db
      .selectFrom('cases')
      .selectAll()
      .where('status', '=', 'open')
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('obligations')
            .select('obligations.rule_id')
            .whereRef('obligations.case_id', '=', 'cases.id')
            .where('obligations.done_on', 'is', null)
            .where((owed) =>
              early === undefined || early.ruleIds.length === 0
                ? owed('obligations.due_on', '<=', dueBy)
                : owed.or([
                    owed('obligations.due_on', '<=', dueBy),
                    owed.and([owed('obligations.rule_id', 'in', [...early.ruleIds]), owed('obligations.due_on', '<=', early.dueBy)]),
                  ]),
            ),
        ),
      )
      .orderBy('id')
      .execute();
    return rows.map(caseOf);
  }

  /** The obligations of many cases on `today`, their events read in one query per 500 cases. */
  async obligationsOfMany(records: readonly CaseRecord[], today: LocalDate): Promise<Map<string, Obligation[]>> {
    const obligations = new Map<string, Obligation[]>();
    for (let start = 0; start < records.length; start += 500) {
      const chunk = records.slice(start, start + 500);
      const rows = await this.db
        .selectFrom('case_events')
        .select(['case_id', 'id', 'kind', 'happened_on', 'counts_from', 'recorded_by', 'recorded_at'])
        .where('case_id', 'in', chunk.map((record) => record.id))
        .where('withdrawn_at', 'is', null)
        .execute();
      const eventsByCase = new Map<string, CaseEvent[]>();
      for (const row of rows) eventsByCase.set(row.case_id, [...(eventsByCase.get(row.case_id) ?? []), eventOf(EventRowSchema.parse(row))]);
      for (const record of chunk) {
        obligations.set(record.id, obligationsOn(this.caseFileOf(record, eventsByCase.get(record.id) ?? []), today, this.policyOf(record), this.calendar));
      }
    }
    return obligations;
  }

  /** Open deadlines from the materialised obligations, soonest first. */
  async deadlines(tenantId: string, filter: { readonly workerId?: string; readonly teams?: readonly string[]; readonly dueOnOrBefore?: LocalDate }): Promise<Deadline[]> {
    let query = this.db
      .selectFrom('obligations')
      .innerJoin('cases', 'cases.id', 'obligations.case_id')
      .select(['cases.reference', 'obligations.rule_id', 'obligations.worker_id', 'obligations.team', 'obligations.responsible_role', 'obligations.due_on'])
      .where('obligations.tenant_id', '=', tenantId)
      .where('obligations.done_on', 'is', null);
    if (filter.workerId !== undefined) query = query.where('obligations.worker_id', '=', filter.workerId);
    if (filter.teams !== undefined) query = filter.teams.length === 0 ? query.where(({ lit }) => lit(false)) : query.where('obligations.team', 'in', [...filter.teams]);
    if (filter.dueOnOrBefore !== undefined) query = query.where('obligations.due_on', '<=', filter.dueOnOrBefore);
    const rows = await query.orderBy('obligations.due_on').orderBy('cases.reference').limit(500).execute();
    return rows.map((row) => {
      const parsed = DeadlineRowSchema.parse(row);
      return { caseReference: parsed.reference, ruleId: parsed.rule_id, workerId: parsed.worker_id, team: parsed.team, responsibleRole: parsed.responsible_role, dueOn: parsed.due_on };
    });
  }

  private async recompute(trx: Db, record: CaseRecord, today: LocalDate): Promise<void> {
    const rows = await trx
      .selectFrom('case_events')
      .select(['id', 'kind', 'happened_on', 'counts_from', 'recorded_by', 'recorded_at'])
      .where('case_id', '=', record.id)
      .where('withdrawn_at', 'is', null)
      .execute();
    const events = rows.map((row) => eventOf(EventRowSchema.parse(row)));
    const obligations = obligationsOn(this.caseFileOf(record, events), today, this.policyOf(record), this.calendar);
    const census = censusDatesOf(events);
    const censusColumns = {
      referral_on: census.referralOn ?? null,
      assessment_completed_on: census.assessmentCompletedOn ?? null,
      plan_started_on: census.planStartedOn ?? null,
      plan_closed_on: census.planClosedOn ?? null,
    };
    if (obligations.length === 0) {
      await trx.deleteFrom('obligations').where('case_id', '=', record.id).execute();
      await trx.updateTable('cases').set(censusColumns).where('id', '=', record.id).execute();
      return;
    }
    // One statement: drop the obligations the case no longer has, write the ones it has, and its census dates.
    const ruleIds = obligations.map((obligation) => obligation.ruleId);
    await trx
      .with('gone', (db) => db.deleteFrom('obligations').where('case_id', '=', record.id).where('rule_id', 'not in', ruleIds))
      .with('census', (db) => db.updateTable('cases').set(censusColumns).where('id', '=', record.id))
      .insertInto('obligations')
      .values(
        obligations.map((obligation) => ({
          case_id: record.id,
          rule_id: obligation.ruleId,
          tenant_id: record.tenantId,
          worker_id: record.workerId,
          team: record.team,
          responsible_role: obligation.responsible.role,
          due_on: obligation.dueOn,
          done_on: obligation.doneOn ?? null,
        })),
      )
      .onConflict((conflict) =>
        conflict.columns(['case_id', 'rule_id']).doUpdateSet((eb) => ({
          tenant_id: eb.ref('excluded.tenant_id'),
          worker_id: eb.ref('excluded.worker_id'),
          team: eb.ref('excluded.team'),
          responsible_role: eb.ref('excluded.responsible_role'),
          due_on: eb.ref('excluded.due_on'),
          done_on: eb.ref('excluded.done_on'),
        })),
      )
      .execute();
  }

  private caseFileOf(record: CaseRecord, events: readonly CaseEvent[]): CaseFile {
    return { authorityId: record.authorityId, pathways: record.pathways, events };
  }

  private policyOf(record: CaseRecord): Policy {
    const policy = policyFor(record.authorityId, this.policies);
    if (!policy.ok) throw new Error(`Case ${record.reference} names an authority with no policy file: ${record.authorityId}`);
    return policy.value;
  }
}

function rowOf(record: CaseRecord) {
  return {
    id: record.id,
    tenant_id: record.tenantId,
    reference: record.reference,
    initials: record.initials,
    authority_id: record.authorityId,
    team: record.team,
    worker_id: record.workerId,
    manager_id: record.managerId ?? null,
    pathways: JSON.stringify(record.pathways),
    status: record.status,
    opened_on: record.openedOn,
    closed_on: record.closedOn ?? null,
  };
}

function caseOf(row: unknown): CaseRecord {
  const parsed = CaseRowSchema.parse(row);
  return {
    id: parsed.id,
    tenantId: parsed.tenant_id,
    reference: parsed.reference,
    initials: parsed.initials,
    authorityId: parsed.authority_id,
    team: parsed.team,
    workerId: parsed.worker_id,
    ...(parsed.manager_id === null ? {} : { managerId: parsed.manager_id }),
    pathways: parsed.pathways,
    status: parsed.status,
    openedOn: parsed.opened_on,
    ...(parsed.closed_on === null ? {} : { closedOn: parsed.closed_on }),
  };
}

function countsFromOf(event: CaseEvent): LocalDate | undefined {
  return event.kind === 'review-booked' ? event.reviewOn : event.kind === 'supervision-order-made' ? event.expiresOn : undefined;
}

function eventOf(row: z.infer<typeof EventRowSchema>): CaseEvent {
  if (row.kind === 'review-booked') return { kind: row.kind, on: row.happened_on, reviewOn: row.counts_from ?? row.happened_on };
  if (row.kind === 'supervision-order-made') return { kind: row.kind, on: row.happened_on, expiresOn: row.counts_from ?? row.happened_on };
  return { kind: row.kind, on: row.happened_on };
}
