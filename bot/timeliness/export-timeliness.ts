import { stringify } from 'csv-stringify/sync';
import type { HolidayCalendar } from '../../domain/calendar/holiday-calendar.js';
import { compareLocalDates, type LocalDate } from '../../domain/dates/local-date.js';
import { OBLIGATION_KINDS } from '../../domain/timeliness/obligation-kind.js';
import { censusByMonth, censusDaysOf, monthsBetween, onTimeByMonth } from '../../domain/timeliness/timeliness.js';
import type { TimelinessScope, TimelinessStore } from '../store/timeliness.js';

/** An export spans at most two years of months: enough for a census year and the one before. */
export const MOST_EXPORT_MONTHS = 24;

const rateCell = (rate: number | null) => (rate === null ? '' : String(rate));

/**
 * The Team view's monthly figures for [from, to] as CSV, one row a month: on time and late per kind of
 * obligation, assessments completed and within 45 working days, open cases and those with a plan at the
 * month's end (or on `today`, for a month not over). Counts and rates only: no case, child or worker named.
 *
 * @example
 * await exportTimeliness(store, 'tenant-a', { teams: ['north'] }, '2026-04-01', '2026-06-30', '2026-11-23', calendar)
 * //=> 'Month,Assessment on time,Assessment late,Assessment on time %,…\n2026-04,12,3,80,…\n'
 */
export async function exportTimeliness(
  store: TimelinessStore,
  tenantId: string,
  scope: TimelinessScope,
  from: LocalDate,
  to: LocalDate,
  today: LocalDate,
  calendar: HolidayCalendar,
): Promise<string> {
  const until = compareLocalDates(to, today) < 0 ? to : today;
  const months = monthsBetween(from, until);
  const since = `${months[0] ?? from.slice(0, 7)}-01` as LocalDate;
  // An item not done and due from `until` on is not yet late in any month exported.
  const tallies = await store.tallies(tenantId, scope, since, until, censusDaysOf(months, until));
  const onTime = onTimeByMonth(tallies, until, months);
  const census = censusByMonth(tallies, until, calendar, months);
  const header = [
    'Month',
    ...OBLIGATION_KINDS.flatMap((kind) => [`${kind} on time`, `${kind} late`, `${kind} on time %`]),
    'Assessments completed',
    'Assessments within 45 working days',
    'Assessments within 45 working days %',
    'Open cases at month end',
    'Open cases with a plan',
    'Open cases with a plan %',
  ];
  const rows = months.map((month, index) => {
    const kinds = onTime[index]?.byKind;
    const indicators = census[index];
    return [
      month,
      ...OBLIGATION_KINDS.flatMap((kind) => [String(kinds?.[kind].onTime ?? 0), String(kinds?.[kind].late ?? 0), rateCell(kinds?.[kind].rate ?? null)]),
      String(indicators?.assessmentsCompleted ?? 0),
      String(indicators?.assessmentsWithin45 ?? 0),
      rateCell(indicators?.assessmentsWithin45Rate ?? null),
      String(indicators?.openCases ?? 0),
      String(indicators?.openCasesWithPlan ?? 0),
      rateCell(indicators?.withPlanRate ?? null),
    ];
  });
  return stringify([header, ...rows]);
}
