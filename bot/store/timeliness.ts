import { sql, type SelectQueryBuilder } from 'kysely';
import { z } from 'zod';
import type { LocalDate } from '../../domain/dates/local-date.js';
import type { Policy } from '../../domain/policy/schema.js';
import { obligationKindOf, type ObligationKind } from '../../domain/timeliness/obligation-kind.js';
import type { AssessmentTally, CaseCensusDates, DoneTally, OpenTally, PlanTally, TimelinessItem, TimelinessTallies } from '../../domain/timeliness/timeliness.js';
import type { Db } from './database.js';
import type { Tables } from './tables.js';

/** Which cases the figures count: some teams (or every team, for admins), optionally one authority. */
export interface TimelinessScope {
  /** The teams to count; `all` for every team of the tenant. */
  readonly teams: readonly string[] | 'all';
  readonly authorityId?: string;
}

/** The items a bar of the obligation charts can count: of one kind or one worker, falling due in a span. */
export interface ItemsWanted {
  readonly kind?: ObligationKind;
  readonly workerId?: string;
  readonly openOnly: boolean;
  readonly dueFrom?: LocalDate;
  readonly dueBefore: LocalDate;
}

/**
 * A PostgreSQL `date` as the driver gives it (text, bot/store/database.ts): always a real date, so its shape is
 * checked and no more.
 */
const StoredDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .transform((text) => text as LocalDate);
const CountSchema = z.coerce.number().int().nonnegative();

const OpenRowSchema = z.object({ rule_id: z.string(), worker_id: z.string(), due_on: StoredDateSchema, count: CountSchema });
const DoneRowSchema = z.object({ rule_id: z.string(), month: z.string().regex(/^\d{4}-\d{2}$/), on_time: CountSchema, late: CountSchema });
const AssessmentRowSchema = z.object({ referral_on: StoredDateSchema.nullable(), assessment_completed_on: StoredDateSchema, count: CountSchema });

const ItemRowSchema = z.object({
  reference: z.string(),
  team: z.string(),
  worker_id: z.string(),
  rule_id: z.string(),
  due_on: StoredDateSchema,
  done_on: StoredDateSchema.nullable(),
});

const CaseRowSchema = z.object({
  reference: z.string(),
  opened_on: StoredDateSchema,
  closed_on: StoredDateSchema.nullable(),
  referral_on: StoredDateSchema.nullable(),
  assessment_completed_on: StoredDateSchema.nullable(),
  plan_started_on: StoredDateSchema.nullable(),
  plan_closed_on: StoredDateSchema.nullable(),
});

/**
 * Reads what the Team view's figures, the timeliness export and the cases behind a chart's bar are worked out
 * from, for the cases in scope. The figures need counts only, so they are counted where the rows are kept, each
 * through an index holding every column read (`obligations_timeliness_by_team`, `cases_census_by_team`), as the
 * domain defines them: `tallyItems` and `tallyCases` in domain/timeliness/ are the definitions, and
 * tests/bot/timeliness/team-figures.test.ts checks these counts equal theirs. A team's tens of thousands of
 * rows come to Node as a few thousand counts; case references are read only for the bar asked about.
 */
export class TimelinessStore {
  private readonly kindOfRule: ReadonlyMap<string, ObligationKind>;
  private readonly authorityOfRule: ReadonlyMap<string, string>;

  constructor(
    private readonly db: Db,
    policies: readonly Policy[],
  ) {
    const kinds = new Map<string, ObligationKind>();
    const authorities = new Map<string, string>();
    for (const policy of policies) {
      for (const rule of policy.rules) {
        const kind = obligationKindOf(rule.topic);
        if (kind !== undefined && rule.kind === 'timescale') {
          kinds.set(rule.id, kind);
          authorities.set(rule.id, policy.authority.id);
        }
      }
    }
    this.kindOfRule = kinds;
    this.authorityOfRule = authorities;
  }

  /**
   * The counts every figure is worked out from: open items due before `openDueBefore` (one due later is on no
   * chart, overdue nor late), items done that fell due since `since`, assessments completed since `since`, and
   * the cases open and with a plan on each of `censusDays`.
   */
  async tallies(tenantId: string, scope: TimelinessScope, since: LocalDate, openDueBefore: LocalDate, censusDays: readonly LocalDate[]): Promise<TimelinessTallies> {
    if (scope.teams !== 'all' && scope.teams.length === 0) return { open: [], done: [], assessments: [], plans: [] };
    const obligations = this.obligationsIn(tenantId, scope);
    const cases = this.casesIn(tenantId, scope);
    const openQuery = obligations
      .select(['rule_id', 'worker_id', 'due_on', sql<string>`count(*)`.as('count')])
      .where('done_on', 'is', null)
      .where('due_on', '<', openDueBefore)
      .groupBy(['rule_id', 'worker_id', 'due_on']);
    // isDoneOnTime, as SQL: done on or before the due day.
    const doneQuery = obligations
      .select([
        'rule_id',
        sql<string>`to_char(due_on, 'YYYY-MM')`.as('month'),
        sql<string>`count(*) FILTER (WHERE done_on <= due_on)`.as('on_time'),
        sql<string>`count(*) FILTER (WHERE done_on > due_on)`.as('late'),
      ])
      .where('done_on', 'is not', null)
      .where('due_on', '>=', since)
      .groupBy(['rule_id', 'month']);
    const assessmentQuery = cases
      .select(['referral_on', 'assessment_completed_on', sql<string>`count(*)`.as('count')])
      .where('assessment_completed_on', '>=', since)
      .groupBy(['referral_on', 'assessment_completed_on']);
    // openOn and planActiveOn, as SQL, on each census day, in one pass over the cases: a plan end before its
    // (latest) start is an earlier plan's.
    const planQuery = cases.select(
      censusDays.flatMap((day, index) => {
        const open = sql`opened_on <= ${day}::date AND (closed_on IS NULL OR closed_on > ${day}::date)`;
        const withPlan = sql`plan_started_on <= ${day}::date AND (plan_closed_on IS NULL OR plan_closed_on < plan_started_on OR plan_closed_on > ${day}::date)`;
        return [sql<string>`count(*) FILTER (WHERE ${open})`.as(`open_${index}`), sql<string>`count(*) FILTER (WHERE ${open} AND ${withPlan})`.as(`with_plan_${index}`)];
      }),
    );
    const [openRows, doneRows, assessmentRows, planRows] = await Promise.all([
      openQuery.execute(),
      doneQuery.execute(),
      assessmentQuery.execute(),
      censusDays.length === 0 ? Promise.resolve([]) : planQuery.execute(),
    ]);
    const open: OpenTally[] = [];
    for (const row of openRows) {
      const parsed = OpenRowSchema.parse(row);
      const kind = this.kindOfRule.get(parsed.rule_id);
      if (kind !== undefined) open.push({ kind, workerId: parsed.worker_id, dueOn: parsed.due_on, count: parsed.count });
    }
    const done: DoneTally[] = [];
    for (const row of doneRows) {
      const parsed = DoneRowSchema.parse(row);
      const kind = this.kindOfRule.get(parsed.rule_id);
      if (kind !== undefined) done.push({ kind, month: parsed.month, onTime: parsed.on_time, late: parsed.late });
    }
    const assessments = assessmentRows.map((row): AssessmentTally => {
      const parsed = AssessmentRowSchema.parse(row);
      return { ...(parsed.referral_on === null ? {} : { referralOn: parsed.referral_on }), completedOn: parsed.assessment_completed_on, count: parsed.count };
    });
    const planRow = z.record(z.string(), CountSchema).parse(planRows[0] ?? {});
    const plans = censusDays.map((day, index): PlanTally => ({ day, open: planRow[`open_${index}`] ?? 0, withPlan: planRow[`with_plan_${index}`] ?? 0 }));
    return { open, done, assessments, plans };
  }

  /**
   * The items not done that fall due earliest, at least `count` of them when there are so many: every item due on
   * or before the `count`th earliest due date, so that ties are all there for the domain to order.
   */
  async earliestOpen(tenantId: string, scope: TimelinessScope, count: number): Promise<TimelinessItem[]> {
    if (scope.teams !== 'all' && scope.teams.length === 0) return [];
    const nthDueOn = this.obligationsIn(tenantId, scope)
      .select('due_on')
      .where('done_on', 'is', null)
      .orderBy('due_on')
      .offset(count - 1)
      .limit(1);
    return this.itemsWithReferences(tenantId, scope, (query) =>
      query.where('obligations.done_on', 'is', null).where('obligations.due_on', '<=', sql<string>`coalesce((${nthDueOn}), 'infinity'::date)`),
    );
  }

  /** The items, with their case references, a bar of the obligation charts may count (the domain decides which do). */
  async itemsBehind(tenantId: string, scope: TimelinessScope, wanted: ItemsWanted): Promise<TimelinessItem[]> {
    if (scope.teams !== 'all' && scope.teams.length === 0) return [];
    const ruleIds = wanted.kind === undefined ? undefined : [...this.kindOfRule].filter(([, kind]) => kind === wanted.kind).map(([ruleId]) => ruleId);
    return this.itemsWithReferences(tenantId, scope, (query) => {
      let narrowed = query.where('obligations.due_on', '<', wanted.dueBefore);
      if (wanted.dueFrom !== undefined) narrowed = narrowed.where('obligations.due_on', '>=', wanted.dueFrom);
      if (wanted.openOnly) narrowed = narrowed.where('obligations.done_on', 'is', null);
      if (wanted.workerId !== undefined) narrowed = narrowed.where('obligations.worker_id', '=', wanted.workerId);
      if (ruleIds !== undefined) narrowed = narrowed.where('obligations.rule_id', 'in', ruleIds.length > 0 ? ruleIds : ['']);
      return narrowed;
    });
  }

  /**
   * The census dates, with references, of the cases in scope open at some time in [from, before) or with an
   * assessment completed then: every case a census bar of that month may count (the domain decides which do).
   */
  async casesBehind(tenantId: string, scope: TimelinessScope, from: LocalDate, before: LocalDate): Promise<CaseCensusDates[]> {
    if (scope.teams !== 'all' && scope.teams.length === 0) return [];
    const rows = await this.casesIn(tenantId, scope)
      .select(['reference', 'opened_on', 'closed_on', 'referral_on', 'assessment_completed_on', 'plan_started_on', 'plan_closed_on'])
      .where((eb) =>
        eb.or([
          eb.and([eb('opened_on', '<', before), eb.or([eb('closed_on', 'is', null), eb('closed_on', '>=', from)])]),
          eb.and([eb('assessment_completed_on', '>=', from), eb('assessment_completed_on', '<', before)]),
        ]),
      )
      .execute();
    return rows.map((row): CaseCensusDates => {
      const parsed = CaseRowSchema.parse(row);
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

  /** The charted rules of the scope's authority (every charted rule without one). */
  private ruleIdsIn(scope: TimelinessScope): string[] {
    const ruleIds = [...this.kindOfRule.keys()].filter((ruleId) => scope.authorityId === undefined || this.authorityOfRule.get(ruleId) === scope.authorityId);
    // `IN ()` is not SQL: a rule id no rule has matches nothing.
    return ruleIds.length > 0 ? ruleIds : [''];
  }

  /** The obligations of the charted rules in scope; a case's rules are its authority's, so the rules narrow to the authority. */
  private obligationsIn(tenantId: string, scope: TimelinessScope) {
    let obligations = this.db.selectFrom('obligations').where('tenant_id', '=', tenantId).where('rule_id', 'in', this.ruleIdsIn(scope));
    if (scope.teams !== 'all') obligations = obligations.where('team', 'in', [...scope.teams]);
    return obligations;
  }

  private casesIn(tenantId: string, scope: TimelinessScope) {
    let cases = this.db.selectFrom('cases').where('tenant_id', '=', tenantId);
    if (scope.teams !== 'all') cases = cases.where('team', 'in', [...scope.teams]);
    if (scope.authorityId !== undefined) cases = cases.where('authority_id', '=', scope.authorityId);
    return cases;
  }

  private async itemsWithReferences(
    tenantId: string,
    scope: TimelinessScope,
    narrow: (query: SelectQueryBuilder<Tables, 'obligations' | 'cases', object>) => SelectQueryBuilder<Tables, 'obligations' | 'cases', object>,
  ): Promise<TimelinessItem[]> {
    let query = this.db
      .selectFrom('obligations')
      .innerJoin('cases', 'cases.id', 'obligations.case_id')
      .where('obligations.tenant_id', '=', tenantId)
      .where('obligations.rule_id', 'in', this.ruleIdsIn(scope));
    if (scope.teams !== 'all') query = query.where('obligations.team', 'in', [...scope.teams]);
    const rows = await narrow(query)
      .select(['cases.reference', 'obligations.team', 'obligations.worker_id', 'obligations.rule_id', 'obligations.due_on', 'obligations.done_on'])
      .execute();
    return rows.flatMap((row): TimelinessItem[] => {
      const parsed = ItemRowSchema.parse(row);
      const kind = this.kindOfRule.get(parsed.rule_id);
      if (kind === undefined) return [];
      return [{ caseReference: parsed.reference, team: parsed.team, workerId: parsed.worker_id, kind, dueOn: parsed.due_on, ...(parsed.done_on === null ? {} : { doneOn: parsed.done_on }) }];
    });
  }
}
