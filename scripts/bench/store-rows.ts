import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { HolidayCalendar } from '../../domain/calendar/holiday-calendar.js';
import { anchorDateOf } from '../../domain/cases/case-events.js';
import { obligationsOn, type Obligation } from '../../domain/cases/timeline.js';
import { censusDatesOf } from '../../domain/timeliness/census-dates.js';
import type { LocalDate } from '../../domain/dates/local-date.js';
import type { Policy } from '../../domain/policy/schema.js';
import type { Db } from '../../bot/store/database.js';
import type { BenchCase, BenchHistory } from './store-histories.js';

/** A batch of cases as one array per column, ready for `unnest`: three statements load any number of rows. */
export interface ColumnBatch {
  readonly cases: Record<
    | 'id' | 'tenant_id' | 'reference' | 'initials' | 'authority_id' | 'team' | 'worker_id' | 'manager_id' | 'pathways' | 'status' | 'opened_on' | 'closed_on'
    | 'referral_on' | 'assessment_completed_on' | 'plan_started_on' | 'plan_closed_on',
    (string | null)[]
  >;
  readonly events: Record<'case_id' | 'kind' | 'happened_on' | 'counts_from' | 'recorded_by', (string | null)[]>;
  readonly obligations: Record<'case_id' | 'rule_id' | 'tenant_id' | 'worker_id' | 'team' | 'responsible_role' | 'due_on' | 'done_on', (string | null)[]>;
}

/** Obligations worked out once a history: cases sharing a history share its events, authority and pathways. */
const obligationsByHistory = new WeakMap<BenchHistory, readonly Obligation[]>();

/**
 * The rows CaseStore would have written for these cases had each event been recorded through it: the case, its
 * events, and its obligations on `today` from the same pure obligationsOn, materialised the same way.
 *
 * @example
 * columnBatchOf([histories.caseAt(0)], '2026-11-23', policies, calendar).obligations.rule_id
 * //=> ['redbridge.initial-meeting.convene', 'redbridge.first-review.at-six-weeks', …]
 */
export function columnBatchOf(cases: readonly BenchCase[], today: LocalDate, policies: ReadonlyMap<string, Policy>, calendar: HolidayCalendar): ColumnBatch {
  const batch: ColumnBatch = {
    cases: {
      id: [], tenant_id: [], reference: [], initials: [], authority_id: [], team: [], worker_id: [], manager_id: [], pathways: [], status: [], opened_on: [], closed_on: [],
      referral_on: [], assessment_completed_on: [], plan_started_on: [], plan_closed_on: [],
    },
    events: { case_id: [], kind: [], happened_on: [], counts_from: [], recorded_by: [] },
    obligations: { case_id: [], rule_id: [], tenant_id: [], worker_id: [], team: [], responsible_role: [], due_on: [], done_on: [] },
  };
  for (const benchCase of cases) {
    const policy = policies.get(benchCase.authorityId);
    if (!policy) throw new Error(`No policy for ${benchCase.authorityId}`);
    const { history } = benchCase;
    const id = randomUUID();
    const row = batch.cases;
    row.id.push(id);
    row.tenant_id.push(benchCase.tenantId);
    row.reference.push(benchCase.reference);
    row.initials.push(benchCase.initials);
    row.authority_id.push(benchCase.authorityId);
    row.team.push(benchCase.team);
    row.worker_id.push(benchCase.workerId);
    row.manager_id.push(benchCase.managerId);
    row.pathways.push(JSON.stringify(history.pathways));
    row.status.push(history.closedOn === undefined ? 'open' : 'closed');
    row.opened_on.push(history.openedOn);
    row.closed_on.push(history.closedOn ?? null);
    const census = censusDatesOf(history.events);
    row.referral_on.push(census.referralOn ?? null);
    row.assessment_completed_on.push(census.assessmentCompletedOn ?? null);
    row.plan_started_on.push(census.planStartedOn ?? null);
    row.plan_closed_on.push(census.planClosedOn ?? null);
    for (const event of history.events) {
      batch.events.case_id.push(id);
      batch.events.kind.push(event.kind);
      batch.events.happened_on.push(event.on);
      batch.events.counts_from.push(event.kind === 'review-booked' || event.kind === 'supervision-order-made' ? anchorDateOf(event) : null);
      batch.events.recorded_by.push(benchCase.workerId);
    }
    let obligations = obligationsByHistory.get(history);
    if (!obligations) {
      obligations = obligationsOn({ authorityId: benchCase.authorityId, pathways: history.pathways, events: history.events }, today, policy, calendar);
      obligationsByHistory.set(history, obligations);
    }
    for (const obligation of obligations) {
      const owed = batch.obligations;
      owed.case_id.push(id);
      owed.rule_id.push(obligation.ruleId);
      owed.tenant_id.push(benchCase.tenantId);
      owed.worker_id.push(benchCase.workerId);
      owed.team.push(benchCase.team);
      owed.responsible_role.push(obligation.responsible.role);
      owed.due_on.push(obligation.dueOn);
      owed.done_on.push(obligation.doneOn ?? null);
    }
  }
  return batch;
}

/**
 * Inserts a batch with one multi-row INSERT … SELECT FROM unnest(…) a table: one parameter a column, so no
 * limit on rows a statement and little parsing. Seeded events count as recorded at 17:00 on their day.
 *
 * @example
 * await insertColumnBatch(db, columnBatchOf(cases, today, policies, calendar), new Date())
 */
export async function insertColumnBatch(db: Db, batch: ColumnBatch, at: Date): Promise<void> {
  const { cases, events, obligations } = batch;
  await db
    .insertInto('cases')
    .columns([
      'id', 'tenant_id', 'reference', 'initials', 'authority_id', 'team', 'worker_id', 'manager_id', 'pathways', 'status', 'opened_on', 'closed_on',
      'referral_on', 'assessment_completed_on', 'plan_started_on', 'plan_closed_on', 'created_at', 'updated_at',
    ])
    .expression(
      sql`SELECT u.*, ${at}::timestamptz, ${at}::timestamptz FROM unnest(${cases.id}::text[], ${cases.tenant_id}::text[], ${cases.reference}::text[],
        ${cases.initials}::text[], ${cases.authority_id}::text[], ${cases.team}::text[], ${cases.worker_id}::text[], ${cases.manager_id}::text[],
        ${cases.pathways}::jsonb[], ${cases.status}::text[], ${cases.opened_on}::date[], ${cases.closed_on}::date[], ${cases.referral_on}::date[],
        ${cases.assessment_completed_on}::date[], ${cases.plan_started_on}::date[], ${cases.plan_closed_on}::date[]) AS u`,
    )
    .execute();
  await db
    .insertInto('case_events')
    .columns(['case_id', 'kind', 'happened_on', 'counts_from', 'recorded_by', 'recorded_at'])
    .expression(
      sql`SELECT u.*, (u.happened_on + time '17:00') AT TIME ZONE 'Europe/London' FROM unnest(${events.case_id}::text[], ${events.kind}::text[],
        ${events.happened_on}::date[], ${events.counts_from}::date[], ${events.recorded_by}::text[]) AS u(case_id, kind, happened_on, counts_from, recorded_by)`,
    )
    .execute();
  if (obligations.case_id.length === 0) return;
  await db
    .insertInto('obligations')
    .columns(['case_id', 'rule_id', 'tenant_id', 'worker_id', 'team', 'responsible_role', 'due_on', 'done_on'])
    .expression(
      sql`SELECT * FROM unnest(${obligations.case_id}::text[], ${obligations.rule_id}::text[], ${obligations.tenant_id}::text[],
        ${obligations.worker_id}::text[], ${obligations.team}::text[], ${obligations.responsible_role}::text[], ${obligations.due_on}::date[],
        ${obligations.done_on}::date[])`,
    )
    .execute();
}
