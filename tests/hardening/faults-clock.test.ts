import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runReminderTick, type ReminderTickOptions } from '../../bot/reminders/deliver-reminders.js';
import { londonDateTimeOf } from '../../bot/reminders/london-time.js';
import { ConversationStore } from '../../bot/store/conversation-references.js';
import type { Database } from '../../bot/store/database.js';
import { isWithinWorkingHours } from '../../domain/reminders/working-hours.js';
import { isoWeekOf, TEAM_WEEK_KIND, teamWeekSendDay } from '../../domain/reminders/team-week.js';
import type { LocalDate } from '../../domain/dates/local-date.js';
import { DATABASE_ENGINES } from '../helpers/databases.js';
import { schedulerOn } from '../helpers/reminder-tick.js';
import { calendar } from '../helpers/policy.js';
import { CONNECTOR, SERVICE_URL } from '../bot/teams/bot-framework-double.js';

// The reminder scheduler driven by a clock that leaps: over nights, weekends, a bank holiday and both clock
// changes, sometimes backwards. Whatever the ticks' times, each reminder goes exactly once, within working hours
// on the working day it was planned for, in London time.
const TENANT = 'tenant-a';
const SAM = 'sam-object-id';
const MANAGER = 'manager-object-id';
const INITIAL_MEETING = 'redbridge.initial-meeting.convene';
const DAY_MS = 86_400_000;

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

/** Every UTC instant of the ticks: these times each calendar day from `first` to `last`, in an order that jumps. */
function ticksBetween(first: string, last: string, utcTimes: readonly string[]): Date[] {
  const ticks: Date[] = [];
  for (let day = Date.parse(`${first}T00:00:00Z`); day <= Date.parse(`${last}T00:00:00Z`); day += DAY_MS) {
    const date = new Date(day).toISOString().slice(0, 10);
    ticks.push(...utcTimes.map((time) => new Date(`${date}T${time}:00Z`)));
  }
  return ticks;
}

/** Around a clock change the hour either side of 08:00 and 18:00 London is one UTC hour apart. */
const EDGES = ['06:59', '07:00', '07:30', '07:59', '08:00', '12:00', '16:59', '17:00', '17:59', '18:00'];

interface Scenario {
  readonly name: string;
  readonly decisionOn: string;
  readonly ticks: readonly Date[];
  /** The initial meeting's reminders, worked out by hand: kind and the London day each must arrive. */
  readonly expected: readonly (readonly [kind: string, sendOn: string])[];
}

const SCENARIOS: readonly Scenario[] = [
  {
    // Plan decided Monday 10 August 2026: 15 working days, skipping the Summer bank holiday (Monday 31 August),
    // put the initial meeting on Tuesday 1 September. Five working days before is Monday 24 August; overdue the
    // next working day (Wednesday 2) and weekly after; escalated 2 working days after, Thursday 3 September.
    name: 'across the Summer bank holiday, Monday 31 August 2026',
    decisionOn: '2026-08-10',
    ticks: [
      ...ticksBetween('2026-08-17', '2026-08-28', ['08:00', '12:00']),
      // Friday evening, then straight to Tuesday morning: the weekend and the bank holiday pass unseen.
      new Date('2026-08-28T16:59:00Z'),
      ...ticksBetween('2026-09-01', '2026-09-10', EDGES),
      // The clock is put back a day, then forward again: nothing is sent a second time.
      new Date('2026-09-02T09:00:00Z'),
      new Date('2026-09-01T09:00:00Z'),
      new Date('2026-09-10T09:00:00Z'),
    ],
    expected: [
      ['before-due', '2026-08-24'],
      ['due-today', '2026-09-01'],
      ['overdue', '2026-09-02'],
      ['escalation', '2026-09-03'],
      ['overdue', '2026-09-09'],
    ],
  },
  {
    // Decided Monday 5 October 2026: due Monday 26 October, the day after the clocks go back (Sunday 25 October,
    // 02:00 BST to 01:00 GMT). 07:00 UTC is 08:00 on the Friday before and 07:00 on the Monday after.
    name: 'across the end of summer time, Sunday 25 October 2026',
    decisionOn: '2026-10-05',
    ticks: [
      ...ticksBetween('2026-10-19', '2026-10-23', EDGES),
      ...ticksBetween('2026-10-24', '2026-10-25', ['00:30', '01:30', '09:00']),
      ...ticksBetween('2026-10-26', '2026-11-03', EDGES),
      // The hour that happens twice, and a step back across the change.
      new Date('2026-10-25T00:59:00Z'),
      new Date('2026-10-25T01:00:00Z'),
      new Date('2026-10-23T16:59:00Z'),
      new Date('2026-10-26T08:00:00Z'),
    ],
    expected: [
      ['before-due', '2026-10-19'],
      ['due-today', '2026-10-26'],
      ['overdue', '2026-10-27'],
      ['escalation', '2026-10-28'],
      ['overdue', '2026-11-03'],
    ],
  },
  {
    // Decided Friday 5 March 2027: 15 working days to Tuesday 30 March, past Good Friday (26 March) and Easter
    // Monday (29 March), with the clocks going forward between them (Sunday 28 March, 01:00 GMT to 02:00 BST).
    name: 'across Easter 2027 and the start of summer time, Sunday 28 March 2027',
    decisionOn: '2027-03-05',
    ticks: [
      ...ticksBetween('2027-03-15', '2027-03-25', EDGES),
      ...ticksBetween('2027-03-26', '2027-03-29', ['00:59', '01:00', '08:00', '12:00']),
      ...ticksBetween('2027-03-30', '2027-04-07', EDGES),
      new Date('2027-03-29T23:30:00Z'), // 00:30 BST on Tuesday the 30th: quiet
      new Date('2027-03-25T17:00:00Z'),
    ],
    expected: [
      ['before-due', '2027-03-19'],
      ['due-today', '2027-03-30'],
      ['overdue', '2027-03-31'],
      ['escalation', '2027-04-01'],
      ['overdue', '2027-04-07'],
    ],
  },
];

describe.each(DATABASE_ENGINES)('reminders under a leaping clock on $name', ({ open }) => {
  let database: Database;
  let options: Omit<ReminderTickOptions, 'now'>;

  beforeEach(async () => {
    database = await open();
    const conversations = new ConversationStore(database.db);
    options = schedulerOn(database.db, { conversations });
    await options.roles.assign(TENANT, { userId: MANAGER, role: 'manager', team: 'North' }, 'admin', new Date('2026-01-05T09:00:00Z'));
    for (const userId of [SAM, MANAGER]) {
      const conversationId = `a:chat-${userId}`;
      await conversations.remember(
        { tenantId: TENANT, conversationId, kind: 'personal', userId, address: { channelId: 'msteams', serviceUrl: SERVICE_URL, conversation: { id: conversationId, conversationType: 'personal', tenantId: TENANT }, bot: { id: '28:bot' } } },
        new Date('2026-01-05T09:00:00Z'),
      );
    }
  });
  afterEach(() => database.close());

  it.each(SCENARIOS)('sends each reminder once, on its working day, $name', async ({ decisionOn, ticks, expected }) => {
    const decided = decisionOn as LocalDate;
    const at = new Date(`${decisionOn}T09:00:00Z`);
    const opened = await options.cases.openCase(
      { tenantId: TENANT, reference: 'AB12', initials: 'A.B.', authorityId: 'redbridge', team: 'North', workerId: SAM, pathways: [], openedOn: decided },
      { tenantId: TENANT, userId: SAM },
      at,
    );
    if (!opened.ok) throw new Error('case not opened');
    await options.cases.recordEvent(opened.value, { kind: 'plan-decision', on: decided }, { tenantId: TENANT, userId: SAM }, decided, at);

    const posts: string[] = [];
    nock(CONNECTOR)
      .persist()
      .post(/^\/uk\/v3\/conversations\/[^/]+\/activities/, (body: { text?: string }) => (posts.push(body.text ?? ''), true))
      .reply(200, () => ({ id: `activity-${posts.length}` }));

    for (const now of ticks) await runReminderTick({ ...options, now });

    const rows = await database.db
      .selectFrom('reminder_outbox')
      .select(['id', 'idempotency_key', 'rule_id', 'kind', 'status', 'sent_at'])
      .where('kind', '<>', TEAM_WEEK_KIND)
      .orderBy('id')
      .execute();
    const sentAttempts = await database.db
      .selectFrom('reminder_attempts')
      .innerJoin('reminder_outbox', 'reminder_outbox.id', 'reminder_attempts.outbox_id')
      .select('outbox_id')
      .where('outcome', '=', 'sent')
      .where('kind', '<>', TEAM_WEEK_KIND)
      .execute();
    // Exactly once: each reminder sent, one delivery recorded for it, and as many items posted as reminders.
    expect(rows.map((row) => row.status).filter((status) => status !== 'sent')).toEqual([]);
    expect(sentAttempts.map((attempt) => String(attempt.outbox_id)).sort()).toEqual(rows.map((row) => String(row.id)).sort());
    const itemsPosted = posts.reduce((count, text) => count + (text.match(/^- AB12: /gm)?.length ?? 0) + (text.startsWith('Overdue and not acknowledged: AB12') ? 1 : 0), 0);
    expect(itemsPosted).toBe(rows.length);
    // On the right day: the London date it went out is the send day in its key, within working hours.
    for (const row of rows) {
      const sentAt = londonDateTimeOf(row.sent_at ?? new Date(0));
      expect(sentAt.date).toBe(row.idempotency_key.split('|')[4]);
      expect(isWithinWorkingHours(sentAt, calendar)).toBe(true);
    }
    // The manager's weekly card: once in each week a pass ran on its card day, sent that day within working hours.
    const weekly = await database.db.selectFrom('reminder_outbox').select(['idempotency_key', 'status', 'sent_at']).where('kind', '=', TEAM_WEEK_KIND).execute();
    expect(posts.filter((text) => text.startsWith('Your teams this week'))).toHaveLength(weekly.length);
    for (const card of weekly) {
      const sentAt = londonDateTimeOf(card.sent_at ?? new Date(0));
      expect(card.status).toBe('sent');
      expect(teamWeekSendDay(sentAt.date, calendar)).toBe(sentAt.date);
      expect(card.idempotency_key).toBe(`team-week|${TENANT}|${MANAGER}|${isoWeekOf(sentAt.date)}`);
      expect(isWithinWorkingHours(sentAt, calendar)).toBe(true);
    }
    const meeting = rows.filter((row) => row.rule_id === INITIAL_MEETING).map((row) => [row.kind, londonDateTimeOf(row.sent_at ?? new Date(0)).date]);
    expect(meeting).toEqual(expected);
  }, 60_000);
});
