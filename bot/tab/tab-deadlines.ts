import { addCalendarDays } from '../../domain/calendar/add-calendar-days.js';
import { compareLocalDates, formatLongDate, type LocalDate } from '../../domain/dates/local-date.js';
import type { Policy } from '../../domain/policy/schema.js';
import { err, ok, type Result } from '../../domain/result.js';
import { teamsManagedBy } from '../cases/access.js';
import type { CaseStore } from '../store/cases.js';
import type { RoleStore } from '../store/roles.js';
import type { TabUser } from './verify-entra-token.js';

/** The tab shows eight weeks ahead; everything overdue comes too, however old. */
export const TAB_HORIZON_DAYS = 56;

export type TabView = 'mine' | 'team';

/** One row of the tab's timeline: a case reference and what its rule asks, never a name. */
export interface TabDeadline {
  readonly caseReference: string;
  readonly ruleId: string;
  /** The rule's topic (initial-meeting, review…), for the filter by type. */
  readonly topic: string;
  readonly requires: string;
  readonly dueOn: LocalDate;
  readonly dueOnText: string;
  readonly overdue: boolean;
  /** Only in the team view: the team the case belongs to. */
  readonly team?: string;
}

export interface TabDeadlines {
  readonly view: TabView;
  readonly today: LocalDate;
  readonly until: LocalDate;
  /** Whether the person manages a team, so the page offers the Team view. */
  readonly managesTeams: boolean;
  readonly deadlines: readonly TabDeadline[];
}

export interface TabDeadlineSources {
  readonly cases: Pick<CaseStore, 'deadlines'>;
  readonly roles: Pick<RoleStore, 'rolesOf'>;
  readonly policies: readonly Policy[];
}

/**
 * What the tab shows `user`: their own cases' deadlines, or for `team` those of the teams they manage (only
 * managers and senior practitioners), overdue first, up to eight weeks after `today`.
 *
 * @example
 * await tabDeadlines({ tenantId: 't', userId: 'sam' }, 'mine', '2026-03-10', sources)
 * //=> { ok: true, value: { view: 'mine', until: '2026-05-05', deadlines: [{ caseReference: 'AB12', dueOn: '2026-03-30', … }], … } }
 */
export async function tabDeadlines(
  user: TabUser,
  view: TabView,
  today: LocalDate,
  sources: TabDeadlineSources,
): Promise<Result<TabDeadlines, { readonly kind: 'not-a-manager' }>> {
  const teams = teamsManagedBy(await sources.roles.rolesOf(user.tenantId, user.userId));
  if (view === 'team' && teams.length === 0) return err({ kind: 'not-a-manager' });
  const until = addCalendarDays(today, TAB_HORIZON_DAYS);
  const filter = view === 'mine' ? { workerId: user.userId } : { teams };
  const found = await sources.cases.deadlines(user.tenantId, { ...filter, dueOnOrBefore: until });
  const rules = new Map(sources.policies.flatMap((policy) => policy.rules.map((rule) => [rule.id, rule] as const)));
  const deadlines = found.map((deadline) => {
    const rule = rules.get(deadline.ruleId);
    return {
      caseReference: deadline.caseReference,
      ruleId: deadline.ruleId,
      topic: rule?.topic ?? 'other',
      requires: rule?.requires ?? deadline.ruleId,
      dueOn: deadline.dueOn,
      dueOnText: formatLongDate(deadline.dueOn),
      overdue: compareLocalDates(deadline.dueOn, today) < 0,
      ...(view === 'team' ? { team: deadline.team } : {}),
    };
  });
  return ok({ view, today, until, managesTeams: teams.length > 0, deadlines });
}
