import type { MemorySample, SoakTarget } from './soak-target.js';
import { SOAK_ADMIN } from './soak-target.js';

/** Every activity is stamped this Thursday, so "yesterday" and the questions' dates read the same all run long. */
export const SOAK_DAY = '2026-06-11';
const TIMESTAMP = `${SOAK_DAY}T09:00:00Z`;
const TENANT = '00000000-0000-4000-8000-000000050a4c';
const CASES_PER_WORKER = 10;
const AUTHORITIES = ['redbridge', 'blackburn-with-darwen', 'camden', 'slough', 'brighton-and-hove'];

const QUESTIONS = [
  'Redbridge: we decided on 9 March 2026 that a CiN plan is needed. When must the initial CiN meeting be held by?',
  'Camden: the last CIN review was on 10 June 2026. When is the next one due?',
  'Slough: referral received on 15 May 2026. By when must the first visit take place?',
  'Brighton and Hove: a CiN plan was established on 1 April 2026. When is the initial network meeting due?',
  'how often do I visit in Slough?',
];

export interface SoakOptions {
  readonly seconds: number;
  readonly concurrency: number;
  /** A reminder pass this often while the load runs. */
  readonly reminderEverySeconds: number;
  /** Memory after GC this often. */
  readonly sampleEverySeconds: number;
}

export interface SoakResult {
  readonly requests: number;
  readonly seconds: number;
  readonly perSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Non-200 answers, refused connections, failed invokes, apologies for failed turns, reminders given up. */
  readonly errors: number;
  readonly byKind: Readonly<Record<string, number>>;
  readonly reminderPasses: number;
  readonly remindersSent: number;
  /** After setting up, before the load. */
  readonly baseline: MemorySample;
  readonly samples: readonly MemorySample[];
  /** Least-squares slope of heap used after GC over the samples, MB a minute. */
  readonly heapSlopeMbPerMinute: number;
}

const workerId = (worker: number) => `00000000-0000-4000-8000-${String(worker).padStart(12, '0')}`;
const caseReference = (worker: number, index: number) => `SK${String(worker * CASES_PER_WORKER + index).padStart(4, '0')}`;

/**
 * The soak: `concurrency` workers, each with its own chat and ten cases, for `seconds`. Each asks a mix: half
 * procedural questions, a fifth events recorded in words, a fifth card submissions (one in four of them refused
 * for a date after today, so the same card comes back with the error beside the field), and their case timelines
 * and deadlines; a reminder pass runs every `reminderEverySeconds` beside them. Memory is sampled after GC.
 */
export async function runSoak(target: SoakTarget, options: SoakOptions): Promise<SoakResult> {
  let sequence = 0;
  const post = async (worker: number, activity: Record<string, unknown>): Promise<boolean> => {
    const id = `soak-${(sequence += 1)}`;
    const conversationId = `a:soak-${worker}`;
    const body = {
      type: 'message',
      id,
      timestamp: TIMESTAMP,
      serviceUrl: target.serviceUrl,
      channelId: 'msteams',
      from: { id: `29:soak-${worker}`, aadObjectId: worker < 0 ? SOAK_ADMIN : workerId(worker) },
      conversation: { conversationType: 'personal', tenantId: TENANT, id: conversationId },
      recipient: { id: '28:cin-assistant' },
      locale: 'en-GB',
      channelData: { tenant: { id: TENANT } },
      ...activity,
    };
    try {
      const response = await fetch(`${target.botUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const answer = await response.text();
      // An invoke's answer carries its own status: an error there is a failed turn.
      return response.ok && !answer.includes('"statusCode":500');
    } catch {
      return false;
    }
  };
  const say = (worker: number, text: string) => post(worker, { text });
  const press = (worker: number, verb: string, data: Record<string, unknown>) =>
    post(worker, { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' } });

  // Set-up: each worker a role in team North and ten cases across the five authorities.
  let setUpFailures = 0;
  await Promise.all(
    Array.from({ length: options.concurrency }, async (_unused, worker) => {
      if (!(await say(-1, `role ${workerId(worker)} worker of North`))) setUpFailures += 1;
      for (let index = 0; index < CASES_PER_WORKER; index += 1) {
        const opened = await press(worker, 'case.create', {
          reference: caseReference(worker, index),
          initials: 'A.B.',
          authorityId: AUTHORITIES[index % AUTHORITIES.length],
          team: 'North',
          worker: 'me',
          openedOn: '2026-05-01',
          pathways: '',
        });
        if (!opened) setUpFailures += 1;
      }
    }),
  );
  if (setUpFailures > 0) throw new Error(`The soak could not set up: ${setUpFailures} requests failed`);

  const baseline = target.memoryAfterGc();
  const samples: MemorySample[] = [];
  const latencies: number[] = [];
  const byKind: Record<string, number> = {};
  let errors = 0;
  let reminderPasses = 0;
  let remindersSent = 0;
  const apologiesBefore = target.counts.apologies;
  const started = performance.now();
  const deadline = started + options.seconds * 1000;

  const ask = async (worker: number, turn: number): Promise<boolean> => {
    const reference = caseReference(worker, turn % CASES_PER_WORKER);
    const slot = turn % 20;
    const kind = slot < 10 ? 'question' : slot < 14 ? 'record-text' : slot < 17 ? 'record-card' : slot < 18 ? 'refused-card' : slot < 19 ? 'timeline' : 'deadlines';
    byKind[kind] = (byKind[kind] ?? 0) + 1;
    switch (kind) {
      case 'question':
        return say(worker, QUESTIONS[turn % QUESTIONS.length] ?? '');
      case 'record-text':
        return say(worker, `record visit yesterday for ${reference}`);
      case 'record-card':
        return press(worker, 'event.record', { reference, kind: 'visit-made', on: '2026-06-09', countsFrom: '' });
      case 'refused-card':
        return press(worker, 'event.record', { reference, kind: 'visit-made', on: '2026-06-20', countsFrom: '' });
      case 'timeline':
        return say(worker, `case ${reference}`);
      default:
        return say(worker, 'my deadlines');
    }
  };
  const load = Array.from({ length: options.concurrency }, async (_unused, worker) => {
    for (let turn = worker; performance.now() < deadline; turn += 1) {
      const begun = performance.now();
      if (await ask(worker, turn)) latencies.push(performance.now() - begun);
      else errors += 1;
    }
  });
  const every = async (seconds: number, job: () => Promise<void>) => {
    for (let next = started + seconds * 1000; next < deadline; next += seconds * 1000) {
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - performance.now())));
      if (performance.now() < deadline) await job();
    }
  };
  await Promise.all([
    ...load,
    every(options.reminderEverySeconds, async () => {
      const outcome = await target.reminderTick();
      reminderPasses += 1;
      remindersSent += outcome.sent;
      errors += outcome.failed;
    }),
    every(options.sampleEverySeconds, async () => void samples.push(target.memoryAfterGc())),
  ]);
  const seconds = (performance.now() - started) / 1000;
  samples.push(target.memoryAfterGc());
  errors += target.counts.apologies - apologiesBefore;
  const sorted = [...latencies].sort((left, right) => left - right);
  const at = (fraction: number) => sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? Number.NaN;
  return {
    requests: latencies.length + errors,
    seconds,
    perSecond: latencies.length / seconds,
    p50Ms: at(0.5),
    p99Ms: at(0.99),
    errors,
    byKind,
    reminderPasses,
    remindersSent,
    baseline,
    samples,
    heapSlopeMbPerMinute: slopePerMinute(samples),
  };
}

function slopePerMinute(samples: readonly MemorySample[]): number {
  if (samples.length < 2) return 0;
  const meanX = samples.reduce((sum, sample) => sum + sample.atSeconds, 0) / samples.length;
  const meanY = samples.reduce((sum, sample) => sum + sample.heapUsedMb, 0) / samples.length;
  const covariance = samples.reduce((sum, sample) => sum + (sample.atSeconds - meanX) * (sample.heapUsedMb - meanY), 0);
  const variance = samples.reduce((sum, sample) => sum + (sample.atSeconds - meanX) ** 2, 0);
  return variance === 0 ? 0 : (covariance / variance) * 60;
}
