import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type StartedBot } from '../../bot/start-bot.js';
import { replyText } from '../../scripts/eval/expectations.js';
import { chatWith } from '../helpers/chat-driver.js';
import { idsOfItsOwn } from '../helpers/ids-of-its-own.js';
import { putNewClusterIn } from '../helpers/databases.js';

// Cases through activities, as Teams sends them: the real bot on an embedded database in a folder, nock as
// the Bot Connector. Each test gives roles and opens a case of its own; one stops and starts the bot again on
// the same folder.
const TENANT = '4b1f6a2e-9c3d-4e8f-a1b2-7c6d5e4f3a21';
const ADMIN = 'admin-object-id';

let dataDir: string;
let bot: StartedBot;
const env = () => ({ PORT: '0', DATA_DIR: dataDir, NODE_ENV: 'test', LOG_LEVEL: 'silent', BOT_ADMINS: ADMIN });

beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  dataDir = mkdtempSync(join(tmpdir(), 'cin-cases-'));
  await putNewClusterIn(dataDir);
  bot = await startBot(env(), { host: '127.0.0.1' });
});
afterAll(async () => {
  await bot.stop();
  rmSync(dataDir, { recursive: true, force: true });
  nock.cleanAll();
  nock.enableNetConnect();
});

const DEFAULT_TIME = '2026-03-10T09:00:00Z';
const chat = chatWith(() => bot, TENANT);
const say = (userId: string, text: string, timestamp = DEFAULT_TIME, extra: Record<string, unknown> = {}) => chat.say(userId, text, timestamp, extra);
const press = (userId: string, verb: string, data: Record<string, unknown>, timestamp = DEFAULT_TIME) => chat.press(userId, verb, data, timestamp);

const cardText = (card: Record<string, unknown> | undefined) => replyText([{ attachments: [card] }]);

/** Sam a worker and a manager of North, Priya a worker of South, each given by the admin. */
async function teamsWithRoles() {
  const teams = idsOfItsOwn({ sam: 'sam', priya: 'priya', manager: 'manager', north: 'North', south: 'South', reference: 'AB12' });
  for (const [who, role, team] of [
    [teams.sam, 'worker', teams.north],
    [teams.priya, 'worker', teams.south],
    [teams.manager, 'manager', teams.north],
  ] as const) {
    expect((await say(ADMIN, `role ${who} ${role} of ${team}`)).said).toContain(`${who} is ${role} of team ${team}`);
  }
  return teams;
}

type Teams = Awaited<ReturnType<typeof teamsWithRoles>>;

/** Sam's Redbridge case, opened 1 March 2026, with the decision that a plan is needed on 9 March. */
async function caseWithDecision(): Promise<Teams> {
  const teams = await teamsWithRoles();
  const opened = await press(teams.sam, 'case.create', { reference: teams.reference, initials: 'a.b.', authorityId: 'redbridge', team: teams.north, worker: 'me', openedOn: '2026-03-01', pathways: '' });
  expect(opened.said).toMatch(new RegExp(`Opened ${teams.reference}`));
  expect((await say(teams.sam, `record decision that a plan is needed 9 March 2026 for ${teams.reference}`)).said).toContain(`Recorded for ${teams.reference}`);
  return teams;
}

/** A visit of Monday 9 March recorded from the record card; its entry number on the timeline. */
async function visitRecorded({ sam, reference }: Teams): Promise<string | undefined> {
  const recorded = await press(sam, 'event.record', { reference, kind: 'visit-made', on: '2026-03-09', countsFrom: '' });
  expect(cardText(recorded.updatedCard)).toContain('Visit made');
  return /Visit made\s+TextRun\s+\(#(\d+)\)/.exec((await say(sam, `case ${reference}`)).said)?.[1];
}

describe('cases through chat and cards', () => {
  it('lets the admin from BOT_ADMINS give roles in teams, and refuses anyone else', async () => {
    const [sam, priya, manager] = ['sam-roles', 'priya-roles', 'manager-roles'];
    expect((await say(sam, `role ${sam} manager of North-roles`)).said).toMatch(/Only an admin/);
    expect((await say(ADMIN, `role ${sam} worker of North-roles`)).said).toContain(`${sam} is worker of team North-roles`);
    expect((await say(ADMIN, `role ${priya} worker of South-roles`)).said).toContain('team South-roles');
    expect((await say(ADMIN, `role ${manager} manager of North-roles`)).said).toContain('manager of team North-roles');
    expect((await say(sam, 'roles')).said).toMatch(/sam-roles is worker of team North-roles/);
  });

  it('opens a case from the new-case card, keeping the input and naming each wrong field when refused', async () => {
    const { sam, north, reference } = await teamsWithRoles();
    const form = await say(sam, `new case ${reference}`);
    expect(form.cards).toHaveLength(1);
    expect(cardText(form.cards[0])).toContain('Open case');

    const refused = await press(sam, 'case.create', { reference, initials: 'Jayden', authorityId: 'redbridge', team: north, worker: 'me', openedOn: '2026-03-01', pathways: '' });
    const refusedCard = JSON.stringify(refused.updatedCard);
    expect(refusedCard).toContain('"value":"Jayden"');
    expect(refusedCard).toContain('initials only');
    expect(refusedCard).toContain('"value":"2026-03-01"');

    const opened = await press(sam, 'case.create', { reference: reference.toLowerCase(), initials: 'a.b.', authorityId: 'redbridge', team: north, worker: 'me', openedOn: '2026-03-01', pathways: '' });
    expect(cardText(opened.updatedCard)).toContain(reference);
    expect(opened.said).toMatch(new RegExp(`Opened ${reference}`));
    expect((await press(sam, 'case.create', { reference, initials: 'C.D.', authorityId: 'camden', team: north, worker: 'me', openedOn: '2026-03-01' })).updatedCard).toBeDefined();
  });

  it('records an event in words and answers with the timeline and its new deadline', async () => {
    const { sam, north, reference } = await teamsWithRoles();
    await press(sam, 'case.create', { reference, initials: 'a.b.', authorityId: 'redbridge', team: north, worker: 'me', openedOn: '2026-03-01', pathways: '' });
    const recorded = await say(sam, `record decision that a plan is needed 9 March 2026 for ${reference}`);
    // 9 March 2026 (Mon) + 15 working days = Monday 30 March 2026
    expect(recorded.said).toContain(`Recorded for ${reference}`);
    expect(recorded.said).toContain('Monday 30 March 2026');
    expect(recorded.said).toContain('Source: 3. Initial CiN Meetings and Subsequent Reviews');
  });

  it('refuses a visit dated after today with the reason beside the date, the input kept, and records nothing', async () => {
    const { sam, reference } = await caseWithDecision();
    const refused = await say(sam, `record visit 12 March 2026 for ${reference}`);
    expect(refused.said).toMatch(/Nothing recorded yet\. Thursday 12 March 2026 is after today \(Tuesday 10 March 2026\)/);
    expect(JSON.stringify(refused.cards[0])).toContain('"value":"2026-03-12"');
    expect(JSON.stringify(refused.cards[0])).toContain('"value":"visit-made"');
    expect((await say(sam, `case ${reference}`)).said).not.toMatch(/Visit made/);
  });

  it('records from the record card, and refuses a date before the case opened beside the field', async () => {
    const { sam, reference } = await caseWithDecision();
    const refused = await press(sam, 'event.record', { reference, kind: 'visit-made', on: '2026-02-20', countsFrom: '' });
    expect(JSON.stringify(refused.updatedCard)).toContain('before the case opened (Sunday 1 March 2026)');
    const recorded = await press(sam, 'event.record', { reference, kind: 'visit-made', on: '2026-03-09', countsFrom: '' });
    expect(cardText(recorded.updatedCard)).toContain('Visit made');
  });

  it('keeps a worker of another team out of the case, whatever they try', async () => {
    const { priya, reference } = await caseWithDecision();
    const kept = new RegExp(`can't see or change ${reference}`);
    expect((await say(priya, `case ${reference}`)).said).toMatch(kept);
    expect((await say(priya, `record visit yesterday for ${reference}`)).said).toMatch(kept);
    expect((await press(priya, 'event.record', { reference, kind: 'visit-made', on: '2026-03-09' })).said).toMatch(kept);
    expect((await say(priya, 'my deadlines')).said).toMatch(/Nothing is due on your cases/);
  });

  it('lists the worker\u2019s deadlines and the manager\u2019s team deadlines, soonest first', async () => {
    const { sam, manager, reference } = await caseWithDecision();
    expect((await say(sam, 'my deadlines')).said).toMatch(new RegExp(`My deadlines: 1 item; the soonest is ${reference}, due Monday 30 March 2026: Convene the initial CiN meeting`));
    expect((await say(manager, 'team deadlines')).said).toMatch(new RegExp(`${reference}, due Monday 30 March 2026`));
    expect((await say(sam, 'team deadlines')).said).toMatch(/for managers and senior practitioners/);
    expect((await say(sam, 'my cases')).said).toMatch(new RegExp(`${reference} A\\.B\\.`));
  });

  it('serves the case\u2019s deadlines as an .ics file from the timeline card\u2019s link', async () => {
    const { sam, reference } = await caseWithDecision();
    const timeline = await say(sam, `case ${reference}`);
    const link = /https?:\/\/[^\s"]+\/downloads\/[\w.-]+/.exec(JSON.stringify(timeline.cards[0]))?.[0];
    expect(link).toBeDefined();
    const response = await fetch(`${bot.url}${new URL(link ?? '').pathname}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/calendar/);
    const ics = await response.text();
    expect(ics).toContain('DTSTART;VALUE=DATE:20260330');
    expect(ics).toContain(`SUMMARY:${reference}: Convene the initial CiN meeting`);
    expect(ics).not.toContain('A.B.');
  });

  it('withdraws a wrong entry as an audited correction', async () => {
    const teams = await caseWithDecision();
    const visitEntry = await visitRecorded(teams);
    expect(visitEntry).toBeDefined();
    expect((await say(teams.sam, `withdraw ${visitEntry ?? ''} for ${teams.reference}`)).said).toMatch(new RegExp(`Withdrawn from ${teams.reference}`));
    expect((await say(teams.sam, `case ${teams.reference}`)).said).not.toMatch(/Visit made/);
  });

  it('writes an audit row for every role, case and event change, with ids and no names', async () => {
    const teams = await caseWithDecision();
    await say(teams.sam, `withdraw ${(await visitRecorded(teams)) ?? ''} for ${teams.reference}`);
    const people = new Set([teams.sam, teams.priya, teams.manager]);
    const ours = (row: { case_reference: string | null; detail: unknown }) => row.case_reference === teams.reference || people.has(String((row.detail as { userId?: string } | null)?.userId));
    const rows = (await bot.database.db.selectFrom('audit_log').select(['action', 'actor_id', 'case_reference', 'detail']).orderBy('id').execute()).filter(ours);
    expect(rows.map((row) => `${row.action} ${row.case_reference ?? '-'} by ${row.actor_id}`)).toEqual([
      `role.assigned - by ${ADMIN}`,
      `role.assigned - by ${ADMIN}`,
      `role.assigned - by ${ADMIN}`,
      `case.opened ${teams.reference} by ${teams.sam}`,
      `event.recorded ${teams.reference} by ${teams.sam}`,
      `event.recorded ${teams.reference} by ${teams.sam}`,
      `event.withdrawn ${teams.reference} by ${teams.sam}`,
    ]);
    expect(JSON.stringify(rows)).not.toContain('A.B.');
  });

  it('gives the same timeline after the bot is stopped and started again on the same data', async () => {
    const { sam, reference } = await caseWithDecision();
    const before = (await say(sam, `case ${reference}`)).said;
    await bot.stop();
    bot = await startBot(env(), { host: '127.0.0.1' });
    const after = (await say(sam, `case ${reference}`)).said;
    // The calendar link is signed afresh each time; everything else must be the same.
    const withoutLinks = (text: string) => text.replace(/\/downloads\/[\w.-]+/g, '/downloads/…');
    expect(withoutLinks(after)).toEqual(withoutLinks(before));
    expect(after).toContain('Monday 30 March 2026');
  });

  it('imports cases from a census CSV attached to "import cases", reporting each rejected line', async () => {
    const { sam, manager, north } = await teamsWithRoles();
    const csv = [
      'LAchildID,CINreferralDate,AssessmentActualStartDate,AssessmentAuthorisationDate,CINPlanStartDate,CINPlanEndDate,CINclosureDate,Initials,Authority,Team,Worker,Manager',
      `CD77,2026-05-01,2026-05-05,27/05/2026,,,,C.D.,Camden,${north},${sam},${manager}`,
      `XX01,2026-13-01,,,,,,X.X.,Camden,${north},${sam},${manager}`,
    ].join('\n');
    nock('https://tenant.sharepoint.com').get('/personal/admin/cases.csv').reply(200, csv, { 'content-type': 'text/csv' });
    const attachments = [{ contentType: 'application/vnd.microsoft.teams.file.download.info', name: 'cases.csv', content: { downloadUrl: 'https://tenant.sharepoint.com/personal/admin/cases.csv', uniqueId: 'f1', fileType: 'csv' } }];
    const { said } = await say(ADMIN, 'import cases', '2026-06-01T09:00:00Z', { attachments });
    expect(said).toMatch(/1 cases opened/);
    expect(said).toMatch(/line 3 \(XX01\)/);
    // Camden: the initial CIN review 2 weeks after the assessment completed on 27 May 2026 = Wednesday 10 June 2026
    expect((await say(sam, 'case CD77', '2026-06-01T09:00:00Z')).said).toContain('Wednesday 10 June 2026');
  });

  it('shows the document\u2019s other figure beside the stricter date, and an earliest date, on the timeline (Slough, disabled child)', async () => {
    const { sam, north } = await teamsWithRoles();
    const opened = await press(sam, 'case.create', { reference: 'SL34', initials: 'e.f.', authorityId: 'slough', team: north, worker: 'me', openedOn: '2026-03-01', pathways: 'disabled-children' });
    expect(opened.said).toMatch(/Opened SL34/);
    await say(sam, 'record plan started 2 March 2026 for SL34');
    const reviewed = await say(sam, 'record review held 2 March 2026 for SL34');
    // Review Monday 2 March 2026: + 3 months = Tuesday 2 June 2026 (followed); the disabled children's 6-monthly
    // minimum gives Wednesday 2 September 2026 (named). Plan started 2 March: earliest closure from Tuesday 2 June.
    // The message text is one line naming the soonest item; the list lives on the card (issue 14, item 6).
    expect(reviewed.text).toContain('Upcoming Tuesday 2 June 2026: Review the CIN Plan (every three months). The card lists 2 more.');
    expect(reviewed.replies.every((reply) => !String(reply['text']).includes('\n'))).toBe(true);
    const card = cardText(reviewed.cards[0]);
    expect(card).toContain('Review the CIN Plan (every three months). The document also gives Wednesday 2 September 2026 (Children with Disabilities); the stricter date is followed.');
    expect(card).toContain('from Tuesday 2 June 2026');
    expect(card).toContain('Close or step down the CIN Plan (after it has been reviewed) (the earliest date, not a deadline)');
  });
});
