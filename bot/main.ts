import { loadConfig } from './config.js';
import { createLogger } from './log.js';
import { startBot } from './start-bot.js';

const WITHOUT_AUTHENTICATION_WARNING = `
!!! CiN Assistant is running WITHOUT authentication, for local use only.
!!! MicrosoftAppId is not set, so Bot Framework tokens are not checked and anyone
!!! who can reach this port can talk to the bot. Never expose it to a network;
!!! with NODE_ENV=production it refuses to start like this.
`;

/** Long enough for a turn in flight to finish; short enough for the platform's own stop timeout. */
const GRACEFUL_STOP_MS = 10_000;

async function main(): Promise<void> {
  const loaded = loadConfig(process.env);
  if (!loaded.ok) {
    process.stderr.write(`CiN Assistant cannot start. Fix these settings:\n${loaded.error.message}\n`);
    process.exitCode = 1;
    return;
  }
  const config = loaded.value;
  if (config.authentication === 'disabled-local') process.stderr.write(WITHOUT_AUTHENTICATION_WARNING);

  const log = createLogger(config.logLevel);
  const bot = await startBot(process.env, { log });
  log.info('listening', {
    url: bot.url,
    authentication: config.authentication,
    database: bot.database.engine === 'pglite' ? `embedded (PGlite) in ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)',
  });

  const stop = (signal: NodeJS.Signals) => {
    log.info('stopping', { signal });
    setTimeout(() => {
      log.error('stop-timed-out', { afterMs: GRACEFUL_STOP_MS });
      process.exit(1);
    }, GRACEFUL_STOP_MS).unref();
    bot.stop().then(
      () => log.info('stopped'),
      (error: unknown) => {
        log.error('stop-failed', { errorName: error instanceof Error ? error.name : typeof error });
        process.exitCode = 1;
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

await main();
