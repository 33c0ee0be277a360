import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { loadQuestions, partOf, runEval, tally, type EvalResult } from './eval/run-eval.js';

/**
 * `npm run eval [-- --file other.jsonl …] [-- --verbose]`: starts the bot as `npm start` does (on a free port, a
 * fresh embedded database), asks it every question of each file over HTTP as Teams would, and prints per file
 * correct / asked back / wrong, for the design part and the measure part (70/30 by a fixed-seed hash of each
 * question's id) and in all, then every wrong reply (and with --verbose every asked-back one). Without --file it
 * asks every tests/eval/*.jsonl. Exits 1 when any reply is wrong.
 */
const root = fileURLToPath(new URL('../', import.meta.url));
const { values } = parseArgs({ options: { file: { type: 'string', multiple: true }, verbose: { type: 'boolean', default: false } }, allowPositionals: true });
const evalDir = join(root, 'tests/eval');
const files = values.file?.map((file) => resolve(file)) ?? readdirSync(evalDir).filter((name) => name.endsWith('.jsonl')).sort().map((name) => join(evalDir, name));

const port = await freePort();
const dataDir = mkdtempSync(join(tmpdir(), 'cin-eval-'));
const bot = spawn(process.execPath, ['--import', 'tsx', join(root, 'bot/main.ts')], {
  cwd: root,
  env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, MicrosoftAppId: '', DATABASE_URL: '', NODE_ENV: 'development', LOG_LEVEL: 'warn' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
let anyWrong = false;
try {
  const botUrl = `http://127.0.0.1:${port}`;
  await waitUntilHealthy(botUrl);
  for (const file of files) {
    const results = await runEval(botUrl, loadQuestions(file));
    for (const result of results.filter((each) => each.outcome === 'wrong' || (values.verbose && each.outcome === 'asked-back'))) {
      process.stdout.write(
        `${result.outcome.toUpperCase()} ${result.question.id} [${partOf(result.question.id)}]: ${result.question.text}\n  ${result.misses.join('; ')}` +
          `${result.choices.length > 0 ? `\n  choices: ${result.choices.join(', ')}` : ''}\n  reply: ${result.reply.slice(0, 300).replace(/\n/g, ' | ')}\n`,
      );
    }
    process.stdout.write(`${basename(file)}\n`);
    for (const [part, subset] of [
      ['design', results.filter((result) => partOf(result.question.id) === 'design')],
      ['measure', results.filter((result) => partOf(result.question.id) === 'measure')],
      ['all', results],
    ] as const) {
      process.stdout.write(`  ${part.padEnd(8)} ${line(subset)}\n`);
    }
    anyWrong ||= results.some((result) => result.outcome === 'wrong');
  }
  process.exitCode = anyWrong ? 1 : 0;
} finally {
  bot.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
}

function line(results: readonly EvalResult[]): string {
  const figures = tally(results);
  const percent = (count: number) => (figures.total === 0 ? '-' : `${((count / figures.total) * 100).toFixed(1)}%`);
  const choices = figures.choicesOffered > 0 ? `; right rule among the choices ${figures.rightRuleAmongChoices}/${figures.choicesOffered}` : '';
  return `${figures.total} questions: correct ${figures.correct} (${percent(figures.correct)}), asked back ${figures.askedBack} (${percent(figures.askedBack)}), wrong ${figures.wrong} (${percent(figures.wrong)})${choices}`;
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitUntilHealthy(botUrl: string): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt += 1) {
    try {
      if ((await fetch(`${botUrl}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolveWait) => setTimeout(resolveWait, 200));
  }
  throw new Error('The bot did not become healthy within 120 s');
}
