import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { err, ok, type Result } from '../domain/result.js';
import { LOG_LEVELS, type LogLevel } from './log.js';

const MICROSOFT_APP_TYPES = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'] as const;
export type MicrosoftAppType = (typeof MICROSOFT_APP_TYPES)[number];

/** The bot's Entra app registration, as Bot Framework authentication needs it. */
export interface MicrosoftApp {
  readonly id: string;
  readonly type: MicrosoftAppType;
  /** Client secret; absent for a user-assigned managed identity. */
  readonly password?: string;
  readonly tenantId?: string;
}

interface SharedConfig {
  readonly port: number;
  readonly nodeEnv: 'development' | 'test' | 'production';
  readonly dataDir: string;
  readonly databaseUrl?: string;
  readonly maxBodyBytes: number;
  readonly logLevel: LogLevel;
  /** Entra object ids of the first administrators (BOT_ADMINS); they give everyone else their roles. */
  readonly botAdmins: readonly string[];
  /** Where people's browsers reach this server, for download links (calendar files, census exports). */
  readonly publicBaseUrl: string;
  /**
   * Where a card's "Open the tab" goes: Teams' deep link to the Deadlines tab of the app (TEAMS_APP_ID, else
   * MicrosoftAppId, as the app package is built), or the tab's own address when there is no app id (local).
   */
  readonly tabUrl: string;
  /** Signs download links. Random per process when unset outside production (links then end with it). */
  readonly linkSigningSecret: string;
  /** Seconds between reminder scheduler passes in this process; 0 when an external scheduler runs the ticks. */
  readonly reminderIntervalSeconds: number;
  /** Reminder messages a second from this process, across tenants; Teams allows an app 50 a second per tenant. */
  readonly reminderSendsPerSecond: number;
  /** Days after closure before a case's working data is deleted; absent keeps it until an admin removes it. */
  readonly retentionDaysAfterClosure?: number;
  /** The test user the deadlines tab signs in without Teams (TAB_DEV_USER); never set in production. */
  readonly tabDevUser?: { readonly tenantId: string; readonly userId: string };
  /** The app registration's Application ID URI (TAB_APP_ID_URI), a second audience the tab's token may carry. */
  readonly tabAppIdUri?: string;
  /** The Entra tenants (ALLOWED_TENANTS, lower-case ids) whose requests are served; absent serves every tenant. */
  readonly allowedTenants?: readonly string[];
  /**
   * The interface the server listens on (LISTEN_HOST): every interface when authentication is on (a container
   * needs that), loopback only without it, since anyone who reached the port could then talk as anyone.
   */
  readonly listenHost?: string;
  /** How long any call to Microsoft (signing keys, OpenID metadata, the Bot Connector, the bot's token) may take before it is given up (MICROSOFT_TIMEOUT_MS). */
  readonly microsoftTimeoutMs: number;
  /** Headless Chromium (CHROMIUM_PATH) for printing agreed plans to PDF; absent offers the HTML page only. */
  readonly chromiumPath?: string;
}

export type Config =
  | (SharedConfig & { readonly authentication: 'enabled'; readonly microsoftApp: MicrosoftApp })
  /** No app id outside production: Bot Framework tokens are not checked, so only the Emulator or tests can talk to it. */
  | (SharedConfig & { readonly authentication: 'disabled-local' });

export interface InvalidConfig {
  readonly kind: 'invalid-config';
  /** One line per problem, naming the setting; never echoes a value, since some are secrets. */
  readonly message: string;
}

const ENTRA_TENANT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

// `.env` templates leave settings as `Name=`; an empty value means "not set", not "set to nothing".
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), schema.optional());

const EnvironmentSchema = z
  .object({
    MicrosoftAppId: optional(z.string().trim()),
    MicrosoftAppPassword: optional(z.string()),
    MicrosoftAppType: optional(z.enum(MICROSOFT_APP_TYPES)),
    MicrosoftAppTenantId: optional(z.string().trim()),
    PORT: optional(z.coerce.number().int().min(0).max(65_535)),
    // An enum, not any string: a typo such as NODE_ENV=prod must not slip past the production check below.
    NODE_ENV: optional(z.enum(['development', 'test', 'production'])),
    DATA_DIR: optional(z.string()),
    DATABASE_URL: optional(
      z.string().regex(/^postgres(ql)?:\/\//, { error: 'must be a postgres:// or postgresql:// URL' }),
    ),
    MAX_BODY_BYTES: optional(z.coerce.number().int().positive()),
    LOG_LEVEL: optional(z.enum(LOG_LEVELS)),
    BOT_ADMINS: optional(z.string()),
    PUBLIC_BASE_URL: optional(z.url({ protocol: /^https?$/ }).transform((url) => url.replace(/\/+$/, ''))),
    LINK_SIGNING_SECRET: optional(z.string().min(32, { error: 'must be at least 32 characters' })),
    RETENTION_DAYS_AFTER_CLOSURE: optional(z.coerce.number().int().positive()),
    REMINDER_INTERVAL_SECONDS: optional(z.coerce.number().int().min(0).max(86_400)),
    REMINDER_SENDS_PER_SECOND: optional(z.coerce.number().positive().max(50)),
    TAB_DEV_USER: optional(z.string().trim()),
    TAB_DEV_TENANT: optional(z.string().trim()),
    TAB_APP_ID_URI: optional(z.string().trim()),
    TEAMS_APP_ID: optional(z.string().trim().regex(/^[\w-]+$/, { error: 'must be the Teams app id (a GUID)' })),
    CHROMIUM_PATH: optional(z.string().trim()),
    LISTEN_HOST: optional(z.string().trim()),
    MICROSOFT_TIMEOUT_MS: optional(z.coerce.number().int().min(10).max(120_000)),
    ALLOWED_TENANTS: optional(
      z
        .string()
        .transform((list) => list.split(/[\s,;]+/).filter((id) => id !== '').map((id) => id.toLowerCase()))
        .refine((ids) => ids.length > 0 && ids.every((id) => ENTRA_TENANT_ID.test(id)), { error: 'must list Entra tenant ids (GUIDs), comma-separated' }),
    ),
  })
  .superRefine((env, context) => {
    const problem = (path: string, message: string) => context.addIssue({ code: 'custom', path: [path], message });
    const appType = env.MicrosoftAppType ?? 'MultiTenant';
    if (!env.MicrosoftAppId) {
      if (env.NODE_ENV === 'production') {
        problem(
          'MicrosoftAppId',
          'is required when NODE_ENV=production; refusing to start without Bot Framework authentication',
        );
      }
      if (env.MicrosoftAppPassword) problem('MicrosoftAppPassword', 'is set but MicrosoftAppId is not');
      return;
    }
    if (appType === 'UserAssignedMSI') {
      if (env.MicrosoftAppPassword) problem('MicrosoftAppPassword', 'must not be set for UserAssignedMSI');
    } else if (!env.MicrosoftAppPassword) {
      problem('MicrosoftAppPassword', `is required for ${appType}`);
    }
    if (appType !== 'MultiTenant' && !env.MicrosoftAppTenantId) {
      problem('MicrosoftAppTenantId', `is required for ${appType}`);
    }
  })
  .superRefine((env, context) => {
    if (env.NODE_ENV === 'production' && !env.LINK_SIGNING_SECRET) {
      context.addIssue({
        code: 'custom',
        path: ['LINK_SIGNING_SECRET'],
        message: 'is required when NODE_ENV=production, so every instance signs and checks download links alike',
      });
    }
    // Anyone who can reach the server could then read that user's deadlines without a token.
    if (env.NODE_ENV === 'production' && env.TAB_DEV_USER) {
      context.addIssue({ code: 'custom', path: ['TAB_DEV_USER'], message: 'must not be set when NODE_ENV=production' });
    } else if (env.MicrosoftAppId && env.TAB_DEV_USER) {
      context.addIssue({ code: 'custom', path: ['TAB_DEV_USER'], message: 'must not be set when MicrosoftAppId is (authentication is on)' });
    }
  });

/**
 * Reads the bot's settings from a process-environment-like record.
 *
 * @param env - usually `process.env`
 * @returns the settings with defaults filled in, or every problem found, one per line
 *
 * @example
 * loadConfig({ NODE_ENV: 'production' })
 * //=> { ok: false, error: { kind: 'invalid-config', message: 'MicrosoftAppId is required when NODE_ENV=production; …' } }
 * loadConfig({})
 * //=> { ok: true, value: { authentication: 'disabled-local', port: 3978, dataDir: './.data', maxBodyBytes: 262144, … } }
 */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): Result<Config, InvalidConfig> {
  const parsed = EnvironmentSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`);
    return err({ kind: 'invalid-config', message: lines.join('\n') });
  }
  const settings = parsed.data;
  const listenHost = settings.LISTEN_HOST ?? (settings.MicrosoftAppId ? undefined : '127.0.0.1');
  const publicBaseUrl = settings.PUBLIC_BASE_URL ?? `http://localhost:${settings.PORT ?? 3978}`;
  const teamsAppId = settings.TEAMS_APP_ID ?? settings.MicrosoftAppId;
  const shared: SharedConfig = {
    port: settings.PORT ?? 3978,
    nodeEnv: settings.NODE_ENV ?? 'development',
    dataDir: settings.DATA_DIR ?? './.data',
    ...(settings.DATABASE_URL === undefined ? {} : { databaseUrl: settings.DATABASE_URL }),
    maxBodyBytes: settings.MAX_BODY_BYTES ?? 262_144,
    logLevel: settings.LOG_LEVEL ?? 'info',
    botAdmins: (settings.BOT_ADMINS ?? '').split(/[\s,;]+/).filter((id) => id !== ''),
    publicBaseUrl,
    // 'deadlines' is the static tab's entityId in deployment/app-package/manifest.json.
    tabUrl: teamsAppId ? `https://teams.microsoft.com/l/entity/${encodeURIComponent(teamsAppId)}/deadlines` : `${publicBaseUrl}/tab`,
    linkSigningSecret: settings.LINK_SIGNING_SECRET ?? randomBytes(32).toString('base64url'),
    reminderIntervalSeconds: settings.REMINDER_INTERVAL_SECONDS ?? 300,
    reminderSendsPerSecond: settings.REMINDER_SENDS_PER_SECOND ?? 48,
    microsoftTimeoutMs: settings.MICROSOFT_TIMEOUT_MS ?? 10_000,
    ...(settings.RETENTION_DAYS_AFTER_CLOSURE === undefined ? {} : { retentionDaysAfterClosure: settings.RETENTION_DAYS_AFTER_CLOSURE }),
    // The tenant the bot files chats under when Teams names none, so the dev user sees what they recorded there.
    ...(settings.TAB_DEV_USER === undefined ? {} : { tabDevUser: { tenantId: settings.TAB_DEV_TENANT ?? 'local', userId: settings.TAB_DEV_USER } }),
    ...(settings.TAB_APP_ID_URI === undefined ? {} : { tabAppIdUri: settings.TAB_APP_ID_URI }),
    ...(settings.ALLOWED_TENANTS === undefined ? {} : { allowedTenants: settings.ALLOWED_TENANTS }),
    ...(settings.CHROMIUM_PATH === undefined ? {} : { chromiumPath: settings.CHROMIUM_PATH }),
    ...(listenHost === undefined ? {} : { listenHost }),
  };
  if (!settings.MicrosoftAppId) return ok({ ...shared, authentication: 'disabled-local' });
  return ok({
    ...shared,
    authentication: 'enabled',
    microsoftApp: {
      id: settings.MicrosoftAppId,
      type: settings.MicrosoftAppType ?? 'MultiTenant',
      ...(settings.MicrosoftAppPassword === undefined ? {} : { password: settings.MicrosoftAppPassword }),
      ...(settings.MicrosoftAppTenantId === undefined ? {} : { tenantId: settings.MicrosoftAppTenantId }),
    },
  });
}
