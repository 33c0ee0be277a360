import { randomUUID } from 'node:crypto';
import type { HolidayCalendar } from '../../domain/calendar/holiday-calendar.js';
import { anchorDateOf } from '../../domain/cases/case-events.js';
import { obligationsOn, type Obligation } from '../../domain/cases/timeline.js';
import { censusDatesOf } from '../../domain/timeliness/census-dates.js';
import type { LocalDate } from '../../domain/dates/local-date.js';
import type { Policy } from '../../domain/policy/schema.js';
import type { ColumnBatch } from '../../bot/store/bench-database.js';
import type { BenchCase, BenchHistory } from './store-histories.js';

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
