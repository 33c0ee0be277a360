import type { AdaptiveCardJson } from './adaptive-card-json.js';
import { bindCard } from './bind.js';
import template from './templates/team-week.json' with { type: 'json' };

/** One of the five items overdue longest. Case reference only: no initials, no names of children or staff. */
export interface TeamWeekOverdueView {
  readonly caseReference: string;
  /** The kind of obligation in plain words, e.g. 'review'. */
  readonly what: string;
  /** The due date in long form, e.g. 'Friday 13 March 2026'. */
  readonly dueOn: string;
  readonly workingDaysOverdue: number;
}

/** A manager's Monday card: their teams' headline timeliness figures and the five items overdue longest. */
export interface TeamWeekView {
  /** The day the card is for, in long form, e.g. 'Monday 23 March 2026'. */
  readonly day: string;
  /** 'Team North', or '3 teams'. */
  readonly teams: string;
  readonly overdue: number;
  readonly dueThisWeek: number;
  /** Whole per cent, or null when nothing fell due (the card says 'none yet'). */
  readonly onTimeRate: number | null;
  readonly assessmentsWithin45Rate: number | null;
  readonly withPlanRate: number | null;
  readonly mostOverdue: readonly TeamWeekOverdueView[];
  /** The Teams deep link to the tab (or its web address where the bot has no Teams app id). */
  readonly tabUrl: string;
}

/**
 * The weekly timeliness card for a manager, with "Open the tab".
 *
 * @example
 * teamWeekCard({ day: 'Monday 23 March 2026', teams: 'Team North', overdue: 3, dueThisWeek: 2, onTimeRate: 81,
 *   assessmentsWithin45Rate: 75, withPlanRate: 90, mostOverdue: [], tabUrl: 'https://teams.microsoft.com/l/entity/…/deadlines' })
 * //=> { type: 'AdaptiveCard', version: '1.5', body: [ … ] }
 */
export function teamWeekCard(view: TeamWeekView): AdaptiveCardJson {
  return bindCard(template, {
    day: view.day,
    teams: view.teams,
    figures: figuresOf(view).map(([label, value]) => ({ label, value })),
    hasOverdue: view.mostOverdue.length > 0,
    hasNoOverdue: view.mostOverdue.length === 0,
    mostOverdue: view.mostOverdue.map((item) => ({ caseReference: item.caseReference, what: item.what, dueOn: item.dueOn, overdueBy: overdueWords(item.workingDaysOverdue) })),
    tabUrl: view.tabUrl,
  });
}

/**
 * The card as plain text, for the activity's `text`: what a notification banner and a screen reader give.
 *
 * @example
 * teamWeekText({ day: 'Monday 23 March 2026', teams: 'Team North', overdue: 3, dueThisWeek: 2, onTimeRate: 81,
 *   assessmentsWithin45Rate: null, withPlanRate: 90, mostOverdue: [], tabUrl: '…' })
 * //=> 'Your teams this week (Team North, Monday 23 March 2026): overdue 3; due this week 2; on time over the last 12 months 81%; …'
 */
export function teamWeekText(view: TeamWeekView): string {
  const figures = figuresOf(view)
    .map(([label, value]) => `${label.charAt(0).toLowerCase()}${label.slice(1)} ${value}`)
    .join('; ');
  const overdue =
    view.mostOverdue.length === 0
      ? 'Nothing is overdue.'
      : `Overdue longest: ${view.mostOverdue.map((item) => `${item.caseReference} (${item.what}, due ${item.dueOn}, ${overdueWords(item.workingDaysOverdue)})`).join('; ')}.`;
  return `Your teams this week (${view.teams}, ${view.day}): ${figures}. ${overdue}`;
}

function figuresOf(view: TeamWeekView): [string, string][] {
  return [
    ['Overdue', String(view.overdue)],
    ['Due this week', String(view.dueThisWeek)],
    ['On time over the last 12 months', rate(view.onTimeRate)],
    ['Assessments within 45 working days of referral', rate(view.assessmentsWithin45Rate)],
    ['Open cases with a plan', rate(view.withPlanRate)],
  ];
}

function rate(value: number | null): string {
  return value === null ? 'none yet' : `${value}%`;
}

function overdueWords(workingDays: number): string {
  return `${workingDays} working ${workingDays === 1 ? 'day' : 'days'} overdue`;
}
