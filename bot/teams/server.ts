import type { AddressInfo } from 'node:net';
import restify, { type Next, type Request, type Response } from 'restify';
import type { Config } from '../config.js';
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
}

/**
 * The bot's HTTP server: `POST /api/messages` for Teams (authenticated by botbuilder, which answers 401 before
 * any handler runs) and `GET /healthz` for the platform's probes. Every malformed request gets a 4xx.
 */
export async function startServer(
  config: Config,
  turnHandler: TurnHandler,
  { adapter, log, host }: ServerDependencies,
): Promise<RunningServer> {
  const logic = createActivityHandler(turnHandler);
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

  await new Promise<void>((resolve) => server.listen(config.port, host, resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `http://${host ?? 'localhost'}:${port}`,
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
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
