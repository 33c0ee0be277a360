import { sql } from 'kysely';
import { z } from 'zod';
import { LocalDateSchema, type LocalDate } from '../../domain/dates/local-date.js';
import type { Policy } from '../../domain/policy/schema.js';
import { obligationKindOf, type ObligationKind } from '../../domain/timeliness/obligation-kind.js';
import type { CaseCensusDates, TimelinessItem } from '../../domain/timeliness/timeliness.js';
import type { Db } from './database.js';

/** Which cases the figures count: some teams (or every team, for admins), optionally one authority. */
export interface TimelinessScope {
  /** The teams to count; `all` for every team of the tenant. */
  readonly teams: readonly string[] | 'all';
  readonly authorityId?: string;
}

const CENSUS_EVENT_KINDS = ['referral-received', 'assessment-completed', 'plan-started', 'plan-closed'] as const;
type CensusEventKind = (typeof CENSUS_EVENT_KINDS)[number];

const ItemRowSchema = z.object({
  reference: z.string(),
  team: z.string(),
  worker_id: z.string(),
  rule_id: z.string(),
  due_on: LocalDateSchema,
  done_on: LocalDateSchema.nullable(),
});

const CaseDatesRowSchema = z.object({
  reference: z.string(),
  opened_on: LocalDateSchema,
  closed_on: LocalDateSchema.nullable(),
  referral_on: LocalDateSchema.nullable(),
  assessment_completed_on: LocalDateSchema.nullable(),
  plan_started_on: LocalDateSchema.nullable(),
  plan_closed_on: LocalDateSchema.nullable(),
});

/**
 * Reads what the Team view's figures are computed from: the materialised obligations of the charted kinds
 * (every open one, and the done ones due since `since`), and the census dates of every case open at any time
 * since `since` (the latest event of each kind, withdrawn events left out, as `export census` writes them).
 */
export class TimelinessStore {
  private readonly kindOfRule: ReadonlyMap<string, ObligationKind>;

  constructor(
    private readonly db: Db,
    policies: readonly Policy[],
  ) {
    const kinds = new Map<string, ObligationKind>();
    for (const policy of policies) {
      for (const rule of policy.rules) {
        const kind = obligationKindOf(rule.topic);
        if (kind !== undefined && rule.kind === 'timescale') kinds.set(rule.id, kind);
      }
    }
    this.kindOfRule = kinds;
  }

  async items(tenantId: string, scope: TimelinessScope, since: LocalDate): Promise<TimelinessItem[]> {
    if (scope.teams !== 'all' && scope.teams.length === 0) return [];
    let query = this.db
      .selectFrom('obligations')
      .innerJoin('cases', 'cases.id', 'obligations.case_id')
      .select(['cases.reference', 'obligations.team', 'obligations.worker_id', 'obligations.rule_id', 'obligations.due_on', 'obligations.done_on'])
      .where('obligations.tenant_id', '=', tenantId)
      .where('obligations.rule_id', 'in', [...this.kindOfRule.keys()])
      .where((eb) => eb.or([eb('obligations.done_on', 'is', null), eb('obligations.due_on', '>=', since)]));
    if (scope.teams !== 'all') query = query.where('obligations.team', 'in', [...scope.teams]);
    if (scope.authorityId !== undefined) query = query.where('cases.authority_id', '=', scope.authorityId);
    const rows = await query.execute();
    return rows.map((row) => {
      const parsed = ItemRowSchema.parse(row);
      return {
        caseReference: parsed.reference,
        team: parsed.team,
        workerId: parsed.worker_id,
        kind: this.kindOfRule.get(parsed.rule_id) ?? 'assessment',
        dueOn: parsed.due_on,
        ...(parsed.done_on === null ? {} : { doneOn: parsed.done_on }),
      };
    });
  }

  async caseDates(tenantId: string, scope: TimelinessScope, since: LocalDate): Promise<CaseCensusDates[]> {
    if (scope.teams !== 'all' && scope.teams.length === 0) return [];
    const latest = (kind: CensusEventKind) => sql<string | null>`max(case_events.happened_on) filter (where case_events.kind = ${kind})`;
    let query = this.db
      .selectFrom('cases')
      // Per case through case_events_by_case, so one team's census dates need not read every event of the tenant.
      .leftJoinLateral(
        (eb) =>
          eb
            .selectFrom('case_events')
            .select([
              latest('referral-received').as('referral_on'),
              latest('assessment-completed').as('assessment_completed_on'),
              latest('plan-started').as('plan_started_on'),
              latest('plan-closed').as('plan_closed_on'),
            ])
            .whereRef('case_events.case_id', '=', 'cases.id')
            .where('case_events.kind', 'in', [...CENSUS_EVENT_KINDS])
            .where('case_events.withdrawn_at', 'is', null)
            .as('census'),
        (join) => join.onTrue(),
      )
      .select(['cases.reference', 'cases.opened_on', 'cases.closed_on', 'census.referral_on', 'census.assessment_completed_on', 'census.plan_started_on', 'census.plan_closed_on'])
      .where('cases.tenant_id', '=', tenantId)
      .where((eb) => eb.or([eb('cases.closed_on', 'is', null), eb('cases.closed_on', '>=', since)]));
    if (scope.teams !== 'all') query = query.where('cases.team', 'in', [...scope.teams]);
    if (scope.authorityId !== undefined) query = query.where('cases.authority_id', '=', scope.authorityId);
    const rows = await query.execute();
    return rows.map((row) => {
      const parsed = CaseDatesRowSchema.parse(row);
      return {
        caseReference: parsed.reference,
        openedOn: parsed.opened_on,
        ...(parsed.closed_on === null ? {} : { closedOn: parsed.closed_on }),
        ...(parsed.referral_on === null ? {} : { referralOn: parsed.referral_on }),
        ...(parsed.assessment_completed_on === null ? {} : { assessmentCompletedOn: parsed.assessment_completed_on }),
        ...(parsed.plan_started_on === null ? {} : { planStartedOn: parsed.plan_started_on }),
        ...(parsed.plan_closed_on === null ? {} : { planClosedOn: parsed.plan_closed_on }),
      };
    });
  }

  /** The teams of the tenant's cases, for an admin's team filter. */
  async teamsOfTenant(tenantId: string): Promise<string[]> {
    const rows = await this.db.selectFrom('cases').select('team').distinct().where('tenant_id', '=', tenantId).orderBy('team').execute();
    return rows.map((row) => z.string().parse(row.team));
  }

  /** Display names as Teams last gave them, for the workers named in the figures; an id stands where none is known. */
  async workerNames(tenantId: string, workerIds: readonly string[]): Promise<Map<string, string>> {
    if (workerIds.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('conversation_references')
      .select(['user_id', 'user_name'])
      .where('tenant_id', '=', tenantId)
      .where('kind', '=', 'personal')
      .where('user_id', 'in', [...workerIds])
      .where('user_name', 'is not', null)
      .orderBy('updated_at')
      .execute();
    const names = new Map<string, string>();
    for (const row of rows) if (row.user_id !== null && row.user_name !== null) names.set(row.user_id, row.user_name);
    return names;
  }
}
