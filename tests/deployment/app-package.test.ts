import { spawnSync } from 'node:child_process';
import { inflateSync } from 'node:zlib';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { MESSAGE_ROUTES } from '../../bot/routes.js';
import { buildAppPackage } from '../../deployment/build-app-package.js';
import { validateTeamsManifest } from '../../deployment/validate-teams-manifest.js';

const BOT_ID = '5c3e1a2b-1111-4222-8333-944445555666';
const SETTINGS = { MicrosoftAppId: BOT_ID, PUBLIC_BASE_URL: 'https://cin.example.gov.uk/' };

interface Png {
  readonly width: number;
  readonly height: number;
  readonly colourType: number;
  /** RGBA bytes, row by row; only for our own encoder's output (8-bit RGBA, filter 0 on every row). */
  readonly pixels: Uint8Array;
}

/** Reads width, height and pixels from a PNG, refusing any layout our icon encoder does not write. */
function readPng(bytes: Uint8Array): Png {
  const file = Buffer.from(bytes);
  expect(file.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const [width, height, colourType] = [file.readUInt32BE(16), file.readUInt32BE(20), file[25] ?? -1];
  const chunks: Buffer[] = [];
  for (let offset = 8; offset < file.length; ) {
    const length = file.readUInt32BE(offset);
    if (file.toString('latin1', offset + 4, offset + 8) === 'IDAT') chunks.push(file.subarray(offset + 8, offset + 8 + length));
    offset += length + 12;
  }
  const rows = inflateSync(Buffer.concat(chunks));
  const pixels = new Uint8Array(width * height * 4);
  for (let row = 0; row < height; row += 1) {
    expect(rows[row * (width * 4 + 1)], `filter of row ${row}`).toBe(0);
    pixels.set(rows.subarray(row * (width * 4 + 1) + 1, (row + 1) * (width * 4 + 1)), row * width * 4);
  }
  return { width, height, colourType, pixels };
}

describe('buildAppPackage', () => {
  // The suite runs without a network; any attempt to fetch a schema must fail loudly rather than hang.
  beforeAll(() => vi.stubGlobal('fetch', () => Promise.reject(new Error('no network in tests'))));
  afterAll(() => vi.unstubAllGlobals());

  it('zips a filled manifest that passes the official Teams schema, with the two icons', async () => {
    const built = await buildAppPackage(SETTINGS);
    if (!built.ok) throw new Error(JSON.stringify(built.error));
    const files = unzipSync(built.value.zip);
    expect(Object.keys(files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);

    const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json'])) as Record<string, unknown>;
    expect(manifest).toEqual(built.value.manifest);
    expect(await validateTeamsManifest(manifest)).toEqual([]);
    expect(JSON.stringify(manifest)).not.toContain('${{');
    expect(manifest).toMatchObject({
      manifestVersion: '1.30',
      id: BOT_ID,
      version: '0.1.0',
      developer: { websiteUrl: 'https://cin.example.gov.uk', privacyUrl: 'https://cin.example.gov.uk' },
      bots: [{ botId: BOT_ID, scopes: ['personal', 'team', 'groupChat'], supportsFiles: true }],
      validDomains: ['cin.example.gov.uk'],
      webApplicationInfo: { id: BOT_ID, resource: `api://cin.example.gov.uk/botid-${BOT_ID}` },
    });
    expect(manifest).toHaveProperty('staticTabs', [
      { entityId: 'deadlines', name: 'Deadlines', contentUrl: 'https://cin.example.gov.uk/tab', websiteUrl: 'https://cin.example.gov.uk/tab', scopes: ['personal'] },
    ]);
  });

  it('uses the separate ids, version and links when they are set', async () => {
    const built = await buildAppPackage({
      ...SETTINGS,
      PUBLIC_BASE_URL: 'https://bot.example.org:8443',
      TEAMS_APP_ID: '11111111-2222-4333-8444-555555555555',
      TEAMS_APP_VERSION: '2.3.4',
      TEAMS_SSO_APP_ID: '66666666-7777-4888-8999-aaaaaaaaaaaa',
      TEAMS_SSO_RESOURCE: 'api://bot.example.org/custom',
      TEAMS_DEVELOPER_NAME: 'Example Council',
      TEAMS_PRIVACY_URL: 'https://example.gov.uk/privacy',
      TEAMS_TERMS_URL: 'https://example.gov.uk/terms',
    });
    expect(built.ok && built.value.manifest).toMatchObject({
      id: '11111111-2222-4333-8444-555555555555',
      version: '2.3.4',
      developer: { name: 'Example Council', privacyUrl: 'https://example.gov.uk/privacy', termsOfUseUrl: 'https://example.gov.uk/terms' },
      bots: [{ botId: BOT_ID }],
      validDomains: ['bot.example.org:8443'],
      webApplicationInfo: { id: '66666666-7777-4888-8999-aaaaaaaaaaaa', resource: 'api://bot.example.org/custom' },
    });
  });

  it('gives the same bytes for the same settings', async () => {
    const [first, second] = await Promise.all([buildAppPackage(SETTINGS), buildAppPackage(SETTINGS)]);
    expect(first.ok && second.ok && Buffer.from(first.value.zip).equals(second.value.zip)).toBe(true);
  });

  it('has a 192 × 192 colour icon and a 32 × 32 outline icon that is white on transparent', async () => {
    const built = await buildAppPackage(SETTINGS);
    if (!built.ok) throw new Error(JSON.stringify(built.error));
    const files = unzipSync(built.value.zip);
    const colour = readPng(files['color.png'] ?? new Uint8Array());
    const outline = readPng(files['outline.png'] ?? new Uint8Array());
    expect([colour.width, colour.height, colour.colourType]).toEqual([192, 192, 6]);
    expect([outline.width, outline.height, outline.colourType]).toEqual([32, 32, 6]);

    const outlinePixels = [...Array(32 * 32).keys()].map((index) => [...outline.pixels.subarray(index * 4, index * 4 + 4)].join(','));
    const kinds = new Set(outlinePixels.map((rgba) => (rgba.endsWith(',0') ? 'transparent' : rgba)));
    expect([...kinds].sort()).toEqual(['255,255,255,255', 'transparent']);
    // The glyph is there and the page is mostly transparent, not a white square.
    const white = outlinePixels.filter((rgba) => rgba === '255,255,255,255').length;
    expect(white).toBeGreaterThan(100);
    expect(white).toBeLessThan(512);
    // The colour icon is opaque everywhere, on the manifest's accent colour #1B5E8C in its corner.
    expect([...colour.pixels.subarray(0, 4)]).toEqual([0x1b, 0x5e, 0x8c, 255]);
    expect(colour.pixels.filter((_, index) => index % 4 === 3).every((alpha) => alpha === 255)).toBe(true);
  });

  it('lists at most 10 commands a scope, each one the bot routes as typed', async () => {
    const built = await buildAppPackage(SETTINGS);
    if (!built.ok) throw new Error(JSON.stringify(built.error));
    const [bot] = built.value.manifest['bots'] as { commandLists: { scopes: string[]; commands: { title: string }[] }[] }[];
    const lists = bot?.commandLists ?? [];
    expect(lists.flatMap((list) => list.scopes).sort()).toEqual(['groupChat', 'personal', 'team']);
    for (const list of lists) {
      const titles = list.commands.map((command) => command.title);
      expect(titles.length).toBeLessThanOrEqual(10);
      expect(new Set(titles).size).toBe(titles.length);
      for (const title of titles) {
        // Teams puts the title in the compose box; commands that need an argument get one typed after it.
        const routed = MESSAGE_ROUTES.some(({ pattern }) => pattern.test(title) || pattern.test(`${title} AB12`));
        expect(routed, `"${title}" matches a route in bot/routes.ts`).toBe(true);
      }
    }
  });

  it('names every missing or malformed setting, without echoing values', async () => {
    expect(await buildAppPackage({ MicrosoftAppId: ' ', PUBLIC_BASE_URL: 'http://cin.example.gov.uk' })).toEqual({
      ok: false,
      error: {
        kind: 'invalid-settings',
        message: "MicrosoftAppId is required: the bot's Entra app registration (client) id\nPUBLIC_BASE_URL must be an https:// URL",
      },
    });
    expect(await buildAppPackage({ ...SETTINGS, TEAMS_APP_ID: 'not-a-guid-secret' })).toEqual({
      ok: false,
      error: { kind: 'invalid-settings', message: 'TEAMS_APP_ID must be a GUID' },
    });
  });

  it('refuses a filled manifest the schema rejects', async () => {
    const built = await buildAppPackage({ ...SETTINGS, TEAMS_DEVELOPER_NAME: 'London Borough of Somewhere Children’s Services' });
    expect(built).toEqual({
      ok: false,
      error: { kind: 'invalid-manifest', problems: ['/developer/name must NOT have more than 32 characters. Details: {"limit":32}'] },
    });
  });
});

describe('npm run package', () => {
  it('exits 1 with the missing setting named when MicrosoftAppId is unset', () => {
    const run = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'deployment/build-app-package.ts'], {
      env: { PATH: process.env['PATH'], PUBLIC_BASE_URL: SETTINGS.PUBLIC_BASE_URL },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('MicrosoftAppId is required');
  });
});
