import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { dropSchema } from '../bot/store/database.js';

/**
 * `npm run bench:chat [-- --seconds 10] [--rounds 2] [--postgres]`: replies per second and p50/p95/p99 latency (to the HTTP
 * answer) of the bot answering date questions, beside a bare botbuilder echo bot, at concurrency 1 and 16, in one
 * run on loopback, with the CPU time each spent per reply. Rounds alternate (echo, card echo, binding echo, ours, ...) so a
 * noisy neighbour hits all alike; the ratios are what to read. The card echo bot sends one of our real answers
 * without working anything out: how close any bot that sends such an answer can come to the bare echo; the binding
 * echo binds that answer's card from its template for every reply: what adaptivecards-templating alone costs. Targets:
 * throughput at least 0.8 of the echo bot's, p99 at most 1.5 times its. The bot keeps its tables in PGlite in a
 * temporary folder, or with `--postgres` in a schema of its own on TEST_DATABASE_URL (else the local server),
 * dropped at the end. On a shared machine other processes' bursts land on some rounds and not others, so with many
 * short rounds (`--rounds 20 --seconds 1`) it also prints each bot's best round (most replies a second, least CPU
 * per reply): what each costs when nothing else is running, which ratios of the totals cannot show at a load of 20.
 */
const root = fileURLToPath(new URL('../', import.meta.url));
const secondsArg = process.argv.indexOf('--seconds');
const roundSeconds = secondsArg > 0 ? Number(process.argv[secondsArg + 1]) : 10;
const onPostgres = process.argv.includes('--postgres');
const databaseUrl = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const schema = `bench_chat_${randomUUID().slice(0, 8)}`;
const roundsArg = process.argv.indexOf('--rounds');
const ROUNDS = roundsArg > 0 ? Number(process.argv[roundsArg + 1]) : 2;

const QUESTIONS = [
  'Redbridge: we decided on 9 March 2026 that a CiN plan is needed. When must the initial CiN meeting be held by?',
  'Camden: the last CIN review was on 10 June 2026. When is the next one due?',
  'Slough: referral received on 15 May 2026. By when must the first visit take place?',
  'Brighton and Hove: a CiN plan was established on 1 April 2026. When is the initial network meeting due?',
  'Blackburn with Darwen: the initial intervention planning meeting was on 1 October 2026. When must the updated plan be circulated?',
];

interface Servers {
  readonly ours: string;
  readonly echo: string;
  readonly cardEcho: string;
  /** The echo bot binding that answer's card from its template for every reply. */
  readonly bindingEcho: string;
  /** Answers with the servers' process's CPU time so far. */
  readonly cpu: string;
  readonly serviceUrl: string;
}

interface Measured {
  readonly replies: number;
  readonly seconds: number;
  readonly latenciesMs: number[];
  readonly errors: number;
  /** The servers' process's CPU time during the round. */
  readonly cpuMicroseconds: number;
}

const dataDir = mkdtempSync(join(tmpdir(), 'cin-bench-'));
const serversArgs = onPostgres ? ['--postgres', databaseUrl, schema] : [dataDir];
const child = spawn(process.execPath, [...process.execArgv.filter((arg) => arg.startsWith('--cpu-prof')), '--import', 'tsx', join(root, 'scripts/bench/chat-servers.ts'), ...serversArgs], {
  cwd: root,
  stdio: ['ignore', 'pipe', 'inherit'],
});
try {
  const servers = await firstLineOf(child.stdout);
  await load(servers, servers.ours, 4, 2); // warm-up: JIT, database, first card binds
  await load(servers, servers.echo, 4, 2);
  await load(servers, servers.cardEcho, 4, 2);
  await load(servers, servers.bindingEcho, 4, 2);
  const lines: string[] = [`${onPostgres ? 'PostgreSQL' : 'PGlite'}, ${ROUNDS} rounds of ${roundSeconds} s each`];
  for (const concurrency of [1, 16]) {
    const echo: Measured[] = [];
    const cardEcho: Measured[] = [];
    const bindingEcho: Measured[] = [];
    const ours: Measured[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      echo.push(await load(servers, servers.echo, concurrency, roundSeconds));
      cardEcho.push(await load(servers, servers.cardEcho, concurrency, roundSeconds));
      bindingEcho.push(await load(servers, servers.bindingEcho, concurrency, roundSeconds));
      ours.push(await load(servers, servers.ours, concurrency, roundSeconds));
    }
    const echoSummary = summarise(echo);
    const cardEchoSummary = summarise(cardEcho);
    const bindingEchoSummary = summarise(bindingEcho);
    const oursSummary = summarise(ours);
    const ratios = (summary: ReturnType<typeof summarise>) =>
      `throughput ratio ${(summary.perSecond / echoSummary.perSecond).toFixed(2)}, p99 ratio ${(summary.p99 / echoSummary.p99).toFixed(2)}`;
    lines.push(
      `concurrency ${concurrency}: echo      ${format(echoSummary)}`,
      `concurrency ${concurrency}: card echo ${format(cardEchoSummary)}`,
      `concurrency ${concurrency}: binding echo ${format(bindingEchoSummary)}`,
      `concurrency ${concurrency}: ours      ${format(oursSummary)}`,
      `concurrency ${concurrency}: ours to echo: ${ratios(oursSummary)} (targets >= 0.80, <= 1.50), CPU per reply ${(oursSummary.cpuPerReplyMs / echoSummary.cpuPerReplyMs).toFixed(2)}x, errors ${oursSummary.errors}`,
      `concurrency ${concurrency}: card echo to echo (the ceiling for sending this answer): ${ratios(cardEchoSummary)}`,
      `concurrency ${concurrency}: binding echo to echo (the ceiling for binding this answer's card with adaptivecards-templating): ${ratios(bindingEchoSummary)}, CPU per reply ${(bindingEchoSummary.cpuPerReplyMs / echoSummary.cpuPerReplyMs).toFixed(2)}x`,
    );
    if (ROUNDS > 2) {
      const [bestEcho, bestOurs] = [best(echo), best(ours)];
      lines.push(
        `concurrency ${concurrency}: best rounds: echo ${bestEcho.perSecond.toFixed(0)} replies/s, CPU ${bestEcho.cpuPerReplyMs.toFixed(3)} ms/reply; ours ${bestOurs.perSecond.toFixed(0)} replies/s, CPU ${bestOurs.cpuPerReplyMs.toFixed(3)} ms/reply; ` +
          `throughput ratio ${(bestOurs.perSecond / bestEcho.perSecond).toFixed(2)}, CPU per reply ${(bestOurs.cpuPerReplyMs / bestEcho.cpuPerReplyMs).toFixed(2)}x`,
      );
    }
  }
  process.stdout.write(`${lines.join('\n')}\n`);
} finally {
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
  rmSync(dataDir, { recursive: true, force: true });
  if (onPostgres) await dropSchema(databaseUrl, schema);
}

async function load(servers: Servers, botUrl: string, concurrency: number, seconds: number): Promise<Measured> {
  const serviceUrl = servers.serviceUrl;
  const cpuBefore = await cpuOf(servers);
  const latenciesMs: number[] = [];
  let errors = 0;
  let sent = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const worker = async (workerIndex: number) => {
    while (performance.now() < deadline) {
      const index = sent++;
      const body = JSON.stringify(activity(index, workerIndex, serviceUrl));
      const begun = performance.now();
      try {
        const response = await fetch(`${botUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
        await response.arrayBuffer();
        if (response.ok) latenciesMs.push(performance.now() - begun);
        else errors += 1;
      } catch {
        errors += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_unused, workerIndex) => worker(workerIndex)));
  const elapsedSeconds = (performance.now() - started) / 1000;
  return { replies: latenciesMs.length, seconds: elapsedSeconds, latenciesMs, errors, cpuMicroseconds: (await cpuOf(servers)) - cpuBefore };
}

async function cpuOf(servers: Servers): Promise<number> {
  const response = await fetch(servers.cpu);
  return ((await response.json()) as { microseconds: number }).microseconds;
}

function activity(index: number, workerIndex: number, serviceUrl: string) {
  const tenantId = '00000000-0000-4000-8000-0000000be4c4';
  return {
    type: 'message',
    id: `bench-${index}`,
    timestamp: '2026-06-11T09:00:00Z',
    serviceUrl,
    channelId: 'msteams',
    from: { id: `29:bench-${workerIndex}`, aadObjectId: `00000000-0000-4000-8000-${String(workerIndex).padStart(12, '0')}` },
    conversation: { conversationType: 'personal', tenantId, id: `a:bench-${workerIndex}` },
    recipient: { id: '28:cin-assistant' },
    locale: 'en-GB',
    text: QUESTIONS[index % QUESTIONS.length],
    channelData: { tenant: { id: tenantId } },
  };
}

function summarise(rounds: readonly Measured[]) {
  const latencies = rounds.flatMap((round) => round.latenciesMs).sort((left, right) => left - right);
  const at = (fraction: number) => latencies[Math.min(latencies.length - 1, Math.floor(fraction * latencies.length))] ?? Number.NaN;
  const replies = rounds.reduce((total, round) => total + round.replies, 0);
  const seconds = rounds.reduce((total, round) => total + round.seconds, 0);
  const cpuMicroseconds = rounds.reduce((total, round) => total + round.cpuMicroseconds, 0);
  return {
    perSecond: replies / seconds,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    errors: rounds.reduce((total, round) => total + round.errors, 0),
    replies,
    cpuPerReplyMs: cpuMicroseconds / 1000 / replies,
  };
}

/** The round with the most replies a second, and the least CPU per reply of any round (each its own best). */
function best(rounds: readonly Measured[]) {
  const summaries = rounds.map((round) => summarise([round]));
  return {
    perSecond: Math.max(...summaries.map((summary) => summary.perSecond)),
    cpuPerReplyMs: Math.min(...summaries.map((summary) => summary.cpuPerReplyMs)),
  };
}

function format(summary: ReturnType<typeof summarise>): string {
  return `${summary.perSecond.toFixed(0)} replies/s, p50 ${summary.p50.toFixed(1)} ms, p95 ${summary.p95.toFixed(1)} ms, p99 ${summary.p99.toFixed(1)} ms, CPU ${summary.cpuPerReplyMs.toFixed(3)} ms/reply (${summary.replies} replies, ${summary.errors} errors)`;
}

async function firstLineOf(stream: NodeJS.ReadableStream): Promise<Servers> {
  const lines = createInterface({ input: stream });
  for await (const line of lines) return JSON.parse(line) as Servers;
  throw new Error('The benchmark servers did not start');
}
