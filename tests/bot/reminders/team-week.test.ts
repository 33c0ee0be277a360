import { sql } from 'kysely';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runReminderTick } from '../../../bot/reminders/deliver-reminders.js';
import { enqueueTeamWeekCards } from '../../../bot/reminders/enqueue-team-week.js';
import { teamWeekViewFor } from '../../../bot/reminders/team-week-view.js';
import { ConversationStore } from '../../../bot/store/conversation-references.js';
import { openDatabase, type Database, type Db } from '../../../bot/store/database.js';
import { ReminderOutboxStore } from '../../../bot/store/reminder-outbox.js';
import { RoleStore } from '../../../bot/store/roles.js';
import { TimelinessStore } from '../../../bot/store/timeliness.js';
import { teamWeekCard, teamWeekText } from '../../../cards/team-week-card.js';
import type { LocalDate } from '../../../domain/dates/local-date.js';
import { POLICIES } from '../../../domain/policy/registry.js';
import { DATABASE_ENGINES } from '../../helpers/databases.js';
import { schedulerOn, TAB_URL } from '../../helpers/reminder-tick.js';
import { calendar } from '../../helpers/policy.js';
import { CONNECTOR, SERVICE_URL } from '../teams/bot-framework-double.js';
import { MANAGER, seedYear, TODAY } from '../timeliness/seed-year.js';

const TENANT = 'tenant-weekly';
const NORTH_MANAGER = 'manager-north';
const SOUTH_MANAGER = 'manager-south';
/** A manager of a team with no cases: no card. */
const WEST_MANAGER = 'manager-west';
const SENIOR_PRACTITIONER = 'senior-practitioner-north';
const SET_UP_AT = new Date('2026-03-01T09:00:00Z');

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

/** Every proactive post, with the conversation it went to. */
function connector(): { readonly conversation: string; readonly text: string; readonly card: string }[] {
  const posts: { conversation: string; text: string; card: string }[] = [];
  nock(CONNECTOR)
    .persist()
    .post(/^\/uk\/v3\/conversations\/[^/]+\/activities/)
    .reply(200, (uri, requestBody) => {
      const body = (typeof requestBody === 'string' ? JSON.parse(requestBody) : requestBody) as { text?: string; attachments?: unknown };
      posts.push({ conversation: decodeURIComponent(/conversations\/([^/]+)\//.exec(uri)?.[1] ?? ''), text: body.text ?? '', card: JSON.stringify(body.attachments ?? []) });
      return { id: `activity-${posts.length}` };
    });
  return posts;
}

/**
 * Two teams with one case each and no obligation (so no case reminders), a manager each, a manager of a team
 * with no cases, and a senior practitioner; everyone has a personal chat with the bot.
 */
async function seedTeams(db: Db): Promise<void> {
  await db
    .insertInto('cases')
    .values(
      ['North', 'South'].map((team) => ({
        id: `case-${team}`,
        tenant_id: TENANT,
        reference: `${team.slice(0, 1)}1001`,
        initials: 'A.B.',
        authority_id: 'slough',
        team,
        worker_id: 'worker-1',
        manager_id: null,
        pathways: JSON.stringify([]),
        status: 'open',
        opened_on: '2026-01-05',
        closed_on: null,
        created_at: SET_UP_AT,
        updated_at: SET_UP_AT,
      })),
    )
    .execute();
  const roles = new RoleStore(db, []);
  for (const [userId, role, team] of [
    [NORTH_MANAGER, 'manager', 'North'],
    [SOUTH_MANAGER, 'manager', 'South'],
    [WEST_MANAGER, 'manager', 'West'],
    [SENIOR_PRACTITIONER, 'senior-practitioner', 'North'],
  ] as const) {
    await roles.assign(TENANT, { userId, role, team }, 'admin', SET_UP_AT);
  }
  const conversations = new ConversationStore(db);
  for (const userId of [NORTH_MANAGER, SOUTH_MANAGER, WEST_MANAGER, SENIOR_PRACTITIONER]) {
    const conversationId = `a:chat-${userId}`;
    await conversations.remember(
      { tenantId: TENANT, conversationId, kind: 'personal', userId, address: { channelId: 'msteams', serviceUrl: SERVICE_URL, conversation: { id: conversationId, conversationType: 'personal', tenantId: TENANT }, bot: { id: '28:bot' } } },
      SET_UP_AT,
    );
  }
}

/** One scheduler as a freshly started process builds it, an admin named (without, everyone is one and sees every team). */
const instanceOn = (db: Db) => schedulerOn(db, { admins: ['admin-one'], pace: async () => {} });

const weeklyCards = (posts: readonly { conversation: string; text: string }[]) =>
  posts.filter((post) => post.text.startsWith('Your teams this week')).map((post) => post.conversation).sort();

describe.each(DATABASE_ENGINES)("the manager's weekly card on $name", ({ open }) => {
  let database: Database;
  beforeEach(async () => {
    database = await open();
  });
  afterEach(() => database.close());

  it('gives the hand-counted figures of team north on Monday 23 November 2026, the five visits overdue longest by reference only, and "Open the tab"', async () => {
    await seedYear(database.db, TENANT);
    const view = await teamWeekViewFor(TENANT, MANAGER, TODAY, { timeliness: new TimelinessStore(database.db, POLICIES), roles: new RoleStore(database.db, []), policies: POLICIES, calendar, tabUrl: TAB_URL });
    // North (seed-year.ts, i mod 3 = 0): 20 visits never done; reviews of C0000, C0030, C0060 due this week; 60
    // of 100 visits on time; 13 of 25 assessments within 45 working days; none of the 90 open cases with a plan.
    // Wednesday 10 December 2025 to Monday 23 November 2026: 248 weekdays less 8 bank holidays (25 and 26
    // December, 1 January, Good Friday, Easter Monday, the May, spring and summer bank holidays) = 240.
    const overdueVisit = (caseReference: string) => ({ caseReference, what: 'visit', dueOn: 'Wednesday 10 December 2025', workingDaysOverdue: 240 });
    expect(view).toEqual({
      day: 'Monday 23 November 2026',
      teams: 'Team north',
      overdue: 20,
      dueThisWeek: 3,
      onTimeRate: 60,
      assessmentsWithin45Rate: 52,
      withPlanRate: 0,
      mostOverdue: ['C0012', 'C0072', 'C0132', 'C0192', 'C0252'].map(overdueVisit),
      tabUrl: TAB_URL,
    });
    if (view === undefined) return;
    const text = teamWeekText(view);
    expect(text).toBe(
      'Your teams this week (Team north, Monday 23 November 2026): overdue 20; due this week 3; on time over the last 12 months 60%; ' +
        'assessments within 45 working days of referral 52%; open cases with a plan 0%. Overdue longest: ' +
        ['C0012', 'C0072', 'C0132', 'C0192', 'C0252'].map((reference) => `${reference} (visit, due Wednesday 10 December 2025, 240 working days overdue)`).join('; ') +
        '.',
    );
    const card = JSON.stringify(teamWeekCard(view));
    expect(card).toContain('"url":"https://teams.microsoft.com/l/entity/test-app/deadlines"');
    expect(card).toContain('"title":"Open the tab"');
    for (const reference of ['C0012', 'C0072', 'C0132', 'C0192', 'C0252']) expect(card).toContain(`"text":"${reference}"`);
    // No child's initials, and no worker's name either: the card is read on lock screens.
    expect(card + text).not.toMatch(/A\.B\.|Sam Worker/);
  }, 120_000);

  it('sends each manager one card in the week across two passes and a restart, none to a manager of a team without cases, and on Tuesday after a bank-holiday Monday', async () => {
    await seedTeams(database.db);
    const posts = connector();
    const first = instanceOn(database.db);
    // Sunday: nothing; Monday 08:30 and 11:00: the cards once; a restarted process that afternoon: nothing more.
    expect(await runReminderTick({ ...first, now: new Date('2026-03-22T09:00:00Z') })).toMatchObject({ outsideWorkingHours: true });
    expect(await runReminderTick({ ...first, now: new Date('2026-03-23T08:30:00Z') })).toMatchObject({ enqueued: 2, sent: 2 });
    expect(await runReminderTick({ ...first, now: new Date('2026-03-23T11:00:00Z') })).toMatchObject({ enqueued: 0, sent: 0 });
    const restarted = instanceOn(database.db);
    expect(await runReminderTick({ ...restarted, now: new Date('2026-03-23T15:00:00Z') })).toMatchObject({ enqueued: 0, sent: 0 });
    // Tuesday to Friday of that week: nothing.
    expect(await runReminderTick({ ...restarted, now: new Date('2026-03-24T09:00:00Z') })).toMatchObject({ enqueued: 0, sent: 0 });
    expect(weeklyCards(posts)).toEqual([`a:chat-${NORTH_MANAGER}`, `a:chat-${SOUTH_MANAGER}`]);
    expect(posts.find((post) => post.conversation === `a:chat-${NORTH_MANAGER}`)?.text).toBe(
      'Your teams this week (Team North, Monday 23 March 2026): overdue 0; due this week 0; on time over the last 12 months none yet; ' +
        'assessments within 45 working days of referral none yet; open cases with a plan 0%. Nothing is overdue.',
    );

    // Easter Monday 6 April 2026 is a bank holiday: the card goes on Tuesday 7 April, once.
    expect(await runReminderTick({ ...restarted, now: new Date('2026-04-06T09:00:00Z') })).toMatchObject({ outsideWorkingHours: true });
    expect(await runReminderTick({ ...restarted, now: new Date('2026-04-07T08:00:00Z') })).toMatchObject({ enqueued: 2, sent: 2 });
    expect(await runReminderTick({ ...first, now: new Date('2026-04-08T09:00:00Z') })).toMatchObject({ enqueued: 0, sent: 0 });
    expect(weeklyCards(posts)).toHaveLength(4);
    const outbox = await database.db.selectFrom('reminder_outbox').select(['idempotency_key', 'status', 'case_id']).orderBy('idempotency_key').execute();
    expect(outbox).toEqual([
      { idempotency_key: `team-week|${TENANT}|${NORTH_MANAGER}|2026-W13`, status: 'sent', case_id: null },
      { idempotency_key: `team-week|${TENANT}|${NORTH_MANAGER}|2026-W15`, status: 'sent', case_id: null },
      { idempotency_key: `team-week|${TENANT}|${SOUTH_MANAGER}|2026-W13`, status: 'sent', case_id: null },
      { idempotency_key: `team-week|${TENANT}|${SOUTH_MANAGER}|2026-W15`, status: 'sent', case_id: null },
    ]);
  }, 120_000);

  it('cancels the card of someone who no longer manages a team when it comes to be sent', async () => {
    await seedTeams(database.db);
    const posts = connector();
    expect(await enqueueTeamWeekCards(new ReminderOutboxStore(database.db), '2026-03-23' as LocalDate, calendar, new Date('2026-03-23T06:00:00Z'))).toBe(2);
    await new RoleStore(database.db, []).withdraw(TENANT, { userId: SOUTH_MANAGER, role: 'manager', team: 'South' }, 'admin', new Date('2026-03-23T07:00:00Z'));
    expect(await runReminderTick({ ...instanceOn(database.db), now: new Date('2026-03-23T09:00:00Z') })).toMatchObject({ enqueued: 0, sent: 1 });
    expect(weeklyCards(posts)).toEqual([`a:chat-${NORTH_MANAGER}`]);
    const south = await database.db.selectFrom('reminder_outbox').select(['status', 'last_outcome']).where('recipient_id', '=', SOUTH_MANAGER).execute();
    expect(south).toEqual([{ status: 'cancelled', last_outcome: 'no longer manages a team' }]);
  }, 120_000);
});

const postgresUrl = process.env.TEST_DATABASE_URL;

describe.skipIf(!postgresUrl)('the weekly card from two instances on one PostgreSQL database', () => {
  let first: Database;
  let second: Database;
  beforeEach(async () => {
    first = await DATABASE_ENGINES.find((engine) => engine.name === 'PostgreSQL')!.open();
    const schema = (await sqlSchemaOf(first.db)) ?? '';
    // The second instance: its own connection pool on the same schema, as a second container would have.
    second = await openDatabase({ databaseUrl: postgresUrl ?? '', schema });
    await seedTeams(first.db);
  });
  afterEach(async () => {
    await second.close();
    await first.close();
  });

  it('sends exactly one card per manager per week when both run their passes at the same moments', async () => {
    const posts = connector();
    const instances = [instanceOn(first.db), instanceOn(second.db)];
    const moments = ['2026-03-23T08:00:00Z', '2026-03-23T08:05:00Z', '2026-03-23T10:00:00Z', '2026-03-30T08:00:00Z', '2026-03-30T08:00:30Z'];
    for (const moment of moments) {
      await Promise.all(instances.map((instance) => runReminderTick({ ...instance, now: new Date(moment) })));
    }
    expect(weeklyCards(posts)).toEqual([`a:chat-${NORTH_MANAGER}`, `a:chat-${NORTH_MANAGER}`, `a:chat-${SOUTH_MANAGER}`, `a:chat-${SOUTH_MANAGER}`]);
    const rows = await first.db.selectFrom('reminder_outbox').select(['idempotency_key', 'status']).orderBy('idempotency_key').execute();
    expect(rows.map((row) => `${row.idempotency_key} ${row.status}`)).toEqual([
      `team-week|${TENANT}|${NORTH_MANAGER}|2026-W13 sent`,
      `team-week|${TENANT}|${NORTH_MANAGER}|2026-W14 sent`,
      `team-week|${TENANT}|${SOUTH_MANAGER}|2026-W13 sent`,
      `team-week|${TENANT}|${SOUTH_MANAGER}|2026-W14 sent`,
    ]);
  }, 120_000);
});

async function sqlSchemaOf(db: Db): Promise<string | undefined> {
  const { rows } = await sql<{ schema: string }>`SELECT current_schema() AS schema`.execute(db);
  return rows[0]?.schema;
}
