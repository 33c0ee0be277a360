import fc from 'fast-check';
import nock from 'nock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../bot/store/database.js';
import { DATABASE_ENGINES } from '../helpers/databases.js';
import { cardActionFrom, contentsOf, messageFrom, startBotUnderAttack, textsOf, type BotUnderAttack, type Sender } from './bot-under-attack.js';
import { invalidStoredData } from './stored-data-checks.js';

// Chat text as an attacker or a careless paste would send it: huge, every kind of Unicode, SQL and card-template
// injection. The real bot on a real database, local mode (everyone is an admin, so every command is reachable).
const ADMIN: Sender = { tenantId: '4b1f6a2e-9c3d-4e8f-a1b2-7c6d5e4f3a21', userId: 'admin-object-id' };

const SQL_INJECTIONS = [
  "'; DROP TABLE cases; --",
  "Robert'); DROP TABLE case_events;--",
  "' OR '1'='1",
  '1; DELETE FROM audit_log',
  "x' UNION SELECT initials FROM cases --",
  '$$; TRUNCATE obligations; $$',
];
const TEMPLATE_INJECTIONS = ['${$root}', '${$root.reference}', '${if(true, "a", "b")}', '{{name}}', '{{DATE(2026-03-10T09:00:00Z, SHORT)}}', '${', '$when', '"}]}'];
const HOSTILE_FRAGMENTS = [...SQL_INJECTIONS, ...TEMPLATE_INJECTIONS, '<script>alert(1)</script>', '[x](javascript:alert(1))', '\u0000', '\u202e', '👩🏽‍⚕️', 'Zà̸͔l̵go', '\ud800'];

/** Text that mixes command words, case references, hostile fragments and any Unicode at all. */
const hostileText = fc
  .array(
    fc.oneof(
      fc.constantFrom(...HOSTILE_FRAGMENTS),
      fc.constantFrom('new case', 'case', 'record', 'visit', 'for', 'AB12', 'withdraw', 'role', 'worker of', 'remove case', 'set authority', 'rules', 'export census', 'reassign', 'to', 'yesterday', '3/2/2026', 'Camden', 'review'),
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.string({ unit: 'grapheme', maxLength: 40 }),
    ),
    { minLength: 1, maxLength: 12 },
  )
  .map((words) => words.join(' '));

describe.each(DATABASE_ENGINES)('hostile chat text, on $name', ({ open }) => {
  let database: Database;
  let bot: BotUnderAttack;
  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    database = await open();
    bot = await startBotUnderAttack({ NODE_ENV: 'test' }, database);
  });
  afterAll(async () => {
    await bot.close();
    await database.close();
    nock.cleanAll();
    nock.enableNetConnect();
  });
  beforeEach(() => {
    bot.sentToConnector.length = 0;
    bot.log.events.length = 0;
  });

  /** Says `text` and returns what the bot sent back; the turn must be answered, never failed. */
  async function say(text: string, sender: Sender = ADMIN): Promise<string> {
    bot.sentToConnector.length = 0;
    const response = await bot.post(messageFrom(sender, text));
    expect(response.status).toBe(200);
    expect(bot.log.events.filter((event) => event.level === 'error')).toEqual([]);
    return textsOf(bot.sentToConnector);
  }

  async function press(verb: string, data: Record<string, unknown>): Promise<string> {
    bot.sentToConnector.length = 0;
    const response = await bot.post(cardActionFrom(ADMIN, verb, data, 'execute'));
    expect(response.status).toBe(200);
    return `${await response.text()}\n${textsOf(bot.sentToConnector)}`;
  }

  it('answers any text with a message, never a failed turn, and stores nothing the rules forbid', async () => {
    await fc.assert(
      fc.asyncProperty(hostileText, async (text) => {
        // U+0000, which no channel sends and PostgreSQL cannot store, is refused with the whole activity.
        if (text.includes('\u0000')) expect((await bot.post(messageFrom(ADMIN, text))).status).toBe(400);
        else expect((await say(text)).length).toBeGreaterThan(0);
      }),
      { numRuns: 150 },
    );
    expect(await invalidStoredData(database.db)).toEqual([]);
  });

  it.each([
    ['a long question', `When is the review due in Camden? ${'${$root} '.repeat(1_000)}${'assessment started 3 March 2026 '.repeat(6_000)}`.slice(0, 200_000)],
    ['one 200,000-character word', 'x'.repeat(200_000)],
    ['200,000 characters of words no rule has', 'zq '.repeat(66_000)],
  ])('answers %s, as large as the body limit allows, in good time', async (_case, text) => {
    const startedAt = performance.now();
    expect(await say(text)).not.toBe('');
    // Generous for a 2-core machine under load; a search or expression that blew up would take minutes or fail.
    expect(performance.now() - startedAt).toBeLessThan(15_000);
  });

  it('takes SQL in a command as data: no table dropped, nothing deleted', async () => {
    expect(await say('new case AB12')).toContain('AB12');
    await press('case.create', { reference: 'AB12', initials: 'A.B.', authorityId: 'camden', team: 'North', worker: 'me', openedOn: '2026-03-02', pathways: '' });
    const before = await contentsOf(database.db);

    for (const injection of SQL_INJECTIONS) {
      await say(`case ${injection}`);
      await say(`remove case ${injection.replaceAll(' ', '')}`);
      await say(`record visit yesterday for ${injection}`);
      await say(`set authority ${injection}`);
      await say(`withdraw 1 for ${injection.replaceAll(' ', '')}`);
    }

    const after = await contentsOf(database.db);
    expect(Object.keys(after)).toEqual(Object.keys(before));
    expect(after.cases).toEqual(before.cases);
    expect(after.case_events).toEqual(before.case_events);
    expect(after.user_settings).toEqual(before.user_settings);
    expect(after.audit_log).toEqual(before.audit_log);
    expect(await say('case AB12')).toContain('AB12');
  });

  it.each([...SQL_INJECTIONS, ...TEMPLATE_INJECTIONS.filter((text) => text.length > 3)])(
    'refuses %s as initials beside the field, the input kept as typed, and opens no case',
    async (initials) => {
      const before = await contentsOf(database.db);
      const answer = await press('case.create', { reference: 'EF56', initials, authorityId: 'camden', team: 'North', worker: 'me', openedOn: '2026-03-02', pathways: '' });
      expect(answer).toContain('initials only');
      expect(answer).toContain(JSON.stringify(initials).slice(1, -1));
      expect((await contentsOf(database.db)).cases).toEqual(before.cases);
    },
  );

  it.each(['${$root}', '${$root.reference}', '{{name}}', "North'); DROP TABLE cases;--"])(
    'stores the team %s verbatim as data and shows it literally, never evaluated',
    async (team) => {
      const reference = `T${Math.abs([...team].reduce((hash, character) => (hash * 31 + character.charCodeAt(0)) | 0, 7)) % 100_000}`;
      const opened = await press('case.create', { reference, initials: 'C.D.', authorityId: 'slough', team, worker: 'me', openedOn: '2026-03-02', pathways: '' });
      expect(opened).toContain(`Opened ${reference}`);
      const stored = await database.db.selectFrom('cases').select('team').where('reference', '=', reference).executeTakeFirstOrThrow();
      expect(stored.team).toBe(team);
      expect(await say('my cases')).toContain(reference);
      expect(await say(`case ${reference}`)).toContain(team);
    },
  );

  it('keeps a role to an Entra object id and a team a case could have', async () => {
    await say(`role ${"'; DROP TABLE role_assignments; --".replaceAll(' ', '')} worker of North`);
    await say(`role someone-object-id worker of ${'N'.repeat(10_000)}`);
    expect(await invalidStoredData(database.db)).toEqual([]);
    const roles = await database.db.selectFrom('role_assignments').select(['user_id', 'team']).execute();
    expect(roles.filter((role) => role.team.length > 60 || !/^[\w:-]{2,80}$/.test(role.user_id))).toEqual([]);
  });
});
