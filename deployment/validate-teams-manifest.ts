import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { AppManifestUtils, type AppManifest } from '@microsoft/app-manifest';

type ManifestSchema = Parameters<typeof AppManifestUtils.validateAgainstSchema>[1];

const SCHEMA_URL = /^https:\/\/developer\.microsoft\.com\/(?:[a-z]{2}-[a-z]{2}\/)?json-schemas\/teams\/v([\w.]+)\/MicrosoftTeams\.schema\.json$/;

/**
 * Checks a Teams app manifest against the official schema for its `manifestVersion`, read from the copy that
 * `@microsoft/app-manifest` bundles. The schema is passed in explicitly: left to itself the library fetches
 * any version it does not bundle from the internet, and this check must give the same answer offline.
 *
 * @param manifest - the manifest as parsed JSON
 * @returns one line per problem (JSON pointer and message); empty when the manifest is valid
 *
 * @example
 * await validateTeamsManifest({ ...manifest, accentColor: 'blue' })
 * //=> ['/accentColor must match pattern "^#[0-9a-fA-F]{6}$". Details: …']
 */
export async function validateTeamsManifest(manifest: Readonly<Record<string, unknown>>): Promise<readonly string[]> {
  const version = manifest['manifestVersion'];
  if (typeof version !== 'string' || !/^[\w.]+$/.test(version)) return ['/manifestVersion must be a version such as "1.30"'];
  const schemaFile = bundledSchemaFile(version);
  if (!existsSync(schemaFile)) return [`/manifestVersion ${version} has no schema bundled with @microsoft/app-manifest`];
  const schemaVersion = SCHEMA_URL.exec(String(manifest['$schema']))?.[1];
  if (schemaVersion !== version) return [`/$schema must be the official schema URL for manifestVersion ${version}`];
  // The library's own loader does this clean-up: some published schemas hold "\a" and "\v", which JSON forbids.
  const text = readFileSync(schemaFile, 'utf8').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b');
  const schema = JSON.parse(text) as ManifestSchema;
  return AppManifestUtils.validateAgainstSchema(manifest as unknown as AppManifest, schema);
}

function bundledSchemaFile(version: string): string {
  const entry = createRequire(import.meta.url).resolve('@microsoft/app-manifest');
  return join(dirname(entry), 'json-schemas', 'teams', `v${version}`, 'MicrosoftTeams.schema.json');
}
