import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { loadConfig } from '../../bot/config.js';
import { createLogger } from '../../bot/log.js';
import { runReminderTick } from '../../bot/reminders/deliver-reminders.js';
import { instantOf } from '../../bot/reminders/london-time.js';
import { sendPace } from '../../bot/reminders/send-pace.js';
import { botContextOn, startBot, type StartedBot } from '../../bot/start-bot.js';
import { createAdapter } from '../../bot/teams/adapter.js';
import { createMessenger } from '../../bot/teams/messenger.js';
import { addWorkingDays } from '../../domain/calendar/add-working-days.js';
import { englandAndWalesCalendar } from '../../domain/calendar/holiday-calendar.js';
import type { LocalDate } from '../../domain/dates/local-date.js';
import type { LocalTime } from '../../domain/reminders/working-hours.js';

/** What the soak's Connector stand-in saw: every message the bot sent, and how many were apologies for a failed turn. */
export interface ConnectorCounts {
  messages: number;
  apologies: number;
}

export interface MemorySample {
  readonly atSeconds: number;
  readonly rssMb: number;
  readonly heapUsedMb: number;
}

export interface SoakTarget {
  readonly botUrl: string;
  readonly serviceUrl: string;
  readonly counts: ConnectorCounts;
  /** One reminder pass on the next working day of the soak's calendar, 09:00 London: enqueue and send, paced. */
  reminderTick(): Promise<{ readonly sent: number; readonly failed: number }>;
  /** Heap and resident memory after a full garbage collection. */
  memoryAfterGc(): MemorySample;
  stop(): Promise<void>;
}

const startedAt = performance.now();
let collectGarbage: (() => void) | undefined;

/** A full collection on demand, without starting Node with --expose-gc. */
function gc(): void {
  if (!collectGarbage) {
    setFlagsFromString('--expose-gc');
    collectGarbage = runInNewContext('gc') as () => void;
  }
  collectGarbage();
}

/**
 * The bot as `npm start` runs it (startBot: embedded database in `dataDir`, no authentication, its own scheduler
 * off so the soak chooses when reminders go), a loopback stand-in for the Bot Connector that keeps nothing but
 * counts, and the reminder pass run on a working day of the soak's choosing.
 */
export async function startSoakTarget(dataDir: string, firstDay: LocalDate): Promise<SoakTarget> {
  const counts: ConnectorCounts = { messages: 0, apologies: 0 };
  let activityIds = 0;
  const connector = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const text = (JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { text?: unknown }).text;
      counts.messages += 1;
      if (typeof text === 'string' && text.startsWith('Sorry, ')) counts.apologies += 1;
      // Not chained: restify, loaded in the same process, replaces writeHead with one returning nothing.
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ id: `soak-${(activityIds += 1)}` }));
    });
  });
  await new Promise<void>((resolve) => connector.listen(0, '127.0.0.1', resolve));
  const serviceUrl = `http://127.0.0.1:${(connector.address() as AddressInfo).port}/`;
  const env = { PORT: '0', DATA_DIR: dataDir, MicrosoftAppId: '', LOG_LEVEL: 'error', NODE_ENV: 'development', REMINDER_INTERVAL_SECONDS: '0', BOT_ADMINS: SOAK_ADMIN };
  const bot: StartedBot = await startBot(env, { host: '127.0.0.1' });
  const loaded = loadConfig(env);
  if (!loaded.ok) throw new Error(loaded.error.message);
  const log = createLogger('error');
  const context = botContextOn(bot.database.db, loaded.value);
  const messenger = createMessenger(createAdapter(loaded.value, log), { appId: '' });
  const pace = sendPace(loaded.value.reminderSendsPerSecond);
  const calendar = englandAndWalesCalendar();
  let day = firstDay;
  return {
    botUrl: bot.url,
    serviceUrl,
    counts,
    reminderTick: async () => {
      day = addWorkingDays(day, 1, calendar).date;
      const outcome = await runReminderTick({ ...context, messenger, log, pace, now: instantOf({ date: day, time: '09:00' as LocalTime }) });
      return { sent: outcome.sent, failed: outcome.failed };
    },
    memoryAfterGc: () => {
      gc();
      const { rss, heapUsed } = process.memoryUsage();
      return { atSeconds: (performance.now() - startedAt) / 1000, rssMb: rss / 2 ** 20, heapUsedMb: heapUsed / 2 ** 20 };
    },
    stop: async () => {
      await bot.stop();
      connector.closeAllConnections();
      await new Promise((resolve) => connector.close(resolve));
    },
  };
}

/** The admin of the soak's tenant (BOT_ADMINS), who gives the workers their roles. */
export const SOAK_ADMIN = '00000000-0000-4000-8000-00000000ad01';
