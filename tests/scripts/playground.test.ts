import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'cin-playground-'));

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A port nothing listens on now; the playground would quietly move to a random one if 56150 were taken. */
async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

async function answers(url: string): Promise<boolean> {
  return fetch(url).then((response) => response.ok, () => false);
}

async function until(condition: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}

describe('npm run playground', () => {
  it('starts the bot and the playground, and Ctrl-C stops both', async () => {
    const [botPort, playgroundPort] = [await freePort(), await freePort()];
    const env: Record<string, string | undefined> = { ...process.env, DATA_DIR: join(scratch, 'data'), PORT: String(botPort), PLAYGROUND_PORT: String(playgroundPort), NODE_ENV: 'development' };
    for (const name of ['DATABASE_URL', 'MicrosoftAppId', 'MicrosoftAppPassword', 'BOT_ADMINS']) delete env[name];
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/playground.ts'], { cwd: root, env, stdio: 'ignore' });
    const exited = once(child, 'exit');

    try {
      expect(await until(() => answers(`http://127.0.0.1:${playgroundPort}/`), 15_000)).toBe(true);
      expect(await answers(`http://127.0.0.1:${botPort}/healthz`)).toBe(true);
    } finally {
      child.kill('SIGINT');
    }

    expect(await exited).toEqual([0, null]);
    expect(await answers(`http://127.0.0.1:${botPort}/healthz`)).toBe(false);
    expect(await answers(`http://127.0.0.1:${playgroundPort}/`)).toBe(false);
  }, 20_000);
});
