import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SentActivity {
  readonly conversationId: string;
  readonly activity: Record<string, unknown>;
}

export interface ConnectorStandIn {
  /** The serviceUrl to put in activities so the bot replies here. */
  readonly serviceUrl: string;
  /** Activities the bot has sent to one conversation, in order. */
  sentTo(conversationId: string): Record<string, unknown>[];
  close(): Promise<void>;
}

/**
 * A local stand-in for the Bot Connector service on loopback: it accepts the bot's replies
 * (POST /v3/conversations/:id/activities[/:replyToId]) and keeps them, so an evaluation can read what the bot said
 * exactly as Teams would have received it. A benchmark passes `keep: false` so memory stays flat.
 */
export async function startConnectorStandIn(options: { readonly keep: boolean } = { keep: true }): Promise<ConnectorStandIn> {
  const sent: SentActivity[] = [];
  let nextId = 1;
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/[^/]+)?$/.exec(request.url ?? '');
    if (request.method !== 'POST' || !match) {
      // Not chained: restify, when loaded in the same process, replaces writeHead with one returning nothing.
      response.writeHead(404);
      response.end();
      return;
    }
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const conversationId = decodeURIComponent(match[1] ?? '');
      if (options.keep) sent.push({ conversationId, activity: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown> });
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ id: `reply-${nextId++}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    sentTo: (conversationId) => sent.filter((entry) => entry.conversationId === conversationId).map((entry) => entry.activity),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
