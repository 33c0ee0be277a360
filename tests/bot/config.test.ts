import { describe, expect, it } from 'vitest';
import { loadConfig, type Config, type InvalidConfig } from '../../bot/config.js';

const APP_ID = '9f8e7d6c-5b4a-4392-8170-6e5d4c3b2a19';
const TENANT_ID = '4b1f6a2e-9c3d-4e8f-a1b2-7c6d5e4f3a21';
const SECRET = 'Qx8~not-a-real-client-secret';

function loaded(env: Record<string, string>): Config {
  const result = loadConfig(env);
  if (!result.ok) throw new Error(`expected a config, got: ${result.error.message}`);
  return result.value;
}

function refused(env: Record<string, string>): InvalidConfig {
  const result = loadConfig(env);
  if (result.ok) throw new Error('expected loadConfig to refuse');
  return result.error;
}

describe('loadConfig', () => {
  it('refuses to start in production without MicrosoftAppId, and says why', () => {
    const error = refused({ NODE_ENV: 'production' });

    expect(error.kind).toBe('invalid-config');
    expect(error.message).toMatch(/^MicrosoftAppId is required when NODE_ENV=production/);
    expect(error.message).toContain('refusing to start without Bot Framework authentication');
  });

  it('refuses production when MicrosoftAppId is present but empty, as .env templates leave it', () => {
    expect(refused({ NODE_ENV: 'production', MicrosoftAppId: '  ', MicrosoftAppPassword: '' }).message).toContain(
      'MicrosoftAppId is required',
    );
  });

  it('refuses a NODE_ENV it does not know, so a typo cannot slip past the production check', () => {
    expect(refused({ NODE_ENV: 'prod' }).message).toMatch(/^NODE_ENV /);
  });

  it('fills in the defaults and runs unauthenticated for local use when nothing is set', () => {
    expect(loaded({})).toEqual({
      authentication: 'disabled-local',
      port: 3978,
      nodeEnv: 'development',
      dataDir: './.data',
      maxBodyBytes: 262_144,
      logLevel: 'info',
      botAdmins: [],
      publicBaseUrl: 'http://localhost:3978',
      tabUrl: 'http://localhost:3978/tab',
      linkSigningSecret: expect.stringMatching(/^[\w-]{43}$/),
      reminderIntervalSeconds: 300,
      reminderSendsPerSecond: 48,
      microsoftTimeoutMs: 10_000,
      listenHost: '127.0.0.1',
    });
  });

  it('signs download links with a fresh random secret in each process unless one is set', () => {
    expect(loaded({}).linkSigningSecret).not.toBe(loaded({}).linkSigningSecret);
  });

  it('refuses to start in production without a link-signing secret that every instance shares', () => {
    const message = refused({ NODE_ENV: 'production', MicrosoftAppId: APP_ID, MicrosoftAppPassword: SECRET }).message;
    expect(message).toMatch(/^LINK_SIGNING_SECRET is required when NODE_ENV=production/);
    expect(refused({ LINK_SIGNING_SECRET: 'too short' }).message).toMatch(/^LINK_SIGNING_SECRET must be at least 32 characters/);
  });

  it('reads every setting it is given', () => {
    expect(
      loaded({
        MicrosoftAppId: APP_ID,
        MicrosoftAppPassword: SECRET,
        MicrosoftAppType: 'SingleTenant',
        MicrosoftAppTenantId: TENANT_ID,
        PORT: '8080',
        NODE_ENV: 'production',
        DATA_DIR: '/var/lib/cin-assistant',
        DATABASE_URL: 'postgres://cin:secret@db.internal:5432/cin',
        MAX_BODY_BYTES: '1048576',
        LOG_LEVEL: 'warn',
        BOT_ADMINS: 'admin-one, admin-two',
        PUBLIC_BASE_URL: 'https://cin.council.example/',
        LINK_SIGNING_SECRET: 'a-secret-of-at-least-thirty-two-characters',
        RETENTION_DAYS_AFTER_CLOSURE: '365',
        REMINDER_INTERVAL_SECONDS: '0',
        REMINDER_SENDS_PER_SECOND: '45',
        TAB_APP_ID_URI: 'api://cin.council.example/' + APP_ID,
      }),
    ).toEqual({
      authentication: 'enabled',
      microsoftApp: { id: APP_ID, type: 'SingleTenant', password: SECRET, tenantId: TENANT_ID },
      port: 8080,
      nodeEnv: 'production',
      dataDir: '/var/lib/cin-assistant',
      databaseUrl: 'postgres://cin:secret@db.internal:5432/cin',
      maxBodyBytes: 1_048_576,
      logLevel: 'warn',
      botAdmins: ['admin-one', 'admin-two'],
      publicBaseUrl: 'https://cin.council.example',
      tabUrl: `https://teams.microsoft.com/l/entity/${APP_ID}/deadlines`,
      linkSigningSecret: 'a-secret-of-at-least-thirty-two-characters',
      retentionDaysAfterClosure: 365,
      reminderIntervalSeconds: 0,
      reminderSendsPerSecond: 45,
      microsoftTimeoutMs: 10_000,
      tabAppIdUri: 'api://cin.council.example/' + APP_ID,
    });
  });

  it('opens the tab from a card by its Teams deep link, through the Teams app id when it differs from the bot id', () => {
    const teamsAppId = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
    expect(loaded({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: SECRET, TEAMS_APP_ID: teamsAppId }).tabUrl).toBe(`https://teams.microsoft.com/l/entity/${teamsAppId}/deadlines`);
    expect(loaded({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: SECRET }).tabUrl).toBe(`https://teams.microsoft.com/l/entity/${APP_ID}/deadlines`);
    expect(refused({ TEAMS_APP_ID: 'not/an id' }).message).toMatch(/^TEAMS_APP_ID must be the Teams app id/);
  });

  it('signs in the named test user on the tab in development only, in the local tenant unless told', () => {
    expect(loaded({ TAB_DEV_USER: 'dev-worker' }).tabDevUser).toEqual({ tenantId: 'local', userId: 'dev-worker' });
    expect(loaded({ TAB_DEV_USER: 'dev-worker', TAB_DEV_TENANT: 'tenant-a' }).tabDevUser).toEqual({ tenantId: 'tenant-a', userId: 'dev-worker' });
    const production = { NODE_ENV: 'production', MicrosoftAppId: APP_ID, MicrosoftAppPassword: SECRET, LINK_SIGNING_SECRET: 'a-secret-of-at-least-thirty-two-characters' };
    expect(loaded(production).tabDevUser).toBeUndefined();
    expect(refused({ ...production, TAB_DEV_USER: 'dev-worker' }).message).toBe('TAB_DEV_USER must not be set when NODE_ENV=production');
  });

  it('treats an app registration without a type as MultiTenant', () => {
    expect(loaded({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: SECRET })).toMatchObject({
      authentication: 'enabled',
      microsoftApp: { id: APP_ID, type: 'MultiTenant', password: SECRET },
    });
  });

  it('accepts a user-assigned managed identity with a tenant and no password', () => {
    expect(
      loaded({ MicrosoftAppId: APP_ID, MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: TENANT_ID }).authentication,
    ).toBe('enabled');
  });

  it.each([
    ['MultiTenant without a password', { MicrosoftAppId: APP_ID }, 'MicrosoftAppPassword is required for MultiTenant'],
    [
      'SingleTenant without a tenant',
      { MicrosoftAppId: APP_ID, MicrosoftAppPassword: SECRET, MicrosoftAppType: 'SingleTenant' },
      'MicrosoftAppTenantId is required for SingleTenant',
    ],
    [
      'a managed identity with a password',
      { MicrosoftAppId: APP_ID, MicrosoftAppPassword: SECRET, MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: TENANT_ID },
      'MicrosoftAppPassword must not be set for UserAssignedMSI',
    ],
    ['a password without an app id', { MicrosoftAppPassword: SECRET }, 'MicrosoftAppPassword is set but MicrosoftAppId is not'],
    ['an unknown app type', { MicrosoftAppId: APP_ID, MicrosoftAppPassword: SECRET, MicrosoftAppType: 'Tenantless' }, 'MicrosoftAppType'],
    ['a port that is not a number', { PORT: 'http' }, 'PORT'],
    ['a port out of range', { PORT: '70000' }, 'PORT'],
    ['a body limit of nothing', { MAX_BODY_BYTES: '0' }, 'MAX_BODY_BYTES'],
    ['an unknown log level', { LOG_LEVEL: 'verbose' }, 'LOG_LEVEL'],
    ['a database URL that is not PostgreSQL', { DATABASE_URL: 'mysql://cin:secret@db/cin' }, 'DATABASE_URL must be a postgres://'],
    ['an allowed tenant that is no tenant id', { ALLOWED_TENANTS: `${TENANT_ID}, contoso.onmicrosoft.com` }, 'ALLOWED_TENANTS must list Entra tenant ids'],
  ])('refuses %s', (_case, env, expected) => {
    expect(refused(env).message).toContain(expected);
  });

  it('reads ALLOWED_TENANTS as lower-case tenant ids, and serves every tenant when it is empty', () => {
    expect(loaded({ ALLOWED_TENANTS: ` ${TENANT_ID.toUpperCase()},72f988bf-86f1-41af-91ab-2d7cd011db47 ` }).allowedTenants).toEqual([
      TENANT_ID,
      '72f988bf-86f1-41af-91ab-2d7cd011db47',
    ]);
    expect(loaded({ ALLOWED_TENANTS: '' }).allowedTenants).toBeUndefined();
  });

  it('lists each problem on its own line and never repeats a secret', () => {
    const error = refused({
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: SECRET,
      PORT: 'http',
      DATABASE_URL: 'mysql://cin:hunter2@db/cin',
    });

    expect(error.message.split('\n')).toHaveLength(2);
    expect(error.message).not.toContain(SECRET);
    expect(error.message).not.toContain('hunter2');
  });
});
