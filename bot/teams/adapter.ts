import { randomUUID } from 'node:crypto';
import {
  ActivityTypes,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type Activity,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import { AuthenticationError, type AuthenticateRequestResult } from 'botframework-connector';
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import { isDatabaseUnavailable } from '../store/database-unavailable.js';
import { tenantIdOf } from './conversation-reference.js';
import { asInvokeResponseActivity, errorResponse } from './invoke-responses.js';

export type TeamsAdapter = CloudAdapter;

/** What the user sees when a turn fails; the reference lets support find the log line without any case detail. */
const apologyFor = (correlationId: string, error: Error): string =>
  isDatabaseUnavailable(error)
    ? `Sorry, I cannot reach my database just now, so nothing was saved from that step. Please try again in a few minutes. (Reference: ${correlationId})`
    : // The failure may come after a save (the reply itself failing), so this does not promise nothing was kept.
      `Sorry, something went wrong on our side before I could finish that step. If it changed a case, open the case before trying again, so the change is not made twice. (Reference: ${correlationId})`;

/**
 * The CloudAdapter for the configured app registration. The MicrosoftApp* values are passed explicitly so that
 * nothing depends on botbuilder reading process.env by itself; with no app id, botbuilder skips token checks.
 */
export function createAdapter(config: Config, log: Logger): TeamsAdapter {
  const authentication = new TokenRefusingAuthentication(
    config.authentication === 'enabled'
      ? {
          MicrosoftAppId: config.microsoftApp.id,
          MicrosoftAppType: config.microsoftApp.type,
          ...(config.microsoftApp.password === undefined ? {} : { MicrosoftAppPassword: config.microsoftApp.password }),
          ...(config.microsoftApp.tenantId === undefined ? {} : { MicrosoftAppTenantId: config.microsoftApp.tenantId }),
        }
      : {},
  );
  const adapter = new TenantCheckingAdapter(authentication, config.allowedTenants, log);
  adapter.onTurnError = (context, error) => apologise(context, error, log);
  return adapter;
}

/**
 * botbuilder lets jsonwebtoken's own errors out of token validation (a bad signature, a token not yet valid),
 * and CloudAdapter answers anything but an AuthenticationError with 500 and the error's message. A token that
 * does not verify is the caller's fault, so it becomes the 401 that botbuilder gives for a missing token.
 */
class TokenRefusingAuthentication extends ConfigurationBotFrameworkAuthentication {
  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    try {
      return await super.authenticateRequest(activity, authHeader);
    } catch (error) {
      if (error instanceof Error && JSON_WEB_TOKEN_ERRORS.has(error.name)) {
        throw new AuthenticationError('Unauthorized. The token does not verify.', 401);
      }
      throw error;
    }
  }
}

/**
 * Serves only the tenants in ALLOWED_TENANTS, when it is set. The token is checked first (401), then the
 * activity's tenant (403): a verified token comes from the Bot Connector, so the tenant the activity names is
 * the one Teams sent it from. A refused activity never reaches the turn, the database or the Connector.
 */
class TenantCheckingAdapter extends CloudAdapter {
  constructor(
    authentication: ConfigurationBotFrameworkAuthentication,
    private readonly allowedTenants: readonly string[] | undefined,
    private readonly log: Logger,
  ) {
    super(authentication);
  }

  protected override async processActivity(
    authorization: string | AuthenticateRequestResult,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    const authenticated =
      typeof authorization === 'string' ? await this.botFrameworkAuthentication.authenticateRequest(activity, authorization) : authorization;
    if (this.allowedTenants !== undefined && !this.allowedTenants.includes(tenantIdOf(activity)?.toLowerCase() ?? '')) {
      this.log.warn('request-refused', { status: 403, errorName: 'TenantNotAllowed', activityType: activity.type });
      return { status: 403, body: { code: 'Forbidden', message: 'This bot does not serve your organisation.' } };
    }
    return super.processActivity(authenticated, activity, logic);
  }
}

const JSON_WEB_TOKEN_ERRORS = new Set(['JsonWebTokenError', 'NotBeforeError', 'TokenExpiredError']);

async function apologise(context: TurnContext, error: Error, log: Logger): Promise<void> {
  const correlationId = randomUUID();
  // The error's message can quote what the user typed or a database row, so only its name and stack frames are logged.
  log.error('turn-failed', {
    correlationId,
    activityId: context.activity.id,
    activityType: context.activity.type,
    errorName: error.name,
    databaseUnavailable: isDatabaseUnavailable(error),
    stackFrames: stackFramesOf(error),
  });
  try {
    if (context.activity.type === ActivityTypes.Invoke) {
      // Without this botbuilder would answer the invoke with 501 Not Implemented, which misleads Teams.
      await context.sendActivity(asInvokeResponseActivity(errorResponse(500, 'InternalServerError', apologyFor(correlationId, error))));
    }
    await context.sendActivity(apologyFor(correlationId, error));
  } catch (sendError) {
    log.error('apology-not-sent', { correlationId, errorName: sendError instanceof Error ? sendError.name : typeof sendError });
  }
}

function stackFramesOf(error: Error): string | undefined {
  return error.stack
    ?.split('\n')
    .filter((line) => line.trimStart().startsWith('at '))
    .map((line) => line.trim())
    .join(' | ');
}
