import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Teams' limits, from the issue: an app may make 50 requests a second, and a bot 7 a second in one conversation. */
export interface ConnectorLimits {
  readonly appPerSecond: number;
  readonly conversationPerSecond: number;
}

export const TEAMS_LIMITS: ConnectorLimits = { appPerSecond: 50, conversationPerSecond: 7 };

export interface ConnectorStandIn {
  /** The serviceUrl to store in each conversation's address. */
  readonly serviceUrl: string;
  /** Accepted activities by conversation id. */
  readonly accepted: ReadonlyMap<string, number>;
  /** When the last activity was accepted (performance.now()), or undefined if none was. */
  lastAcceptedAt(): number | undefined;
  firstAcceptedAt(): number | undefined;
  readonly refused: { count: number };
  /** The most activities accepted in any one sliding second: must never exceed the app limit. */
  readonly busiestSecond: { count: number };
  close(): Promise<void>;
}

/** A new activity, or a reply to one (what continueConversation sends): either way one message in the chat. */
const ACTIVITIES_PATH = /^\/v3\/conversations\/([^/]+)\/activities(?:\/[^/]+)?\/?$/;

/**
 * A Bot Connector on 127.0.0.1 that enforces Teams' rate limits over a sliding second: a request beyond either
 * limit gets 429 with Retry-After 1, as Teams answers; any other post of an activity gets 200 with an id and is
 * counted against its conversation. Only accepted requests take up room in the window, so a client that backs
 * off is not punished further for having asked.
 *
 * @example
 * const connector = await startConnectorStandIn();
 * // store { serviceUrl: connector.serviceUrl, conversation: { id } } as each person's address, send, then:
 * connector.accepted.get('a:chat-1'); // 1
 * await connector.close();
 */
export async function startConnectorStandIn(limits: ConnectorLimits = TEAMS_LIMITS): Promise<ConnectorStandIn> {
  const appWindow: number[] = [];
  const conversationWindows = new Map<string, number[]>();
  const accepted = new Map<string, number>();
  const refused = { count: 0 };
  const busiestSecond = { count: 0 };
  let first: number | undefined;
  let last: number | undefined;
  let activityIds = 0;

  const within = (window: number[], now: number, limit: number) => {
    while (window.length > 0 && (window[0] ?? 0) <= now - 1000) window.shift();
    return window.length < limit;
  };

  const answer = (request: IncomingMessage, response: ServerResponse, conversationId: string) => {
    const now = performance.now();
    const conversationWindow = conversationWindows.get(conversationId) ?? [];
    conversationWindows.set(conversationId, conversationWindow);
    if (!within(appWindow, now, limits.appPerSecond) || !within(conversationWindow, now, limits.conversationPerSecond)) {
      refused.count += 1;
      response.writeHead(429, { 'content-type': 'application/json', 'retry-after': '1' });
      response.end(JSON.stringify({ error: { code: 'Throttled', message: 'Too many requests' } }));
      return;
    }
    appWindow.push(now);
    conversationWindow.push(now);
    busiestSecond.count = Math.max(busiestSecond.count, appWindow.length);
    accepted.set(conversationId, (accepted.get(conversationId) ?? 0) + 1);
    first ??= now;
    last = now;
    activityIds += 1;
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ id: `activity-${activityIds}` }));
  };

  const server = createServer((request, response) => {
    const match = request.method === 'POST' ? ACTIVITIES_PATH.exec(request.url ?? '') : null;
    // The body is not needed, but it must be read before answering or the client may see a reset.
    request.resume();
    request.on('end', () => {
      if (!match?.[1]) {
        process.stderr.write(`unexpected ${request.method} ${request.url}\n`);
        response.writeHead(404);
        response.end();
        return;
      }
      answer(request, response, decodeURIComponent(match[1]));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    accepted,
    refused,
    busiestSecond,
    firstAcceptedAt: () => first,
    lastAcceptedAt: () => last,
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
