import nock from 'nock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ApprovalStore } from '../../bot/store/approvals.js';
import { CaseStore } from '../../bot/store/cases.js';
import type { Database } from '../../bot/store/database.js';
import { RoleStore } from '../../bot/store/roles.js';
import { VERBS } from '../../cards/verbs.js';
import { POLICIES } from '../../domain/policy/registry.js';
import { DATABASE_ENGINES } from '../helpers/databases.js';
import { calendar } from '../helpers/policy.js';
import { cardActionFrom, messageFrom, startBotUnderAttack, textsOf, type BotUnderAttack, type Sender } from './bot-under-attack.js';

// Issue 13: what an independent attack found in chat, each fixed and held here (items 6 and 8).
const COUNCIL = '4b1f6a2e-9c3d-4e8f-a1b2-7c6d5e4f3a21';
const ADMIN: Sender = { tenantId: COUNCIL, userId: 'admin-object-id' };
const SAM: Sender = { tenantId: COUNCIL, userId: 'sam-object-id' };
const PRIYA: Sender = { tenantId: COUNCIL, userId: 'priya-object-id' };
const AT = new Date('2026-03-10T09:00:00Z');

describe.each(DATABASE_ENGINES)('what the attack found in chat, on $name', ({ open }) => {
  let database: Database;
  let bot: BotUnderAttack;
  let approvalId: string;
  const said = async (sender: Sender, text: string) => {
    bot.sentToConnector.length = 0;
    await bot.post(messageFrom(sender, text));
    return textsOf(bot.sentToConnector);
  };

  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    database = await open();
    bot = await startBotUnderAttack({ NODE_ENV: 'test', BOT_ADMINS: ADMIN.userId }, database);
    const roles = new RoleStore(database.db, []);
    await roles.assign(COUNCIL, { userId: SAM.userId, role: 'worker', team: 'North' }, ADMIN.userId, AT);
    await roles.assign(COUNCIL, { userId: PRIYA.userId, role: 'worker', team: 'South' }, ADMIN.userId, AT);
    const cases = new CaseStore(database.db, POLICIES, calendar);
    const opened = await cases.openCase({ tenantId: COUNCIL, reference: 'AB12', initials: 'A.B.', authorityId: 'redbridge', team: 'North', workerId: SAM.userId, pathways: [], openedOn: '2026-03-02' as never }, SAM, AT);
    if (!opened.ok) throw new Error(opened.error.kind);
    const draft = await new ApprovalStore(database.db, cases).saveDraft(opened.value, 'closure', [], SAM, AT);
    if (!draft.ok) throw new Error('draft not saved');
    approvalId = draft.value.id;
  });
  afterAll(async () => {
    await bot.close();
    await database.close();
  });
  beforeEach(() => {
    bot.sentToConnector.length = 0;
  });

  it('item 6: shows a worker only their own roles, and an admin everyone’s', async () => {
    const priyasList = await said(PRIYA, 'roles');
    expect(priyasList).toContain('priya-object-id is worker of team South');
    expect(priyasList).not.toContain('sam-object-id');
    const adminsList = await said(ADMIN, 'roles');
    expect(adminsList).toContain('sam-object-id is worker of team North');
    expect(adminsList).toContain('priya-object-id is worker of team South');
  });

  it('item 7: lists a team whose name is markdown as typed, never as a link', async () => {
    await said(ADMIN, 'role mallory-object-id worker of [Click to confirm closure](https://evil.example/confirm)');
    const list = await said(ADMIN, 'roles');
    expect(list).toContain('mallory-object-id is worker of team \\[Click to confirm closure\\]\\(https://evil.example/confirm\\)');
    expect(list.replace(/\\./g, '')).not.toMatch(/\[[^\]]*\]\(/);
  });

  it('item 8: answers an outsider the same for a case that is not there and one that is not theirs', async () => {
    const someoneElses = await said(PRIYA, 'case AB12');
    const missing = await said(PRIYA, 'case ZZ99');
    expect(someoneElses.replaceAll('AB12', 'X')).toBe(missing.replaceAll('ZZ99', 'X'));
    expect(someoneElses).toContain("You can't see or change AB12");
    expect(await said(PRIYA, 'record visit yesterday for AB12')).toBe(someoneElses);
  });

  it('item 8: audits at most ten refusals an hour of one person pressing Approve on a request not theirs to decide', async () => {
    for (let press = 0; press < 25; press += 1) {
      const answer = await bot.post(cardActionFrom(PRIYA, VERBS.approveClosure, { approvalId, caseReference: 'AB12', version: 1 }, 'execute'));
      expect(answer.status).toBe(200);
    }
    const refusals = await database.db.selectFrom('audit_log').select('action').where('actor_id', '=', PRIYA.userId).where('action', '=', 'closure.refused').execute();
    expect(refusals).toHaveLength(10);
    expect(await database.db.selectFrom('approvals').select('status').execute()).toEqual([{ status: 'draft' }]);
  });
});
