import nock from 'nock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseCensusCsv } from '../../bot/cases/census-csv.js';
import { importCases } from '../../bot/cases/import-cases.js';
import { AuditStore } from '../../bot/store/audit.js';
import { CaseStore } from '../../bot/store/cases.js';
import type { Database } from '../../bot/store/database.js';
import { RoleStore } from '../../bot/store/roles.js';
import { VERBS } from '../../cards/verbs.js';
import type { LocalDate } from '../../domain/dates/local-date.js';
import { POLICIES } from '../../domain/policy/registry.js';
import { DATABASE_ENGINES } from '../helpers/databases.js';
import { calendar } from '../helpers/policy.js';
import { cardActionFrom, messageFrom, startBotUnderAttack, textsOf, type BotUnderAttack, type Sender } from './bot-under-attack.js';

// Issue 13, item 1: `ab77` imported for team North and `AB77` opened by a worker of team South were two rows, and
// every lookup took whichever came first: North's worker lost their case and a re-import wrote into South's row.
const COUNCIL = '4b1f6a2e-9c3d-4e8f-a1b2-7c6d5e4f3a21';
const ADMIN: Sender = { tenantId: COUNCIL, userId: 'admin-object-id' };
const SAM: Sender = { tenantId: COUNCIL, userId: 'sam-object-id' };
const PRIYA: Sender = { tenantId: COUNCIL, userId: 'priya-object-id' };
const TODAY = '2026-03-10' as LocalDate;
const AT = new Date('2026-03-10T09:00:00Z');
const HEADER = 'LAchildID,CINreferralDate,AssessmentActualStartDate,AssessmentAuthorisationDate,CINPlanStartDate,CINPlanEndDate,CINclosureDate,Initials,Authority,Team,Worker,Manager';

describe.each(DATABASE_ENGINES)('a case reference is one case whatever its letter case, on $name', ({ open }) => {
  let database: Database;
  let bot: BotUnderAttack;
  let cases: CaseStore;
  const importNorthsFile = async () => {
    const parsed = parseCensusCsv(`${HEADER}\nab77,2026-03-02,,,,,,A.B.,Redbridge,North,${SAM.userId},\n`, TODAY);
    if (!parsed.ok) throw new Error(parsed.error.message);
    return importCases(parsed.value.rows, { audit: new AuditStore(database.db), cases, roles: new RoleStore(database.db, []), tenantId: COUNCIL, actorId: ADMIN.userId, today: TODAY, at: AT });
  };
  const caseRows = () => database.db.selectFrom('cases').select(['reference', 'team', 'worker_id', 'initials']).execute();

  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    database = await open();
    cases = new CaseStore(database.db, POLICIES, calendar);
    bot = await startBotUnderAttack({ NODE_ENV: 'test', BOT_ADMINS: ADMIN.userId }, database);
    await new RoleStore(database.db, []).assign(COUNCIL, { userId: PRIYA.userId, role: 'worker', team: 'South' }, ADMIN.userId, AT);
  });
  afterAll(async () => {
    await bot.close();
    await database.close();
  });
  beforeEach(() => {
    bot.sentToConnector.length = 0;
  });

  it('keeps an imported lower-case reference in upper case', async () => {
    expect((await importNorthsFile()).created).toBe(1);
    expect(await caseRows()).toEqual([{ reference: 'AB77', team: 'North', worker_id: SAM.userId, initials: 'A.B.' }]);
  });

  it("refuses another team's new-case card for the same reference in other letters, and writes nothing", async () => {
    for (const reference of ['AB77', 'Ab77', ' ab77']) {
      const refusedCard = await bot.post(cardActionFrom(PRIYA, VERBS.createCase, { reference, initials: 'C.D.', authorityId: 'camden', team: 'South', worker: 'me', openedOn: '2026-03-05', pathways: '' }, 'execute'));
      expect(await refusedCard.text()).toContain('There is already a case AB77');
    }
    expect(await caseRows()).toEqual([{ reference: 'AB77', team: 'North', worker_id: SAM.userId, initials: 'A.B.' }]);
  });

  it("still lets North's worker open their case by any spelling, and keeps it from South's", async () => {
    await bot.post(messageFrom(SAM, 'case ab77'));
    expect(textsOf(bot.sentToConnector)).not.toMatch(/can.t see or change/);
    expect(textsOf(bot.sentToConnector)).toContain('AB77');
    bot.sentToConnector.length = 0;
    await bot.post(messageFrom(PRIYA, 'case Ab77'));
    expect(textsOf(bot.sentToConnector)).not.toContain('A.B.');
  });

  it("re-imports into North's one case, never into another row", async () => {
    expect(await importNorthsFile()).toMatchObject({ created: 0, rejected: [] });
    expect(await caseRows()).toEqual([{ reference: 'AB77', team: 'North', worker_id: SAM.userId, initials: 'A.B.' }]);
  });

  it('refuses a lower-case reference written to the table by any other path', async () => {
    await expect(
      database.db
        .insertInto('cases')
        .values({ id: 'by-hand', tenant_id: COUNCIL, reference: 'ab78', initials: 'X', authority_id: 'camden', team: 'South', worker_id: 'w', manager_id: null, pathways: '[]', status: 'open', opened_on: '2026-03-01', closed_on: null, created_at: AT, updated_at: AT })
        .execute(),
    ).rejects.toThrow(/cases_reference_normalised/);
  });
});
