import { englandAndWalesCalendar } from '../domain/calendar/holiday-calendar.js';
import { POLICIES } from '../domain/policy/registry.js';
import { loadConfig, type Config } from './config.js';
import { createTurnHandler } from './handlers/index.js';
import { createLogger, type Logger } from './log.js';
import { openDatabase, type Database } from './store/database.js';
import { databaseQuestionMemory } from './store/question-memory.js';
import { createAdapter } from './teams/adapter.js';
import { startServer } from './teams/server.js';
import { nearestRuleIndex } from './understanding/nearest-rules.js';

export interface StartedBot {
  readonly url: string;
  readonly config: Config;
  readonly database: Database;
  /** Stops taking requests, lets those in flight finish, then closes the database. */
  stop(): Promise<void>;
}

export interface StartOptions {
  /** The interface to listen on; every interface when absent, as a container needs. */
  readonly host?: string;
  readonly log?: Logger;
}

/**
 * The composition root: settings from `env`, the database (PGlite in DATA_DIR, or DATABASE_URL), the turn
 * handler over the five authorities' policies, and the HTTP server. Throws with every bad setting named.
 */
export async function startBot(env: Readonly<Record<string, string | undefined>>, options: StartOptions = {}): Promise<StartedBot> {
  const loaded = loadConfig(env);
  if (!loaded.ok) throw new Error(`CiN Assistant cannot start. Fix these settings:\n${loaded.error.message}`);
  const config = loaded.value;
  const log = options.log ?? createLogger(config.logLevel);
  const database = await openDatabase({
    ...(config.databaseUrl === undefined ? { dataDir: config.dataDir } : { databaseUrl: config.databaseUrl }),
  });
  const handler = createTurnHandler({
    policies: POLICIES,
    calendar: englandAndWalesCalendar(),
    memory: databaseQuestionMemory(database.db),
    nearestRules: nearestRuleIndex(POLICIES),
  });
  const server = await startServer(config, handler, {
    adapter: createAdapter(config, log),
    log,
    ...(options.host === undefined ? {} : { host: options.host }),
  });
  return {
    url: server.url,
    config,
    database,
    stop: async () => {
      await server.close();
      await database.close();
    },
  };
}
