import type { HolidayCalendar } from '../../domain/calendar/holiday-calendar.js';
import type { LocalDate } from '../../domain/dates/local-date.js';
import type { Policy } from '../../domain/policy/schema.js';
import { err, ok, type Result } from '../../domain/result.js';
import { MOST_OVERDUE_SHOWN, teamTimeliness, type TeamTimeliness } from '../../domain/timeliness/headline.js';
import {
  censusCasesBehind,
  censusDaysOf,
  chartedBefore,
  datesBehind,
  firstMonthStart,
  itemCasesBehind,
  monthsEndingWith,
  type TimelinessBar,
} from '../../domain/timeliness/timeliness.js';
import { isAdmin, teamsManagedBy } from '../cases/access.js';
import type { RoleStore } from '../store/roles.js';
import type { TimelinessScope, TimelinessStore } from '../store/timeliness.js';

export interface TeamFiguresSources {
  readonly roles: Pick<RoleStore, 'rolesOf'>;
  readonly timeliness: TimelinessStore;
  readonly policies: readonly Policy[];
  readonly calendar: HolidayCalendar;
}

/** What the asker chose to look at; both optional (every team they may see, every authority). */
export interface TeamFilter {
  readonly team?: string | undefined;
  readonly authorityId?: string | undefined;
}

export type TeamFiguresRefusal =
  | { readonly kind: 'not-a-manager' }
  | { readonly kind: 'not-your-team'; readonly team: string }
  | { readonly kind: 'unknown-authority'; readonly authorityId: string };

export interface TeamFigures extends TeamTimeliness {
  /** The teams the asker may choose from (every team of the tenant for admins). */
  readonly teams: readonly string[];
  readonly authorities: readonly { readonly id: string; readonly name: string }[];
  readonly filter: { readonly team: string | null; readonly authorityId: string | null };
  /** Workers' display names as Teams last gave them, by Entra object id. */
  readonly workerNames: Readonly<Record<string, string>>;
}

/**
 * Which cases `asker` may count, from stored roles only: an admin every team, a manager or senior practitioner
 * the teams they hold that role in; narrowed to the team and authority chosen, each checked.
 *
 * @example
 * await timelinessScopeFor({ tenantId: 't', userId: 'm-1' }, { team: 'north' }, sources)
 * //=> { ok: true, value: { scope: { teams: ['north'] }, teams: ['north', 'south'] } }
 */
export async function timelinessScopeFor(
  asker: { readonly tenantId: string; readonly userId: string },
  filter: TeamFilter,
  sources: Pick<TeamFiguresSources, 'roles' | 'timeliness' | 'policies'>,
): Promise<Result<{ readonly scope: TimelinessScope; readonly teams: readonly string[] }, TeamFiguresRefusal>> {
  const roles = await sources.roles.rolesOf(asker.tenantId, asker.userId);
  const admin = isAdmin(roles);
  const managed = teamsManagedBy(roles).sort();
  if (!admin && managed.length === 0) return err({ kind: 'not-a-manager' });
  if (filter.authorityId !== undefined && !sources.policies.some((policy) => policy.authority.id === filter.authorityId)) {
    return err({ kind: 'unknown-authority', authorityId: filter.authorityId });
  }
  const teams = admin ? [...new Set([...(await sources.timeliness.teamsOfTenant(asker.tenantId)), ...managed])].sort() : managed;
  if (filter.team !== undefined && !admin && !managed.includes(filter.team)) return err({ kind: 'not-your-team', team: filter.team });
  const chosenTeams = filter.team !== undefined ? [filter.team] : admin ? 'all' : managed;
  return ok({ scope: { teams: chosenTeams, ...(filter.authorityId === undefined ? {} : { authorityId: filter.authorityId }) }, teams });
}

/**
 * The Team view's figures for `asker` on `today`: every figure computed in the domain from the stored dates
 * (counted where they are kept), with the names of the workers it counts. Children are never named; the cases
 * behind a bar are listed, by reference, only when it is asked about (casesBehindBar).
 *
 * @example
 * await teamFiguresFor({ tenantId: 't', userId: 'm-1' }, {}, '2026-03-04', sources)
 * //=> { ok: true, value: { headline: { overdue: 4, … }, dueByWeek: [...], teams: ['north'], … } }
 */
export async function teamFiguresFor(
  asker: { readonly tenantId: string; readonly userId: string },
  filter: TeamFilter,
  today: LocalDate,
  sources: TeamFiguresSources,
): Promise<Result<TeamFigures, TeamFiguresRefusal>> {
  const scoped = await timelinessScopeFor(asker, filter, sources);
  if (!scoped.ok) return scoped;
  const { scope } = scoped.value;
  const [tallies, overdueFirst] = await Promise.all([
    sources.timeliness.tallies(asker.tenantId, scope, firstMonthStart(today), chartedBefore(today), censusDaysOf(monthsEndingWith(today), today)),
    sources.timeliness.earliestOpen(asker.tenantId, scope, MOST_OVERDUE_SHOWN),
  ]);
  const figures = teamTimeliness(tallies, overdueFirst, today, sources.calendar);
  const names = await sources.timeliness.workerNames(asker.tenantId, [...new Set([...figures.overduePerWorker.map((row) => row.workerId), ...figures.headline.mostOverdue.map((row) => row.workerId)])]);
  return ok({
    ...figures,
    teams: scoped.value.teams,
    authorities: sources.policies.map((policy) => ({ id: policy.authority.id, name: policy.authority.name })),
    filter: { team: filter.team ?? null, authorityId: filter.authorityId ?? null },
    workerNames: Object.fromEntries(names),
  });
}

/**
 * The case references behind one bar of the Team view's charts, for `asker` on `today`, with the same scope and
 * refusals as the figures: the rows the bar may count are read, and the domain's tests decide which do.
 *
 * @example
 * await casesBehindBar({ tenantId: 't', userId: 'm-1' }, { team: 'north' }, { chart: 'due', bucket: 'overdue', kind: 'visit' }, '2026-03-04', sources)
 * //=> { ok: true, value: ['AB12', 'CD34'] }
 */
export async function casesBehindBar(
  asker: { readonly tenantId: string; readonly userId: string },
  filter: TeamFilter,
  bar: TimelinessBar,
  today: LocalDate,
  sources: TeamFiguresSources,
): Promise<Result<string[], TeamFiguresRefusal>> {
  const scoped = await timelinessScopeFor(asker, filter, sources);
  if (!scoped.ok) return scoped;
  const { scope } = scoped.value;
  const dates = datesBehind(bar, today);
  if (bar.chart === 'assessments-late' || bar.chart === 'without-plan') {
    const cases = await sources.timeliness.casesBehind(asker.tenantId, scope, dates.from ?? dates.before, dates.before);
    return ok(censusCasesBehind(bar, cases, today, sources.calendar));
  }
  const items = await sources.timeliness.itemsBehind(asker.tenantId, scope, {
    ...(bar.chart === 'worker-overdue' ? { workerId: bar.workerId } : { kind: bar.kind }),
    openOnly: bar.chart !== 'late',
    ...(dates.from === undefined ? {} : { dueFrom: dates.from }),
    dueBefore: dates.before,
  });
  return ok(itemCasesBehind(bar, items, today));
}

/** A worker's name as Teams gave it, or a neutral stand-in until they have written to the bot. */
export function workerNameOf(workerId: string, names: Readonly<Record<string, string>>): string {
  return names[workerId] ?? 'A worker not yet known to the bot';
}
