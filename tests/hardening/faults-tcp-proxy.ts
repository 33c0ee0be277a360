import { createConnection, createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface TcpProxy {
  /** The loopback port that forwards to the target while the proxy is up. */
  readonly port: number;
  /**
   * The database goes away: every open connection is reset and new ones are refused (ECONNREFUSED from the
   * client's side, as a stopped server answers), until `restore`.
   */
  cut(): Promise<void>;
  /**
   * The target hangs: new connections are accepted and never answered (nothing is forwarded either way), as a
   * server that took the connection and then stopped, until `restore`. Connections already open carry on.
   */
  stall(): void;
  /** Connections accepted while stalled that the client has not yet given up on (closed). */
  readonly heldConnections: number;
  /** Connections accepted while stalled, ever. */
  readonly stalledConnections: number;
  /** New connections reach the target again; nothing from before the cut comes back. */
  restore(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A TCP proxy on 127.0.0.1 between the bot and a server it depends on (PostgreSQL, a stand-in Bot Connector), so
 * a test can take that server away and bring it back without touching it. Cutting closes the listening socket,
 * so connecting fails at once as it does when the server is down, and destroys every forwarded connection
 * mid-stream. Stalling leaves the port open and answers nothing: the failure a timeout is for.
 */
export async function startTcpProxy(target: { readonly host: string; readonly port: number }): Promise<TcpProxy> {
  const open = new Set<Socket>();
  const held = new Set<Socket>();
  let stalled = false;
  let stalledConnections = 0;
  const server = createServer((client) => {
    if (stalled) {
      stalledConnections += 1;
      held.add(client);
      open.add(client);
      // Read and dropped, so that the client's closing is seen (a paused socket never reaches its end).
      client.resume();
      client.on('error', () => client.destroy()).on('close', () => {
        held.delete(client);
        open.delete(client);
      });
      return;
    }
    const upstream = createConnection(target);
    open.add(client);
    open.add(upstream);
    const forget = () => {
      open.delete(client);
      open.delete(upstream);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', forget).on('close', forget);
    upstream.on('error', forget).on('close', forget);
    client.pipe(upstream);
    upstream.pipe(client);
  });
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        port = (server.address() as AddressInfo).port;
        resolve();
      });
    });
  const stopListening = () => new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve()));
  const resetAll = () => {
    for (const socket of open) socket.resetAndDestroy();
    open.clear();
  };
  await listen();
  return {
    port,
    cut: async () => {
      const closed = stopListening();
      resetAll();
      await closed;
    },
    stall: () => {
      stalled = true;
    },
    get heldConnections() {
      return held.size;
    },
    get stalledConnections() {
      return stalledConnections;
    },
    restore: async () => {
      stalled = false;
      if (!server.listening) await listen();
    },
    close: async () => {
      const closed = stopListening();
      resetAll();
      await closed;
    },
  };
}
