import { parseArgs } from 'node:util';
import { loadConfig } from '../bot/config.js';
import { createLogger } from '../bot/log.js';
import { deliverApprovalNotices } from '../bot/closures/deliver-approval-notices.js';
import { runReminderTick } from '../bot/reminders/deliver-reminders.js';
import { sendPace } from '../bot/reminders/send-pace.js';
import { botContextOn } from '../bot/start-bot.js';
import { holdDataFolder } from '../bot/store/data-folder-lock.js';
import { openDatabase } from '../bot/store/database.js';
import { createAdapter } from '../bot/teams/adapter.js';
import { createMessenger } from '../bot/teams/messenger.js';

/**
 * `npm run reminders:tick [-- --now 2026-03-23T09:00:00Z]`: one pass of the reminder scheduler (and of the closure
 * cards and decisions still queued), for deployments
 * that run ticks from an external scheduler (REMINDER_INTERVAL_SECONDS=0) and for operations. Exit codes: 0 done,
 * 2 could not run (settings, or an embedded database a running bot holds).
 */
const { values } = parseArgs({ options: { now: { type: 'string' } } });
const now = values.now === undefined ? new Date() : new Date(values.now);
if (Number.isNaN(now.getTime())) {
  process.stderr.write(`--now must be an ISO date and time, e.g. 2026-03-23T09:00:00Z (got "${values.now ?? ''}")\n`);
  process.exit(2);
}
const loaded = loadConfig(process.env);
if (!loaded.ok) {
  process.stderr.write(`Fix these settings:\n${loaded.error.message}\n`);
  process.exit(2);
}
const config = loaded.value;
const lock = config.databaseUrl === undefined ? holdDataFolder(config.dataDir) : undefined;
if (lock && !lock.ok) {
  process.stderr.write(
    `The embedded database in ${lock.error.dataDir} is in use by a running bot (pid ${lock.error.pid}), and two processes must never open it at once.\n` +
      'The running bot sends reminders itself (REMINDER_INTERVAL_SECONDS); stop it first, or run ticks against PostgreSQL (DATABASE_URL).\n',
  );
  process.exit(2);
}
const log = createLogger(config.logLevel);
const database = await openDatabase(config.databaseUrl === undefined ? { dataDir: config.dataDir } : { databaseUrl: config.databaseUrl });
try {
  const context = botContextOn(database.db, config);
  const messenger = createMessenger(createAdapter(config, log), { appId: config.authentication === 'enabled' ? config.microsoftApp.id : '' });
  const outcome = await runReminderTick({ ...context, messenger, log, pace: sendPace(config.reminderSendsPerSecond), now });
  const notices = await deliverApprovalNotices({ ...context, messenger, now });
  process.stdout.write(`${JSON.stringify({ now: now.toISOString(), ...outcome, approvalNotices: notices })}\n`);
} finally {
  await database.close();
  if (lock?.ok) lock.value.release();
}
