import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadQuestions, runEval } from './eval/run-eval.js';

/**
 * `npm run eval`: starts the bot as `npm start` does (on a free port, a fresh embedded database), asks it every
 * question of ../shared/eval/questions.jsonl over HTTP as Teams would, and prints the score and every miss.
 */
const root = fileURLToPath(new URL('../', import.meta.url));
const questionsPath = process.argv[2] ?? join(root, '../shared/eval/questions.jsonl');

const port = await freePort();
const dataDir = mkdtempSync(join(tmpdir(), 'cin-eval-'));
const bot = spawn(process.execPath, ['--import', 'tsx', join(root, 'bot/main.ts')], {
  cwd: root,
  env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, MicrosoftAppId: '', DATABASE_URL: '', NODE_ENV: 'development', LOG_LEVEL: 'warn' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
try {
  const botUrl = `http://127.0.0.1:${port}`;
  await waitUntilHealthy(botUrl);
  const results = await runEval(botUrl, loadQuestions(questionsPath));
  const missed = results.filter((result) => result.misses.length > 0);
  for (const result of missed) {
    process.stdout.write(`MISS ${result.question.id}: ${result.question.text}\n  ${result.misses.join('; ')}\n  reply: ${result.reply.slice(0, 400).replace(/\n/g, ' | ')}\n`);
  }
  const score = ((results.length - missed.length) / results.length) * 100;
  process.stdout.write(`eval: ${results.length - missed.length}/${results.length} correct (${score.toFixed(1)}%)\n`);
  process.exitCode = missed.length === 0 ? 0 : 1;
} finally {
  bot.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitUntilHealthy(botUrl: string): Promise<void> {
  for (let attempt = 0; attempt < 150; attempt += 1) {
    try {
      if ((await fetch(`${botUrl}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('The bot did not become healthy within 30 s');
}
