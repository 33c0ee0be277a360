import { londonDateOf } from '../../domain/dates/local-date.js';
import { teamFiguresFor, type TeamFiguresSources } from '../timeliness/team-figures.js';
import { tabUserOf, type EndpointAnswer, type EndpointRequest, type TabUserDependencies } from './deadlines-endpoint.js';

export interface TeamTimelinessRequest extends Omit<EndpointRequest, 'view'> {
  readonly team?: string | undefined;
  readonly authority?: string | undefined;
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
  if (!result.ok) {
    switch (result.error.kind) {
      case 'unknown-authority':
        return { status: 400, body: { code: 'BadRequest', message: 'That authority is not one the bot knows.' } };
      case 'not-your-team':
        return { status: 403, body: { code: 'Forbidden', message: 'You can see the figures of the teams you manage only.' } };
      case 'not-a-manager':
        return { status: 403, body: { code: 'Forbidden', message: 'The Team view is for managers, senior practitioners and admins.' } };
    }
  }
  dependencies.log.info('tab-team-timeliness-answered', { teams: result.value.teams.length });
  return { status: 200, body: result.value };
}

function emptyAsUndefined(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
