import type { Db } from '../../../bot/store/database.js';
import { addCalendarDays } from '../../../domain/calendar/add-calendar-days.js';
import type { EventKind } from '../../../domain/cases/event-kinds.js';
import type { LocalDate } from '../../../domain/dates/local-date.js';
import type { CaseEvent } from '../../../domain/cases/case-events.js';
import { censusDatesOf } from '../../../domain/timeliness/census-dates.js';
import { monthsEndingWith } from '../../../domain/timeliness/timeliness.js';

/** Monday 23 November 2026: the twelve months counted are December 2025 to November 2026. */
export const TODAY = '2026-11-23' as LocalDate;
export const CASE_COUNT = 300;
export const TEAMS = ['north', 'south', 'east'] as const;
export const MANAGER = 'manager-north';
export const SENIOR_PRACTITIONER = 'senior-practitioner-south';
export const ADMIN = 'admin-one';
export const WORKER = 'w-0';
export const VISIT_RULE = 'slough.visit.at-most-four-weeks-apart';
export const REVIEW_RULE = 'slough.review.every-three-months';
const AT = new Date('2026-11-23T09:00:00Z');

export const referenceOf = (index: number) => `C${String(index).padStart(4, '0')}`;
export const teamOf = (index: number) => TEAMS[index % 3] ?? 'north';

/**
 * A year of 300 Slough cases up to `today` (23 November 2026 unless given), written straight into the tables so every figure can be counted by hand
 * (tests/bot/timeliness/team-figures.test.ts works each one out from the rules below). Case i:
 * - team north, south, east by i mod 3; worker w-(i mod 4); opened 1 November 2025;
 * - a visit due the 10th of month (i mod 12) of the twelve, with j = floor(i / 12): j mod 5 = 0 done a day
 *   late, j mod 5 = 1 never done, otherwise done on the due day;
 * - for i < 80, a review due (i mod 10) weeks from `today`, not done;
 * - for i mod 4 = 0, referral Thursday 5 March 2026 and assessment completed 12 May 2026 (the 45th working day,
 *   past Easter and the early May bank holiday) when i mod 8 = 0, else 13 May; case 1 has an assessment
 *   recorded 1 April 2026 and withdrawn;
 * - for even i, plan started 15 January 2026; for i mod 6 = 0, plan closed 30 June 2026;
 * - for i mod 10 = 9, case closed 31 August 2026.
 */
export async function seedYear(db: Db, tenantId: string, today: LocalDate = TODAY): Promise<void> {
  const months = monthsEndingWith(today);
  const cases = [];
  const events: { case_id: string; kind: EventKind; happened_on: string; counts_from: null; recorded_by: string; recorded_at: Date; withdrawn_at: Date | null; withdrawn_by: string | null }[] = [];
  const obligations = [];
  for (let index = 0; index < CASE_COUNT; index += 1) {
    const id = `case-${index}`;
    const team = teamOf(index);
    const workerId = `w-${index % 4}`;
    const closed = index % 10 === 9;
    cases.push({
      id,
      tenant_id: tenantId,
      reference: referenceOf(index),
      initials: 'A.B.',
      authority_id: 'slough',
      team,
      worker_id: workerId,
      manager_id: MANAGER,
      pathways: JSON.stringify([]),
      status: closed ? ('closed' as const) : ('open' as const),
      opened_on: '2025-11-01',
      closed_on: closed ? '2026-08-31' : null,
      created_at: AT,
      updated_at: AT,
    });
    const event = (kind: EventKind, on: string, withdrawn = false) =>
      events.push({ case_id: id, kind, happened_on: on, counts_from: null, recorded_by: workerId, recorded_at: AT, withdrawn_at: withdrawn ? AT : null, withdrawn_by: withdrawn ? workerId : null });
    event('case-opened', '2025-11-01');
    if (index % 4 === 0) {
      event('referral-received', '2026-03-05');
      event('assessment-completed', index % 8 === 0 ? '2026-05-12' : '2026-05-13');
    }
    if (index === 1) event('assessment-completed', '2026-04-01', true);
    if (index % 2 === 0) event('plan-started', '2026-01-15');
    if (index % 6 === 0) event('plan-closed', '2026-06-30');
    const visitDue = `${months[index % 12] ?? ''}-10`;
    const round = Math.floor(index / 12) % 5;
    const visitDone = round === 0 ? `${months[index % 12] ?? ''}-11` : round === 1 ? null : visitDue;
    const obligation = { case_id: id, tenant_id: tenantId, worker_id: workerId, team, responsible_role: 'worker' as const };
    obligations.push({ ...obligation, rule_id: VISIT_RULE, due_on: visitDue, done_on: visitDone });
    if (index < 80) obligations.push({ ...obligation, rule_id: REVIEW_RULE, due_on: addCalendarDays(today, (index % 10) * 7), done_on: null });
  }
  // The census dates CaseStore keeps on each case from its events (withdrawn ones left out).
  for (const row of cases) {
    const census = censusDatesOf(events.filter((event) => event.case_id === row.id && event.withdrawn_at === null).map((event) => ({ kind: event.kind as CaseEvent['kind'], on: event.happened_on as LocalDate })));
    Object.assign(row, {
      referral_on: census.referralOn ?? null,
      assessment_completed_on: census.assessmentCompletedOn ?? null,
      plan_started_on: census.planStartedOn ?? null,
      plan_closed_on: census.planClosedOn ?? null,
    });
  }
  await db.insertInto('cases').values(cases).execute();
  await db.insertInto('case_events').values(events).execute();
  await db.insertInto('obligations').values(obligations).execute();
  await db
    .insertInto('role_assignments')
    .values([
      { tenant_id: tenantId, user_id: MANAGER, role: 'manager', team: 'north', assigned_by: ADMIN, assigned_at: AT },
      { tenant_id: tenantId, user_id: SENIOR_PRACTITIONER, role: 'senior-practitioner', team: 'south', assigned_by: ADMIN, assigned_at: AT },
      { tenant_id: tenantId, user_id: ADMIN, role: 'admin', team: '', assigned_by: ADMIN, assigned_at: AT },
      { tenant_id: tenantId, user_id: WORKER, role: 'worker', team: 'north', assigned_by: ADMIN, assigned_at: AT },
    ])
    .execute();
  await db
    .insertInto('conversation_references')
    .values({ tenant_id: tenantId, conversation_id: 'a:w-0-chat', kind: 'personal', user_id: 'w-0', user_name: 'Sam Worker', address: JSON.stringify({}), updated_at: AT, dead_at: null, dead_reason: null })
    .execute();
}
