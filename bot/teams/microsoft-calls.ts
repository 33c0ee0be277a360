import { createRequire } from 'node:module';
import type { Configuration as MsalConfiguration } from '@azure/msal-node';
import { ConfigurationBotFrameworkAuthentication, type Activity, type ConfigurationBotFrameworkAuthenticationOptions } from 'botbuilder';
import {
  AuthenticationConstants,
  ConnectorFactory,
  MsalServiceClientCredentialsFactory,
  type AuthenticateRequestResult,
  type ClaimsIdentity,
  type ConnectorClient,
  type UserTokenClient,
} from 'botframework-connector';
import type { Config } from '../config.js';

/**
 * MSAL as botframework-connector itself loads it (CommonJS, its own dependency): MsalServiceClientCredentialsFactory
 * wants that copy's application, not the ES module build an import here would load.
 */
const requireFromConnector = createRequire(createRequire(import.meta.url).resolve('botframework-connector'));
const { ConfidentialClientApplication } = requireFromConnector('@azure/msal-node') as {
  ConfidentialClientApplication: new (configuration: MsalConfiguration) => ConstructorParameters<typeof MsalServiceClientCredentialsFactory>[1];
};

/**
 * Microsoft's Bot Connector or token endpoint did not answer in time, or could not be reached. Sending anything
 * more to it in the same turn (an apology) would wait as long again for the same answer.
 */
export class MicrosoftUnreachableError extends Error {
  override readonly name = 'MicrosoftUnreachableError';
}

/**
 * Bot Framework authentication whose every call to Microsoft gives up after `config.microsoftTimeoutMs`: the
 * Bot Connector (replies, proactive sends, updates, new chats, rosters) and Microsoft login for the bot's own
 * token. Left to itself botbuilder waits for ever on an endpoint that takes the connection and never answers,
 * holding the incoming request, or the reminder pass, and a socket with it.
 *
 * The Connector: botframework-connector builds each ConnectorClient itself and replaces any request policy it is
 * handed, so the timeout goes in as the per-operation `timeout` option (`RequestOptionsBase`) every Connector
 * operation accepts and botbuilder never passes. The token: botframework-connector's own MSAL application is
 * built with MSAL's default HTTP client, which has no timeout on the token request; MSAL takes a network client
 * of one's own (`system.networkClient`), handed to botframework-connector through MsalServiceClientCredentialsFactory.
 */
export function createBotFrameworkAuthentication(config: Config): ConfigurationBotFrameworkAuthentication {
  if (config.authentication !== 'enabled') return new BoundedBotFrameworkAuthentication({}, undefined, config.microsoftTimeoutMs);
  const { id, type, password, tenantId } = config.microsoftApp;
  const options: ConfigurationBotFrameworkAuthenticationOptions = {
    MicrosoftAppId: id,
    MicrosoftAppType: type,
    ...(password === undefined ? {} : { MicrosoftAppPassword: password }),
    ...(tenantId === undefined ? {} : { MicrosoftAppTenantId: tenantId }),
  };
  // A user-assigned managed identity gets its token from Azure's instance metadata service, not from MSAL here.
  const credentials =
    password === undefined || type === 'UserAssignedMSI'
      ? undefined
      : new MsalServiceClientCredentialsFactory(
          id,
          new ConfidentialClientApplication({
            // As botframework-connector's MicrosoftAppCredentials: the app's own tenant if single-tenant, else botframework.com.
            auth: { clientId: id, clientSecret: password, authority: `${AuthenticationConstants.ToChannelFromBotLoginUrlPrefix}${type === 'SingleTenant' && tenantId ? tenantId : AuthenticationConstants.DefaultChannelAuthTenant}` },
            system: { networkClient: boundedNetworkClient(config.microsoftTimeoutMs) },
          }),
        );
  return new BoundedBotFrameworkAuthentication(options, credentials, config.microsoftTimeoutMs);
}

/**
 * Clients kept once built, under a key naming everything they are built from. CloudAdapter builds a ConnectorClient
 * and a UserTokenClient (each a ServiceClient with its own request pipeline) for every incoming activity and drops
 * them at the turn's end: about 0.1 to 0.2 ms of CPU a turn, and the garbage. They keep nothing of a request (the
 * HTTP agent is shared, the token is cached by the credentials' MSAL application), so one serves every turn with the
 * same app id, audience and service URL. Bounded, since without authentication the service URL is the sender's.
 */
class ClientShelf<Client> {
  private readonly clients = new Map<string, Client>();

  constructor(private readonly capacity: number) {}

  async get(key: string, build: () => Promise<Client>): Promise<Client> {
    const kept = this.clients.get(key);
    if (kept !== undefined) return kept;
    const client = await build();
    if (this.clients.size >= this.capacity) this.clients.delete(this.clients.keys().next().value as string);
    this.clients.set(key, client);
    return client;
  }
}

/** Teams has a few regional service URLs; more than this many apps, audiences and URLs is not a Teams bot's load. */
const KEPT_CLIENTS = 64;

/** The app id botframework-connector builds a turn's clients for: the token's audience, else its app id claim. */
function appIdOf(claimsIdentity: ClaimsIdentity): string {
  return claimsIdentity.getClaimValue(AuthenticationConstants.AudienceClaim) ?? claimsIdentity.getClaimValue(AuthenticationConstants.AppIdClaim) ?? '';
}

class BoundedBotFrameworkAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly connectors = new ClientShelf<ConnectorClient>(KEPT_CLIENTS);
  private readonly userTokenClients = new ClientShelf<UserTokenClient>(KEPT_CLIENTS);

  constructor(
    options: ConfigurationBotFrameworkAuthenticationOptions,
    credentials: MsalServiceClientCredentialsFactory | undefined,
    private readonly timeoutMs: number,
  ) {
    super(options, credentials);
  }

  /** The factory an incoming request's turn replies through. */
  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    const result = await super.authenticateRequest(activity, authHeader);
    return result.connectorFactory === undefined
      ? result
      : { ...result, connectorFactory: new BoundedConnectorFactory(result.connectorFactory, appIdOf(result.claimsIdentity), this.connectors, this.timeoutMs) };
  }

  /** The factory proactive sends and new conversations go through. */
  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return new BoundedConnectorFactory(super.createConnectorFactory(claimsIdentity), appIdOf(claimsIdentity), this.connectors, this.timeoutMs);
  }

  /** Never used by this bot (it signs nobody in), but CloudAdapter builds one for every turn. */
  override async createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.userTokenClients.get(appIdOf(claimsIdentity), () => super.createUserTokenClient(claimsIdentity));
  }
}

class BoundedConnectorFactory extends ConnectorFactory {
  constructor(
    private readonly inner: ConnectorFactory,
    private readonly appId: string,
    private readonly connectors: ClientShelf<ConnectorClient>,
    private readonly timeoutMs: number,
  ) {
    super();
  }

  override async create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    return this.connectors.get(JSON.stringify([this.appId, audience ?? null, serviceUrl]), async () =>
      withOperationTimeout(await this.inner.create(serviceUrl, audience), this.timeoutMs),
    );
  }
}

type SendOperationRequest = ConnectorClient['sendOperationRequest'];

/**
 * Every operation of `client` (and of its `conversations`, `attachments`, which call back into it) times out
 * after `timeoutMs`, each attempt: a timed-out attempt is not retried by the client, so a send that gets no
 * answer fails in about `timeoutMs`. Failures to reach Microsoft come out as MicrosoftUnreachableError.
 */
export function withOperationTimeout<Client extends { sendOperationRequest: SendOperationRequest }>(client: Client, timeoutMs: number): Client {
  const send = client.sendOperationRequest.bind(client);
  client.sendOperationRequest = async (operationArguments, operationSpec, callback) => {
    try {
      return await send({ ...operationArguments, options: { ...operationArguments.options, timeout: timeoutMs } }, operationSpec, callback);
    } catch (error) {
      throw isUnreachable(error) ? new MicrosoftUnreachableError(`Microsoft did not answer (${(error as Error).name})`) : error;
    }
  };
  return client;
}

/**
 * No HTTP answer came back: the Connector's client gave up at the timeout, or could not connect (a RestError with
 * no status), or MSAL could not reach the token endpoint (a ClientAuthError `network_error`: its network client
 * threw, here on the timeout). An error status from either is not this: it carries its status for the caller's
 * retry policy.
 */
function isUnreachable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === 'AbortError') return true;
  if (error.name === 'RestError') return (error as { statusCode?: unknown }).statusCode === undefined;
  return error.name === 'ClientAuthError' && (error as { errorCode?: unknown }).errorCode === 'network_error';
}

interface NetworkResponse<T> {
  readonly headers: Record<string, string>;
  readonly body: T;
  readonly status: number;
}

interface NetworkRequestOptions {
  readonly headers?: Record<string, string>;
  readonly body?: string;
}

/**
 * MSAL's network client (`INetworkModule`) over fetch, giving up after `timeoutMs`. MSAL reads the parsed JSON
 * body and the status; a body that is not JSON becomes the error object MSAL's own client makes of it.
 */
function boundedNetworkClient(timeoutMs: number) {
  async function request<T>(method: 'GET' | 'POST', url: string, options: NetworkRequestOptions | undefined, callerTimeoutMs?: number): Promise<NetworkResponse<T>> {
    const response = await fetch(url, {
      method,
      ...(options?.headers === undefined ? {} : { headers: options.headers }),
      ...(options?.body === undefined ? {} : { body: options.body }),
      signal: AbortSignal.timeout(Math.min(timeoutMs, callerTimeoutMs ?? timeoutMs)),
    });
    const text = await response.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = { error: response.status >= 500 ? 'server_error' : 'client_error', error_description: `HTTP ${response.status}` };
    }
    return { headers: Object.fromEntries(response.headers), body: body as T, status: response.status };
  }
  return {
    sendGetRequestAsync: <T>(url: string, options?: NetworkRequestOptions, callerTimeoutMs?: number) => request<T>('GET', url, options, callerTimeoutMs),
    sendPostRequestAsync: <T>(url: string, options?: NetworkRequestOptions) => request<T>('POST', url, options),
  };
}
