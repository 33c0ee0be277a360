import { randomUUID } from 'node:crypto';
import {
  ActivityTypes,
  CloudAdapter,
  type ConfigurationBotFrameworkAuthentication,
  type Activity,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import { AuthenticationError, type AuthenticateRequestResult } from 'botframework-connector';
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import { isDatabaseUnavailable } from '../store/database-unavailable.js';
import { createBotFrameworkAuthentication, MicrosoftUnreachableError } from './microsoft-calls.js';
import { tenantIdOf } from './conversation-reference.js';
import { routeBotbuilderConsoleToLog } from './console-to-log.js';
import { boundSigningKeyFetches, SigningKeysUnavailableError } from './signing-keys.js';
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
  boundSigningKeyFetches(config.microsoftTimeoutMs, log);
  routeBotbuilderConsoleToLog(log);
  const authentication = createBotFrameworkAuthentication(config);
  const adapter = new TenantCheckingAdapter(authentication, config, log);
  adapter.onTurnError = (context, error) => apologise(context, error, log);
  return adapter;
}

/**
 * Checks who is talking before any turn runs. The channel first: Teams (`msteams`), and without authentication the
 * Emulator or Agents Playground (`emulator`) too, since a local bot posts its replies to whatever service URL a
 * request names. Then the token (401 when it does not verify; 503, with no detail, when Microsoft's signing keys
 * cannot be had; never 500), then the sender: with authentication on, a message or card action must carry the
 * sender's Entra object id, which the bot keys people by (403). Then the activity's tenant against
 * ALLOWED_TENANTS, when it is set (403): a verified token comes from the Bot Connector, so the tenant the activity
 * names is the one Teams sent it from. A refused activity never reaches the turn, the database or the Connector.
 */
class TenantCheckingAdapter extends CloudAdapter {
  private readonly allowedTenants: readonly string[] | undefined;
  private readonly channels: ReadonlySet<string>;

  constructor(
    authentication: ConfigurationBotFrameworkAuthentication,
    private readonly config: Config,
    private readonly log: Logger,
  ) {
    super(authentication);
    this.allowedTenants = config.allowedTenants;
    this.channels = new Set(config.authentication === 'enabled' ? ['msteams'] : ['msteams', 'emulator']);
  }

  protected override async processActivity(
    authorization: string | AuthenticateRequestResult,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    const refuse = (status: 401 | 403 | 503, errorName: string, code: string, message: string): InvokeResponse => {
      const fields = { status, errorName, activityType: activity.type };
      if (status === 503) this.log.error('request-refused', fields);
      else this.log.warn('request-refused', fields);
      return { status, body: { code, message } };
    };
    if (!this.channels.has(activity.channelId)) return refuse(403, 'ChannelNotServed', 'Forbidden', 'This bot serves Microsoft Teams only.');
    let authenticated: AuthenticateRequestResult;
    try {
      authenticated = typeof authorization === 'string' ? await this.botFrameworkAuthentication.authenticateRequest(activity, authorization) : authorization;
    } catch (error) {
      if (isTokenRefusal(error)) return refuse(401, 'TokenRefused', 'Unauthorized', 'The token does not verify.');
      return refuse(503, error instanceof Error ? error.name : 'KeysUnavailable', 'ServiceUnavailable', 'Try again shortly.');
    }
    const actsAsPerson = activity.type === ActivityTypes.Message || activity.type === ActivityTypes.Invoke;
    if (this.config.authentication === 'enabled' && actsAsPerson && !activity.from?.aadObjectId) {
      return refuse(403, 'NoEntraObjectId', 'Forbidden', 'The sender has no Entra identity.');
    }
    if (this.allowedTenants !== undefined && !this.allowedTenants.includes(tenantIdOf(activity)?.toLowerCase() ?? '')) {
      return refuse(403, 'TenantNotAllowed', 'Forbidden', 'This bot does not serve your organisation.');
    }
    return super.processActivity(authenticated, activity, logic);
  }
}

/**
 * A token that does not verify: botbuilder's own AuthenticationError with a 4xx, or jsonwebtoken's errors, which
 * it lets out (a bad signature, a token not yet valid). Anything else (keys that could not be fetched, an
 * AuthenticationError with 500 for a metadata endpoint that failed) is not the caller's fault.
 */
function isTokenRefusal(error: unknown): boolean {
  if (error instanceof SigningKeysUnavailableError) return false;
  if (error instanceof AuthenticationError) return error.statusCode < 500;
  return error instanceof Error && JSON_WEB_TOKEN_ERRORS.has(error.name);
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
  // The apology would go the way the failed reply went and wait as long again; Teams shows the turn unanswered.
  if (error instanceof MicrosoftUnreachableError) return;
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
