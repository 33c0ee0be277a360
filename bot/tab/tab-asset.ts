import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

export interface TabAsset {
  readonly status: 200 | 404;
  readonly contentType: string;
  readonly body: string;
}

const PUBLIC = new URL('./public/', import.meta.url);
// The package's browser bundle (UMD, global `microsoftTeams`), served by us: no CDN for a page that holds case data.
const TEAMS_JS = createRequire(import.meta.url).resolve('@microsoft/teams-js');
// Chart.js's self-contained browser bundle (global `Chart`), beside the CommonJS entry the package exports.
const CHART_JS = new URL('chart.umd.js', pathToFileURL(createRequire(import.meta.url).resolve('chart.js')));

const FILES: Readonly<Record<string, { readonly path: URL | string; readonly contentType: string }>> = {
  'tab.js': { path: new URL('tab.js', PUBLIC), contentType: 'text/javascript; charset=utf-8' },
  'tab.css': { path: new URL('tab.css', PUBLIC), contentType: 'text/css; charset=utf-8' },
  'teams-js.js': { path: TEAMS_JS, contentType: 'text/javascript; charset=utf-8' },
  'chart.js': { path: CHART_JS, contentType: 'text/javascript; charset=utf-8' },
  'team-charts.js': { path: new URL('team-charts.js', PUBLIC), contentType: 'text/javascript; charset=utf-8' },
};

/**
 * The tab's page (`name` empty) or one of its files, from a fixed list so no path reaches the disk. The page
 * carries the development test user's id when there is one, so the script signs in as them outside Teams.
 *
 * @example
 * await tabAsset('', { devUserId: 'dev-worker' }) //=> { status: 200, contentType: 'text/html; charset=utf-8', body: '<!doctype html>…' }
 * await tabAsset('../config.ts', {})              //=> { status: 404, … }
 */
export async function tabAsset(name: string, { devUserId }: { readonly devUserId?: string }): Promise<TabAsset> {
  if (name === '') {
    const page = await readFile(new URL('index.html', PUBLIC), 'utf8');
    return { status: 200, contentType: 'text/html; charset=utf-8', body: page.replace('{{DEV_USER}}', escapeAttribute(devUserId ?? '')) };
  }
  const file = Object.hasOwn(FILES, name) ? FILES[name] : undefined;
  if (!file) return { status: 404, contentType: 'text/plain; charset=utf-8', body: 'Not found.' };
  return { status: 200, contentType: file.contentType, body: await readFile(file.path, 'utf8') };
}

function escapeAttribute(text: string): string {
  return text.replace(/[&"<>]/g, (character) => `&#${character.charCodeAt(0)};`);
}
