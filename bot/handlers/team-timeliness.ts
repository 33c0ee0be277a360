import { compareLocalDates, formatLongDate, londonDateOf, type LocalDate } from '../../domain/dates/local-date.js';
import type { Reply } from '../ports.js';
import { MOST_EXPORT_MONTHS } from '../timeliness/export-timeliness.js';
import { teamFiguresFor, timelinessScopeFor, workerNameOf, type TeamFiguresRefusal } from '../timeliness/team-figures.js';
import { monthsBetween } from '../../domain/timeliness/timeliness.js';
import { OBLIGATION_KIND_WORDS } from '../../domain/timeliness/obligation-kind.js';
import { datesIn } from '../understanding/dates.js';
import type { BotContext, MessageRequest } from './context.js';
import { say } from '../replies/say.js';

function refusal(error: TeamFiguresRefusal): Reply {
  return say(
    error.kind === 'not-a-manager'
      ? 'Team figures are for managers, senior practitioners and admins, and you hold none of those roles. An admin can give you the role.'
      : error.kind === 'not-your-team'
        ? `You can see the figures of the teams you manage only, and ${error.team.slice(0, 80)} is not one of them.`
        : 'That authority is not one I know.',
  );
}

const rate = (value: number | null) => (value === null ? 'none yet' : `${value}%`);

/**
 * `team report`: the headline figures of the asker's teams (every team, for an admin) and the five items
 * overdue longest, by case reference, with the worker as Teams named them.
 */
export async function teamReport(request: MessageRequest, context: BotContext): Promise<Reply> {
  const today = londonDateOf(request.receivedAt);
  const figures = await teamFiguresFor(request.asker, {}, today, context);
  if (!figures.ok) return refusal(figures.error);
  const { headline, workerNames, teams } = figures.value;
  const lines = [
    `Team report for ${teams.length === 1 ? `team ${teams[0]}` : `${teams.length} teams`}, ${formatLongDate(today)}`,
    `- Overdue: ${headline.overdue}; due this week: ${headline.dueThisWeek}`,
    `- On time over the last 12 months: ${rate(headline.onTimeRate)}`,
    `- Assessments within 45 working days of referral: ${rate(headline.assessmentsWithin45Rate)}`,
    `- Open cases with a plan: ${rate(headline.withPlanRate)}`,
    headline.mostOverdue.length === 0 ? 'Nothing is overdue.' : 'Overdue longest:',
    ...headline.mostOverdue.map((item) => `- ${item.caseReference}: ${OBLIGATION_KIND_WORDS[item.kind]} due ${formatLongDate(item.dueOn)} (${workerNameOf(item.workerId, workerNames)})`),
    'Open the tab (Deadlines, then Team) for the charts and the cases behind each figure.',
  ];
  return say(lines.join('\n'));
}

/**
 * `export timeliness 1 April 2026 to 30 September 2026`: a one-hour link to the month-by-month figures as CSV,
 * for admins (every team) and managers (their teams).
 */
export async function exportTimelinessLink(period: string, request: MessageRequest, context: BotContext): Promise<Reply> {
  const scoped = await timelinessScopeFor(request.asker, {}, context);
  if (!scoped.ok) return refusal(scoped.error);
  const [from, to] = periodIn(period, londonDateOf(request.receivedAt));
  if (!from || !to || compareLocalDates(from, to) > 0) {
    return say('Give the period as two dates, the earlier first: "export timeliness 1 April 2026 to 30 September 2026".');
  }
  if (monthsBetween(from, to).length > MOST_EXPORT_MONTHS) return say(`Give a period of at most ${MOST_EXPORT_MONTHS} months.`);
  const link = context.downloadLink({ kind: 'timeliness', tenantId: request.asker.tenantId, userId: request.asker.userId, from, to });
  return say(`Timeliness figures for ${formatLongDate(from)} to ${formatLongDate(to)}, month by month (valid for an hour): ${link}`);
}

/** The two dates of "1 December 2025 to 31 March 2026": each side read alone, since chrono reads "X to Y" as one range. */
function periodIn(text: string, today: LocalDate): LocalDate[] {
  const sides = text.split(/\s+(?:to|until)\s+|\s+[-\u2013\u2014]\s+/i);
  return sides.length === 2 ? sides.flatMap((side) => datesIn(side, today).slice(0, 1)) : datesIn(text, today);
}
