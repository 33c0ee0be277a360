import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Logger } from '../../../bot/log.js';
import type { Database } from '../../../bot/store/database.js';
import { RoleStore } from '../../../bot/store/roles.js';
import { TimelinessStore } from '../../../bot/store/timeliness.js';
import { answerTeamCasesRequest, answerTeamTimelinessRequest } from '../../../bot/tab/team-timeliness-endpoint.js';
import { casesBehindBar, teamFiguresFor, type TeamFigures, type TeamFiguresSources } from '../../../bot/timeliness/team-figures.js';
import type { CaseEvent } from '../../../domain/cases/case-events.js';
import type { LocalDate } from '../../../domain/dates/local-date.js';
import { POLICIES } from '../../../domain/policy/registry.js';
import { censusDatesOf } from '../../../domain/timeliness/census-dates.js';
import { teamTimeliness } from '../../../domain/timeliness/headline.js';
import { OBLIGATION_KINDS, obligationKindOf } from '../../../domain/timeliness/obligation-kind.js';
import {
  censusCasesBehind,
  censusDaysOf,
  firstMonthStart,
  chartedBefore,
  itemCasesBehind,
  monthsEndingWith,
  tallyCases,
  tallyItems,
  type CaseCensusDates,
  type TimelinessBar,
  type TimelinessItem,
} from '../../../domain/timeliness/timeliness.js';
import { DATABASE_ENGINES } from '../../helpers/databases.js';
import { calendar } from '../../helpers/policy.js';
import { ADMIN, MANAGER, SENIOR_PRACTITIONER, REVIEW_RULE, seedYear, TODAY, VISIT_RULE, WORKER } from './seed-year.js';

const TENANT = 'tenant-timeliness';
const SILENT: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
const MONTHS = ['2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11'];

// Every expected figure below is counted by hand from the rules in seed-year.ts, not by running the domain.
describe.each(DATABASE_ENGINES)('Team view figures over a seeded year on $name', ({ open }) => {
  let database: Database;
  let sources: TeamFiguresSources;
  beforeEach(async () => {
    database = await open();
    await seedYear(database.db, TENANT);
    sources = { roles: new RoleStore(database.db, []), timeliness: new TimelinessStore(database.db, POLICIES), policies: POLICIES, calendar };
  });
  afterEach(() => database.close());

  const figuresOf = async (userId: string, filter: { team?: string; authorityId?: string } = {}): Promise<TeamFigures> => {
    const result = await teamFiguresFor({ tenantId: TENANT, userId }, filter, TODAY, sources);
    if (!result.ok) throw new Error(result.error.kind);
    return result.value;
  };

  const casesOf = async (userId: string, bar: TimelinessBar, filter: { team?: string; authorityId?: string } = {}): Promise<string[]> => {
    const result = await casesBehindBar({ tenantId: TENANT, userId }, filter, bar, TODAY, sources);
    if (!result.ok) throw new Error(result.error.kind);
    return result.value;
  };

  it('gives an admin every team: 60 overdue visits, eight reviews a week, 60% on time each month', async () => {
    const figures = await figuresOf(ADMIN);
    expect(figures.teams).toEqual(['east', 'north', 'south']);
    // Visits never done: j mod 5 = 1, j = 1, 6, 11, 16, 21: five per month, twelve months.
    expect(figures.dueByWeek.map((bucket) => bucket.total)).toEqual([60, 8, 8, 8, 8, 8, 8, 8, 8]);
    expect(figures.dueByWeek[0]?.byKind.visit).toBe(60);
    // The cases behind a bar come when it is clicked, not with the figures.
    expect(await casesOf(ADMIN, { chart: 'due', bucket: TODAY, kind: 'review' })).toEqual(['C0000', 'C0010', 'C0020', 'C0030', 'C0040', 'C0050', 'C0060', 'C0070']);
    const { headline, ...charts } = figures;
    expect(headline.mostOverdue).toHaveLength(5);
    expect(JSON.stringify(charts)).not.toMatch(/C\d{4}/);
    // 25 visits a month: 5 done a day late and 5 never done are late, 15 done on the due day are on time.
    expect(figures.onTimeByMonth.map((month) => month.month)).toEqual(MONTHS);
    for (const month of figures.onTimeByMonth) {
      expect(month.byKind.visit).toMatchObject({ onTime: 15, late: 10, rate: 60 });
      expect(month.byKind.review.rate).toBeNull();
    }
    // Worker i mod 4 = month index mod 4: three months of five never-done visits each.
    expect(figures.overduePerWorker.map(({ workerId, overdue }) => [workerId, overdue])).toEqual([['w-0', 15], ['w-1', 15], ['w-2', 15], ['w-3', 15]]);
    expect(figures.workerNames).toEqual({ 'w-0': 'Sam Worker' });
  });

  it('counts the census indicators by hand: 38 of 75 assessments within 45 working days, the plan share month by month', async () => {
    const census = new Map((await figuresOf(ADMIN)).censusByMonth.map((month) => [month.month, month]));
    // i mod 4 = 0: 75 assessments in May; i mod 8 = 0 (38 of them) on 12 May, the 45th working day.
    expect(census.get('2026-05')).toMatchObject({ assessmentsCompleted: 75, assessmentsWithin45: 38, assessmentsWithin45Rate: 51 });
    // Case 1's assessment of 1 April was withdrawn.
    expect(census.get('2026-04')).toMatchObject({ assessmentsCompleted: 0, assessmentsWithin45Rate: null });
    const plans = MONTHS.map((month) => [census.get(month)?.openCases, census.get(month)?.openCasesWithPlan, census.get(month)?.withPlanRate]);
    expect(plans).toEqual([
      [300, 0, 0], // December: no plan started yet
      [300, 150, 50], // January to May: the 150 even cases
      [300, 150, 50],
      [300, 150, 50],
      [300, 150, 50],
      [300, 150, 50],
      [300, 100, 33], // 30 June: the 50 plans of i mod 6 = 0 ended that day
      [300, 100, 33],
      [270, 100, 37], // 31 August: the 30 cases of i mod 10 = 9 closed that day (all odd, none with a plan)
      [270, 100, 37],
      [270, 100, 37],
      [270, 100, 37],
    ]);
  });

  it('leads the headline with the overdue, this week, the rates and the five visits overdue longest', async () => {
    const { headline } = await figuresOf(ADMIN);
    expect(headline).toEqual({
      overdue: 60,
      dueThisWeek: 8,
      onTimeRate: 60,
      assessmentsWithin45Rate: 51,
      withPlanRate: 37,
      // December's never-done visits: i = 12j for j = 1, 6, 11, 16, 21.
      mostOverdue: [12, 72, 132, 192, 252].map((index) => ({ caseReference: `C${String(index).padStart(4, '0')}`, workerId: 'w-0', kind: 'visit', dueOn: '2025-12-10' })),
    });
  });

  it("gives a manager their team's cases only (i mod 3 = 0)", async () => {
    const figures = await figuresOf(MANAGER);
    expect(figures.teams).toEqual(['north']);
    // Visits of months 0, 3, 6 and 9; reviews of multiples of 3 below 80 by i mod 10.
    expect(figures.dueByWeek.map((bucket) => bucket.total)).toEqual([20, 3, 2, 3, 3, 2, 3, 3, 2]);
    expect(figures.onTimeByMonth.map((month) => month.byKind.visit.rate)).toEqual([60, null, null, 60, null, null, 60, null, null, 60, null, null]);
    expect(figures.overduePerWorker.map(({ workerId, overdue }) => [workerId, overdue])).toEqual([['w-0', 5], ['w-1', 5], ['w-2', 5], ['w-3', 5]]);
    const november = figures.censusByMonth.at(-1);
    // i mod 12 = 0: 25 assessments, i mod 24 = 0 (13) within. Open: 100 less the 10 of i mod 30 = 9; the even
    // multiples of 3 are multiples of 6, whose plans all ended in June.
    expect(figures.censusByMonth[5]).toMatchObject({ assessmentsCompleted: 25, assessmentsWithin45: 13 });
    expect(november).toMatchObject({ openCases: 90, openCasesWithPlan: 0, withPlanRate: 0 });
    expect(figures.censusByMonth[1]).toMatchObject({ openCases: 100, openCasesWithPlan: 50 });
  });

  it('filters by authority, and refuses a worker, a team not theirs and an unknown authority', async () => {
    expect((await figuresOf(ADMIN, { authorityId: 'redbridge' })).headline.overdue).toBe(0);
    expect((await figuresOf(ADMIN, { authorityId: 'slough', team: 'east' })).headline.overdue).toBe(20);
    expect((await figuresOf(SENIOR_PRACTITIONER)).teams).toEqual(['south']);
    const refused = async (userId: string, filter: { team?: string; authorityId?: string }) => {
      const result = await teamFiguresFor({ tenantId: TENANT, userId }, filter, TODAY, sources);
      return result.ok ? 'allowed' : result.error.kind;
    };
    expect(await refused(WORKER, {})).toBe('not-a-manager');
    expect(await refused(SENIOR_PRACTITIONER, { team: 'north' })).toBe('not-your-team');
    expect(await refused(ADMIN, { authorityId: 'atlantis' })).toBe('unknown-authority');
  });

  it('agrees with the domain over every stored item and the census dates read from the events themselves', async () => {
    await seedEdgeCases(database.db);
    // What the store counts in SQL (open items per worker and day, items done per month, on time as isDoneOnTime;
    // assessments per referral and completion day; cases open and with a plan on each census day) must give the
    // figures, and the cases behind every bar, the domain gives from everything read plainly.
    const everyItem = await database.db
      .selectFrom('obligations')
      .innerJoin('cases', 'cases.id', 'obligations.case_id')
      .select(['cases.reference', 'obligations.team', 'obligations.worker_id', 'obligations.rule_id', 'obligations.due_on', 'obligations.done_on'])
      .where('obligations.tenant_id', '=', TENANT)
      .execute();
    const items = everyItem.flatMap((row): TimelinessItem[] => {
      const rule = POLICIES.flatMap((policy) => policy.rules).find((candidate) => candidate.id === row.rule_id);
      const kind = rule?.kind === 'timescale' ? obligationKindOf(rule.topic) : undefined;
      if (kind === undefined) return [];
      const dueOn = row.due_on as LocalDate;
      return [{ caseReference: row.reference, team: row.team, workerId: row.worker_id, kind, dueOn, ...(row.done_on === null ? {} : { doneOn: row.done_on as LocalDate }) }];
    });
    const everyCase = await database.db.selectFrom('cases').select(['id', 'reference', 'team', 'opened_on', 'closed_on']).where('tenant_id', '=', TENANT).execute();
    const events = await database.db.selectFrom('case_events').select(['case_id', 'kind', 'happened_on']).where('withdrawn_at', 'is', null).execute();
    const cases = everyCase.map((row): CaseCensusDates & { readonly team: string } => ({
      caseReference: row.reference,
      team: row.team,
      openedOn: row.opened_on as LocalDate,
      ...(row.closed_on === null ? {} : { closedOn: row.closed_on as LocalDate }),
      ...censusDatesOf(events.filter((event) => event.case_id === row.id).map((event) => ({ kind: event.kind as CaseEvent['kind'], on: event.happened_on as LocalDate }))),
    }));
    const censusDays = censusDaysOf(monthsEndingWith(TODAY), TODAY);
    const byDomain = (team?: string) => {
      const ofItems = items.filter((item) => team === undefined || item.team === team);
      const ofCases = cases.filter((record) => team === undefined || record.team === team);
      return { items: ofItems, cases: ofCases, figures: teamTimeliness({ ...tallyItems(ofItems), ...tallyCases(ofCases, censusDays) }, ofItems, TODAY, calendar) };
    };
    for (const [userId, team] of [[ADMIN, undefined], [MANAGER, 'north']] as const) {
      const domain = byDomain(team);
      const scope = { teams: team === undefined ? ('all' as const) : [team] };
      // The counts themselves, not only the figures drawn from them; open items beyond the charts are not read.
      const stored = await sources.timeliness.tallies(TENANT, scope, firstMonthStart(TODAY), chartedBefore(TODAY), censusDays);
      const read = domain.items.filter((item) => (item.doneOn === undefined ? item.dueOn < chartedBefore(TODAY) : item.dueOn >= firstMonthStart(TODAY)));
      const expected = { ...tallyItems(read), ...tallyCases(domain.cases, censusDays) };
      const byKey = (rows: readonly object[]) => rows.map((row) => JSON.stringify(Object.entries(row).sort())).sort();
      expect(byKey(stored.open)).toEqual(byKey(expected.open));
      expect(byKey(stored.done)).toEqual(byKey(expected.done));
      expect(byKey(stored.assessments)).toEqual(byKey(expected.assessments.filter((tally) => tally.completedOn >= firstMonthStart(TODAY))));
      expect(stored.plans).toEqual(expected.plans);
      expect(await figuresOf(userId)).toMatchObject(domain.figures);
      // And the cases behind every bar.
      const months = monthsEndingWith(TODAY);
      const bars: TimelinessBar[] = [
        ...domain.figures.dueByWeek.flatMap((bucket) => OBLIGATION_KINDS.map((kind): TimelinessBar => ({ chart: 'due', bucket: bucket.bucket, kind }))),
        ...months.flatMap((month) => OBLIGATION_KINDS.map((kind): TimelinessBar => ({ chart: 'late', month, kind }))),
        ...domain.figures.overduePerWorker.map(({ workerId }): TimelinessBar => ({ chart: 'worker-overdue', workerId })),
        ...months.flatMap((month): TimelinessBar[] => [{ chart: 'assessments-late', month }, { chart: 'without-plan', month }]),
      ];
      for (const bar of bars) {
        const fromEverything =
          bar.chart === 'assessments-late' || bar.chart === 'without-plan' ? censusCasesBehind(bar, domain.cases, TODAY, calendar) : itemCasesBehind(bar, domain.items, TODAY);
        expect({ bar, cases: await casesOf(userId, bar) }).toEqual({ bar, cases: fromEverything });
      }
    }
  });

  it('answers GET /api/team-timeliness with 200, 403 and 400, and no child named', async () => {
    const dependencies = { ...sources, config: { nodeEnv: 'development' as const, tabDevUser: { tenantId: TENANT, userId: MANAGER } }, log: SILENT };
    const now = new Date('2026-11-23T12:00:00Z');
    const answer = await answerTeamTimelinessRequest({ devUser: MANAGER }, now, dependencies);
    expect(answer.status).toBe(200);
    expect(JSON.stringify(answer.body)).not.toContain('A.B.');
    expect((await answerTeamTimelinessRequest({ devUser: MANAGER, team: 'south' }, now, dependencies)).status).toBe(403);
    expect((await answerTeamTimelinessRequest({ devUser: MANAGER, team: '<script>' }, now, dependencies)).status).toBe(400);
    expect((await answerTeamTimelinessRequest({}, now, dependencies)).status).toBe(401);
  });

  it('answers GET /api/team-timeliness/cases with the references behind a bar, refused as the figures are', async () => {
    const dependencies = { ...sources, config: { nodeEnv: 'development' as const, tabDevUser: { tenantId: TENANT, userId: MANAGER } }, log: SILENT };
    const now = new Date('2026-11-23T12:00:00Z');
    const overdueVisits = await answerTeamCasesRequest({ devUser: MANAGER, chart: 'due', bucket: 'overdue', kind: 'visit' }, now, dependencies);
    expect(overdueVisits.status).toBe(200);
    // North's never-done visits (i mod 3 = 0, j mod 5 = 1): twenty, by reference only.
    expect(overdueVisits.body).toEqual({ caseReferences: await casesOf(MANAGER, { chart: 'due', bucket: 'overdue', kind: 'visit' }) });
    expect((overdueVisits.body as { caseReferences: string[] }).caseReferences).toHaveLength(20);
    expect(JSON.stringify(overdueVisits.body)).not.toContain('A.B.');
    const workerW0 = await answerTeamCasesRequest({ devUser: MANAGER, chart: 'worker-overdue', worker: 'w-0' }, now, dependencies);
    expect((workerW0.body as { caseReferences: string[] }).caseReferences).toHaveLength(5);
    const may = await answerTeamCasesRequest({ devUser: MANAGER, chart: 'assessments-late', month: '2026-05' }, now, dependencies);
    // i mod 12 = 0 and i mod 24 = 12: completed on 13 May, a day past the 45th working day.
    expect((may.body as { caseReferences: string[] }).caseReferences).toEqual(Array.from({ length: 12 }, (_, index) => `C${String(24 * index + 12).padStart(4, '0')}`));
    expect((await answerTeamCasesRequest({ devUser: MANAGER, team: 'south', chart: 'without-plan', month: '2026-05' }, now, dependencies)).status).toBe(403);
    const byWorker = await casesBehindBar({ tenantId: TENANT, userId: WORKER }, {}, { chart: 'without-plan', month: '2026-05' }, TODAY, sources);
    expect(byWorker.ok ? 'allowed' : byWorker.error.kind).toBe('not-a-manager');
    expect((await answerTeamCasesRequest({ devUser: MANAGER, chart: 'due', bucket: '2026-02-30', kind: 'visit' }, now, dependencies)).status).toBe(400);
    expect((await answerTeamCasesRequest({ devUser: MANAGER, chart: 'late', month: '2026-13', kind: 'visit' }, now, dependencies)).status).toBe(400);
    expect((await answerTeamCasesRequest({ devUser: MANAGER, chart: 'pie' }, now, dependencies)).status).toBe(400);
    expect((await answerTeamCasesRequest({ chart: 'without-plan', month: '2026-05' }, now, dependencies)).status).toBe(401);
  });
});

/**
 * Cases at the edges of the definitions, added to the seeded year for the store-against-domain check: a plan end
 * recorded before the latest start (an earlier plan's), a case opened on a census day and one closed on today's,
 * assessments on and a day past the 45th working day over the August bank holiday and one without a referral, a
 * visit due on the bank holiday and done that day, a review due today, an assessment completed after its case closed before the year.
 */
async function seedEdgeCases(db: Database['db']): Promise<void> {
  const at = new Date('2026-11-23T09:00:00Z');
  const edgeCases: { index: number; team: string; openedOn: string; closedOn?: string; events: [CaseEvent['kind'], string][]; obligations: [string, string, string | null][] }[] = [
    { index: 300, team: 'north', openedOn: '2026-01-10', events: [['plan-started', '2026-07-01'], ['plan-closed', '2026-06-30'], ['referral-received', '2026-08-20'], ['assessment-completed', '2026-10-23']], obligations: [[VISIT_RULE, '2026-08-31', '2026-08-31'], [REVIEW_RULE, '2026-11-23', null]] },
    { index: 301, team: 'south', openedOn: '2025-06-01', closedOn: '2026-11-23', events: [['plan-started', '2025-07-01'], ['plan-closed', '2026-11-23'], ['referral-received', '2026-08-20'], ['assessment-completed', '2026-10-26']], obligations: [[VISIT_RULE, '2026-01-18', null]] },
    { index: 302, team: 'east', openedOn: '2026-09-30', events: [['plan-started', '2026-09-30'], ['assessment-completed', '2026-09-30']], obligations: [] },
    { index: 303, team: 'north', openedOn: '2025-01-06', closedOn: '2025-11-30', events: [['referral-received', '2025-10-01'], ['assessment-completed', '2025-12-02']], obligations: [] },
  ];
  for (const edge of edgeCases) {
    const id = `case-${edge.index}`;
    const census = censusDatesOf(edge.events.map(([kind, on]) => ({ kind, on: on as LocalDate })));
    await db
      .insertInto('cases')
      .values({
        id,
        tenant_id: TENANT,
        reference: `C${edge.index}`,
        initials: 'A.B.',
        authority_id: 'slough',
        team: edge.team,
        worker_id: 'w-1',
        manager_id: MANAGER,
        pathways: JSON.stringify([]),
        status: edge.closedOn === undefined ? 'open' : 'closed',
        opened_on: edge.openedOn,
        closed_on: edge.closedOn ?? null,
        referral_on: census.referralOn ?? null,
        assessment_completed_on: census.assessmentCompletedOn ?? null,
        plan_started_on: census.planStartedOn ?? null,
        plan_closed_on: census.planClosedOn ?? null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await db
      .insertInto('case_events')
      .values(edge.events.map(([kind, on]) => ({ case_id: id, kind, happened_on: on, counts_from: null, recorded_by: 'w-1', recorded_at: at, withdrawn_at: null, withdrawn_by: null })))
      .execute();
    for (const [ruleId, dueOn, doneOn] of edge.obligations) {
      await db
        .insertInto('obligations')
        .values({ case_id: id, tenant_id: TENANT, worker_id: 'w-1', team: edge.team, responsible_role: 'worker', rule_id: ruleId, due_on: dueOn, done_on: doneOn })
        .execute();
    }
  }
}
