import type { HolidayCalendar } from '../calendar/holiday-calendar.js';
import { compareLocalDates, type LocalDate } from '../dates/local-date.js';
import { OBLIGATION_KINDS } from './obligation-kind.js';
import {
  censusByMonth,
  dueBucketOf,
  dueByWeek,
  onTimeByMonth,
  overduePerWorker,
  type CensusMonth,
  type DueBucket,
  type OnTimeMonth,
  type TimelinessItem,
  type TimelinessTallies,
  type WorkerOverdue,
} from './timeliness.js';

/** Every figure of the Team view, from the same items and case dates. */
export interface TeamTimeliness {
  readonly today: LocalDate;
  readonly dueByWeek: readonly DueBucket[];
  readonly onTimeByMonth: readonly OnTimeMonth[];
  readonly overduePerWorker: readonly WorkerOverdue[];
  readonly censusByMonth: readonly CensusMonth[];
  readonly headline: Headline;
}

/** How many of the items overdue longest the headline names. */
export const MOST_OVERDUE_SHOWN = 5;

/** The figures a manager's weekly card and `team report` lead with. */
export interface Headline {
  readonly overdue: number;
  /** Not done and due from `today` to the Sunday of its week. */
  readonly dueThisWeek: number;
  /** All kinds together, over the twelve months: whole per cent, or null when nothing fell due. */
  readonly onTimeRate: number | null;
  /** Over the twelve months: whole per cent, or null when no assessment was completed. */
  readonly assessmentsWithin45Rate: number | null;
  /** On `today`: whole per cent, or null when no case is open. */
  readonly withPlanRate: number | null;
  /** The MOST_OVERDUE_SHOWN items overdue longest (mostOverdue). */
  readonly mostOverdue: readonly MostOverdue[];
}

export interface MostOverdue {
  readonly caseReference: string;
  readonly workerId: string;
  readonly kind: TimelinessItem['kind'];
  readonly dueOn: LocalDate;
}

/**
 * The Team view's figures for `today`: due by week, on-time by month, overdue per worker, the census
 * indicators, and the headline figures drawn from them; all counts. `overdueFirst` holds at least the items not
 * done that fall due earliest (ties included), from which the five overdue longest are taken.
 *
 * @example
 * teamTimeliness(tallies, overdueFirst, '2026-03-04', englandAndWalesCalendar()).headline
 * //=> { overdue: 4, dueThisWeek: 2, onTimeRate: 81, assessmentsWithin45Rate: 75, withPlanRate: 90, mostOverdue: [...] }
 */
export function teamTimeliness(tallies: TimelinessTallies, overdueFirst: readonly TimelinessItem[], today: LocalDate, calendar: HolidayCalendar): TeamTimeliness {
  const due = dueByWeek(tallies.open, today);
  const onTime = onTimeByMonth(tallies, today);
  const census = censusByMonth(tallies, today, calendar);
  let onTimeCount = 0;
  let settled = 0;
  for (const month of onTime) {
    for (const kind of OBLIGATION_KINDS) {
      onTimeCount += month.byKind[kind].onTime;
      settled += month.byKind[kind].onTime + month.byKind[kind].late;
    }
  }
  const completed = census.reduce((sum, month) => sum + month.assessmentsCompleted, 0);
  const within = census.reduce((sum, month) => sum + month.assessmentsWithin45, 0);
  return {
    today,
    dueByWeek: due,
    onTimeByMonth: onTime,
    overduePerWorker: overduePerWorker(tallies.open, today),
    censusByMonth: census,
    headline: {
      overdue: due[0]?.total ?? 0,
      dueThisWeek: due[1]?.total ?? 0,
      onTimeRate: settled === 0 ? null : Math.round((100 * onTimeCount) / settled),
      assessmentsWithin45Rate: completed === 0 ? null : Math.round((100 * within) / completed),
      withPlanRate: census.at(-1)?.withPlanRate ?? null,
      mostOverdue: mostOverdue(overdueFirst, today),
    },
  };
}

/**
 * The items overdue longest: earliest due first, then by case reference and kind.
 *
 * @example
 * mostOverdue(items, '2026-03-04') //=> [{ caseReference: 'AB12', workerId: 'w-1', kind: 'visit', dueOn: '2026-01-05' }, …]
 */
export function mostOverdue(items: readonly TimelinessItem[], today: LocalDate, count = MOST_OVERDUE_SHOWN): MostOverdue[] {
  return items
    .filter((item) => item.doneOn === undefined && dueBucketOf(item.dueOn, today) === 'overdue')
    .sort((left, right) => compareLocalDates(left.dueOn, right.dueOn) || left.caseReference.localeCompare(right.caseReference) || left.kind.localeCompare(right.kind))
    .slice(0, count)
    .map(({ caseReference, workerId, kind, dueOn }) => ({ caseReference, workerId, kind, dueOn }));
}
