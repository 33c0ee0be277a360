import { englandAndWalesCalendar } from '../domain/calendar/holiday-calendar.js';
import { londonDateOf, type LocalDate } from '../domain/dates/local-date.js';
import { POLICIES } from '../domain/policy/registry.js';
import { loadConfig, type Config } from './config.js';
import type { Messenger } from './ports.js';
import { exportCensus } from './cases/export-census.js';
import { caseCalendarLink, censusLink, planLink, serveDownload, timelinessLink } from './downloads/serve-download.js';
import { serveTimelinessDownload } from './timeliness/timeliness-download.js';
import type { BotContext } from './handlers/context.js';
import { createTurnHandler } from './turn-handler.js';
import { createLogger, type Logger } from './log.js';
import { holdDataFolder } from './store/data-folder-lock.js';
import { databaseAnswers, openDatabaseWhenReachable, type Database, type Db } from './store/database.js';
import { ApprovalNoticeStore } from './store/approval-notices.js';
import { ApprovalStore } from './store/approvals.js';
import { AuditStore } from './store/audit.js';
import { CensusStore } from './store/census.js';
import { TeamChannelStore } from './store/team-channels.js';
import { CaseStore } from './store/cases.js';
import { PlanStore } from './store/plans.js';
import { printablePlan } from './plans/plan-page.js';
import { pdfPrinterAt } from './plans/print-pdf.js';
import { ConversationStore } from './store/conversation-references.js';
import { databaseQuestionMemory } from './store/question-memory.js';
import { cachedQuestionMemory } from './store/cached-question-memory.js';
import { NO_STORE_CHANGES, type StoreChanges } from './store/store-changes.js';
import { applyRetention } from './store/retention.js';
import { answerDeadlinesRequest } from './tab/deadlines-endpoint.js';
import { tabAsset } from './tab/tab-asset.js';
import { answerTeamCasesRequest, answerTeamTimelinessRequest } from './tab/team-timeliness-endpoint.js';
import { TimelinessStore } from './store/timeliness.js';
import { repeatOnSchedule } from './repeat-on-schedule.js';
import { RoleStore } from './store/roles.js';
import { ReminderOutboxStore } from './store/reminder-outbox.js';
import { TransferChecklistStore } from './store/transfer-checklist.js';
import { runReminderTick } from './reminders/deliver-reminders.js';
import { deliverApprovalNotices } from './closures/deliver-approval-notices.js';
import { sendPace } from './reminders/send-pace.js';
import { createAdapter } from './teams/adapter.js';
import { createMessenger } from './teams/messenger.js';
import { startServer } from './teams/server.js';
import { nearestRuleIndex } from './understanding/nearest-rules.js';

/**
 * What the handlers need: every authority's policy, the calendar, and the stores on the database. In local use
 * with no BOT_ADMINS, everyone is an admin, so the bot can be tried without a tenant. With the database's
 * `changes`, the stores keep what a question turn reads in memory; without, they read it every time.
 */
export function botContextOn(db: Db, config: Config, messenger?: Messenger, options: { readonly log?: Logger; readonly changes?: StoreChanges } = {}): BotContext {
  const log = options.log ?? createLogger(config.logLevel);
  const changes = options.changes ?? NO_STORE_CHANGES;
  const calendar = englandAndWalesCalendar();
  const printsPdf = config.chromiumPath !== undefined && pdfPrinterAt(config.chromiumPath) !== undefined;
  const admins = config.botAdmins.length === 0 && config.authentication === 'disabled-local' ? 'everyone' : config.botAdmins;
  const cases = new CaseStore(db, POLICIES, calendar);
  return {
    policies: POLICIES,
    calendar,
    memory: cachedQuestionMemory(databaseQuestionMemory(db), changes),
    nearestRules: nearestRuleIndex(POLICIES),
    cases,
    plans: new PlanStore(db),
    printsPdf,
    tabUrl: config.tabUrl,
    roles: new RoleStore(db, admins),
    conversations: new ConversationStore(db, changes),
    outbox: new ReminderOutboxStore(db),
    transferChecklist: new TransferChecklistStore(db),
    approvals: new ApprovalStore(db, cases),
    approvalNotices: new ApprovalNoticeStore(db),
    teamChannels: new TeamChannelStore(db),
    timeliness: new TimelinessStore(db, POLICIES),
    audit: new AuditStore(db),
    ...(messenger ? { messenger } : {}),
    log,
    // The server's clock, not the message's: the link is checked against the same clock when it is opened.
    downloadLink: (download) =>
      download.kind === 'case-calendar'
        ? caseCalendarLink(config, download, new Date())
        : download.kind === 'plan'
          ? planLink(config, download, new Date())
          : download.kind === 'census'
            ? censusLink(config, download, new Date())
            : timelinessLink(config, download, new Date()),
  };
}

/** How often a bot that started without its database tries to reach it again. */
const DATABASE_RETRY_MS = 2_000;

/** Retention counts whole days, so once a day finds everything due. */
const RETENTION_EVERY_MS = 24 * 60 * 60 * 1000;

export interface StartedBot {
  readonly url: string;
  readonly config: Config;
  readonly database: Database;
  /** Stops taking requests, lets those in flight finish, then closes the database. */
  stop(): Promise<void>;
}

export interface StartOptions {
  /** The interface to listen on; LISTEN_HOST's choice when absent (loopback without authentication). */
  readonly host?: string;
  readonly log?: Logger;
  /** Keep every table in this schema of DATABASE_URL's database (benchmarks); the server's default when absent. */
  readonly schema?: string;
}

/**
 * The composition root: settings from `env`, the database (PGlite in DATA_DIR, or DATABASE_URL), the turn
 * handler over the five authorities' policies, and the HTTP server. Throws with every bad setting named. A
 * PostgreSQL server that cannot be reached yet does not stop it: /readyz says 503 until the database is there.
 */
export async function startBot(env: Readonly<Record<string, string | undefined>>, options: StartOptions = {}): Promise<StartedBot> {
  const loaded = loadConfig(env);
  if (!loaded.ok) throw new Error(`CiN Assistant cannot start. Fix these settings:\n${loaded.error.message}`);
  const config = loaded.value;
  const log = options.log ?? createLogger(config.logLevel);
  const lock = config.databaseUrl === undefined ? holdDataFolder(config.dataDir) : undefined;
  if (lock && !lock.ok) {
    throw new Error(`The embedded database in ${lock.error.dataDir} is in use by another process (pid ${lock.error.pid}). Stop it, or give each a DATA_DIR of its own, or use DATABASE_URL.`);
  }
  const database = await openDatabaseWhenReachable(
    config.databaseUrl === undefined
      ? { dataDir: config.dataDir }
      : { databaseUrl: config.databaseUrl, ...(options.schema === undefined ? {} : { schema: options.schema }) },
    { retryEveryMs: DATABASE_RETRY_MS, log },
  );
  const adapter = createAdapter(config, log);
  const messenger = createMessenger(adapter, { appId: config.authentication === 'enabled' ? config.microsoftApp.id : '', log });
  const context = botContextOn(database.db, config, messenger, { log, changes: database.changes });
  const census = new CensusStore(database.db);
  const printPdf = config.chromiumPath === undefined ? undefined : pdfPrinterAt(config.chromiumPath);
  const host = options.host ?? config.listenHost;
  const server = await startServer(config, createTurnHandler(context, { oneLocalTenant: config.authentication === 'disabled-local' }), {
    adapter,
    ready: async () => database.reached() && (await databaseAnswers(database.db)),
    log,
    ...(host === undefined ? {} : { host }),
    downloads: (token, now) =>
      serveDownload(token, now, {
        secret: config.linkSigningSecret,
        cases: context.cases,
        roles: context.roles,
        census: (tenantId, from, to) => exportCensus(census, tenantId, from as LocalDate, to as LocalDate),
        planPage: (record, version) => printablePlan(record, version, context.plans, context.policies),
        ...(printPdf ? { printPdf } : {}),
        timeliness: (download, now) => serveTimelinessDownload(download, now, context),
      }),
    tab: {
      asset: (name) => tabAsset(name, config.tabDevUser === undefined ? {} : { devUserId: config.tabDevUser.userId }),
      deadlines: (request, now) => answerDeadlinesRequest(request, now, { ...context, config, log }),
      teamTimeliness: (request, now) => answerTeamTimelinessRequest(request, now, { ...context, config, log }),
      teamCases: (request, now) => answerTeamCasesRequest(request, now, { ...context, config, log }),
    },
  });
  const retentionDays = config.retentionDaysAfterClosure;
  const retention =
    retentionDays === undefined
      ? undefined
      : repeatOnSchedule({
          name: 'retention',
          everyMs: RETENTION_EVERY_MS,
          log,
          run: async () => {
            const now = new Date();
            return { deleted: (await applyRetention(database.db, { retentionDaysAfterClosure: retentionDays, today: londonDateOf(now), at: now })).length };
          },
        });
  const pace = sendPace(config.reminderSendsPerSecond);
  const reminders =
    config.reminderIntervalSeconds === 0
      ? undefined
      : repeatOnSchedule({
          name: 'reminder-tick',
          everyMs: config.reminderIntervalSeconds * 1000,
          startNow: false,
          log,
          run: async () => {
            const outcome = await runReminderTick({ ...context, messenger, log, pace, now: new Date() });
            // Closure cards and decisions Teams did not take at once are retried here.
            const notices = await deliverApprovalNotices({ ...context, messenger, now: new Date() });
            return { ...outcome, approvalNoticesSent: notices.sent, approvalNoticesRetrying: notices.retrying, approvalNoticesFailed: notices.failed };
          },
        });
  return {
    url: server.url,
    config,
    database,
    stop: async () => {
      reminders?.stop();
      retention?.stop();
      await server.close();
      await database.close();
      if (lock?.ok) lock.value.release();
    },
  };
}
