import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import nock from 'nock';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { runReminderTick, type ReminderTickOptions } from '../../bot/reminders/deliver-reminders.js';
import { CaseStore, type CaseRecord } from '../../bot/store/cases.js';
import { ConversationStore } from '../../bot/store/conversation-references.js';
import { dropSchema, openDatabase, type Database } from '../../bot/store/database.js';
import { PlanStore } from '../../bot/store/plans.js';
import type { LocalDate } from '../../domain/dates/local-date.js';
import type { Plan } from '../../domain/plans/plan.js';
import { POLICIES } from '../../domain/policy/registry.js';
import { DATABASE_ENGINES } from '../helpers/databases.js';
import { schedulerMessenger, schedulerOn } from '../helpers/reminder-tick.js';
import { calendar } from '../helpers/policy.js';
import { CONNECTOR } from '../bot/teams/bot-framework-double.js';

// A crash, or a pause long enough to look like one, in the middle of a reminder send or a case write: nothing is
// lost and nothing happens twice.
const TENANT = 'tenant-a';
const SAM = 'sam-object-id';
const on = (date: string) => date as LocalDate;
// Plan decided Monday 9 March 2026 on a Redbridge case: the initial meeting is due Monday 30 March, so its
// five-working-days-before reminder goes on Monday 23 March.
const MONDAY_23_MARCH_9AM = new Date('2026-03-23T09:00:00Z');
const LEASE_MS = 2 * 60 * 1000;
const serverUrl = process.env.TEST_DATABASE_URL;

async function openCaseWithReminderDue(database: Database): Promise<{ cases: CaseStore; record: CaseRecord }> {
  const cases = new CaseStore(database.db, POLICIES, calendar);
  const at = new Date('2026-03-09T09:00:00Z');
  const opened = await cases.openCase(
    { tenantId: TENANT, reference: 'AB12', initials: 'A.B.', authorityId: 'redbridge', team: 'North', workerId: SAM, pathways: [], openedOn: on('2026-03-01') },
    { tenantId: TENANT, userId: SAM },
    at,
  );
  if (!opened.ok) throw new Error('case not opened');
  await cases.recordEvent(opened.value, { kind: 'plan-decision', on: on('2026-03-09') }, { tenantId: TENANT, userId: SAM }, on('2026-03-09'), at);
  return { cases, record: opened.value };
}

describe.each(DATABASE_ENGINES)('a reminder send interrupted, on $name', ({ open }) => {
  let database: Database;
  let options: Omit<ReminderTickOptions, 'now' | 'messenger'>;
  beforeAll(() => nock.disableNetConnect());
  afterAll(() => nock.enableNetConnect());
  beforeEach(async () => {
    database = await open();
    const { cases } = await openCaseWithReminderDue(database);
    options = schedulerOn(database.db, { cases });
  });
  afterEach(async () => {
    nock.cleanAll();
    await database.close();
  });

  it('is sent once by the instance that took it over when the first was too slow to keep its lease', async () => {
    // Sam has never written to the bot, so each instance first asks Teams for a chat. The first instance's answer
    // takes a while; meanwhile its lease runs out and a second instance claims the reminder and sends it.
    let firstAsked!: () => void;
    const firstAsking = new Promise<void>((resolve) => (firstAsked = resolve));
    let releaseFirst!: () => void;
    const firstReleased = new Promise<void>((resolve) => (releaseFirst = resolve));
    nock(CONNECTOR)
      .post('/teams/v3/conversations', () => (firstAsked(), true))
      .reply(200, async () => (await firstReleased, { id: 'a:sams-chat' }));
    nock(CONNECTOR).post('/teams/v3/conversations').reply(200, { id: 'a:sams-chat' });
    const posted: unknown[] = [];
    nock(CONNECTOR)
      .post(/^\/teams\/v3\/conversations\/a%3Asams-chat\/activities/, (body: unknown) => (posted.push(body), true))
      .times(2)
      .reply(200, { id: 'reminder-activity' });

    const slow = runReminderTick({ ...options, messenger: schedulerMessenger(), now: MONDAY_23_MARCH_9AM });
    await firstAsking;
    const takeover = await runReminderTick({ ...options, messenger: schedulerMessenger(), now: new Date(MONDAY_23_MARCH_9AM.getTime() + LEASE_MS + 60_000) });
    releaseFirst();
    const late = await slow;

    expect([takeover.sent, late.sent]).toEqual([1, 0]);
    expect(posted).toHaveLength(1);
    expect(await database.db.selectFrom('reminder_outbox').select(['status', 'attempts']).execute()).toEqual([{ status: 'sent', attempts: 2 }]);
    expect(await database.db.selectFrom('reminder_attempts').select('outcome').where('outcome', '=', 'sent').execute()).toHaveLength(1);
  });
});

/**
 * Starts `write` while `locker` holds the rows `hold` locks, waits until the write is blocked on them, then ends
 * the writer's connection there, as a crash of the bot or the network would. Says whether the write committed.
 */
async function cutWhileHolding(locker: pg.Client, hold: string, values: readonly unknown[], write: () => Promise<unknown>): Promise<'committed' | 'failed'> {
  await locker.query('BEGIN');
  const { rows: [lockerPid] } = await locker.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
  await locker.query(hold, [...values]);
  const outcome = write().then((): 'committed' => 'committed', (): 'failed' => 'failed');
  // Real time: the write is blocked inside the PostgreSQL server, which says so in pg_stat_activity when it is.
  const blocked = await vi.waitFor(
    async () => {
      const { rows } = await locker.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))', [lockerPid?.pid]);
      const pid = rows[0]?.pid;
      expect(pid).toBeDefined();
      return pid;
    },
    { timeout: 10_000, interval: 50 },
  );
  await locker.query('SELECT pg_terminate_backend($1)', [blocked]);
  await locker.query('ROLLBACK');
  return outcome;
}

describe.runIf(serverUrl)('a crash on PostgreSQL', () => {
  const schema = `faults_${randomUUID().replace(/-/g, '')}`;
  let database: Database;
  let cases: CaseStore;
  let record: CaseRecord;
  let locker: pg.Client;
  beforeAll(async () => {
    database = await openDatabase({ databaseUrl: serverUrl ?? '', schema });
    ({ cases, record } = await openCaseWithReminderDue(database));
    locker = new pg.Client({ connectionString: serverUrl, options: `-c search_path=${schema}` });
    await locker.connect();
  });
  afterAll(async () => {
    await locker?.end();
    await database?.close();
    await dropSchema(serverUrl ?? '', schema);
  });

  it('in the middle of recording an event leaves the case as it was: no event, no audit row, the same obligations', async () => {
    const state = async () => ({
      events: (await database.db.selectFrom('case_events').select(['kind', 'happened_on']).orderBy('id').execute()),
      audit: (await database.db.selectFrom('audit_log').select('action').orderBy('id').execute()).map((row) => row.action),
      obligations: await database.db.selectFrom('obligations').select(['rule_id', 'due_on', 'done_on']).orderBy('rule_id').execute(),
    });
    const before = await state();
    // Hold the case's obligations, so the write stops after its event and audit row are in, while it re-computes;
    // then end its connection there, as a crash of the bot or the network would.
    const outcome = await cutWhileHolding(locker, 'SELECT 1 FROM obligations WHERE case_id = $1 FOR UPDATE', [record.id], () =>
      cases.recordEvent(record, { kind: 'visit-made', on: on('2026-03-10') }, { tenantId: TENANT, userId: SAM }, on('2026-03-10'), new Date('2026-03-10T12:00:00Z')),
    );
    expect(outcome).toBe('failed');
    expect(await state()).toEqual(before);

    // The same write once the database answers again: the new state, whole.
    expect((await cases.recordEvent(record, { kind: 'visit-made', on: on('2026-03-10') }, { tenantId: TENANT, userId: SAM }, on('2026-03-10'), new Date('2026-03-10T12:01:00Z'))).ok).toBe(true);
    const after = await state();
    expect(after.events).toEqual([...before.events, { kind: 'visit-made', happened_on: '2026-03-10' }]);
    expect(after.audit).toEqual([...before.audit, 'event.recorded']);
  });

  it('in the middle of agreeing a plan keeps the draft as saved: no agreed version, no audit row; agreeing again makes one', async () => {
    const plans = new PlanStore(database.db);
    const plan: Plan = {
      sections: { 'child-voice': 'Wants to stay at her school.' },
      actions: [{ action: 'Parenting course', owner: 'Family support worker', dueOn: '2026-04-24', outcome: 'Routines at home' }],
      reviewOn: '2026-05-08',
    };
    const actor = { tenantId: TENANT, userId: SAM };
    const agreement = { meeting: 'initial-meeting' as const, heldOn: on('2026-03-27') };
    await plans.saveDraft(record, plan, actor, new Date('2026-03-27T10:00:00Z'));
    const state = async () => ({
      versions: await database.db.selectFrom('plan_versions').select(['version', 'status']).where('case_id', '=', record.id).orderBy('version').execute(),
      agreedAudit: (await database.db.selectFrom('audit_log').select('action').where('action', '=', 'plan.agreed').execute()).length,
      draft: await plans.draftOf(record),
    });
    const before = await state();
    expect(before.versions).toEqual([{ version: 1, status: 'draft' }]);
    // Hold the draft's row, so agreeing stops on it inside its transaction; then end its connection there.
    const outcome = await cutWhileHolding(locker, 'SELECT 1 FROM plan_versions WHERE case_id = $1 FOR UPDATE', [record.id], () =>
      plans.agree(record, plan, agreement, actor, new Date('2026-03-27T11:00:00Z')),
    );
    expect(outcome).toBe('failed');
    expect(await state()).toEqual(before);

    expect(await plans.agree(record, plan, agreement, actor, new Date('2026-03-27T11:01:00Z'))).toBe(1);
    const after = await state();
    expect(after.versions).toEqual([{ version: 1, status: 'agreed' }]);
    expect(after.agreedAudit).toBe(1);
    expect(after.draft).toBeUndefined();
    expect((await plans.currentOf(record))?.plan).toEqual(plan);
  });

  it('of the reminder process mid-send: the reminder is sent once, by the next tick after the lease runs out', async () => {
    // A Connector that takes the first message and never answers (the process dies before it could), then answers.
    const accepted: string[] = [];
    let hung: ServerResponse | undefined;
    let firstArrived!: () => void;
    const arrived = new Promise<void>((resolve) => (firstArrived = resolve));
    const connector = createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        if (!hung) {
          hung = response;
          firstArrived();
          return;
        }
        accepted.push(request.url ?? '');
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ id: `activity-${accepted.length}` }));
      });
    });
    await new Promise<void>((resolve) => connector.listen(0, '127.0.0.1', resolve));
    const serviceUrl = `http://127.0.0.1:${(connector.address() as AddressInfo).port}/`;
    const conversations = new ConversationStore(database.db);
    await conversations.remember(
      { tenantId: TENANT, conversationId: 'a:sams-chat', kind: 'personal', userId: SAM, address: { channelId: 'msteams', serviceUrl, conversation: { id: 'a:sams-chat', conversationType: 'personal', tenantId: TENANT }, bot: { id: '28:bot' } } },
      new Date('2026-03-09T09:00:00Z'),
    );
    try {
      const databaseUrl = new URL(serverUrl ?? '');
      databaseUrl.searchParams.set('options', `-c search_path=${schema}`);
      const tick = spawn(process.execPath, ['--import', 'tsx', 'scripts/reminders-tick.ts', '--now', MONDAY_23_MARCH_9AM.toISOString()], {
        cwd: fileURLToPath(new URL('../../', import.meta.url)),
        env: { ...process.env, DATABASE_URL: databaseUrl.toString(), LOG_LEVEL: 'silent', NODE_ENV: 'test', MicrosoftAppId: '' },
        stdio: 'ignore',
      });
      const exited = new Promise<NodeJS.Signals | null>((resolve) => tick.on('exit', (_code, signal) => resolve(signal)));
      await arrived;
      tick.kill('SIGKILL');
      expect(await exited).toBe('SIGKILL');

      const options = schedulerOn(database.db, { cases, conversations });
      expect(await runReminderTick({ ...options, now: new Date(MONDAY_23_MARCH_9AM.getTime() + 60_000) })).toMatchObject({ sent: 0 });
      expect(await runReminderTick({ ...options, now: new Date(MONDAY_23_MARCH_9AM.getTime() + LEASE_MS + 60_000) })).toMatchObject({ sent: 1 });
      expect(await runReminderTick({ ...options, now: new Date(MONDAY_23_MARCH_9AM.getTime() + 2 * LEASE_MS + 120_000) })).toMatchObject({ sent: 0 });
      expect(accepted).toHaveLength(1);
      expect(accepted[0]).toMatch(/^\/v3\/conversations\/a%3Asams-chat\/activities/);
      expect(await database.db.selectFrom('reminder_outbox').select('status').execute()).toEqual([{ status: 'sent' }]);
    } finally {
      hung?.destroy();
      connector.closeAllConnections();
      await new Promise((resolve) => connector.close(resolve));
    }
  }, 60_000);
});
