import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type StartedBot } from '../../bot/start-bot.js';
import { loadQuestions, runEval } from '../../scripts/eval/run-eval.js';

// `npm run eval` inside the suite: the bot over HTTP as Teams would talk to it, a loopback stand-in for the
// Bot Connector, each question in a new conversation by a new user.
const SHARED_QUESTIONS = fileURLToPath(new URL('../../../shared/eval/questions.jsonl', import.meta.url));
const OUR_QUESTIONS = fileURLToPath(new URL('../fixtures/more-questions.jsonl', import.meta.url));

let bot: StartedBot;
let dataDir: string;
beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'cin-eval-test-'));
  bot = await startBot({ PORT: '0', DATA_DIR: dataDir, NODE_ENV: 'test', LOG_LEVEL: 'silent' }, { host: '127.0.0.1' });
}, 60_000);
afterAll(async () => {
  await bot.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe.each([
  ['the shared evaluation questions', SHARED_QUESTIONS],
  ['our own phrasings, dates and authorities', OUR_QUESTIONS],
])('%s', (_name, path) => {
  it('are all answered correctly', async () => {
    const results = await runEval(bot.url, loadQuestions(path));
    const misses = results.filter((result) => result.misses.length > 0).map((result) => `${result.question.id}: ${result.misses.join('; ')} | ${result.reply.slice(0, 300)}`);
    expect(misses).toEqual([]);
    expect(results.length).toBeGreaterThan(20);
  }, 120_000);
});
