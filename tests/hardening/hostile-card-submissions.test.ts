import fc from 'fast-check';
import nock from 'nock';
import { z } from 'zod';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CARD_ROUTES } from '../../bot/routes.js';
import type { Database } from '../../bot/store/database.js';
import { VERBS } from '../../cards/verbs.js';
import { DATABASE_ENGINES } from '../helpers/databases.js';
import { cardActionFrom, contentsOf, messageFrom, startBotUnderAttack, type BotUnderAttack, type Sender } from './bot-under-attack.js';
import { invalidStoredData } from './stored-data-checks.js';

// Card buttons pressed with whatever data a modified client can send, for every verb the cards use, through
// Action.Execute and the Action.Submit fallback alike; from the council that holds the case and from other
// tenants, who must not touch it. The real bot on a real database, local mode (everyone is an admin).
const COUNCIL: Sender = { tenantId: '4b1f6a2e-9c3d-4e8f-a1b2-7c6d5e4f3a21', userId: 'admin-object-id' };
const ALL_VERBS = Object.values(VERBS);

/** Every field name any card's data schema reads, so the fuzzing reaches past "unknown field" into each check. */
const FIELD_NAMES = [...new Set(Object.values(CARD_ROUTES).flatMap((route) => (route.schema instanceof z.ZodObject ? Object.keys(route.schema.shape) : [])))];

const HOSTILE_STRINGS = ["'; DROP TABLE cases; --", '${$root}', '${$root.reference}', '{{name}}', '"}]}', '<script>alert(1)</script>', '\u0000', '\u202e', '👩🏽‍⚕️', '\ud800'];

/** Values a field could be sent: plausible ones (so the deeper checks run) and hostile ones of every type. */
const fieldValue = (outboxId: string): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.constantFrom('AB12', 'ab12', 'ZZ99', outboxId, '1', 'camden', 'redbridge', 'North', 'me', 'someone-else', '2026-03-09', '2026-03-10', '2099-01-01', '1900-01-01', 'visit-made', 'plan-decision', 'disabled-children', 'closure', 'step-down', ''),
    fc.constantFrom(...HOSTILE_STRINGS),
    fc.string({ unit: 'grapheme', maxLength: 30 }),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constant('x'.repeat(50_000)),
    fc.array(fc.string({ maxLength: 10 }), { maxLength: 3 }),
    fc.jsonValue({ maxDepth: 2 }),
  );

const cardData = (outboxId: string) =>
  fc.dictionary(fc.oneof(fc.constantFrom(...FIELD_NAMES), fc.string({ maxLength: 12 })), fieldValue(outboxId), { maxKeys: 10 });

const press = fc.record({ verb: fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...ALL_VERBS) }, { weight: 1, arbitrary: fc.string({ maxLength: 20 }) }), via: fc.constantFrom('execute' as const, 'submit' as const) });

describe.each(DATABASE_ENGINES)('hostile card submissions, on $name', ({ open }) => {
  let database: Database;
  let bot: BotUnderAttack;
  let outboxId: string;
  let councilCaseIds: string[];

  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    database = await open();
    bot = await startBotUnderAttack({ NODE_ENV: 'test' }, database);
    await bot.post(cardActionFrom(COUNCIL, VERBS.createCase, { reference: 'AB12', initials: 'A.B.', authorityId: 'redbridge', team: 'North', worker: 'me', openedOn: '2026-03-02', pathways: '' }, 'execute'));
    await bot.post(messageFrom(COUNCIL, 'record decision that a plan is needed 9 March 2026 for AB12'));
    const [councilCase] = await database.db.selectFrom('cases').select('id').execute();
    const [obligation] = await database.db.selectFrom('obligations').selectAll().execute();
    if (!councilCase || !obligation) throw new Error('The council case was not opened');
    councilCaseIds = [councilCase.id];
    // A reminder sent to the council's worker, so its buttons have a row to act on.
    const reminder = await database.db
      .insertInto('reminder_outbox')
      .values({
        idempotency_key: 'hostile-card-submissions', tenant_id: COUNCIL.tenantId, case_id: councilCase.id, rule_id: obligation.rule_id, due_on: obligation.due_on,
        kind: 'before-due', recipient_role: 'worker', send_after: new Date('2026-03-10T08:00:00Z'), status: 'sent', recipient_id: COUNCIL.userId, created_at: new Date('2026-03-10T08:00:00Z'),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    outboxId = String(reminder.id);
  });
  afterAll(async () => {
    await bot.close();
    await database.close();
    nock.cleanAll();
    nock.enableNetConnect();
  });
  beforeEach(() => {
    bot.log.events.length = 0;
  });

  /** Every row that belongs to the council: its tenant's, or its case's (rows are to_jsonb text, ids numbers or strings). */
  async function councilRows(): Promise<string[]> {
    const ownedBy = [`"tenant_id":"${COUNCIL.tenantId}"`, ...councilCaseIds.map((id) => new RegExp(`"case_id":"?${id}"?[,}]`))];
    const contents = await contentsOf(database.db);
    return Object.entries(contents).flatMap(([table, rows]) =>
      rows.filter((row) => ownedBy.some((owner) => (typeof owner === 'string' ? row.includes(owner) : owner.test(row)))).map((row) => `${table} ${row}`),
    );
  }

  /**
   * Presses the button and checks the bot answered (a card, a message or a 400; a 413 when the data makes the
   * activity larger than the body limit), never failed.
   */
  async function pressed(sender: Sender, verb: string, data: Record<string, unknown>, via: 'execute' | 'submit'): Promise<void> {
    bot.log.events.length = 0;
    const activity = cardActionFrom(sender, verb, data, via);
    const response = await bot.post(activity);
    if (Buffer.byteLength(JSON.stringify(activity)) > bot.config.maxBodyBytes) expect(response.status).toBe(413);
    else expect([200, 400]).toContain(response.status);
    expect(bot.log.events.filter((event) => event.level === 'error').map((event) => event.event)).toEqual([]);
  }

  it('refuses every verb pressed from another tenant, whatever the data: nothing of the council changes', async () => {
    const before = await councilRows();
    expect(before.length).toBeGreaterThan(5);
    const otherTenant = fc.record({ tenantId: fc.uuid(), userId: fc.constantFrom(COUNCIL.userId, 'someone-else') });
    await fc.assert(
      fc.asyncProperty(otherTenant, press, cardData(outboxId), async (sender, { verb, via }, data) => {
        await pressed(sender, verb, { reference: 'AB12', caseReference: 'AB12', outboxId, ...data }, via);
      }),
      { numRuns: 200 },
    );
    expect(await councilRows()).toEqual(before);
  }, 60_000);

  it('answers every verb pressed in the council with any data by a card, a message or a 400, and stores nothing invalid', async () => {
    await fc.assert(
      fc.asyncProperty(press, cardData(outboxId), async ({ verb, via }, data) => {
        await pressed(COUNCIL, verb, data, via);
      }),
      { numRuns: 300 },
    );
    expect(await invalidStoredData(database.db)).toEqual([]);
  }, 60_000);

  it.each(ALL_VERBS)('answers %s with no data, wrong types in every field and injection strings, both ways', async (verb) => {
    const wrongTypes = Object.fromEntries(FIELD_NAMES.map((name, position) => [name, [12345, true, null, ['a'], { nested: 1 }][position % 5]]));
    const injections = Object.fromEntries(FIELD_NAMES.map((name, position) => [name, HOSTILE_STRINGS[position % HOSTILE_STRINGS.length]]));
    for (const data of [{}, wrongTypes, injections]) {
      for (const via of ['execute', 'submit'] as const) await pressed(COUNCIL, verb, data, via);
    }
    expect(await invalidStoredData(database.db)).toEqual([]);
  });
});
