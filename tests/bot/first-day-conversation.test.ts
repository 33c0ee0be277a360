import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { runReminderTick } from '../../bot/reminders/deliver-reminders.js';
import { botContextOn, startBot, type StartedBot } from '../../bot/start-bot.js';
import type { Database } from '../../bot/store/database.js';
import { createAdapter } from '../../bot/teams/adapter.js';
import { createMessenger } from '../../bot/teams/messenger.js';
import { VERBS } from '../../cards/verbs.js';
import { objectsOfType, textsIn, type Json } from '../cards/card-queries.js';
import { chatWith, standInConnector, submissionOf } from '../helpers/chat-driver.js';
import { DATABASE_ENGINES, putNewClusterIn } from '../helpers/databases.js';
import { idsOfItsOwn } from '../helpers/ids-of-its-own.js';
import { textOf, turnsWith } from '../helpers/in-process-turn.js';
import { agreePlanAndReview } from '../helpers/reviewed-plan.js';
import { activityFixture, recordingLogger } from './teams/bot-framework-double.js';

// A new team's first day, as it went in Microsoft 365 Agents Playground (issue 14), through activities as a
// client sends them. The bot runs without MicrosoftAppId, as locally; the stand-in Connector answers every send
// 200 with no activity id, as the Playground does, and cannot create a chat with someone who never wrote.
const PLAYGROUND_TENANT = '00000000-0000-0000-0000-0000000000a1';
const OTHER_CLIENT_TENANT = 'b7e1c2d3-0000-4000-8000-00000000beef';
const ADMIN = 'admin-object-id';
const SAM = 'sam-object-id';
const ALEX = 'alex-object-id';
const MONDAY = '2026-12-07T09:00:00Z';
const TUESDAY = '2026-12-08T09:00:00Z';

const connector = standInConnector({ givesIds: false, refusesNewChats: true });
let dataDir: string;
let bot: StartedBot;
let nextId = 0;

beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  dataDir = mkdtempSync(join(tmpdir(), 'cin-first-day-'));
  await putNewClusterIn(dataDir);
  bot = await startBot({ PORT: '0', DATA_DIR: dataDir, NODE_ENV: 'test', LOG_LEVEL: 'silent', BOT_ADMINS: ADMIN, REMINDER_INTERVAL_SECONDS: '0' }, { host: '127.0.0.1' });
});
afterAll(async () => {
  await bot.stop();
  rmSync(dataDir, { recursive: true, force: true });
  nock.cleanAll();
  nock.enableNetConnect();
});

const chats = { [PLAYGROUND_TENANT]: chatWith(() => bot, PLAYGROUND_TENANT, { connector, named: true }), [OTHER_CLIENT_TENANT]: chatWith(() => bot, OTHER_CLIENT_TENANT, { connector, named: true }) };
const { post } = chats[PLAYGROUND_TENANT];
const say = (userId: string, text: string, timestamp = MONDAY, tenantId: keyof typeof chats = PLAYGROUND_TENANT) => chats[tenantId].say(userId, text, timestamp);
const press = (userId: string, verb: string, data: Json, timestamp = MONDAY) => chats[PLAYGROUND_TENANT].press(userId, verb, data, timestamp);
const talker = chats[PLAYGROUND_TENANT];
const buttonsOf = (card: Json | undefined) => objectsOfType(card?.['body'], 'Action.Execute').map((action) => String(action['title']));
const { sentTo } = connector;
/** The channel's card goes out just after the turn, from the bot's own HTTP server and database: real time. */
const waitFor = (check: () => void) => vi.waitFor(check, { timeout: 20_000, interval: 50 });

/** What a client sends when the bot is added to a conversation: the bot among the members added. */
function botAdded(userId: string, conversation: Json, channelData: Json, timestamp: string): Json {
  const fixture = activityFixture('conversation-update-bot-added');
  return { ...fixture, id: `install-${nextId++}`, timestamp, from: { id: `29:${userId}`, aadObjectId: userId }, conversation, channelData };
}

/** The admin gives the roles; Sam (not Alex) has written to the bot, and Sam opens a Camden case on Monday. */
async function teamWithCase() {
  const north = idsOfItsOwn({ sam: 'sam', alex: 'alex', team: 'North', reference: 'DL01' });
  await say(ADMIN, `role ${north.sam} worker of ${north.team}`);
  await say(ADMIN, `role ${north.alex} manager of ${north.team}`);
  const opened = await press(north.sam, VERBS.createCase, { reference: north.reference, initials: 'D.L.', authorityId: 'camden', team: north.team, worker: 'me', openedOn: '2026-11-02', pathways: '' });
  expect(opened.text).toMatch(new RegExp(`Opened ${north.reference}`));
  return north;
}

type NorthTeam = Awaited<ReturnType<typeof teamWithCase>>;

/** The General channel of the team in Teams. */
const channelOf = (north: NorthTeam) => `19:${north.team}-general@thread.tacv2`;

/** Alex adds the bot to the team: its General channel becomes the team's channel for requests. */
const botAddedToTeam = (north: NorthTeam) =>
  post(botAdded(north.alex, { conversationType: 'channel', tenantId: PLAYGROUND_TENANT, id: channelOf(north), isGroup: true }, { tenant: { id: PLAYGROUND_TENANT }, team: { id: `19:${north.team}@thread.tacv2`, name: north.team } }, MONDAY));

/** Initial meeting Thursday 3 December 2026; Camden's review within three calendar months: Wednesday 3 March 2027. */
const planAgreedAndReviewedToContinue = (north: NorthTeam) =>
  agreePlanAndReview(talker, north.sam, { authorityId: 'camden', reference: north.reference, agreedOn: '2026-12-03', reviewOn: '2027-03-03', actionDueOn: '2027-02-26', heldOn: '2026-12-07', decision: 'continue' }, MONDAY);

/** On Tuesday a second review decides to close, and Sam sends the closure request. */
async function closureRequested(north: NorthTeam) {
  const card = (await say(north.sam, `review ${north.reference}`, TUESDAY)).cards[0];
  const reviewed = await press(north.sam, VERBS.recordPlanReview, submissionOf(card, VERBS.recordPlanReview, { 'progress-0': 'achieved', childViews: 'Happy', familyViews: 'Ready to close', decision: 'close' }), TUESDAY);
  expect(reviewed.text).toContain(`recorded for ${north.reference}`);
  const request = (await say(north.sam, `close ${north.reference}`, TUESDAY)).cards[0];
  expect(textsIn(request)).toContain('Decided at the review of Tuesday 8 December 2026: to close');
  return press(north.sam, VERBS.sendClosureRequest, { caseReference: north.reference, kind: 'closure', confirmed: 'camden.closure.network-notified' }, TUESDAY);
}

/** A case of a team in its channel, its plan reviewed, and its closure request sent to Alex. */
async function closureRequestedInChannel(): Promise<NorthTeam> {
  const north = await teamWithCase();
  await botAddedToTeam(north);
  await planAgreedAndReviewedToContinue(north);
  await closureRequested(north);
  return north;
}

/** Alex approves the request from the card "team deadlines" shows. */
async function approvedFromTeamDeadlines(north: NorthTeam) {
  const approval = (await say(north.alex, 'team deadlines', TUESDAY)).cards.find((card) => buttonsOf(card).includes('Approve'));
  const data = objectsOfType(approval, 'Action.Execute').find((action) => action['title'] === 'Approve')?.['data'] as Json;
  return press(north.alex, VERBS.approveClosure, data, TUESDAY);
}

describe('a team\u2019s first day in the Agents Playground', () => {
  it('greets once on opening, though the client sends both an installationUpdate and a conversationUpdate (item 7)', async () => {
    const conversation = { conversationType: 'personal', tenantId: PLAYGROUND_TENANT, id: `a:chat-${SAM}` };
    const before = sentTo(`a:chat-${SAM}`).length;
    await post({ ...activityFixture('installation-update-add'), id: `install-${nextId++}`, timestamp: MONDAY, from: { id: `29:${SAM}`, aadObjectId: SAM }, conversation, channelData: { tenant: { id: PLAYGROUND_TENANT } } });
    await post(botAdded(SAM, conversation, { tenant: { id: PLAYGROUND_TENANT } }, MONDAY));
    const greetings = sentTo(`a:chat-${SAM}`).slice(before).filter((entry) => JSON.stringify(entry.body).includes('Procedures I know'));
    expect(greetings).toHaveLength(1);
  });

  it('lists in help every command the person\u2019s role may use, grouped, each with an example (item 8)', async () => {
    await say(ADMIN, `role ${SAM} worker of North`);
    await say(ADMIN, `role ${ALEX} manager of North`);
    const worker = textsIn((await say(SAM, 'help')).cards[0]);
    for (const group of ['Ask', 'Cases', 'Plans', 'Closures']) expect(worker).toContain(group);
    for (const command of ['new case <ref>', 'record <what> <when> for <ref>', 'case <ref>', 'my deadlines', 'plan <ref>', 'review <ref>', 'close <ref>', 'step down <ref>']) {
      expect(worker).toContain(command);
    }
    expect(worker).toContain('close AB12');
    expect(worker).not.toContain('Admin');
    expect(worker).not.toContain('team deadlines');
    const admin = textsIn((await say(ADMIN, 'help')).cards[0]);
    expect(admin).toEqual(expect.arrayContaining(['Admin', 'delivery status', 'roles', 'team deadlines', 'export census 1 April 2026 to 31 March 2027']));
    const stranger = textsIn((await say('someone-new', 'help')).cards[0]);
    expect(stranger).toContain('Ask');
    expect(stranger).not.toContain('Cases');
  });

  it('keeps one local tenant whatever tenant a client sends, with authentication off (item 5)', async () => {
    const north = await teamWithCase();
    expect((await say(north.sam, `case ${north.reference}`, MONDAY, OTHER_CLIENT_TENANT)).cards.map(textsIn).flat()).toContain(north.reference);
    const tenants = await bot.database.db.selectFrom('cases').select('tenant_id').where('reference', '=', north.reference).execute();
    expect(tenants).toEqual([{ tenant_id: 'local' }]);
  });

  it('keeps the team-to-channel mapping when the bot is added to a team', async () => {
    const north = await teamWithCase();
    await botAddedToTeam(north);
    const mapped = await bot.database.db.selectFrom('team_channels').select(['tenant_id', 'teams_team_id', 'team_name']).where('team_name', '=', north.team).execute();
    expect(mapped).toEqual([{ tenant_id: 'local', teams_team_id: `19:${north.team}@thread.tacv2`, team_name: north.team }]);
  });

  it('does not tick "closure is agreed at a CIN review" for a review that decided to continue (item 2)', async () => {
    const north = await teamWithCase();
    await planAgreedAndReviewedToContinue(north);
    const request = (await say(north.sam, `close ${north.reference}`)).cards[0];
    expect(textsIn(request)).toContain('The review of Monday 7 December 2026 decided to continue with the plan: only a review that decides this meets it (record it with "review <ref>")');
    const refused = await press(north.sam, VERBS.sendClosureRequest, { caseReference: north.reference, kind: 'closure', confirmed: 'camden.closure.network-notified' });
    expect(textsIn(refused.updatedCard).some((text) => text.startsWith('Not sent: 1 not met yet'))).toBe(true);
  });

  it('tells the worker at once who could not be reached and what to do, and posts the request in the team\u2019s channel (item 3)', async () => {
    const north = await teamWithCase();
    await botAddedToTeam(north);
    await planAgreedAndReviewedToContinue(north);
    const sent = await closureRequested(north);
    expect(sent.text).toContain(`${north.reference}: your closure request is with 1 person who may decide it.`);
    expect(sent.text).toContain(
      `${north.alex} has never opened a chat with CiN Assistant, so the card may not reach them. Ask them to open CiN Assistant in Teams once (or your Teams admin to install it for everyone through the app set-up policy); until then they can decide it from "case ${north.reference}" or "team deadlines".`,
    );
    expect(sent.text).toContain(`It is posted in team ${north.team}'s channel too.`);
    await waitFor(async () =>
      expect(
        await bot.database.db
          .selectFrom('approval_notices')
          .innerJoin('approvals', 'approvals.id', 'approval_notices.approval_id')
          .innerJoin('cases', 'cases.id', 'approvals.case_id')
          .select(['approval_notices.kind', 'approval_notices.status', 'approval_notices.last_outcome'])
          .where('approval_notices.kind', '=', 'channel')
          .where('cases.reference', '=', north.reference)
          .execute(),
      ).toEqual([{ kind: 'channel', status: 'sent', last_outcome: 'sent without an id' }]),
    );
    // The channel had the welcome when the bot joined the team; then the request.
    const posted = sentTo(channelOf(north)).at(-1)?.body;
    expect(String(posted?.['text'])).toBe(`Closure requested: ${north.reference}. Waiting for a manager's decision.`);
    expect(JSON.stringify(posted)).not.toContain('D.L.');
  });

  it('shows the manager the request with Approve and Return in team deadlines and in case <ref>; approving from there closes the case', async () => {
    const north = await closureRequestedInChannel();
    const deadlines = await say(north.alex, 'team deadlines', TUESDAY);
    expect(deadlines.text).toContain('1 request waits for your decision:');
    const approval = deadlines.cards.find((card) => buttonsOf(card).includes('Approve'));
    expect(buttonsOf(approval)).toEqual(['Approve', 'Return']);
    const fromCase = await say(north.alex, `case ${north.reference}`, TUESDAY);
    expect(fromCase.cards.map(buttonsOf)).toContainEqual(['Approve', 'Return']);
    const data = objectsOfType(approval, 'Action.Execute').find((action) => action['title'] === 'Approve')?.['data'] as Json;
    const approved = await press(north.alex, VERBS.approveClosure, data, TUESDAY);
    expect(textsIn(approved.updatedCard).some((text) => text.startsWith(`Approved by Name of ${north.alex}`))).toBe(true);
  });

  it('leaves the closed case no deadline, in case <ref> and in team deadlines (item 1)', async () => {
    const north = await closureRequestedInChannel();
    await approvedFromTeamDeadlines(north);
    const shown = await say(north.sam, `case ${north.reference}`, TUESDAY);
    expect(shown.text).toContain('closed Tuesday 8 December 2026');
    expect(shown.text).toContain('Nothing is due.');
    const texts = shown.cards.map(textsIn).flat();
    for (const status of ['Upcoming', 'Overdue', 'Due today']) expect(texts).not.toContain(status);
    const team = await say(north.alex, 'team deadlines', TUESDAY);
    expect(team.text).not.toContain(north.reference);
    expect(team.text).not.toContain('waits for your decision');
  });

  describe('on a database of its own', () => {
    // The tick and "delivery status" count every reminder in the database, so this test's are alone in theirs.
    let database: Database;
    beforeEach(async () => {
      database = await DATABASE_ENGINES[0]!.open();
    });
    afterEach(() => database.close());

    it('counts a send answered 2xx without an activity id as delivered, sends it once, and says so in the log once (item 4)', async () => {
      const log = recordingLogger();
      const messenger = createMessenger(createAdapter(bot.config, log), { appId: '', log });
      const context = { ...botContextOn(database.db, bot.config, messenger), messenger, log };
      const turns = turnsWith(context, 'local', (userId) => `a:chat-${userId}`);
      await turns.say(ADMIN, `role ${SAM} worker of North`, '2026-03-09T09:00:00Z');
      await turns.say(ADMIN, `role ${ALEX} manager of North`, '2026-03-09T09:00:00Z');
      await turns.say(ALEX, 'help', '2026-03-09T09:00:00Z');
      await turns.press(SAM, VERBS.createCase, { reference: 'RB7', initials: 'R.B.', authorityId: 'redbridge', team: 'North', worker: 'me', openedOn: '2026-03-01', pathways: '' }, '2026-03-09T09:00:00Z');
      await turns.say(SAM, 'record plan decision 9 March 2026 for RB7', '2026-03-09T09:00:00Z');
      const before = sentTo(`a:chat-${SAM}`).length;
      const alexBefore = sentTo(`a:chat-${ALEX}`).length;
      // Monday: Sam's reminder, and Alex's weekly card as North's manager.
      expect(await runReminderTick({ ...context, now: new Date('2026-03-23T09:00:00Z') })).toMatchObject({ sent: 2 });
      expect(await runReminderTick({ ...context, now: new Date('2026-03-23T09:05:00Z') })).toMatchObject({ sent: 0 });
      expect(sentTo(`a:chat-${SAM}`).slice(before).filter((entry) => String(entry.body['text']).includes('RB7'))).toHaveLength(1);
      expect(sentTo(`a:chat-${ALEX}`).slice(alexBefore).filter((entry) => String(entry.body['text']).startsWith('Your teams this week (Team North'))).toHaveLength(1);
      // Said once by the messenger, however many of its sends came back without an id.
      expect(log.events.filter((event) => event.event === 'connector-sent-without-activity-id')).toHaveLength(1);
      expect(textOf(await turns.say(ADMIN, 'delivery status', '2026-03-23T10:00:00Z'))).toContain('- sent: 2');
    });
  });
});
