import { sql } from 'kysely';
import { z } from 'zod';
import type { LocalDate } from '../../domain/dates/local-date.js';
import type { Policy } from '../../domain/policy/schema.js';
import { obligationKindOf, type ObligationKind } from '../../domain/timeliness/obligation-kind.js';
import type { CaseCensusDates, OnTimeTally, TimelinessItem } from '../../domain/timeliness/timeliness.js';
import type { Db } from './database.js';

/** Which cases the figures count: some teams (or every team, for admins), optionally one authority. */
export interface TimelinessScope {
  /** The teams to count; `all` for every team of the tenant. */
  readonly teams: readonly string[] | 'all';
  readonly authorityId?: string;
}

/**
 * A PostgreSQL `date` as the driver gives it (text, bot/store/database.ts): always a real date, so its shape is
 * checked and no more. LocalDateSchema's calendar check cost more than the query on a team's 20,000 rows.
 */
const StoredDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .transform((text) => text as LocalDate);

const ItemRowSchema = z.object({
  case_id: z.string(),
  team: z.string(),
  worker_id: z.string(),
  rule_id: z.string(),
  due_on: StoredDateSchema,
  done_on: StoredDateSchema.nullable(),
});

const OnTimeRowSchema = z.object({ rule_id: z.string(), month: z.string().regex(/^\d{4}-\d{2}$/), count: z.coerce.number().int() });

const CaseRowSchema = z.object({
  id: z.string(),
  reference: z.string(),
  opened_on: StoredDateSchema,
  closed_on: StoredDateSchema.nullable(),
  referral_on: StoredDateSchema.nullable(),
  assessment_completed_on: StoredDateSchema.nullable(),
  plan_started_on: StoredDateSchema.nullable(),
  plan_closed_on: StoredDateSchema.nullable(),
});

/** What the timeliness figures are computed from: the obligations of the charted kinds and the cases' census dates. */
export interface TimelinessRows {
  /** Every item but those done on time, which come counted. */
  readonly items: TimelinessItem[];
  readonly countedOnTime: OnTimeTally[];
  readonly cases: CaseCensusDates[];
}

/**
 * Reads what the Team view's figures and the timeliness export are computed from, for the cases in scope: the
 * materialised obligations of the charted kinds (the done ones due since `since`, and the open ones due before
 * `openDueBefore`: one due later is not yet on any chart, overdue nor late), and the census dates kept on each
 * case open at any time since `since`. Items done on time (isDoneOnTime, the same test in SQL) are counted per
 * rule and month where they are kept: they are most of a team's items and the figures need only their number.
 * Each read is one team's rows through an index holding every column read; case references are joined here
 * rather than in SQL, from the cases read anyway.
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

  async rows(tenantId: string, scope: TimelinessScope, since: LocalDate, openDueBefore: LocalDate): Promise<TimelinessRows> {
    if (scope.teams !== 'all' && scope.teams.length === 0) return { items: [], countedOnTime: [], cases: [] };
    // A case's rules are its authority's: narrowing the rules narrows the obligations to the authority's cases.
    const ruleIds = [...this.kindOfRule.keys()].filter((ruleId) => scope.authorityId === undefined || this.authorityOfRule.get(ruleId) === scope.authorityId);
    let cases = this.db
      .selectFrom('cases')
      .select(['id', 'reference', 'opened_on', 'closed_on', 'referral_on', 'assessment_completed_on', 'plan_started_on', 'plan_closed_on'])
      .where('tenant_id', '=', tenantId);
    let obligations = this.db
      .selectFrom('obligations')
      .where('tenant_id', '=', tenantId)
      .where('rule_id', 'in', ruleIds.length > 0 ? ruleIds : ['']);
    if (scope.teams !== 'all') {
      cases = cases.where('team', 'in', [...scope.teams]);
      obligations = obligations.where('team', 'in', [...scope.teams]);
    }
    if (scope.authorityId !== undefined) cases = cases.where('authority_id', '=', scope.authorityId);
    const items = obligations
      .select(['case_id', 'team', 'worker_id', 'rule_id', 'due_on', 'done_on'])
      .where((eb) => eb.or([eb.and([eb('done_on', 'is', null), eb('due_on', '<', openDueBefore)]), eb.and([eb('done_on', '>', eb.ref('due_on')), eb('due_on', '>=', since)])]));
    const onTime = obligations
      .select(['rule_id', sql<string>`to_char(due_on, 'YYYY-MM')`.as('month'), sql<string>`count(*)`.as('count')])
      .where('done_on', '<=', (eb) => eb.ref('due_on'))
      .where('due_on', '>=', since)
      .groupBy(['rule_id', 'month']);
    const [caseRows, itemRows, onTimeRows] = await Promise.all([cases.execute(), items.execute(), onTime.execute()]);
    const referenceOf = new Map<string, string>();
    const censusCases: CaseCensusDates[] = [];
    for (const row of caseRows) {
      const parsed = CaseRowSchema.parse(row);
      referenceOf.set(parsed.id, parsed.reference);
      if (parsed.closed_on !== null && parsed.closed_on < since) continue;
      censusCases.push({
        caseReference: parsed.reference,
        openedOn: parsed.opened_on,
        ...(parsed.closed_on === null ? {} : { closedOn: parsed.closed_on }),
        ...(parsed.referral_on === null ? {} : { referralOn: parsed.referral_on }),
        ...(parsed.assessment_completed_on === null ? {} : { assessmentCompletedOn: parsed.assessment_completed_on }),
        ...(parsed.plan_started_on === null ? {} : { planStartedOn: parsed.plan_started_on }),
        ...(parsed.plan_closed_on === null ? {} : { planClosedOn: parsed.plan_closed_on }),
      });
    }
    const timelinessItems: TimelinessItem[] = [];
    for (const row of itemRows) {
      const parsed = ItemRowSchema.parse(row);
      const caseReference = referenceOf.get(parsed.case_id);
      const kind = this.kindOfRule.get(parsed.rule_id);
      // A case of another authority (filtered above), or removed between the two reads.
      if (caseReference === undefined || kind === undefined) continue;
      timelinessItems.push({
        caseReference,
        team: parsed.team,
        workerId: parsed.worker_id,
        kind,
        dueOn: parsed.due_on,
        ...(parsed.done_on === null ? {} : { doneOn: parsed.done_on }),
      });
    }
    const countedOnTime: OnTimeTally[] = [];
    for (const row of onTimeRows) {
      const parsed = OnTimeRowSchema.parse(row);
      const kind = this.kindOfRule.get(parsed.rule_id);
      if (kind !== undefined) countedOnTime.push({ kind, month: parsed.month, count: parsed.count });
    }
    return { items: timelinessItems, countedOnTime, cases: censusCases };
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
