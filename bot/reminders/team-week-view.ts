import type { HolidayCalendar } from '../../domain/calendar/holiday-calendar.js';
import { workingDaysBetween } from '../../domain/calendar/working-days-between.js';
import { formatLongDate, type LocalDate } from '../../domain/dates/local-date.js';
import type { Policy } from '../../domain/policy/schema.js';
import { OBLIGATION_KIND_WORDS } from '../../domain/timeliness/obligation-kind.js';
import type { TeamWeekView } from '../../cards/team-week-card.js';
import type { RoleStore } from '../store/roles.js';
import type { TimelinessStore } from '../store/timeliness.js';
import { teamFiguresFor } from '../timeliness/team-figures.js';

export interface TeamWeekSources {
  readonly timeliness: TimelinessStore;
  readonly roles: Pick<RoleStore, 'rolesOf'>;
  readonly policies: readonly Policy[];
  readonly calendar: HolidayCalendar;
  readonly tabUrl: string;
}

/**
 * A manager's weekly card on `today`: the same figures as the Team view and `team report` for every team they
 * may see, worked out from their roles as they stand now; undefined when they no longer manage a team. The
 * five items overdue longest go by case reference only: a card can be read on a lock screen.
 */
export async function teamWeekViewFor(tenantId: string, managerId: string, today: LocalDate, sources: TeamWeekSources): Promise<TeamWeekView | undefined> {
  const figures = await teamFiguresFor({ tenantId, userId: managerId }, {}, today, sources);
  if (!figures.ok) return undefined;
  const { headline, teams } = figures.value;
  return {
    day: formatLongDate(today),
    teams: teams.length === 1 ? `Team ${teams[0] ?? ''}` : `${teams.length} teams`,
    overdue: headline.overdue,
    dueThisWeek: headline.dueThisWeek,
    onTimeRate: headline.onTimeRate,
    assessmentsWithin45Rate: headline.assessmentsWithin45Rate,
    withPlanRate: headline.withPlanRate,
    mostOverdue: headline.mostOverdue.map((item) => ({
      caseReference: item.caseReference,
      what: OBLIGATION_KIND_WORDS[item.kind],
      dueOn: formatLongDate(item.dueOn),
      workingDaysOverdue: workingDaysBetween(item.dueOn, today, sources.calendar),
    })),
    tabUrl: sources.tabUrl,
  };
}
