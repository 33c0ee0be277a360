// The part of restify 12 that server.ts uses (the same in 11). @types/restify describes restify 8 (and pulls in bunyan's types,
// which restify dropped for pino), so this small shim is more honest than borrowing it.
declare module 'restify' {
  import type { IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http';

  interface Request extends IncomingMessage {
    /** The parsed JSON body after jsonBodyParser; a Buffer or string before it. */
    body?: unknown;
  }

  interface Response extends ServerResponse {
    send(code: number, body?: unknown): void;
    send(body?: unknown): void;
    status(code: number): number;
    header(name: string, value?: unknown): unknown;
  }

  /** `next(false)` stops the chain after a handler has answered. */
  type Next = (outcome?: false | Error) => void;
  type RequestHandler = (request: Request, response: Response, next: Next) => void;
  /** restify 10+ runs an async handler with no `next` and moves on when its promise settles. */
  type AsyncRequestHandler = (request: Request, response: Response) => Promise<void>;
  type Handler = RequestHandler | AsyncRequestHandler | readonly RequestHandler[];

  interface RestifyError extends Error {
    readonly statusCode?: number;
  }

  interface Server {
    readonly server: HttpServer;
    post(path: string, ...handlers: Handler[]): void;
    get(path: string, ...handlers: Handler[]): void;
    on(
      event: 'restifyError',
      listener: (request: Request, response: Response, error: RestifyError, callback: () => void) => void,
    ): void;
    listen(port: number, host: string | undefined, onListening: () => void): void;
    close(onClosed?: (error?: Error) => void): void;
  }

  interface PinoLogger {
    readonly level: string;
  }

  interface Restify {
    createServer(options: { name: string; log: PinoLogger }): Server;
    /** restify's own pino; handed back to createServer so restify's internal logging can be silenced. */
    logger(options: { level: string }): PinoLogger;
    plugins: {
      jsonBodyParser(options: { maxBodySize: number }): readonly RequestHandler[];
    };
  }

  const restify: Restify;
  export default restify;
  export type { Request, Response, Next, Server };
}
