import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runReminderTick, type ReminderTickOptions } from '../../../bot/reminders/deliver-reminders.js';
import { CaseStore } from '../../../bot/store/cases.js';
import { ConversationStore } from '../../../bot/store/conversation-references.js';
import type { Database } from '../../../bot/store/database.js';
import type { LocalDate } from '../../../domain/dates/local-date.js';
import { POLICIES } from '../../../domain/policy/registry.js';
import { DATABASE_ENGINES } from '../../helpers/databases.js';
import { schedulerOn } from '../../helpers/reminder-tick.js';
import { calendar } from '../../helpers/policy.js';
import { CONNECTOR, SERVICE_URL } from '../teams/bot-framework-double.js';

// Issue 13, item 5: with more than 200 reminders due on one day, claims of 200 rows by id were grouped batch by
// batch, and 89 of 150 workers got two digests. 150 workers with two cases each (300 reminders, their rows
// interleaved) must get one digest each, holding both cases.
const TENANT = 'tenant-a';
const WORKERS = 150;
const on = (date: string) => date as LocalDate;
// Redbridge plans decided on Monday 9 March 2026: each initial meeting is due Monday 30 March, reminded on Monday 23 March.
const MONDAY_23_MARCH_9AM = new Date('2026-03-23T09:00:00Z');
const SEEDED_AT = new Date('2026-03-09T09:00:00Z');
const worker = (index: number) => `worker-${String(index).padStart(3, '0')}`;

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe.each(DATABASE_ENGINES)('a busy day of reminders on $name', ({ open }) => {
  let database: Database;
  let options: ReminderTickOptions;

  beforeEach(async () => {
    database = await open();
    options = await seeded(database, WORKERS, ['A', 'B']);
  }, 120_000);
  afterEach(() => database.close());

  it('sends each of 150 workers one digest holding both their cases, for 300 reminders due the same day', async () => {
    const digests = new Map<string, string[]>();
    let activity = 0;
    nock(CONNECTOR)
      .persist()
      .post(/^\/uk\/v3\/conversations\/[^/]+\/activities/, (body: { conversation?: { id?: string }; text?: string }) => {
        const chat = body.conversation?.id ?? '';
        digests.set(chat, [...(digests.get(chat) ?? []), body.text ?? '']);
        return true;
      })
      .reply(200, () => ({ id: `activity-${activity++}` }));

    expect(await runReminderTick(options)).toMatchObject({ enqueued: 2 * WORKERS, sent: 2 * WORKERS, failed: 0 });

    expect(digests.size).toBe(WORKERS);
    for (let index = 0; index < WORKERS; index += 1) {
      const texts = digests.get(`a:chat-${worker(index)}`) ?? [];
      expect(texts).toHaveLength(1);
      expect(texts[0]).toContain(`A${index}: Convene the initial CiN meeting`);
      expect(texts[0]).toContain(`B${index}: Convene the initial CiN meeting`);
    }
    const attempts = await database.db.selectFrom('reminder_attempts').select('outcome').execute();
    expect(attempts.filter((row) => row.outcome === 'sent')).toHaveLength(2 * WORKERS);
  });
});

// Issue 13, item 9: a kill -9 between Teams taking a digest and the rows being marked sent repeats that digest at
// the next pass. The window is what runs between the Connector's answer and the mark: one statement for the whole
// digest, not an update and an insert for each reminder in it.
describe.each(DATABASE_ENGINES)('marking a digest sent on $name', ({ open }) => {
  let database: Database;
  let options: ReminderTickOptions;
  let statements = 0;
  beforeEach(async () => {
    database = await open();
    const counting = database.db.withPlugin({
      transformQuery: ({ node }) => ((statements += 1), node),
      transformResult: async ({ result }) => result,
    });
    options = await seeded({ ...database, db: counting }, 1, ['A', 'B', 'C']);
  });
  afterEach(() => database.close());

  it('takes one statement after the Connector answers, however many reminders the digest holds', async () => {
    let statementsWhenAnswered: number | undefined;
    nock(CONNECTOR)
      .post(/^\/uk\/v3\/conversations\/[^/]+\/activities/)
      .reply(200, () => ((statementsWhenAnswered = statements), { id: 'activity-1' }));

    expect(await runReminderTick(options)).toMatchObject({ sent: 3 });

    expect(statements - (statementsWhenAnswered ?? Number.NaN)).toBe(1);
    const rows = await database.db.selectFrom('reminder_outbox').select(['status', 'activity_id']).execute();
    expect(rows).toEqual([0, 1, 2].map(() => ({ status: 'sent', activity_id: 'activity-1' })));
    expect(await database.db.selectFrom('reminder_attempts').select(['outcome', 'status_code']).execute()).toEqual([0, 1, 2].map(() => ({ outcome: 'sent', status_code: 200 })));
  });
});

/** `workers` people, each with one Redbridge case per round (plan decided 9 March) and a personal chat. */
async function seeded(database: Database, workers: number, rounds: readonly string[]): Promise<ReminderTickOptions> {
  const cases = new CaseStore(database.db, POLICIES, calendar);
  const conversations = new ConversationStore(database.db);
  for (const round of rounds) {
    for (let index = 0; index < workers; index += 1) {
      const actor = { tenantId: TENANT, userId: worker(index) };
      const opened = await cases.openCase(
        { tenantId: TENANT, reference: `${round}${index}`, initials: 'X.Y.', authorityId: 'redbridge', team: 'North', workerId: worker(index), pathways: [], openedOn: on('2026-03-01') },
        actor,
        SEEDED_AT,
      );
      if (!opened.ok) throw new Error('case not opened');
      await cases.recordEvent(opened.value, { kind: 'plan-decision', on: on('2026-03-09') }, actor, on('2026-03-09'), SEEDED_AT);
    }
  }
  for (let index = 0; index < workers; index += 1) {
    await conversations.remember(
      {
        tenantId: TENANT,
        conversationId: `a:chat-${worker(index)}`,
        kind: 'personal',
        userId: worker(index),
        address: { channelId: 'msteams', serviceUrl: SERVICE_URL, conversation: { id: `a:chat-${worker(index)}`, conversationType: 'personal', tenantId: TENANT }, bot: { id: '28:bot' } },
      },
      SEEDED_AT,
    );
  }
  return { ...schedulerOn(database.db, { cases, conversations, pace: async () => {} }), now: MONDAY_23_MARCH_9AM };
}
