import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { englandAndWalesCalendar } from '../../../domain/calendar/holiday-calendar.js';
import { POLICIES } from '../../../domain/policy/registry.js';
import { answerDeadlinesRequest, type DeadlinesEndpointDependencies } from '../../../bot/tab/deadlines-endpoint.js';
import type { Logger } from '../../../bot/log.js';
import type { Database } from '../../../bot/store/database.js';
import { CaseStore } from '../../../bot/store/cases.js';
import { RoleStore } from '../../../bot/store/roles.js';
import { DATABASE_ENGINES } from '../../helpers/databases.js';
import { APP_ID, entraDouble, TENANT_ID, type EntraDouble } from './entra-test-keys.js';
import { MANAGER, OTHER_WORKER, seedDeadlines, WORKER } from './seed-deadlines.js';

// Friday 20 March 2026, midday in London: AB12 (30 March) and EF56 (23 March) are ahead, CD34 (23 February) overdue.
const NOW = new Date('2026-03-20T12:00:00Z');
const SILENT: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
const INITIAL_MEETING = 'Convene the initial CiN meeting that develops the CiN Plan';

// One key set for the file: the verifier caches a tenant's keys for the life of the process, as in production.
let entra: EntraDouble;
beforeAll(async () => {
  nock.disableNetConnect();
  entra = await entraDouble(NOW);
});
afterAll(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

describe.each(DATABASE_ENGINES)('GET /api/deadlines on $name', ({ open }) => {
  let database: Database;
  let dependencies: DeadlinesEndpointDependencies;
  beforeEach(async () => {
    database = await open();
    await seedDeadlines(database.db, TENANT_ID);
    dependencies = {
      cases: new CaseStore(database.db, POLICIES, englandAndWalesCalendar()),
      roles: new RoleStore(database.db, []),
      policies: POLICIES,
      config: { nodeEnv: 'production', microsoftApp: { id: APP_ID } },
      log: SILENT,
    };
  });
  afterEach(() => database.close());

  const ask = async (authorization: string | undefined, view = 'mine', now = NOW) => answerDeadlinesRequest({ authorization, view }, now, dependencies);
  const bearer = async (...args: Parameters<EntraDouble['tokenFor']>) => `Bearer ${await entra.tokenFor(...args)}`;
  const rows = (body: unknown) =>
    (body as { deadlines: { caseReference: string; dueOn: string; overdue: boolean }[] }).deadlines.map((item) => `${item.caseReference} ${item.dueOn}${item.overdue ? ' overdue' : ''}`);

  it('refuses a missing, malformed, expired, wrongly signed or wrong-audience token with 401', async () => {
    expect((await ask(undefined)).status).toBe(401);
    expect((await ask('Bearer not-a-token')).status).toBe(401);
    expect((await ask(await bearer(WORKER, { expiresAt: new Date(NOW.getTime() - 1000), issuedAt: new Date(NOW.getTime() - 3_600_000) }))).status).toBe(401);
    expect((await ask(await bearer(WORKER, { signedBy: 'unpublished' }))).status).toBe(401);
    expect((await ask(await bearer(WORKER, { audience: 'api://someone-else/11111111-2222-4333-8444-555555555555' }))).status).toBe(401);
  });

  it("accepts a good token and returns only the worker's own deadline, with the rule's words and date", async () => {
    const answer = await ask(await bearer(WORKER));
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      view: 'mine',
      today: '2026-03-20',
      until: '2026-05-15',
      managesTeams: false,
      deadlines: [
        { caseReference: 'AB12', ruleId: 'redbridge.initial-meeting.convene', topic: 'initial-meeting', requires: INITIAL_MEETING, dueOn: '2026-03-30', dueOnText: 'Monday 30 March 2026', overdue: false },
      ],
    });
    expect(rows((await ask(await bearer(OTHER_WORKER))).body)).toEqual(['CD34 2026-02-23 overdue', 'EF56 2026-03-23']);
  });

  it("gives a manager their team's deadlines, overdue first, and refuses the team view to a worker", async () => {
    const team = await ask(await bearer(MANAGER), 'team');
    expect(team.status).toBe(200);
    expect(rows(team.body)).toEqual(['CD34 2026-02-23 overdue', 'AB12 2026-03-30']);
    expect((team.body as { managesTeams: boolean }).managesTeams).toBe(true);
    expect(rows((await ask(await bearer(MANAGER))).body)).toEqual([]);
    expect((await ask(await bearer(WORKER), 'team')).status).toBe(403);
    expect((await ask(await bearer(WORKER), 'everyone')).status).toBe(400);
  });

  it('shows eight weeks ahead and no further', async () => {
    // From Tuesday 20 January the window ends Tuesday 17 March: 23 February and 23 March fall either side of it.
    const early = new Date('2026-01-20T12:00:00Z');
    const token = await entra.tokenFor(OTHER_WORKER, { issuedAt: new Date(early.getTime() - 60_000), expiresAt: new Date(early.getTime() + 3_600_000) });
    expect(rows((await ask(`Bearer ${token}`, 'mine', early)).body)).toEqual(['CD34 2026-02-23']);
  });

  it('accepts the named development user without a token only outside production', async () => {
    const development = { ...dependencies, config: { nodeEnv: 'development' as const, tabDevUser: { tenantId: TENANT_ID, userId: WORKER } } };
    expect(rows((await answerDeadlinesRequest({ devUser: WORKER }, NOW, development)).body)).toEqual(['AB12 2026-03-30']);
    expect((await answerDeadlinesRequest({ devUser: MANAGER }, NOW, development)).status).toBe(401);
    const production = { ...development, config: { ...development.config, nodeEnv: 'production' as const } };
    expect((await answerDeadlinesRequest({ devUser: WORKER }, NOW, production)).status).toBe(401);
  });
});
