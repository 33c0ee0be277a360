// `npm run package`: fills the Teams app manifest from the environment, checks it against the official schema
// offline and writes deployment/dist/cin-assistant.zip for upload to Teams.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { zipSync } from 'fflate';
import { z } from 'zod';
import { err, ok, type Result } from '../domain/result.js';
import packageJson from '../package.json' with { type: 'json' };
import { validateTeamsManifest } from './validate-teams-manifest.js';

export interface AppPackage {
  /** The filled manifest, as it is in the zip. */
  readonly manifest: Readonly<Record<string, unknown>>;
  /** manifest.json, color.png and outline.png, zipped flat as Teams expects. */
  readonly zip: Uint8Array;
}

export type AppPackageError =
  /** One line per setting, naming it; never echoes a value. */
  | { readonly kind: 'invalid-settings'; readonly message: string }
  | { readonly kind: 'invalid-manifest'; readonly problems: readonly string[] };

const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
const blankIsUnset = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const GuidSchema = z.string().trim().regex(GUID, { error: 'must be a GUID' });
const HttpsUrlSchema = z.url({ protocol: /^https$/, error: 'must be an https:// URL' }).transform((url) => url.replace(/\/+$/, ''));
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankIsUnset, schema.optional());
// Settings are strings or unset, so the only way to fail z.string() here is to be unset.
const required = <T extends z.ZodType<unknown, string>>(schema: T, why: string) =>
  z.preprocess(blankIsUnset, z.string({ error: `is required: ${why}` }).pipe(schema));

const PackageSettingsSchema = z.object({
  MicrosoftAppId: required(GuidSchema, "the bot's Entra app registration (client) id"),
  PUBLIC_BASE_URL: required(HttpsUrlSchema, 'where Teams reaches the bot, e.g. https://cin.example.gov.uk'),
  TEAMS_APP_ID: optional(GuidSchema),
  TEAMS_APP_VERSION: optional(z.string().regex(/^\d+\.\d+\.\d+$/, { error: 'must be a version such as 1.2.3' })),
  TEAMS_SSO_APP_ID: optional(GuidSchema),
  TEAMS_SSO_RESOURCE: optional(z.string().trim().regex(/^api:\/\/\S+$/, { error: 'must be an api:// Application ID URI' })),
  TEAMS_DEVELOPER_NAME: optional(z.string().trim()),
  TEAMS_PRIVACY_URL: optional(HttpsUrlSchema),
  TEAMS_TERMS_URL: optional(HttpsUrlSchema),
});

const TEMPLATE_FOLDER = new URL('./app-package/', import.meta.url);
const PLACEHOLDER = /\$\{\{(\w+)\}\}/g;
/** A fixed timestamp for the zip entries, so the same settings always give the same bytes. */
const ENTRY_TIME = new Date('2026-01-01T00:00:00Z');

/**
 * Builds the Teams app package: fills the manifest template's `${{NAME}}` placeholders from the environment,
 * validates the result against the official schema offline and zips it with the icons.
 *
 * Only MicrosoftAppId and PUBLIC_BASE_URL are required. The Teams app id and the single sign-on app id default
 * to the bot's app id, the SSO resource to `api://<public host>/botid-<app id>` (the Application ID URI Teams
 * expects when a bot and a tab share one registration), the version to package.json's, and the developer's
 * privacy and terms links to PUBLIC_BASE_URL.
 *
 * @param env - usually `process.env`
 * @returns the zip and the manifest in it, or what is wrong with the settings or the filled manifest
 *
 * @example
 * await buildAppPackage({ MicrosoftAppId: '5c3e…', PUBLIC_BASE_URL: 'https://cin.example.gov.uk' })
 * //=> { ok: true, value: { manifest: { id: '5c3e…', validDomains: ['cin.example.gov.uk'], … }, zip: Uint8Array(…) } }
 * await buildAppPackage({})
 * //=> { ok: false, error: { kind: 'invalid-settings', message: "MicrosoftAppId is required: the bot's Entra …" } }
 */
export async function buildAppPackage(env: Readonly<Record<string, string | undefined>>): Promise<Result<AppPackage, AppPackageError>> {
  const parsed = PackageSettingsSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`);
    return err({ kind: 'invalid-settings', message: lines.join('\n') });
  }
  const settings = parsed.data;
  const host = new URL(settings.PUBLIC_BASE_URL).host;
  const ssoAppId = settings.TEAMS_SSO_APP_ID ?? settings.MicrosoftAppId;
  const values: Readonly<Record<string, string>> = {
    TEAMS_APP_ID: settings.TEAMS_APP_ID ?? settings.MicrosoftAppId,
    APP_VERSION: settings.TEAMS_APP_VERSION ?? packageJson.version,
    BOT_ID: settings.MicrosoftAppId,
    PUBLIC_BASE_URL: settings.PUBLIC_BASE_URL,
    PUBLIC_HOST: host,
    SSO_APP_ID: ssoAppId,
    SSO_RESOURCE: settings.TEAMS_SSO_RESOURCE ?? `api://${host}/botid-${ssoAppId}`,
    DEVELOPER_NAME: settings.TEAMS_DEVELOPER_NAME ?? 'CiN Assistant',
    PRIVACY_URL: settings.TEAMS_PRIVACY_URL ?? settings.PUBLIC_BASE_URL,
    TERMS_URL: settings.TEAMS_TERMS_URL ?? settings.PUBLIC_BASE_URL,
  };

  const template: unknown = JSON.parse(readFileSync(new URL('manifest.json', TEMPLATE_FOLDER), 'utf8'));
  const unknownPlaceholders = new Set<string>();
  // Filled value by value in the parsed JSON, not in the text, so no setting can break out of its string.
  const manifest = fill(template, values, unknownPlaceholders) as Record<string, unknown>;
  if (unknownPlaceholders.size > 0) {
    return err({ kind: 'invalid-manifest', problems: [...unknownPlaceholders].map((name) => `placeholder \${{${name}}} has no setting`) });
  }
  const problems = await validateTeamsManifest(manifest);
  if (problems.length > 0) return err({ kind: 'invalid-manifest', problems });

  const zip = zipSync(
    {
      'manifest.json': new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`),
      'color.png': readFileSync(new URL('color.png', TEMPLATE_FOLDER)),
      'outline.png': readFileSync(new URL('outline.png', TEMPLATE_FOLDER)),
    },
    { level: 9, mtime: ENTRY_TIME },
  );
  return ok({ manifest, zip });
}

function fill(node: unknown, values: Readonly<Record<string, string>>, unknown: Set<string>): unknown {
  if (typeof node === 'string') {
    return node.replace(PLACEHOLDER, (placeholder, name: string) => {
      const value = values[name];
      if (value === undefined) unknown.add(name);
      return value ?? placeholder;
    });
  }
  if (Array.isArray(node)) return node.map((item) => fill(item, values, unknown));
  if (node !== null && typeof node === 'object') {
    return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, fill(value, values, unknown)]));
  }
  return node;
}

async function main(): Promise<void> {
  const built = await buildAppPackage(process.env);
  if (!built.ok) {
    const details = built.error.kind === 'invalid-settings' ? built.error.message : built.error.problems.join('\n');
    const what = built.error.kind === 'invalid-settings' ? 'Fix these settings' : 'The filled manifest fails the Teams schema';
    process.stderr.write(`Cannot build the Teams app package. ${what}:\n${details}\n`);
    process.exitCode = 1;
    return;
  }
  const output = new URL('./dist/cin-assistant.zip', import.meta.url);
  mkdirSync(new URL('./dist/', import.meta.url), { recursive: true });
  writeFileSync(output, built.value.zip);
  const { manifest } = built.value;
  process.stdout.write(
    `Wrote ${fileURLToPath(output)}: Teams manifest ${String(manifest['manifestVersion'])}, app version ${String(manifest['version'])}, ` +
      `app id ${String(manifest['id'])}, valid domain ${JSON.stringify(manifest['validDomains'])}.\n`,
  );
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
