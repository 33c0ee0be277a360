import { randomUUID } from 'node:crypto';
import { generateKeyPair, SignJWT } from 'jose';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importTenantOf } from '../../bot/cases/import-cases.js';
import { loadConfig, type Config } from '../../bot/config.js';
import type { Logger } from '../../bot/log.js';
import { answerDeadlinesRequest, type DeadlinesEndpointDependencies } from '../../bot/tab/deadlines-endpoint.js';
import { entraKeySet, MOST_TENANT_KEY_SETS, tenantKeySetsHeld, type KeySetFor } from '../../bot/tab/verify-entra-token.js';
import { CaseStore } from '../../bot/store/cases.js';
import type { Database } from '../../bot/store/database.js';
import { RoleStore } from '../../bot/store/roles.js';
import { englandAndWalesCalendar } from '../../domain/calendar/holiday-calendar.js';
import { POLICIES } from '../../domain/policy/registry.js';
import { DATABASE_ENGINES } from '../helpers/databases.js';

// Issue 13, items 4 and 8: the tab fetched keys for, and kept for ever, every tenant a self-signed token named
// (242 -> 673 MB over 15,000 requests); settings that let a header, an import or a port reach further than meant.
const SILENT: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
const APP_ID = '00000000-0000-4000-8000-00000000ab12';
const COUNCIL = '4b1f6a2e-9c3d-4e8f-a1b2-7c6d5e4f3a21';
const NOW = new Date('2026-03-20T12:00:00Z');
const configured = (env: Record<string, string>): Config => {
  const loaded = loadConfig(env);
  if (!loaded.ok) throw new Error(loaded.error.message);
  return loaded.value;
};

const strangersKey = generateKeyPair('RS256');

/** A token a stranger signs with their own key, naming whatever tenant they like. */
async function selfSigned(tenantId: string): Promise<string> {
  const { privateKey } = await strangersKey;
  const seconds = Math.floor(NOW.getTime() / 1000);
  return new SignJWT({ tid: tenantId, oid: 'someone' })
    .setProtectedHeader({ alg: 'RS256', kid: 'own-key' })
    .setIssuer(`https://login.microsoftonline.com/${tenantId}/v2.0`)
    .setAudience(APP_ID)
    .setIssuedAt(seconds - 60)
    .setExpirationTime(seconds + 3600)
    .sign(privateKey);
}

beforeAll(() => {
  nock.disableNetConnect();
  nock('https://login.microsoftonline.com').persist().get(/\/discovery\/v2\.0\/keys$/).reply(503);
});
afterAll(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

describe.each(DATABASE_ENGINES)('the deadlines tab against made-up tenants, on $name', ({ open }) => {
  let database: Database;
  beforeAll(async () => {
    database = await open();
  });
  afterAll(() => database.close());
  const dependencies = (config: DeadlinesEndpointDependencies['config'], keySetFor?: KeySetFor): DeadlinesEndpointDependencies => ({
    cases: new CaseStore(database.db, POLICIES, englandAndWalesCalendar()),
    roles: new RoleStore(database.db, []),
    policies: POLICIES,
    config,
    log: SILENT,
    ...(keySetFor === undefined ? {} : { keySetFor }),
  });

  it('refuses a tenant that is not served with 403 before fetching any key, whether by ALLOWED_TENANTS or the app’s own tenant', async () => {
    const fetchedFor: string[] = [];
    const keySetFor: KeySetFor = (tenantId) => (fetchedFor.push(tenantId), entraKeySet(tenantId));
    for (const config of [
      { nodeEnv: 'production' as const, microsoftApp: { id: APP_ID }, allowedTenants: [COUNCIL] },
      { nodeEnv: 'production' as const, microsoftApp: { id: APP_ID, tenantId: COUNCIL } },
    ]) {
      const answer = await answerDeadlinesRequest({ authorization: `Bearer ${await selfSigned(randomUUID())}`, view: 'mine' }, NOW, dependencies(config, keySetFor));
      expect(answer.status).toBe(403);
    }
    expect(fetchedFor).toEqual([]);
  });

  it(`keeps at most ${MOST_TENANT_KEY_SETS} tenants' keys when every tenant is served`, async () => {
    for (let request = 0; request < MOST_TENANT_KEY_SETS + 30; request += 1) {
      const answer = await answerDeadlinesRequest({ authorization: `Bearer ${await selfSigned(randomUUID())}`, view: 'mine' }, NOW, dependencies({ nodeEnv: 'production', microsoftApp: { id: APP_ID } }));
      expect(answer.status).toBe(503);
    }
    expect(tenantKeySetsHeld()).toBe(MOST_TENANT_KEY_SETS);
  });

  it('honours no TAB_DEV_USER header when authentication is on, even if a config says so', async () => {
    const answer = await answerDeadlinesRequest({ devUser: 'dev-worker', view: 'mine' }, NOW, dependencies({ nodeEnv: 'development', microsoftApp: { id: APP_ID }, tabDevUser: { tenantId: COUNCIL, userId: 'dev-worker' } }));
    expect(answer.status).toBe(401);
  });
});

describe('settings that reached further than meant (issue 13, item 8)', () => {
  const withApp = { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'not-a-real-secret' };

  it('refuses TAB_DEV_USER whenever authentication is on, NODE_ENV unset included', () => {
    const loaded = loadConfig({ ...withApp, TAB_DEV_USER: 'dev-worker' });
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) expect(loaded.error.message).toBe('TAB_DEV_USER must not be set when MicrosoftAppId is (authentication is on)');
  });

  it('listens on loopback without authentication unless LISTEN_HOST says otherwise, and on every interface with it', () => {
    expect(configured({}).listenHost).toBe('127.0.0.1');
    expect(configured({ LISTEN_HOST: '0.0.0.0' }).listenHost).toBe('0.0.0.0');
    expect(configured(withApp).listenHost).toBeUndefined();
  });

  it('imports into --tenant, else the app registration’s tenant, else refuses to guess when there is an app id', () => {
    expect(importTenantOf('tenant-a', configured(withApp))).toEqual({ ok: true, value: 'tenant-a' });
    expect(importTenantOf(undefined, configured({ ...withApp, MicrosoftAppTenantId: COUNCIL }))).toEqual({ ok: true, value: COUNCIL });
    expect(importTenantOf(undefined, configured({}))).toEqual({ ok: true, value: 'local' });
    expect(importTenantOf(undefined, configured(withApp))).toEqual({ ok: false, error: expect.stringMatching(/MicrosoftAppTenantId is not.*--tenant/) });
  });
});
