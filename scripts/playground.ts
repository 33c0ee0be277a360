import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { loadConfig } from '../bot/config.js';

/**
 * `npm run playground`: the bot (as `npm start` runs it, embedded database) and Microsoft 365 Agents Playground
 * pointed at it, so anyone can chat with the bot and press its cards' buttons in a browser without a tenant.
 * The playground's web UI is on PLAYGROUND_PORT (default 56150) on every interface. Ctrl-C stops both; when
 * either stops, the other is stopped too.
 */
const root = fileURLToPath(new URL('../', import.meta.url));
const PlaygroundPortSchema = z.coerce.number().int().min(1).max(65_535).default(56_150);
/** The embedded database's first start runs every migration; allow for a slow machine. */
const BOT_READY_TIMEOUT_MS = 60_000;
/** Long enough for main.ts's own graceful stop (10 s) to finish first. */
const STOP_TIMEOUT_MS = 12_000;

// The playground sends no Bot Framework tokens, so the bot must run without an app registration.
const botEnv: NodeJS.ProcessEnv = { ...process.env };
for (const name of ['MicrosoftAppId', 'MicrosoftAppPassword', 'MicrosoftAppType', 'MicrosoftAppTenantId']) delete botEnv[name];

const config = loadConfig(botEnv);
if (!config.ok) fail(`CiN Assistant cannot start. Fix these settings:\n${config.error.message}`);
if (config.value.port === 0) fail('PORT=0 picks a random port the playground cannot be told; set PORT to a fixed port.');
const playgroundPort = PlaygroundPortSchema.safeParse(process.env.PLAYGROUND_PORT || undefined);
if (!playgroundPort.success) fail('PLAYGROUND_PORT must be a port number (1-65535).');

const botUrl = `http://127.0.0.1:${config.value.port}`;
const children: ChildProcess[] = [];
let stopping = false;

// Each child gets a process group of its own, so a terminal's Ctrl-C reaches it once, from us, not twice:
// the bot treats a second SIGINT as "die now" and would skip its graceful stop.
const bot = start(process.execPath, ['--import', 'tsx', 'bot/main.ts'], botEnv);
// `on`, not `once`: npm and tsx may relay the terminal's Ctrl-C a second time, which must not kill us early.
process.on('SIGINT', () => stopAll('SIGINT', 0));
process.on('SIGTERM', () => stopAll('SIGTERM', 0));

if (await becomesHealthy(bot)) {
  const cli = createRequire(import.meta.url).resolve('@microsoft/m365agentsplayground/cli.js');
  start(process.execPath, [cli, '--app-endpoint', `${botUrl}/api/messages`, '--channel-id', 'msteams', '--port', String(playgroundPort.data), '--disable-telemetry'], {
    ...process.env,
    // The machine may have no browser, and whoever runs this opens the address themselves, perhaps elsewhere.
    TEAMSAPPTESTER_BROWSER: 'none',
    // Not its default ./devTools/ in the project, nor the data folder, which is the database's own.
    M365_AGENTS_PLAYGROUND_LOGFILE: join(tmpdir(), 'm365agentsplayground.log'),
  });
}

function start(command: string, args: readonly string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(command, args, { cwd: root, env, stdio: 'inherit', detached: true });
  children.push(child);
  child.once('exit', (code, signal) => {
    // Whichever stops first takes the other with it; a stop we asked for is not a failure.
    if (!stopping) stopAll('SIGTERM', code ?? (signal ? 1 : 0));
    if (children.every((each) => each.exitCode !== null || each.signalCode !== null)) process.exit();
  });
  return child;
}

function stopAll(signal: NodeJS.Signals, exitCode: number): void {
  if (stopping) return;
  stopping = true;
  process.exitCode = exitCode;
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  setTimeout(() => {
    process.stderr.write(`playground: still running after ${STOP_TIMEOUT_MS / 1000} s; killing.\n`);
    for (const child of children) child.kill('SIGKILL');
    process.exit(1);
  }, STOP_TIMEOUT_MS).unref();
}

async function becomesHealthy(child: ChildProcess): Promise<boolean> {
  const deadline = Date.now() + BOT_READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (stopping || child.exitCode !== null || child.signalCode !== null) return false;
    const healthy = await fetch(`${botUrl}/healthz`).then((response) => response.ok, () => false);
    if (healthy) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  process.stderr.write(`playground: the bot did not answer ${botUrl}/healthz within ${BOT_READY_TIMEOUT_MS / 1000} s.\n`);
  stopAll('SIGTERM', 1);
  return false;
}

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}
