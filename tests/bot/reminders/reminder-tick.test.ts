import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../bot/config.js';
import { runReminderTick, type ReminderTickOptions } from '../../../bot/reminders/deliver-reminders.js';
import { enqueueTodaysReminders } from '../../../bot/reminders/enqueue-reminders.js';
import { botContextOn } from '../../../bot/start-bot.js';
import { CaseStore } from '../../../bot/store/cases.js';
import { ConversationStore } from '../../../bot/store/conversation-references.js';
import type { Database } from '../../../bot/store/database.js';
import type { LocalDate } from '../../../domain/dates/local-date.js';
import { POLICIES } from '../../../domain/policy/registry.js';
import { DATABASE_ENGINES } from '../../helpers/databases.js';
import { FAST_TIMERS_ENV, withFastTimers } from '../../helpers/fast-timers.js';
import { schedulerMessenger, schedulerOn } from '../../helpers/reminder-tick.js';
import { textOf, turnsWith } from '../../helpers/in-process-turn.js';
import { calendar } from '../../helpers/policy.js';
import { CONNECTOR, recordingLogger, SERVICE_URL } from '../teams/bot-framework-double.js';
import { ReminderOutboxStore } from '../../../bot/store/reminder-outbox.js';
import { TransferChecklistStore } from '../../../bot/store/transfer-checklist.js';

const TENANT = 'tenant-a';
const SAM = 'sam-object-id';
const SAMS_CHAT = 'a:sams-chat';
const ADMIN = 'admin-object-id';
const ADMINS_CHAT = 'a:admins-chat';
const on = (date: string) => date as LocalDate;
const chatOf = (userId: string) => (userId === SAM ? SAMS_CHAT : userId === ADMIN ? ADMINS_CHAT : `a:${userId}-chat`);
// A Redbridge case whose plan was decided on Monday 9 March 2026: the initial meeting is due Monday 30 March
// (15 working days), so the 5-working-days-before reminder goes on Monday 23 March.
const MONDAY_23_MARCH_9AM = new Date('2026-03-23T09:00:00Z'); // 09:00 GMT in London

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

/** nock for proactive posts to Sam's chat; `sent` collects them. */
function connectorReplies(...replies: readonly (readonly [number, Record<string, unknown>?, Record<string, string>?])[]) {
  const sent: Record<string, unknown>[] = [];
  for (const [status, body = { id: `activity-${sent.length}` }, headers = {}] of replies) {
    nock(CONNECTOR)
      .post((uri) => uri.startsWith(`/uk/v3/conversations/${encodeURIComponent(SAMS_CHAT)}/activities`), (posted: Record<string, unknown>) => (sent.push(posted), true))
      .reply(status, body, headers);
  }
  return sent;
}

describe.each(DATABASE_ENGINES)('the reminder scheduler on $name', ({ name, open }) => {
  let database: Database;
  let tick: (now: Date) => ReturnType<typeof runReminderTick>;
  let options: Omit<ReminderTickOptions, 'now'>;

  beforeEach(async () => {
    database = await open();
    const cases = new CaseStore(database.db, POLICIES, calendar);
    const conversations = new ConversationStore(database.db);
    const opened = await cases.openCase(
      { tenantId: TENANT, reference: 'AB12', initials: 'A.B.', authorityId: 'redbridge', team: 'North', workerId: SAM, pathways: [], openedOn: on('2026-03-01') },
      { tenantId: TENANT, userId: SAM },
      new Date('2026-03-09T09:00:00Z'),
    );
    if (!opened.ok) throw new Error('case not opened');
    await cases.recordEvent(opened.value, { kind: 'plan-decision', on: on('2026-03-09') }, { tenantId: TENANT, userId: SAM }, on('2026-03-09'), new Date('2026-03-09T09:00:00Z'));
    await conversations.remember(
      {
        tenantId: TENANT,
        conversationId: SAMS_CHAT,
        kind: 'personal',
        userId: SAM,
        address: { channelId: 'msteams', serviceUrl: SERVICE_URL, conversation: { id: SAMS_CHAT, conversationType: 'personal', tenantId: TENANT }, bot: { id: '28:bot' } },
      },
      new Date('2026-03-09T09:00:00Z'),
    );
    options = schedulerOn(database.db, { cases, conversations, admins: [ADMIN] });
    tick = (now) => runReminderTick({ ...options, now });
  });
  afterEach(() => database.close());

  const outbox = () => database.db.selectFrom('reminder_outbox').select(['rule_id', 'kind', 'status', 'due_on']).orderBy('id').execute();

  it('sends the reminder at the first tick of its day, with the case reference and no initials, and not again', async () => {
    const sent = connectorReplies([200]);
    expect(await tick(MONDAY_23_MARCH_9AM)).toMatchObject({ enqueued: 1, sent: 1 });
    expect(sent).toHaveLength(1);
    expect(sent[0]?.text).toContain('AB12: Convene the initial CiN meeting that develops the CiN Plan, due by Monday 30 March 2026');
    expect(JSON.stringify(sent[0]?.attachments)).toContain('reminder.acknowledge');
    expect(JSON.stringify(sent)).not.toContain('A.B.');
    expect(await tick(new Date('2026-03-23T09:05:00Z'))).toMatchObject({ enqueued: 0, sent: 0 });
    expect(await outbox()).toEqual([{ rule_id: 'redbridge.initial-meeting.convene', kind: 'before-due', status: 'sent', due_on: '2026-03-30' }]);
  });

  it('puts the network meeting before a supervision order expires in the outbox 40 and 20 working days ahead, beyond the usual look-ahead', async () => {
    // Order made Mon 2 Mar 2026, expiring Fri 25 Dec 2026 (Christmas): in practice Thu 24 Dec; 40 working days before is
    // Thu 29 Oct 2026, 20 before Thu 26 Nov (worked in tests/domain/reminders/plan-reminders.test.ts).
    const cases = options.cases;
    const opened = await cases.openCase(
      { tenantId: TENANT, reference: 'BH56', initials: 'G.H.', authorityId: 'brighton-and-hove', team: 'North', workerId: SAM, pathways: ['supervision-order'], openedOn: on('2026-03-01') },
      { tenantId: TENANT, userId: SAM },
      new Date('2026-03-02T09:00:00Z'),
    );
    if (!opened.ok) throw new Error('case not opened');
    await cases.recordEvent(opened.value, { kind: 'supervision-order-made', on: on('2026-03-02'), expiresOn: on('2026-12-25') }, { tenantId: TENANT, userId: SAM }, on('2026-03-02'), new Date('2026-03-02T09:00:00Z'));
    const early = async (day: string) => {
      await enqueueTodaysReminders({ outbox: new ReminderOutboxStore(database.db), transferChecklist: new TransferChecklistStore(database.db), policies: POLICIES, cases, calendar, today: on(day), at: new Date(`${day}T09:00:00Z`) });
      return (await outbox()).filter((row) => row.rule_id === 'brighton-and-hove.supervision-order.meeting-before-expiry').map((row) => [row.kind, row.due_on]);
    };
    expect(await early('2026-10-28')).toEqual([]);
    expect(await early('2026-10-29')).toEqual([['before-due', '2026-12-25']]);
    expect(await early('2026-11-26')).toEqual([['before-due', '2026-12-25'], ['before-due', '2026-12-25']]);
  });

  it('sends a reminder whose day passed with no pass at all (the bot down) at the next working day, once', async () => {
    const sent = connectorReplies([200]);
    // No tick on Monday 23 March; the first is Tuesday's.
    expect(await tick(new Date('2026-03-24T08:00:00Z'))).toMatchObject({ enqueued: 1, sent: 1 });
    expect(sent[0]?.text).toContain('due by Monday 30 March 2026 (Due in 4 working days)');
    expect(await tick(new Date('2026-03-24T15:00:00Z'))).toMatchObject({ enqueued: 0, sent: 0 });
    expect(await tick(new Date('2026-03-25T09:00:00Z'))).toMatchObject({ enqueued: 0, sent: 0 });
    expect(await outbox()).toEqual([{ rule_id: 'redbridge.initial-meeting.convene', kind: 'before-due', status: 'sent', due_on: '2026-03-30' }]);
  });

  it('brings everything due for one person on one day together in one digest card', async () => {
    const opened = await options.cases.openCase(
      { tenantId: TENANT, reference: 'CD34', initials: 'C.D.', authorityId: 'redbridge', team: 'North', workerId: SAM, pathways: [], openedOn: on('2026-03-01') },
      { tenantId: TENANT, userId: SAM },
      new Date('2026-03-09T09:00:00Z'),
    );
    if (!opened.ok) throw new Error('case not opened');
    await options.cases.recordEvent(opened.value, { kind: 'plan-decision', on: on('2026-03-09') }, { tenantId: TENANT, userId: SAM }, on('2026-03-09'), new Date('2026-03-09T09:00:00Z'));
    const sent = connectorReplies([200]);
    expect(await tick(MONDAY_23_MARCH_9AM)).toMatchObject({ enqueued: 2, sent: 2 });
    expect(sent).toHaveLength(1);
    expect(sent[0]?.text).toMatch(/Reminders for Monday 23 March 2026 \(2 reminders\):\n- AB12: [^\n]*Due in 5 working days[^\n]*\n- CD34: /);
    expect(JSON.stringify(sent[0]?.attachments)).not.toMatch(/A\.B\.|C\.D\./);
  });

  it('reminds the transfer checklist weekly after a family moves out, until each item is marked done', async () => {
    connectorReplies([200]);
    expect(await tick(MONDAY_23_MARCH_9AM)).toMatchObject({ sent: 1 }); // the initial meeting's, on its day
    const record = await options.cases.caseByReference(TENANT, 'AB12');
    if (!record) throw new Error('no case');
    await options.cases.recordEvent(record, { kind: 'moved-out', on: on('2026-03-23') }, { tenantId: TENANT, userId: SAM }, on('2026-03-23'), new Date('2026-03-23T12:00:00Z'));
    // Moved out Monday 23 March: the checklist's first reminder is the next working day, Tuesday 24 March.
    const first = connectorReplies([200]);
    expect(await tick(new Date('2026-03-24T09:00:00Z'))).toMatchObject({ sent: 2 });
    expect(first[0]?.text).toContain('Formally notify the receiving authority');
    expect(first[0]?.text).toContain('permission to share the information');
    const consent = await database.db.selectFrom('reminder_outbox').select('id').where('rule_id', '=', 'redbridge.transfer-out.consent').executeTakeFirstOrThrow();
    const config = loadConfig({});
    if (!config.ok) throw new Error(config.error.message);
    const pressed = await turnsWith(botContextOn(database.db, config.value), TENANT, chatOf).press(SAM, 'reminder.record-done', { outboxId: String(consent.id) }, '2026-03-24T10:00:00Z');
    expect(pressed.invokeMessage).toMatch(/Done for AB12: Seek the parent/);
    // A week later, Tuesday 31 March: only the item not yet done (beside the initial meeting, overdue since the 30th).
    const second = connectorReplies([200]);
    await tick(new Date('2026-03-31T08:30:00Z'));
    expect(second[0]?.text).toContain('Formally notify the receiving authority');
    expect(second[0]?.text).not.toContain('permission to share the information');
  });

  it('sends nothing before 08:00 or after 18:00 London time, at weekends or on a bank holiday', async () => {
    for (const quiet of ['2026-03-23T07:59:00Z', '2026-03-23T18:00:00Z', '2026-03-21T10:00:00Z', '2026-04-03T09:00:00Z' /* Good Friday */]) {
      expect(await tick(new Date(quiet))).toMatchObject({ outsideWorkingHours: true, sent: 0 });
    }
    expect(await outbox()).toEqual([]);
  });

  it('waits for Retry-After on a 429, then delivers once', async () => {
    // botbuilder's Connector client honours Retry-After itself; the outbox retries only when it gives up.
    const sent = connectorReplies([429, { error: { code: 'throttled' } }, { 'retry-after': '1' }], [200]);
    const started = performance.now();
    expect(await tick(MONDAY_23_MARCH_9AM)).toMatchObject({ sent: 1, retrying: 0 });
    expect(performance.now() - started).toBeGreaterThanOrEqual(900);
    expect(sent).toHaveLength(2);
    expect(await tick(new Date('2026-03-23T09:05:00Z'))).toMatchObject({ sent: 0 });
    expect((await outbox()).map((row) => row.status)).toEqual(['sent']);
  });

  it('keeps a reminder for a later tick when Teams stays unavailable, then delivers it once', async () => {
    // Four 503s: the first try and the Connector client's own three retries.
    connectorReplies([503], [503], [503], [503]);
    // The client's waits between its retries (about 1, 2 and 4 s) pass on a fast clock.
    const messenger = schedulerMessenger(FAST_TIMERS_ENV);
    expect(await withFastTimers(() => runReminderTick({ ...options, messenger, now: MONDAY_23_MARCH_9AM }))).toMatchObject({ sent: 0, retrying: 1 });
    const [retry] = await database.db.selectFrom('reminder_outbox').select(['status', 'next_attempt_at']).execute();
    expect(retry?.status).toBe('pending');
    const sent = connectorReplies([200]);
    expect(await tick(new Date((retry?.next_attempt_at ?? new Date()).getTime() + 1000))).toMatchObject({ sent: 1 });
    expect(sent).toHaveLength(1);
  }, 60_000);

  it('marks the chat dead on a 403 (the user blocked the bot), stops trying, and tells the admins once', async () => {
    await options.conversations.remember(
      {
        tenantId: TENANT,
        conversationId: ADMINS_CHAT,
        kind: 'personal',
        userId: ADMIN,
        address: { channelId: 'msteams', serviceUrl: SERVICE_URL, conversation: { id: ADMINS_CHAT, conversationType: 'personal', tenantId: TENANT }, bot: { id: '28:bot' } },
      },
      new Date('2026-03-09T09:00:00Z'),
    );
    connectorReplies([403, { error: { code: 'MessageWritesBlocked' } }]);
    const notices: Record<string, unknown>[] = [];
    nock(CONNECTOR)
      .post((uri) => uri.startsWith(`/uk/v3/conversations/${encodeURIComponent(ADMINS_CHAT)}/activities`), (posted: Record<string, unknown>) => (notices.push(posted), true))
      .reply(200, { id: 'notice' });
    expect(await tick(MONDAY_23_MARCH_9AM)).toMatchObject({ failed: 1 });
    expect(await database.db.selectFrom('conversation_references').select('dead_reason').where('conversation_id', '=', SAMS_CHAT).executeTakeFirst()).toEqual({
      dead_reason: 'Teams answered 403',
    });
    expect(notices.map((notice) => notice.text)).toEqual([
      'Reminders for AB12 cannot reach sam-object-id in Teams (Teams answered 403: they may have blocked or removed the bot, or left). I have stopped trying that chat. Please check with them, or reassign the cases.',
    ]);
    expect(await tick(new Date('2026-03-23T10:00:00Z'))).toMatchObject({ sent: 0, failed: 0 });
    expect((await outbox()).map((row) => row.status)).toEqual(['failed']);
  });

  it('creates a chat with a worker the bot has never talked to, and tells the admins once when Teams refuses', async () => {
    await options.conversations.remember(
      {
        tenantId: TENANT,
        conversationId: ADMINS_CHAT,
        kind: 'personal',
        userId: ADMIN,
        address: { channelId: 'msteams', serviceUrl: SERVICE_URL, conversation: { id: ADMINS_CHAT, conversationType: 'personal', tenantId: TENANT }, bot: { id: '28:bot' } },
      },
      new Date('2026-03-09T09:00:00Z'),
    );
    await options.conversations.markDead(TENANT, SAMS_CHAT, 'uninstalled', new Date('2026-03-20T09:00:00Z'));
    const created: Record<string, unknown>[] = [];
    nock(CONNECTOR)
      .post('/teams/v3/conversations', (body: Record<string, unknown>) => (created.push(body), true))
      .reply(403, { error: { code: 'BotNotInConversationRoster' } });
    const notices: Record<string, unknown>[] = [];
    nock(CONNECTOR)
      .post((uri) => uri.startsWith(`/uk/v3/conversations/${encodeURIComponent(ADMINS_CHAT)}/activities`), (posted: Record<string, unknown>) => (notices.push(posted), true))
      .reply(200, { id: 'notice' });
    expect(await tick(MONDAY_23_MARCH_9AM)).toMatchObject({ failed: 1 });
    expect(created[0]).toMatchObject({ members: [{ id: SAM }], tenantId: TENANT });
    expect(notices).toHaveLength(1);
    expect(String(notices[0]?.text)).toMatch(/^Reminders for AB12 cannot reach sam-object-id in Teams \(Teams answered 403/);
  });

  it('takes over a reminder claimed by an instance that died mid-send once its lease has run out', async () => {
    // Another instance claimed it at 09:00 and died: its lease runs to 09:02.
    connectorReplies([500]);
    const messenger = schedulerMessenger(FAST_TIMERS_ENV);
    expect(await withFastTimers(() => runReminderTick({ ...options, messenger, now: MONDAY_23_MARCH_9AM }))).toMatchObject({ retrying: 1 });
    await database.db.updateTable('reminder_outbox').set({ status: 'sending', lease_until: new Date('2026-03-23T09:02:00Z'), next_attempt_at: null }).execute();
    expect(await tick(new Date('2026-03-23T09:01:00Z'))).toMatchObject({ sent: 0 });
    const sent = connectorReplies([200]);
    expect(await tick(new Date('2026-03-23T09:02:01Z'))).toMatchObject({ sent: 1 });
    expect(sent).toHaveLength(1);
  });

  describe('the buttons on a reminder', () => {
    const press = (userId: string, verb: string, data: Record<string, unknown>) => {
      const config = loadConfig({});
      if (!config.ok) throw new Error(config.error.message);
      return turnsWith(botContextOn(database.db, config.value), TENANT, chatOf).press(userId, verb, data, '2026-03-23T10:00:00Z');
    };
    const sentReminderId = async () => {
      connectorReplies([200]);
      await tick(MONDAY_23_MARCH_9AM);
      const row = await database.db.selectFrom('reminder_outbox').select('id').executeTakeFirstOrThrow();
      return String(row.id);
    };

    it('records an acknowledgement only from the person it was sent to', async () => {
      const outboxId = await sentReminderId();
      expect((await press('priya-object-id', 'reminder.acknowledge', { outboxId })).invokeMessage).toMatch(/not one sent to you/);
      expect((await press(SAM, 'reminder.acknowledge', { outboxId })).invokeMessage).toMatch(/Acknowledged: AB12/);
      expect(await database.db.selectFrom('reminder_outbox').select('acknowledged_by').executeTakeFirst()).toEqual({ acknowledged_by: SAM });
    });

    it('snoozes to a working day before the due date, never past it, and sends it again that day', async () => {
      const outboxId = await sentReminderId();
      const snooze = (date: string) => press(SAM, 'reminder.snooze', { outboxId, [`snooze-${outboxId}`]: date });
      expect((await snooze('2026-03-30')).invokeMessage).toMatch(/before it is due \(Monday 30 March 2026\); the latest is Friday 27 March 2026/);
      expect((await snooze('2026-03-28')).invokeMessage).toMatch(/not a working day/);
      expect((await snooze('2026-03-26')).invokeMessage).toMatch(/again on Thursday 26 March 2026/);
      const sent = connectorReplies([200]);
      expect(await tick(new Date('2026-03-25T09:00:00Z'))).toMatchObject({ sent: 0 });
      expect(await tick(new Date('2026-03-26T08:00:00Z'))).toMatchObject({ sent: 1 });
      expect(sent[0]?.text).toContain('AB12');
    });

    it('opens the record card filled in with what fulfils the rule', async () => {
      const outboxId = await sentReminderId();
      const reply = await press(SAM, 'reminder.record-done', { outboxId });
      expect(JSON.stringify(reply.messages[0]?.card)).toContain('"value":"initial-meeting-held"');
    });
  });

  it('moves pending reminders and already-sent cards with the case when it is reassigned, and counts deliveries', async () => {
    const PRIYA = 'priya-object-id';
    const PRIYAS_CHAT = 'a:priyas-chat';
    await options.conversations.remember(
      {
        tenantId: TENANT,
        conversationId: PRIYAS_CHAT,
        kind: 'personal',
        userId: PRIYA,
        address: { channelId: 'msteams', serviceUrl: SERVICE_URL, conversation: { id: PRIYAS_CHAT, conversationType: 'personal', tenantId: TENANT }, bot: { id: '28:bot' } },
      },
      new Date('2026-03-09T09:00:00Z'),
    );
    connectorReplies([200, { id: 'card-to-sam' }]);
    await tick(MONDAY_23_MARCH_9AM);

    const config = loadConfig({ BOT_ADMINS: ADMIN });
    if (!config.ok) throw new Error(config.error.message);
    const context = botContextOn(database.db, config.value, options.messenger);
    const updates: Record<string, unknown>[] = [];
    nock(CONNECTOR)
      .put(`/uk/v3/conversations/${encodeURIComponent(SAMS_CHAT)}/activities/card-to-sam`, (body: Record<string, unknown>) => (updates.push(body), true))
      .reply(200, { id: 'card-to-sam' });
    const turns = turnsWith(context, TENANT, chatOf);
    expect(textOf(await turns.say(SAM, `reassign AB12 to ${PRIYA}`, '2026-03-24T10:00:00Z'))).toMatch(/Only a manager of the case's team or an admin can reassign a case/);
    expect(textOf(await turns.say(ADMIN, `reassign AB12 to ${PRIYA}`, '2026-03-24T10:00:00Z'))).toMatch(/AB12 is now priya-object-id's.*1 reminder card/);
    expect(JSON.stringify(updates)).toContain('This case has moved to another worker');

    // Monday 30 March, the due day: the reminder goes to Priya now.
    const toPriya: Record<string, unknown>[] = [];
    nock(CONNECTOR)
      .post((uri) => uri.startsWith(`/uk/v3/conversations/${encodeURIComponent(PRIYAS_CHAT)}/activities`), (posted: Record<string, unknown>) => (toPriya.push(posted), true))
      .reply(200, { id: 'card-to-priya' });
    expect(await tick(new Date('2026-03-30T08:30:00Z'))).toMatchObject({ sent: 1 });
    expect(toPriya[0]?.text).toContain('AB12');
    expect(textOf(await turns.say(SAM, 'delivery status', '2026-03-30T10:00:00Z'))).toBe('Only an admin can see the delivery status.');
    expect(textOf(await turns.say(ADMIN, 'delivery status', '2026-03-30T10:00:00Z'))).toMatch(/- sent: 2\n- pending: 0\n- retrying: 0\n- failed: 0/);
  });

  it('still reassigns when a card sent before cannot be updated, and logs why without naming anyone', async () => {
    connectorReplies([200, { id: 'card-to-sam' }]);
    await tick(MONDAY_23_MARCH_9AM);
    const config = loadConfig({ BOT_ADMINS: ADMIN });
    if (!config.ok) throw new Error(config.error.message);
    const log = recordingLogger();
    const context = botContextOn(database.db, config.value, options.messenger, { log });
    nock(CONNECTOR).put(`/uk/v3/conversations/${encodeURIComponent(SAMS_CHAT)}/activities/card-to-sam`).reply(404, { error: { code: 'ActivityNotFoundInConversation' } });

    expect(textOf(await turnsWith(context, TENANT, chatOf).say(ADMIN, 'reassign AB12 to priya-object-id', '2026-03-24T10:00:00Z'))).toBe("AB12 is now priya-object-id's. Its deadlines and reminders follow them.");
    expect(log.events).toEqual([{ level: 'warn', event: 'reassigned-card-not-updated', fields: { caseId: expect.any(String), errorName: expect.any(String) } }]);
    expect(JSON.stringify(log.events)).not.toMatch(/AB12|A\.B\.|sam-object-id|priya-object-id/);
  });

  describe('an overdue item', () => {
    const MANAGER = 'manager-object-id';
    const MANAGERS_CHAT = 'a:managers-chat';
    beforeEach(async () => {
      await options.roles.assign(TENANT, { userId: MANAGER, role: 'manager', team: 'North' }, ADMIN, new Date('2026-03-09T09:00:00Z'));
      await options.conversations.remember(
        {
          tenantId: TENANT,
          conversationId: MANAGERS_CHAT,
          kind: 'personal',
          userId: MANAGER,
          address: { channelId: 'msteams', serviceUrl: SERVICE_URL, conversation: { id: MANAGERS_CHAT, conversationType: 'personal', tenantId: TENANT }, bot: { id: '28:bot' } },
        },
        new Date('2026-03-09T09:00:00Z'),
      );
    });
    const toManager = () => {
      const sent: Record<string, unknown>[] = [];
      nock(CONNECTOR)
        .post((uri) => uri.startsWith(`/uk/v3/conversations/${encodeURIComponent(MANAGERS_CHAT)}/activities`), (posted: Record<string, unknown>) => (sent.push(posted), true))
        .reply(200, { id: 'escalation' });
      return sent;
    };
    // Due Monday 30 March; overdue reminder Tuesday 31; escalation 2 working days after the due date, Wednesday 1 April.
    const WEDNESDAY_1_APRIL = new Date('2026-04-01T09:00:00Z'); // 10:00 BST

    it('escalates to the team manager with a card naming the worker, 2 working days after it was due', async () => {
      // Sam's name as Teams gave it when Sam last wrote to the bot.
      await options.conversations.remember(
        {
          tenantId: TENANT,
          conversationId: SAMS_CHAT,
          kind: 'personal',
          userId: SAM,
          userName: 'Sam Okafor',
          address: { channelId: 'msteams', serviceUrl: SERVICE_URL, conversation: { id: SAMS_CHAT, conversationType: 'personal', tenantId: TENANT }, bot: { id: '28:bot' } },
        },
        new Date('2026-03-10T09:00:00Z'),
      );
      const escalations = toManager();
      expect(await tick(WEDNESDAY_1_APRIL)).toMatchObject({ sent: 1 });
      expect(escalations[0]?.text).toBe(
        'Overdue and not acknowledged: AB12 (allocated worker: Sam Okafor). Convene the initial CiN meeting that develops the CiN Plan, due by Monday 30 March 2026, 2 working days overdue (3. Initial CiN Meetings and Subsequent Reviews).',
      );
    });

    it('does not escalate what the worker has acknowledged', async () => {
      connectorReplies([200]);
      await tick(new Date('2026-03-31T08:30:00Z')); // the overdue reminder, to Sam
      const [overdue] = await database.db.selectFrom('reminder_outbox').select('id').execute();
      const config = loadConfig({});
      if (!config.ok) throw new Error(config.error.message);
      await turnsWith(botContextOn(database.db, config.value), TENANT, chatOf).press(SAM, 'reminder.acknowledge', { outboxId: String(overdue?.id) }, '2026-03-31T09:00:00Z');
      const escalations = toManager();
      expect(await tick(WEDNESDAY_1_APRIL)).toMatchObject({ sent: 0 });
      expect(escalations).toEqual([]);
    });
  });

  it.runIf(name === 'PostgreSQL')('sends each reminder once when two schedulers tick at the same moment', async () => {
    const sent = connectorReplies([200]);
    const [first, second] = await Promise.all([tick(MONDAY_23_MARCH_9AM), runReminderTick({ ...options, messenger: schedulerMessenger(), now: MONDAY_23_MARCH_9AM })]);
    expect((first?.sent ?? 0) + (second?.sent ?? 0)).toBe(1);
    expect(sent).toHaveLength(1);
    expect(await outbox()).toHaveLength(1);
  });
});
