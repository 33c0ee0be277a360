import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type StartedBot } from '../../bot/start-bot.js';
import { loadQuestions, partOf, runEval, tally } from '../../scripts/eval/run-eval.js';
import { putNewClusterIn } from '../helpers/databases.js';

// `npm run eval` inside the suite: the bot over HTTP as Teams would talk to it, a loopback stand-in for the
// Bot Connector, each question in a new conversation by a new user. questions.jsonl is ../shared/eval's, copied
// so a bare clone runs it; design-phrasings.jsonl holds the seven examples of issue 12 and our own phrasings.
const fileIn = (name: string) => fileURLToPath(new URL(name, import.meta.url));

let bot: StartedBot;
let dataDir: string;
beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'cin-eval-test-'));
  await putNewClusterIn(dataDir);
  bot = await startBot({ PORT: '0', DATA_DIR: dataDir, NODE_ENV: 'test', LOG_LEVEL: 'silent' }, { host: '127.0.0.1' });
}, 60_000);
afterAll(async () => {
  await bot.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const described = (results: Awaited<ReturnType<typeof runEval>>, outcome: string) =>
  results.filter((result) => result.outcome === outcome).map((result) => `${result.question.id}: ${result.misses.join('; ')} | ${result.reply.slice(0, 300)}`);

describe.each([
  ['the shared evaluation questions', 'questions.jsonl'],
  ['our own phrasings, dates and authorities', 'our-phrasings.jsonl'],
])('%s', (_name, file) => {
  it('are all answered correctly', async () => {
    const results = await runEval(bot.url, loadQuestions(fileIn(file)));
    expect(described(results, 'wrong')).toEqual([]);
    expect(described(results, 'asked-back')).toEqual([]);
    expect(results.length).toBeGreaterThan(20);
  }, 120_000);
});

describe('the seven examples of issue 12 and our design phrasings', () => {
  it('are never answered about another rule, and the examples are answered or asked back with the right rule offered', async () => {
    const results = await runEval(bot.url, loadQuestions(fileIn('design-phrasings.jsonl')));
    expect(described(results, 'wrong')).toEqual([]);
    const examples = results.filter((result) => result.question.id.startsWith('iss-'));
    expect(examples).toHaveLength(7);
    for (const example of examples) {
      if (example.outcome === 'asked-back') expect(example.choices).toContain(example.question.rule_id);
      else expect(example.outcome).toBe('correct');
    }
    // Asked back under 5% on the design part; the measure part is only reported (npm run eval), never tuned to.
    const design = tally(results.filter((result) => partOf(result.question.id) === 'design'));
    expect(design.askedBack / design.total).toBeLessThan(0.05);
  }, 120_000);
});
