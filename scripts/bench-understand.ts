import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { londonDateOf } from '../domain/dates/local-date.js';
import { POLICIES } from '../domain/policy/registry.js';
import { noFigureFor } from '../domain/questions/no-figure.js';
import { decide, rankRules } from '../domain/questions/rank.js';
import { understand } from '../bot/understanding/understand.js';
import { loadQuestions } from './eval/run-eval.js';

/**
 * `npm run bench:understand`: times the reading and ranking alone (no HTTP, no database, no card) on every
 * question of tests/eval/*.jsonl: reading into parts, ranking every rule of the authority, deciding to answer or
 * ask back (or say the document sets no figure). Prints the median and the 99th percentile per question, in microseconds, over several rounds after
 * one warm-up round.
 */
const ROUNDS = 20;
const evalDir = fileURLToPath(new URL('../tests/eval/', import.meta.url));
const questions = readdirSync(evalDir)
  .filter((name) => name.endsWith('.jsonl'))
  .flatMap((name) => loadQuestions(join(evalDir, name)))
  .map((question) => ({ text: question.text, today: londonDateOf(new Date(question.today)) }));

const readAndRank = (text: string, today: ReturnType<typeof londonDateOf>) => {
  const { authorityIds, question } = understand(text, today, POLICIES);
  const policy = POLICIES.find((candidate) => candidate.authority.id === authorityIds[0]);
  if (!policy) return 'no authority';
  const ranking = rankRules(policy, question);
  const decision = decide(policy, ranking, question);
  return noFigureFor(policy, ranking, decision, question) ? 'no figure' : decision.kind;
};

for (const { text, today } of questions) readAndRank(text, today);
const timings: number[] = [];
for (let round = 0; round < ROUNDS; round += 1) {
  for (const { text, today } of questions) {
    const started = process.hrtime.bigint();
    readAndRank(text, today);
    timings.push(Number(process.hrtime.bigint() - started) / 1000);
  }
}
timings.sort((left, right) => left - right);
const at = (fraction: number) => timings[Math.min(timings.length - 1, Math.floor(fraction * timings.length))] ?? 0;
process.stdout.write(
  `bench:understand: ${questions.length} questions x ${ROUNDS} rounds: median ${at(0.5).toFixed(0)} µs, p99 ${at(0.99).toFixed(0)} µs per question\n`,
);
