import { describe, expect, it } from 'vitest';
import { backoffMs, failedSend, sendStatusOf } from '../../../bot/teams/send-retry.js';

const REMINDERS = { firstWaitMs: 10_000, mostAttempts: 8 };
const NOTICES = { firstWaitMs: 30_000, mostAttempts: 6 };
const noJitter = () => 0;
const halfJitter = () => 0.5;

/** A failed Connector call as botbuilder throws it: a RestError with the status and the response's headers. */
function connectorError(statusCode: number, headers: Record<string, string> = {}) {
  return Object.assign(new Error(`Connector answered ${statusCode}`), {
    statusCode,
    response: { headers: { get: (name: string) => headers[name.toLowerCase()] } },
  });
}

describe('the backoff', () => {
  it('doubles from the first wait: 10 s, 20 s, 40 s, 80 s for reminders; 30 s, 1 min, 2 min for notices', () => {
    expect([1, 2, 3, 4].map((attempts) => backoffMs(attempts, REMINDERS, noJitter))).toEqual([10_000, 20_000, 40_000, 80_000]);
    expect([1, 2, 3].map((attempts) => backoffMs(attempts, NOTICES, noJitter))).toEqual([30_000, 60_000, 120_000]);
  });

  it('adds up to a fifth at random: half the jitter on 40 s is 4 s; nearly all of it on 80 s is 15.984 s', () => {
    expect(backoffMs(3, REMINDERS, halfJitter)).toBe(44_000);
    expect(backoffMs(4, REMINDERS, () => 0.999)).toBe(80_000 + 15_984);
  });

  it('stops doubling at an hour (10 s × 2⁹ = 85 min 20 s), the jitter added on top of the hour', () => {
    expect(backoffMs(10, REMINDERS, noJitter)).toBe(3_600_000);
    expect(backoffMs(10, REMINDERS, halfJitter)).toBe(3_960_000);
  });
});

describe('the verdict on a failed send', () => {
  it('retries a 503 after the backoff for its attempt', () => {
    expect(failedSend(connectorError(503), 2, REMINDERS, noJitter)).toEqual({ kind: 'retry', status: 503, waitMs: 20_000 });
  });

  it("waits as long as Teams' Retry-After asks, not its own backoff, up to an hour", () => {
    expect(failedSend(connectorError(429, { 'retry-after': '7' }), 3, REMINDERS, noJitter)).toEqual({ kind: 'retry', status: 429, waitMs: 7_000 });
    expect(failedSend(connectorError(429, { 'retry-after': '86400' }), 1, NOTICES, noJitter)).toEqual({ kind: 'retry', status: 429, waitMs: 3_600_000 });
    expect(failedSend(connectorError(429, { 'retry-after': 'soon' }), 1, NOTICES, noJitter)).toEqual({ kind: 'retry', status: 429, waitMs: 30_000 });
  });

  it('retries a send that got no answer at all (a reset, a timeout)', () => {
    expect(failedSend(new Error('socket hang up'), 1, REMINDERS, noJitter)).toEqual({ kind: 'retry', status: undefined, waitMs: 10_000 });
  });

  it('calls 403 and 404 gone whatever the attempt: the person blocked or removed the bot, or left', () => {
    expect(failedSend(connectorError(403), 1, REMINDERS)).toEqual({ kind: 'gone', status: 403 });
    expect(failedSend(connectorError(404), 1, NOTICES)).toEqual({ kind: 'gone', status: 404 });
  });

  it('gives up on a refusal trying again will not change (400), and when the last attempt fails', () => {
    expect(failedSend(connectorError(400), 1, REMINDERS)).toEqual({ kind: 'give-up', status: 400 });
    expect(failedSend(connectorError(503), 8, REMINDERS)).toEqual({ kind: 'give-up', status: 503 });
    expect(failedSend(connectorError(503), 6, NOTICES)).toEqual({ kind: 'give-up', status: 503 });
    expect(failedSend(connectorError(503), 5, NOTICES, noJitter)).toEqual({ kind: 'retry', status: 503, waitMs: 480_000 });
  });
});

describe("Teams' status", () => {
  it('is read from statusCode (botbuilder) or status (fetch-style errors), and absent otherwise', () => {
    expect(sendStatusOf(connectorError(502))).toBe(502);
    expect(sendStatusOf({ status: 429 })).toBe(429);
    expect(sendStatusOf(new Error('reset'))).toBeUndefined();
    expect(sendStatusOf(null)).toBeUndefined();
    expect(sendStatusOf('503')).toBeUndefined();
  });
});
