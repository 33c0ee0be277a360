import { londonDateOf } from '../../domain/dates/local-date.js';
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import { tabDeadlines, type TabDeadlineSources } from './tab-deadlines.js';
import { verifyEntraToken, type KeySetFor, type TabUser } from './verify-entra-token.js';

/** The header that names the development test user in place of a token; honoured only when TAB_DEV_USER is set. */
export const DEV_USER_HEADER = 'x-tab-dev-user';

export interface EndpointRequest {
  readonly authorization?: string | undefined;
  readonly devUser?: string | undefined;
  readonly view?: string | undefined;
}

export interface EndpointAnswer {
  readonly status: 200 | 400 | 401 | 403 | 500 | 503;
  readonly body: unknown;
}

/** What checking the tab's caller needs: the app's audiences, the development user, the tenants served. */
export interface TabUserDependencies {
  readonly config: Pick<Config, 'tabDevUser' | 'tabAppIdUri' | 'nodeEnv' | 'allowedTenants'> & { readonly microsoftApp?: { readonly id: string; readonly tenantId?: string } };
  readonly log: Logger;
  readonly keySetFor?: KeySetFor;
}

export interface DeadlinesEndpointDependencies extends TabDeadlineSources, TabUserDependencies {}

/**
 * `GET /api/deadlines?view=mine|team`: who is asking from their Entra token (or, in development, the named
 * test user), then only what they may see: 401 without a valid token, 403 for the team view without a team.
 *
 * @example
 * await answerDeadlinesRequest({ authorization: 'Bearer eyJ…', view: 'mine' }, new Date(), dependencies)
 * //=> { status: 200, body: { view: 'mine', deadlines: [...], managesTeams: false, … } }
 */
export async function answerDeadlinesRequest(request: EndpointRequest, now: Date, dependencies: DeadlinesEndpointDependencies): Promise<EndpointAnswer> {
  const view = request.view ?? 'mine';
  if (view !== 'mine' && view !== 'team') return { status: 400, body: { code: 'BadRequest', message: 'view must be mine or team.' } };
  const user = await tabUserOf(request, now, dependencies);
  if ('status' in user) return user;
  const result = await tabDeadlines(user, view, londonDateOf(now), dependencies);
  if (!result.ok) return { status: 403, body: { code: 'Forbidden', message: 'The Team view is for managers and senior practitioners.' } };
  dependencies.log.info('tab-deadlines-answered', { view, count: result.value.deadlines.length });
  return { status: 200, body: result.value };
}

/** Who is asking, from their Entra token (or the development test user), refused unless their tenant is served. */
export async function tabUserOf(request: EndpointRequest, now: Date, dependencies: TabUserDependencies): Promise<TabUser | EndpointAnswer> {
  const user = await userOf(request, now, dependencies);
  if ('status' in user) return user;
  const { allowedTenants } = dependencies.config;
  if (allowedTenants !== undefined && !allowedTenants.includes(user.tenantId.toLowerCase())) {
    dependencies.log.warn('request-refused', { status: 403, errorName: 'tab-tenant-not-allowed' });
    return { status: 403, body: { code: 'Forbidden', message: 'This app does not serve your organisation.' } };
  }
  return user;
}

async function userOf(request: EndpointRequest, now: Date, { config, log, keySetFor }: TabUserDependencies): Promise<TabUser | EndpointAnswer> {
  const refuse = (reason: string): EndpointAnswer => {
    log.warn('request-refused', { status: 401, errorName: `tab-${reason}` });
    return { status: 401, body: { code: 'Unauthorized', message: 'Sign in through Microsoft Teams.' } };
  };
  // Never in production nor with authentication on: loadConfig refuses TAB_DEV_USER then, and this checks again in
  // case a config is built by hand (a header would otherwise read a worker's deadlines with no token).
  const devUser = config.nodeEnv === 'production' || config.microsoftApp !== undefined ? undefined : config.tabDevUser;
  if (devUser !== undefined && request.devUser !== undefined && request.authorization === undefined) {
    return request.devUser === devUser.userId ? devUser : refuse('unknown-dev-user');
  }
  const token = /^Bearer ([\w-]+\.[\w-]+\.[\w-]+)$/.exec(request.authorization ?? '')?.[1];
  if (token === undefined) return refuse('no-token');
  const audiences = [config.microsoftApp?.id, config.tabAppIdUri].filter((audience): audience is string => audience !== undefined);
  // ALLOWED_TENANTS, else the app registration's own tenant: a token from any other is refused before its tenant's
  // keys are fetched, so made-up tenants cost neither a request to Microsoft nor a cache entry.
  const ownTenant = config.microsoftApp?.tenantId?.toLowerCase();
  const allowedTenants = config.allowedTenants ?? (ownTenant === undefined ? undefined : [ownTenant]);
  const verified = await verifyEntraToken(token, { audiences, now, ...(allowedTenants === undefined ? {} : { allowedTenants }), ...(keySetFor === undefined ? {} : { keySetFor }) });
  if (verified.ok) return verified.value;
  if (verified.error.reason === 'tenant-not-allowed') {
    log.warn('request-refused', { status: 403, errorName: 'tab-tenant-not-allowed' });
    return { status: 403, body: { code: 'Forbidden', message: 'This app does not serve your organisation.' } };
  }
  if (verified.error.reason === 'keys-unavailable') {
    log.error('tab-keys-unavailable', {});
    return { status: 503, body: { code: 'ServiceUnavailable', message: 'Sign-in keys could not be fetched; try again shortly.' } };
  }
  return refuse(verified.error.reason);
}
