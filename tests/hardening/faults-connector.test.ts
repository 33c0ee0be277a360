import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runReminderTick, type ReminderTickOptions } from '../../bot/reminders/deliver-reminders.js';
import { CaseStore } from '../../bot/store/cases.js';
import { ConversationStore } from '../../bot/store/conversation-references.js';
import type { Database } from '../../bot/store/database.js';
import type { LocalDate } from '../../domain/dates/local-date.js';
import { POLICIES } from '../../domain/policy/registry.js';
import { DATABASE_ENGINES } from '../helpers/databases.js';
import { FAST_TIMERS_ENV, withFastTimers } from '../helpers/fast-timers.js';
import { schedulerMessenger, schedulerOn } from '../helpers/reminder-tick.js';
import { calendar } from '../helpers/policy.js';
import { CONNECTOR, SERVICE_URL } from '../bot/teams/bot-framework-double.js';

// The Bot Connector in a storm of 5xx or 429 answers while reminders are due: each tick asks it a bounded number
// of times, every reminder waits in the outbox, and once the storm passes each is delivered exactly once.
const TENANT = 'tenant-a';
const WORKERS = ['worker-1', 'worker-2', 'worker-3'];
const on = (date: string) => date as LocalDate;
// Plans decided Monday 9 March 2026: the initial meetings are due Monday 30 March, reminded Monday 23 March.
const MONDAY_23_MARCH_9AM = new Date('2026-03-23T09:00:00Z');
/** botbuilder's Connector client tries a request once and retries it at most three times. */
const MOST_REQUESTS_PER_MESSAGE = 4;
const MOST_ATTEMPTS = 8;

beforeAll(() => nock.disableNetConnect());
afterAll(() => nock.enableNetConnect());

/** The Connector answering every post of an activity with `answer`; returns the chats it accepted messages for. */
function connectorAnswering(status: number, headers: Record<string, string> = {}) {
  const requests: string[] = [];
  nock(CONNECTOR)
    .persist()
    .post(/^\/uk\/v3\/conversations\/[^/]+\/activities/, () => true)
    .reply(function reply(uri) {
      requests.push(decodeURIComponent(uri.split('/')[4] ?? ''));
      return status === 200 ? [200, { id: `activity-${requests.length}` }] : [status, { error: { code: 'ServiceError' } }, headers];
    });
  return requests;
}

describe.each(DATABASE_ENGINES)('reminders through a Bot Connector storm on $name', ({ open }) => {
  let database: Database;
  let options: Omit<ReminderTickOptions, 'now'>;
  // The waits of botbuilder's client between its retries in the storm pass twenty times faster than real time.
  const tick = (now: Date) => withFastTimers(() => runReminderTick({ ...options, now }));
  const outbox = () => database.db.selectFrom('reminder_outbox').select(['status', 'attempts', 'next_attempt_at']).orderBy('id').execute();

  beforeEach(async () => {
    database = await open();
    const cases = new CaseStore(database.db, POLICIES, calendar);
    const conversations = new ConversationStore(database.db);
    const at = new Date('2026-03-09T09:00:00Z');
    for (const [index, workerId] of WORKERS.entries()) {
      const opened = await cases.openCase(
        { tenantId: TENANT, reference: `AB${index + 10}`, initials: 'A.B.', authorityId: 'redbridge', team: 'North', workerId, pathways: [], openedOn: on('2026-03-01') },
        { tenantId: TENANT, userId: workerId },
        at,
      );
      if (!opened.ok) throw new Error('case not opened');
      await cases.recordEvent(opened.value, { kind: 'plan-decision', on: on('2026-03-09') }, { tenantId: TENANT, userId: workerId }, on('2026-03-09'), at);
      const conversationId = `a:chat-${workerId}`;
      await conversations.remember(
        { tenantId: TENANT, conversationId, kind: 'personal', userId: workerId, address: { channelId: 'msteams', serviceUrl: SERVICE_URL, conversation: { id: conversationId, conversationType: 'personal', tenantId: TENANT }, bot: { id: '28:bot' } } },
        at,
      );
    }
    options = schedulerOn(database.db, { cases, conversations, messenger: schedulerMessenger(FAST_TIMERS_ENV) });
  });
  afterEach(async () => {
    nock.cleanAll();
    await database.close();
  });

  it('keeps every reminder through two ticks of 503s, asking a bounded number of times, then delivers each once', async () => {
    const storm = connectorAnswering(503);
    expect(await tick(MONDAY_23_MARCH_9AM)).toMatchObject({ enqueued: 3, sent: 0, retrying: 3 });
    expect(storm.length).toBeLessThanOrEqual(WORKERS.length * MOST_REQUESTS_PER_MESSAGE);
    const [firstRetry] = await outbox();
    // Still in the storm when the backoff ends: the second tick fails alike and backs off further.
    const secondTickAt = new Date((firstRetry?.next_attempt_at ?? new Date()).getTime() + 60_000);
    expect(await tick(secondTickAt)).toMatchObject({ sent: 0, retrying: 3 });
    expect(storm.length).toBeLessThanOrEqual(2 * WORKERS.length * MOST_REQUESTS_PER_MESSAGE);
    expect((await outbox()).map((row) => [row.status, row.attempts])).toEqual(WORKERS.map(() => ['pending', 2]));
    nock.cleanAll();

    const calm = connectorAnswering(200);
    const latest = Math.max(...(await outbox()).map((row) => row.next_attempt_at?.getTime() ?? 0));
    expect(await tick(new Date(latest + 1000))).toMatchObject({ sent: 3 });
    expect(await tick(new Date(latest + 120_000))).toMatchObject({ sent: 0 });
    expect(calm.sort()).toEqual(WORKERS.map((workerId) => `a:chat-${workerId}`).sort());
    expect((await outbox()).map((row) => row.status)).toEqual(['sent', 'sent', 'sent']);
  }, 90_000);

  it('honours Retry-After through a storm of 429s and delivers each reminder once when it lifts', async () => {
    const storm = connectorAnswering(429, { 'retry-after': '1' });
    expect(await tick(MONDAY_23_MARCH_9AM)).toMatchObject({ sent: 0, retrying: 3 });
    expect(storm.length).toBeLessThanOrEqual(WORKERS.length * MOST_REQUESTS_PER_MESSAGE);
    // The outbox waits as long as Teams asked, not its own longer backoff.
    for (const row of await outbox()) expect(row.next_attempt_at?.getTime()).toBe(MONDAY_23_MARCH_9AM.getTime() + 1000);
    nock.cleanAll();
    const calm = connectorAnswering(200);
    expect(await tick(new Date(MONDAY_23_MARCH_9AM.getTime() + 2000))).toMatchObject({ sent: 3 });
    expect(calm).toHaveLength(3);
  }, 90_000);

  it('gives a reminder up after its eighth failed attempt, and counts it failed rather than retrying for ever', async () => {
    await tick(new Date('2026-03-23T07:00:00Z')); // 07:00 GMT: before working hours, nothing happens yet
    connectorAnswering(503);
    await tick(MONDAY_23_MARCH_9AM);
    // Seven attempts already made over the morning: the next failure is the last.
    await database.db.updateTable('reminder_outbox').set({ attempts: MOST_ATTEMPTS - 1, next_attempt_at: null }).execute();
    expect(await tick(new Date('2026-03-23T12:00:00Z'))).toMatchObject({ sent: 0, retrying: 0, failed: 3 });
    expect(await tick(new Date('2026-03-23T15:00:00Z'))).toMatchObject({ sent: 0, retrying: 0, failed: 0 });
    expect((await outbox()).map((row) => [row.status, row.attempts])).toEqual(WORKERS.map(() => ['failed', MOST_ATTEMPTS]));
  }, 90_000);
});
