import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { z } from 'zod';

/** The channel the tables' `announce_change` trigger notifies on (migration 0009). */
export const CHANGES_CHANNEL = 'cin_store_changes';

/** A row of a watched table inserted, updated or deleted and committed, by any instance. */
export interface StoreChange {
  readonly table: string;
  /** The row's key columns, in the order the trigger names them; none when the whole table was emptied. */
  readonly key: readonly string[];
}

/**
 * Every committed change to the tables the stores keep in memory, heard from the database (LISTEN/NOTIFY), so
 * each instance drops what another changed. `null` means "anything may have changed": the listening connection
 * was lost or is new, so nothing kept from before can be trusted.
 */
export interface StoreChanges {
  /** Whether every change committed from now on will be heard; nothing is served from memory while false. */
  listening(): boolean;
  /** Calls `listener` on each change heard (starting to listen if this is the first); returns how to stop. */
  subscribe(listener: (change: StoreChange | null) => void): () => void;
  close(): Promise<void>;
}

/** No feed: the stores keep nothing in memory (one-off scripts, and tests of the stores without a feed). */
export const NO_STORE_CHANGES: StoreChanges = {
  listening: () => false,
  subscribe: () => () => undefined,
  close: () => Promise.resolve(),
};

const NotificationSchema = z.object({ schema: z.string(), table: z.string(), key: z.array(z.string()) });

/** A notification's change, when it is about a table of `schema`; other schemas (tests, benchmarks) share the channel. */
function changeIn(payload: string | undefined, schema: string): StoreChange | undefined {
  if (payload === undefined) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(payload);
  } catch {
    return undefined;
  }
  const parsed = NotificationSchema.safeParse(json);
  if (!parsed.success || parsed.data.schema !== schema) return undefined;
  return { table: parsed.data.table, key: parsed.data.key };
}

/** Listens where it starts being asked to, and tells each listener everything it hears. */
function fanOut(start: (emit: (change: StoreChange | null) => void) => void, stop: () => Promise<void>, listening: () => boolean): StoreChanges {
  const listeners = new Set<(change: StoreChange | null) => void>();
  let started = false;
  const emit = (change: StoreChange | null) => {
    for (const listener of listeners) listener(change);
  };
  return {
    listening: () => started && listening(),
    subscribe(listener) {
      listeners.add(listener);
      if (!started) {
        started = true;
        start(emit);
      }
      return () => void listeners.delete(listener);
    },
    close: () => (started ? stop() : Promise.resolve()),
  };
}

/**
 * The embedded database has one instance, this process: its notifications arrive (as microtasks) before the
 * statement that caused them returns, so what is kept never lags what is stored.
 */
export function pgliteChanges(pglite: PGlite, schema: string): StoreChanges {
  let listening = false;
  let unlisten: (() => Promise<void>) | undefined;
  let starting: Promise<void> | undefined;
  return fanOut(
    (emit) => {
      starting = pglite
        .listen(CHANGES_CHANNEL, (payload) => {
          const change = changeIn(payload, schema);
          if (change) emit(change);
        })
        .then((stop) => {
          unlisten = stop;
          listening = true;
        });
    },
    async () => {
      listening = false;
      await starting?.catch(() => undefined);
      await unlisten?.();
    },
    () => listening,
  );
}

/** The listening connection's application_name: PostgreSQL keeps 63 characters of it. */
export function listenerName(schema: string | undefined): string {
  return `cin-assistant changes${schema === undefined ? '' : ` ${schema}`}`.slice(0, 63);
}

/** How long after losing the listening connection (a restart, a failover) it is opened again. */
const RECONNECT_AFTER_MS = 1_000;

/**
 * PostgreSQL: one connection of this instance's own LISTENs. When it is lost, nothing is served from memory until
 * a new one listens again, and then everything kept is dropped (a change made meanwhile was not heard).
 */
export function postgresChanges(databaseUrl: string, schema: string | undefined): StoreChanges {
  let client: pg.Client | undefined;
  let listening = false;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  const listen = (emit: (change: StoreChange | null) => void) => {
    const connection = new pg.Client({
      connectionString: databaseUrl,
      connectionTimeoutMillis: 5_000,
      // A connection cut without a word (a partition) is found by TCP keep-alive, and then listened for again.
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
      // Named, so an operator (or a test) can tell it from the pool's connections in pg_stat_activity.
      application_name: listenerName(schema),
      ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
    });
    let ownSchema: string | undefined;
    const lost = () => {
      if (client !== connection) return;
      client = undefined;
      listening = false;
      emit(null);
      if (!closed) retryLater(emit);
    };
    connection.on('error', () => void connection.end().catch(() => undefined));
    connection.on('end', lost);
    connection.on('notification', (message) => {
      const change = ownSchema === undefined ? undefined : changeIn(message.payload, ownSchema);
      if (change) emit(change);
    });
    client = connection;
    connection
      .connect()
      .then(() => connection.query<{ schema: string | null }>('SELECT current_schema() AS schema'))
      .then(async (result) => {
        ownSchema = result.rows[0]?.schema ?? undefined;
        // A schema not created yet (the bot started before its database was reached): try again later.
        if (ownSchema === undefined) throw new Error('The schema does not exist yet');
        await connection.query(`LISTEN ${CHANGES_CHANNEL}`);
        if (closed || client !== connection) return;
        listening = true;
        // Whatever was kept before this connection listened may have changed unheard.
        emit(null);
      })
      .catch(() => {
        void connection.end().catch(() => undefined);
        lost();
      });
  };
  const retryLater = (emit: (change: StoreChange | null) => void) => {
    retry = setTimeout(() => listen(emit), RECONNECT_AFTER_MS);
    retry.unref();
  };
  return fanOut(
    listen,
    async () => {
      closed = true;
      listening = false;
      clearTimeout(retry);
      const connection = client;
      client = undefined;
      await connection?.end().catch(() => undefined);
    },
    () => listening,
  );
}
