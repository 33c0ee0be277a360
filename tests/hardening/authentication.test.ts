import nock from 'nock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { englandAndWalesCalendar } from '../../domain/calendar/holiday-calendar.js';
import { POLICIES } from '../../domain/policy/registry.js';
import type { Logger } from '../../bot/log.js';
import type { Database } from '../../bot/store/database.js';
import { CaseStore } from '../../bot/store/cases.js';
import { RoleStore } from '../../bot/store/roles.js';
import { answerDeadlinesRequest } from '../../bot/tab/deadlines-endpoint.js';
import { DATABASE_ENGINES } from '../helpers/databases.js';
import { APP_ID, SERVICE_URL } from '../bot/teams/bot-framework-double.js';
import { entraDouble, TENANT_ID as TAB_TENANT_ID, APP_ID as TAB_APP_ID, type EntraDouble } from '../bot/tab/entra-test-keys.js';
import { seedDeadlines, WORKER } from '../bot/tab/seed-deadlines.js';
import { cardActionFrom, contentsOf, messageFrom, startBotUnderAttack, type BotUnderAttack, type Sender } from './bot-under-attack.js';
import { CHANNEL_ISSUER, ENTRA_BOT_FRAMEWORK_ISSUER, publishMicrosoftSigningKeys, type MicrosoftTokenIssuers } from './token-issuers.js';

// The council's tenant, the only one ALLOWED_TENANTS lists, and the one the recorded activities come from.
const COUNCIL = '4b1f6a2e-9c3d-4e8f-a1b2-7c6d5e4f3a21';
const ANOTHER_COUNCIL = '0d9c8b7a-6f5e-4d3c-8b2a-1f0e9d8c7b6a';
const SILENT: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

const TAB_NOW = new Date('2026-03-20T12:00:00Z');

let issuers: MicrosoftTokenIssuers;
// One Entra key set for the file: the tab's verifier caches a tenant's keys for the life of the process.
let entra: EntraDouble;
beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  issuers = await publishMicrosoftSigningKeys();
  entra = await entraDouble(TAB_NOW);
});
afterAll(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

let nextUser = 0;
/** Someone new each time, so a request that got through would leave rows no earlier one had left. */
const someone = (tenantId: string): Sender => ({ tenantId, userId: `worker-${nextUser++}` });

/** A personal-chat message that would write to the database if it were served: the user's chosen authority. */
const choosingAuthority = (tenantId: string) => messageFrom(someone(tenantId), 'set authority Camden');

/** The same message with no tenant named anywhere. */
function fromNoTenant(): Record<string, unknown> {
  const { conversation, channelData: _tenant, ...activity } = choosingAuthority(COUNCIL);
  const { tenantId: _named, ...anonymous } = conversation as Record<string, unknown>;
  return { ...activity, conversation: anonymous };
}

/** A card button pressed in Teams (Action.Execute) that would open a case if it were served. */
const openingCase = (tenantId: string) =>
  cardActionFrom(someone(tenantId), 'case.create', { reference: 'AB12', initials: 'A.B.', authorityId: 'camden', team: 'North', worker: 'me', openedOn: '2026-03-02', pathways: '' }, 'execute');

const channelToken = (overrides: Partial<Parameters<MicrosoftTokenIssuers['bearer']>[0]> = {}) =>
  issuers.bearer({ issuer: CHANNEL_ISSUER, audience: APP_ID, serviceUrl: SERVICE_URL, ...overrides });

describe.each(DATABASE_ENGINES)('who may talk to the bot, on $name', ({ open }) => {
  let database: Database;
  let bot: BotUnderAttack;
  beforeAll(async () => {
    database = await open();
    bot = await startBotUnderAttack(
      {
        NODE_ENV: 'production',
        MicrosoftAppId: APP_ID,
        MicrosoftAppPassword: 'not-a-real-secret',
        LINK_SIGNING_SECRET: 'a-test-secret-of-at-least-thirty-two-characters',
        ALLOWED_TENANTS: COUNCIL,
      },
      database,
    );
  });
  afterAll(async () => {
    await bot.close();
    await database.close();
  });
  beforeEach(() => {
    bot.outbound.length = 0;
  });

  /** Posts the activity and checks that it was refused with `status` and that nothing was stored or sent. */
  async function expectRefused(activity: Record<string, unknown>, authorization: string | undefined, status: 401 | 403) {
    const before = await contentsOf(database.db);
    const response = await bot.post(activity, authorization === undefined ? {} : { authorization });
    expect(response.status).toBe(status);
    expect(await contentsOf(database.db)).toEqual(before);
    expect(bot.outbound).toEqual([]);
  }

  it('serves a message with a token the Teams channel signed: answers through the Connector and stores the choice', async () => {
    const response = await bot.post(choosingAuthority(COUNCIL), { authorization: await channelToken() });

    expect(response.status).toBe(200);
    // The bot's own token for the Connector comes from Microsoft login once per process, then from its cache.
    expect(bot.outbound.filter((request) => !request.includes('/oauth2/v2.0/token'))).toEqual([
      expect.stringMatching(/^POST https:\/\/smba\.trafficmanager\.net\/uk\/v3\/conversations\//),
    ]);
    const chosen = await database.db.selectFrom('user_settings').select(['tenant_id', 'authority_id']).execute();
    expect(chosen).toEqual([{ tenant_id: COUNCIL, authority_id: 'camden' }]);
    expect(await database.db.selectFrom('conversation_references').select('tenant_id').execute()).toEqual([{ tenant_id: COUNCIL }]);
  });

  it('serves a message with an Entra-issued (v2.0) token for the bot', async () => {
    const authorization = await issuers.bearer({ issuer: ENTRA_BOT_FRAMEWORK_ISSUER, audience: APP_ID, authorisedParty: APP_ID });

    const response = await bot.post(choosingAuthority(COUNCIL), { authorization });

    expect(response.status).toBe(200);
    expect(bot.outbound.some((request) => request.startsWith('POST https://smba.trafficmanager.net/uk/v3/conversations/'))).toBe(true);
  });

  it.each([
    ['no Authorization header', async () => undefined],
    ['a bearer value that is no token', async () => 'Bearer forged'],
    ['a Basic header', async () => `Basic ${Buffer.from(`${APP_ID}:not-a-real-secret`).toString('base64')}`],
    ['a token that expired ten minutes ago (past the five minutes of clock skew allowed)', () => channelToken({ expiresInSeconds: -600 })],
    ['a token for another bot', () => channelToken({ audience: '0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9' })],
    ['a token from an issuer that is not the channel', () => channelToken({ issuer: 'https://api.botframework.com.attacker.example' })],
    ['an Entra token from another tenant', () => issuers.bearer({ issuer: `https://login.microsoftonline.com/${ANOTHER_COUNCIL}/v2.0`, audience: APP_ID, authorisedParty: APP_ID })],
    ['an Entra token that another app asked for', () => issuers.bearer({ issuer: ENTRA_BOT_FRAMEWORK_ISSUER, audience: APP_ID, authorisedParty: '0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9' })],
    ['a token signed with a key Microsoft never published', () => channelToken({ signedBy: 'unpublished' })],
    ['a token minted for another service URL', () => channelToken({ serviceUrl: 'https://smba.attacker.example/uk/' })],
  ])('refuses a message with %s: 401, nothing stored, nothing sent', async (_case, authorization) => {
    await expectRefused(choosingAuthority(COUNCIL), await authorization(), 401);
  });

  it('refuses a message from a tenant ALLOWED_TENANTS does not list, with a good token: 403, nothing stored, nothing sent', async () => {
    await expectRefused(choosingAuthority(ANOTHER_COUNCIL), await channelToken(), 403);
  });

  it('refuses a message that names no tenant at all when ALLOWED_TENANTS is set', async () => {
    await expectRefused(fromNoTenant(), await channelToken(), 403);
  });

  it('refuses a card button pressed in another tenant before the case could be opened', async () => {
    await expectRefused(openingCase(ANOTHER_COUNCIL), await channelToken(), 403);
  });

  it('checks the token before the tenant: no token from another tenant is a 401', async () => {
    await expectRefused(choosingAuthority(ANOTHER_COUNCIL), undefined, 401);
  });
});

describe.each(DATABASE_ENGINES)('the deadlines tab and ALLOWED_TENANTS, on $name', ({ open }) => {
  let database: Database;
  beforeAll(async () => {
    database = await open();
    await seedDeadlines(database.db, TAB_TENANT_ID);
  });
  afterAll(() => database.close());

  const ask = async (allowedTenants: readonly string[]) =>
    answerDeadlinesRequest({ authorization: `Bearer ${await entra.tokenFor(WORKER)}`, view: 'mine' }, TAB_NOW, {
      cases: new CaseStore(database.db, POLICIES, englandAndWalesCalendar()),
      roles: new RoleStore(database.db, []),
      policies: POLICIES,
      config: { nodeEnv: 'production', microsoftApp: { id: TAB_APP_ID }, allowedTenants },
      log: SILENT,
    });

  it('answers 403 to a good token from a tenant the list leaves out, and serves a listed one', async () => {
    const refused = await ask([COUNCIL]);
    expect(refused).toEqual({ status: 403, body: { code: 'Forbidden', message: 'This app does not serve your organisation.' } });
    expect((await ask([COUNCIL, TAB_TENANT_ID])).status).toBe(200);
  });
});
