import type { AddressInfo } from 'node:net';
import restify, { type Next, type Request, type Response, type Server } from 'restify';
import type { Config } from '../config.js';
import type { DownloadResult } from '../downloads/serve-download.js';
import type { EndpointAnswer, EndpointRequest } from '../tab/deadlines-endpoint.js';
import type { TabAsset } from '../tab/tab-asset.js';
import type { TeamCasesRequest, TeamTimelinessRequest } from '../tab/team-timeliness-endpoint.js';
import type { Logger } from '../log.js';
import type { TurnHandler } from '../ports.js';
import { createActivityHandler } from './activity-handler.js';
import type { TeamsAdapter } from './adapter.js';
import { InboundActivitySchema } from './inbound-activity.js';

export interface RunningServer {
  /** Where the server listens, with the real port when asked for port 0. */
  readonly url: string;
  /** Stops accepting connections and resolves once the requests in flight have been answered. */
  close(): Promise<void>;
}

export interface ServerDependencies {
  readonly adapter: TeamsAdapter;
  readonly log: Logger;
  /** The interface to listen on; every interface when absent, as a container needs. */
  readonly host?: string;
  /** Whether the bot can serve now (its database answers), for `GET /readyz`; ready when not given. */
  readonly ready?: () => Promise<boolean>;
  /** Answers `GET /downloads/:token` (calendar files, census exports); the route exists only when given. */
  readonly downloads?: (token: string, now: Date) => Promise<DownloadResult>;
  /** The deadlines tab: `GET /tab` and its files, and `GET /api/deadlines`; the routes exist only when given. */
  readonly tab?: {
    readonly asset: (name: string) => Promise<TabAsset>;
    readonly deadlines: (request: EndpointRequest, now: Date) => Promise<EndpointAnswer>;
    /** `GET /api/team-timeliness`: the Team view's charts. */
    readonly teamTimeliness?: (request: TeamTimelinessRequest, now: Date) => Promise<EndpointAnswer>;
    /** `GET /api/team-timeliness/cases`: the cases behind a bar of the Team view's charts, when it is clicked. */
    readonly teamCases?: (request: TeamCasesRequest, now: Date) => Promise<EndpointAnswer>;
  };
}

/**
 * The bot's HTTP server: `POST /api/messages` for Teams (authenticated by botbuilder, which answers 401 before
 * any handler runs), `GET /healthz` and `GET /readyz` for the platform's probes and, when wired, `GET /downloads/:token` for
 * signed download links. Every malformed request gets a 4xx.
 */
export async function startServer(
  config: Config,
  turnHandler: TurnHandler,
  { adapter, log, host, downloads, tab, ready }: ServerDependencies,
): Promise<RunningServer> {
  const logic = createActivityHandler(turnHandler, config.microsoftTimeoutMs);
  // restify's own pino logger would print request details; our log lines carry ids only.
  const server = restify.createServer({ name: 'cin-assistant', log: restify.logger({ level: 'silent' }) });
  server.on('restifyError', (_request, _response, error, callback) => {
    const fields = { status: error.statusCode, errorName: error.name };
    if ((error.statusCode ?? 500) >= 500) log.error('request-failed', fields);
    else log.warn('request-refused', fields);
    callback();
  });

  server.post(
    '/api/messages',
    refuseUnreadableBodies(config.maxBodyBytes, log),
    restify.plugins.jsonBodyParser({ maxBodySize: config.maxBodyBytes }),
    async (request: Request, response: Response) => {
      const activity = InboundActivitySchema.safeParse(request.body);
      if (!activity.success) {
        log.warn('request-refused', { status: 400, errorName: 'NotAnActivity' });
        response.send(400, { code: 'BadRequest', message: 'The body is not a Bot Framework activity.' });
        return;
      }
      // The parsed activity rather than restify's request: it is the body botbuilder should read, already checked.
      await adapter.process({ method: 'POST', headers: request.headers, body: activity.data }, response, logic);
    },
  );
  server.get('/healthz', (_request: Request, response: Response, next: Next) => {
    response.send(200, { status: 'ok' });
    next();
  });
  // Liveness above, readiness here: a load balancer stops sending turns to an instance whose database is away,
  // and sends them again once it answers, without a restart.
  server.get('/readyz', async (_request: Request, response: Response) => {
    const isReady = ready ? await ready().catch(() => false) : true;
    response.send(isReady ? 200 : 503, { status: isReady ? 'ready' : 'database-unavailable' });
  });

  if (downloads) {
    // A wildcard, not `:token`: restify's router refuses parameters over 100 characters, and a token is longer.
    server.get('/downloads/*', async (request: Request, response: Response) => {
      // Whatever follows /downloads/ is the token; a stray slash or anything else makes it fail verification.
      const token = /^\/downloads\/([^?#]*)/.exec(request.url ?? '')?.[1] ?? '';
      let result: DownloadResult;
      try {
        result = await downloads(token, new Date());
      } catch (error) {
        // restify would send the error's own message to the browser; a database error's text is not for it.
        log.error('download-failed', { errorName: error instanceof Error ? error.name : typeof error });
        sendDownload(response, { status: 500, message: 'The file could not be made just now; try the link again shortly.' });
        return;
      }
      log.info('download-answered', { status: result.status });
      sendDownload(response, result);
    });
  }

  if (tab) addTabRoutes(server, tab, log);

  await new Promise<void>((resolve) => server.listen(config.port, host, resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `http://${host ?? 'localhost'}:${port}`,
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

function addTabRoutes(server: Server, tab: NonNullable<ServerDependencies['tab']>, log: Logger): void {
  // Teams shows the page in a frame, so only Teams and Microsoft 365 hosts may frame it; scripts are ours only.
  const pageHeaders = {
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy':
      "default-src 'self'; frame-ancestors 'self' https://teams.microsoft.com https://*.teams.microsoft.com https://*.cloud.microsoft https://*.office.com https://*.microsoft365.com",
  };
  const sendAsset = async (name: string, response: Response) => {
    const asset = await tab.asset(name);
    response.writeHead(asset.status, { ...pageHeaders, 'Content-Type': asset.contentType });
    response.end(asset.body);
  };
  server.get('/tab', async (_request: Request, response: Response) => sendAsset('', response));
  server.get('/tab/:name', async (request: Request, response: Response) => sendAsset(/^\/tab\/([^/?#]*)/.exec(request.url ?? '')?.[1] ?? '', response));
  const json = jsonApi(server, log);
  json('/api/deadlines', 'tab-deadlines-failed', 'The deadlines could not be loaded just now.', (read, now) =>
    tab.deadlines({ ...read.caller, view: read.parameter('view') }, now),
  );
  const { teamTimeliness, teamCases } = tab;
  if (teamTimeliness) {
    json('/api/team-timeliness', 'tab-team-timeliness-failed', 'The team figures could not be loaded just now.', (read, now) =>
      teamTimeliness({ ...read.caller, team: read.parameter('team'), authority: read.parameter('authority') }, now),
    );
  }
  if (teamCases) {
    json('/api/team-timeliness/cases', 'tab-team-cases-failed', 'The cases could not be loaded just now.', (read, now) =>
      teamCases(
        {
          ...read.caller,
          team: read.parameter('team'),
          authority: read.parameter('authority'),
          chart: read.parameter('chart'),
          bucket: read.parameter('bucket'),
          kind: read.parameter('kind'),
          month: read.parameter('month'),
          worker: read.parameter('worker'),
        },
        now,
      ),
    );
  }
}

interface ApiRequestRead {
  /** Who is asking: the tab's token, or the local dev user. */
  readonly caller: { readonly authorization: string | undefined; readonly devUser: string | undefined };
  readonly parameter: (name: string) => string | undefined;
}

/**
 * A GET route of the tab's JSON API: the endpoint decides the status and body; a failure is logged by name only
 * (a database error's text is not for the browser, nor for the log) and answered 500 with `failure`.
 */
function jsonApi(server: Server, log: Logger) {
  return (path: string, failureEvent: string, failure: string, answer: (read: ApiRequestRead, now: Date) => Promise<EndpointAnswer>) => {
    server.get(path, async (request: Request, response: Response) => {
      const header = (name: string) => (typeof request.headers[name] === 'string' ? request.headers[name] : undefined);
      const query = new URL(request.url ?? '/', 'http://localhost').searchParams;
      const read: ApiRequestRead = {
        caller: { authorization: header('authorization'), devUser: header('x-tab-dev-user') },
        parameter: (name) => query.get(name) ?? undefined,
      };
      let answered: EndpointAnswer;
      try {
        answered = await answer(read, new Date());
      } catch (error) {
        log.error(failureEvent, { errorName: error instanceof Error ? error.name : typeof error });
        answered = { status: 500, body: { code: 'InternalError', message: failure } };
      }
      response.writeHead(answered.status, { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', 'Content-Type': 'application/json; charset=utf-8' });
      response.end(JSON.stringify(answered.body));
    });
  };
}

/**
 * Writes a download or its refusal. A file is an attachment, never shown inline, and nothing is cached: the
 * body holds case data, and a shared machine's browser cache must not keep it after the link expires.
 */
function sendDownload(response: Response, result: DownloadResult | { readonly status: 500; readonly message: string }): void {
  const safety = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };
  if (result.status !== 200) {
    response.writeHead(result.status, { ...safety, 'Content-Type': 'text/plain; charset=utf-8' });
    response.end(result.message);
    return;
  }
  response.writeHead(200, {
    ...safety,
    'Content-Type': result.contentType,
    'Content-Disposition': contentDispositionOf(result.filename),
    'Content-Length': Buffer.byteLength(result.body),
  });
  response.end(result.body);
}

/** RFC 6266: a plain ASCII name for old clients, and the exact name encoded (RFC 8187) for the rest. */
function contentDispositionOf(filename: string): string {
  const ascii = filename.replace(/[^\w.-]/g, '_');
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/**
 * Refuses, before reading a byte of the body, what jsonBodyParser would otherwise let through or read in
 * full: other media types (restify would leave the body unparsed), compressed bodies (restify inflates gzip
 * with no limit on the inflated size) and a declared length over the limit.
 */
function refuseUnreadableBodies(maxBodyBytes: number, log: Logger) {
  return (request: Request, response: Response, next: Next): void => {
    const refuse = (status: 413 | 415, code: string, message: string) => {
      log.warn('request-refused', { status, errorName: code });
      response.send(status, { code, message });
      next(false);
    };
    const mediaType = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
    if (mediaType !== 'application/json') return refuse(415, 'UnsupportedMediaType', 'Send application/json.');
    const encoding = request.headers['content-encoding'];
    if (encoding !== undefined && encoding !== 'identity') {
      return refuse(415, 'UnsupportedMediaType', 'Compressed bodies are not accepted.');
    }
    if (Number(request.headers['content-length']) > maxBodyBytes) {
      return refuse(413, 'PayloadTooLarge', `The body is larger than ${maxBodyBytes} bytes.`);
    }
    next();
  };
}
