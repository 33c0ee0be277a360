import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { CaseStore } from '../../bot/store/cases.js';
import { openDatabase } from '../../bot/store/database.js';
import { POLICIES } from '../../domain/policy/registry.js';
import { calendar } from '../helpers/policy.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixture = (name: string) => join(root, 'tests/fixtures/census', name);
const dataDir = join(mkdtempSync(join(tmpdir(), 'cin-import-')), 'data');

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** `npm run import` as a person runs it, on a PGlite data folder of its own: no app registration, no server. */
function importCommand(...args: string[]): Promise<Run> {
  const env: Record<string, string | undefined> = { ...process.env, DATA_DIR: dataDir };
  for (const name of ['DATABASE_URL', 'MicrosoftAppId', 'MicrosoftAppPassword', 'MicrosoftAppType', 'MicrosoftAppTenantId', 'BOT_ADMINS']) delete env[name];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/import-cases.ts', ...args], { cwd: root, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

// The runs share one data folder and go in order, as a person would run them.
describe('npm run import', () => {
  afterAll(() => rmSync(join(dataDir, '..'), { recursive: true, force: true }));

  it('refuses a file without the census columns with exit code 2, before opening the database', async () => {
    const run = await importCommand(fixture('missing-columns.csv'));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('missing-columns.csv: The header (line 1) lacks LAchildID, Initials, Authority, Team, Worker.');
    expect(existsSync(dataDir)).toBe(false);
  }, 60_000);

  it('loads the good rows into the tenant given, prints each rejected line with its reason, and exits 1', async () => {
    const run = await importCommand(fixture('with-rejections.csv'), '--tenant', 'tenant-x');
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain(': 2 created, 0 updated, 0 unchanged, 4 events recorded, 4 roles assigned, 1 rejected.');
    expect(run.stdout).toContain(
      'line 3 (BD1): Authority "Narnia" is not one the bot knows (redbridge, blackburn-with-darwen, camden, slough, brighton-and-hove); ' +
        'CINreferralDate "02/30/2026" is not a date: write YYYY-MM-DD or DD/MM/YYYY (day first)',
    );
    expect(run.code).toBe(1);
  }, 120_000);

  it('puts cases in the local tenant when neither --tenant nor MicrosoftAppTenantId is given, and exits 0 when every row loads', async () => {
    const run = await importCommand(fixture('cases.csv'));
    expect(run.stdout).toContain('into tenant local (pglite): 2 created');
    expect(run.code).toBe(0);

    const database = await openDatabase({ dataDir });
    try {
      const cases = new CaseStore(database.db, POLICIES, calendar);
      const local = await cases.caseByReference('local', 'RB1');
      expect(local).toMatchObject({ authorityId: 'redbridge', openedOn: '2026-02-03', workerId: 'w-north' });
      expect(
        await database.db.selectFrom('audit_log').select(['tenant_id', 'actor_id']).where('action', '=', 'cases.imported').where('tenant_id', '=', 'local').execute(),
      ).toEqual([{ tenant_id: 'local', actor_id: 'system:import' }]);
    } finally {
      await database.close();
    }
  }, 120_000);
});
