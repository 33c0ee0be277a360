import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Logger } from '../../../bot/log.js';
import type { Database } from '../../../bot/store/database.js';
import { RoleStore } from '../../../bot/store/roles.js';
import { TimelinessStore } from '../../../bot/store/timeliness.js';
import { answerTeamTimelinessRequest } from '../../../bot/tab/team-timeliness-endpoint.js';
import { teamFiguresFor, type TeamFigures, type TeamFiguresSources } from '../../../bot/timeliness/team-figures.js';
import type { CaseEvent } from '../../../domain/cases/case-events.js';
import type { LocalDate } from '../../../domain/dates/local-date.js';
import { POLICIES } from '../../../domain/policy/registry.js';
import { censusDatesOf } from '../../../domain/timeliness/census-dates.js';
import { teamTimeliness } from '../../../domain/timeliness/headline.js';
import { obligationKindOf } from '../../../domain/timeliness/obligation-kind.js';
import type { CaseCensusDates, TimelinessItem } from '../../../domain/timeliness/timeliness.js';
import { DATABASE_ENGINES } from '../../helpers/databases.js';
import { calendar } from '../../helpers/policy.js';
import { ADMIN, MANAGER, SENIOR_PRACTITIONER, seedYear, TODAY, WORKER } from './seed-year.js';

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

  it('gives an admin every team: 60 overdue visits, eight reviews a week, 60% on time each month', async () => {
    const figures = await figuresOf(ADMIN);
    expect(figures.teams).toEqual(['east', 'north', 'south']);
    // Visits never done: j mod 5 = 1, j = 1, 6, 11, 16, 21: five per month, twelve months.
    expect(figures.dueByWeek.map((bucket) => bucket.total)).toEqual([60, 8, 8, 8, 8, 8, 8, 8, 8]);
    expect(figures.dueByWeek[0]?.byKind.visit.count).toBe(60);
    expect(figures.dueByWeek[1]?.byKind.review.caseReferences).toEqual(['C0000', 'C0010', 'C0020', 'C0030', 'C0040', 'C0050', 'C0060', 'C0070']);
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
    // What the store reads narrowly (items done on time counted in SQL, open items beyond the eight weeks left out,
    // census dates from the case rows) must give the figures the domain gives from everything, read plainly.
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
    const everyCase = await database.db.selectFrom('cases').select(['id', 'reference', 'opened_on', 'closed_on']).where('tenant_id', '=', TENANT).execute();
    const events = await database.db.selectFrom('case_events').select(['case_id', 'kind', 'happened_on']).where('withdrawn_at', 'is', null).execute();
    const cases = everyCase.map((row): CaseCensusDates => ({
      caseReference: row.reference,
      openedOn: row.opened_on as LocalDate,
      ...(row.closed_on === null ? {} : { closedOn: row.closed_on as LocalDate }),
      ...censusDatesOf(events.filter((event) => event.case_id === row.id).map((event) => ({ kind: event.kind as CaseEvent['kind'], on: event.happened_on as LocalDate }))),
    }));
    const fromEverything = teamTimeliness(items, cases, TODAY, calendar);
    expect(await figuresOf(ADMIN)).toMatchObject(fromEverything);
    // And through a manager's scope: the figures of their team alone.
    expect(await figuresOf(MANAGER)).toMatchObject(teamTimeliness(items.filter((item) => item.team === 'north'), cases.filter((_, index) => everyCase[index]?.id !== undefined && Number(everyCase[index].id.slice(5)) % 3 === 0), TODAY, calendar));
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
});
