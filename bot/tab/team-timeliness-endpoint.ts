import { z } from 'zod';
import { londonDateOf, parseLocalDate, type LocalDate } from '../../domain/dates/local-date.js';
import { OBLIGATION_KINDS } from '../../domain/timeliness/obligation-kind.js';
import type { TimelinessBar } from '../../domain/timeliness/timeliness.js';
import { casesBehindBar, teamFiguresFor, type TeamFiguresRefusal, type TeamFiguresSources } from '../timeliness/team-figures.js';
import { tabUserOf, type EndpointAnswer, type EndpointRequest, type TabUserDependencies } from './deadlines-endpoint.js';

export interface TeamTimelinessRequest extends Omit<EndpointRequest, 'view'> {
  readonly team?: string | undefined;
  readonly authority?: string | undefined;
}

/** `GET /api/team-timeliness/cases`: the bar asked about, as the query string gives it. */
export interface TeamCasesRequest extends TeamTimelinessRequest {
  readonly chart?: string | undefined;
  readonly bucket?: string | undefined;
  readonly kind?: string | undefined;
  readonly month?: string | undefined;
  readonly worker?: string | undefined;
}

export interface TeamTimelinessEndpointDependencies extends TeamFiguresSources, TabUserDependencies {}

const FILTER_VALUE = /^[\w .-]{1,80}$/;

/**
 * `GET /api/team-timeliness?team=&authority=`: the Team view's charts' figures, for managers and senior
 * practitioners (their teams) and admins (every team). 401 without a valid token, 403 for anyone else or for a
 * team not theirs, 400 for a malformed filter.
 *
 * @example
 * await answerTeamTimelinessRequest({ authorization: 'Bearer eyJ…', team: 'north' }, new Date(), dependencies)
 * //=> { status: 200, body: { today: '2026-03-04', dueByWeek: [...], onTimeByMonth: [...], headline: {...}, … } }
 */
export async function answerTeamTimelinessRequest(request: TeamTimelinessRequest, now: Date, dependencies: TeamTimelinessEndpointDependencies): Promise<EndpointAnswer> {
  const team = emptyAsUndefined(request.team);
  const authorityId = emptyAsUndefined(request.authority);
  if ([team, authorityId].some((value) => value !== undefined && !FILTER_VALUE.test(value))) {
    return { status: 400, body: { code: 'BadRequest', message: 'team and authority must be short names.' } };
  }
  const user = await tabUserOf(request, now, dependencies);
  if ('status' in user) return user;
  const result = await teamFiguresFor(user, { team, authorityId }, londonDateOf(now), dependencies);
  if (!result.ok) return refusalAnswer(result.error);
  dependencies.log.info('tab-team-timeliness-answered', { teams: result.value.teams.length });
  return { status: 200, body: result.value };
}

const MonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
const KindSchema = z.enum(OBLIGATION_KINDS);
const DaySchema = z.string().transform((text, context) => {
  const day = parseLocalDate(text);
  if (day === undefined) context.addIssue({ code: 'custom', message: 'not a date' });
  return day as LocalDate;
});
const BarSchema: z.ZodType<TimelinessBar> = z.discriminatedUnion('chart', [
  z.object({ chart: z.literal('due'), bucket: z.union([z.literal('overdue'), DaySchema]), kind: KindSchema }),
  z.object({ chart: z.literal('late'), month: MonthSchema, kind: KindSchema }),
  z.object({ chart: z.literal('worker-overdue'), workerId: z.string().regex(/^[\w.:@-]{1,100}$/) }),
  z.object({ chart: z.literal('assessments-late'), month: MonthSchema }),
  z.object({ chart: z.literal('without-plan'), month: MonthSchema }),
]);

/**
 * `GET /api/team-timeliness/cases?team=&authority=&chart=…`: the case references behind one bar of the Team
 * view's charts, asked for when it is clicked, with the same audience, filters and refusals as the figures.
 * The bar: `chart=due&bucket=overdue|<Monday>&kind=`, `chart=late&month=&kind=`, `chart=worker-overdue&worker=`,
 * `chart=assessments-late&month=` or `chart=without-plan&month=`. References only: never a child's name.
 *
 * @example
 * await answerTeamCasesRequest({ authorization: 'Bearer eyJ…', team: 'north', chart: 'due', bucket: 'overdue', kind: 'visit' }, new Date(), dependencies)
 * //=> { status: 200, body: { caseReferences: ['AB12', 'CD34'] } }
 */
export async function answerTeamCasesRequest(request: TeamCasesRequest, now: Date, dependencies: TeamTimelinessEndpointDependencies): Promise<EndpointAnswer> {
  const team = emptyAsUndefined(request.team);
  const authorityId = emptyAsUndefined(request.authority);
  const bar = BarSchema.safeParse({ chart: request.chart, bucket: request.bucket, kind: request.kind, month: request.month, workerId: request.worker });
  if ([team, authorityId].some((value) => value !== undefined && !FILTER_VALUE.test(value)) || !bar.success) {
    return { status: 400, body: { code: 'BadRequest', message: 'Name a bar of the charts, and team and authority as short names.' } };
  }
  const user = await tabUserOf(request, now, dependencies);
  if ('status' in user) return user;
  const result = await casesBehindBar(user, { team, authorityId }, bar.data, londonDateOf(now), dependencies);
  if (!result.ok) return refusalAnswer(result.error);
  dependencies.log.info('tab-team-cases-answered', { chart: bar.data.chart, cases: result.value.length });
  return { status: 200, body: { caseReferences: result.value } };
}

function refusalAnswer(refusal: TeamFiguresRefusal): EndpointAnswer {
  switch (refusal.kind) {
    case 'unknown-authority':
      return { status: 400, body: { code: 'BadRequest', message: 'That authority is not one the bot knows.' } };
    case 'not-your-team':
      return { status: 403, body: { code: 'Forbidden', message: 'You can see the figures of the teams you manage only.' } };
    case 'not-a-manager':
      return { status: 403, body: { code: 'Forbidden', message: 'The Team view is for managers, senior practitioners and admins.' } };
  }
}

function emptyAsUndefined(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
