import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function runTick(dataDir: string, now: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/reminders-tick.ts'), '--now', now], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', MicrosoftAppId: '', NODE_ENV: 'development', LOG_LEVEL: 'silent' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run reminders:tick', () => {
  let dataDir: string;
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('runs one pass at the moment given and says what it did', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'cin-tick-'));
    const { code, stdout } = await runTick(dataDir, '2026-03-21T10:00:00Z' /* a Saturday */);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ now: '2026-03-21T10:00:00.000Z', outsideWorkingHours: true, enqueued: 0, sent: 0, retrying: 0, failed: 0, approvalNotices: { sent: 0, retrying: 0, failed: 0 } });
  }, 60_000);

  it('refuses, with the reason, to open an embedded database a running bot holds', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'cin-tick-'));
    // This test process stands in for the running bot.
    writeFileSync(join(dataDir, 'cin-assistant.pid'), String(process.pid));
    const { code, stderr } = await runTick(dataDir, '2026-03-23T09:00:00Z');
    expect(code).toBe(2);
    expect(stderr).toContain(`in use by a running bot (pid ${process.pid})`);
  }, 60_000);
});
