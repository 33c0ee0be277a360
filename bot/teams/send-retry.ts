/**
 * How a send outside a turn (a reminder, a closure card) that Teams refused is retried: the one policy for every
 * sender. It is the only place that reads botbuilder's error shapes (the status and Retry-After header of a
 * failed Connector call); senders get plain data back.
 */

/** Teams answers these when it is busy or briefly down: try again later. */
const RETRYABLE = new Set([412, 429, 500, 502, 503, 504]);
/** The person blocked the bot, removed it, or left: this conversation is gone. */
const GONE = new Set([403, 404]);
/** No send waits longer than an hour, however many attempts failed or however long Teams asks. */
export const LONGEST_WAIT_MS = 60 * 60 * 1000;
/** Up to a fifth more wait, at random, so instances that failed together do not retry in step. */
const JITTER = 0.2;

/** How often a kind of message is tried, and how long after its first failure. */
export interface RetryPolicy {
  /** The wait after the first failed attempt; it doubles with each further one, up to LONGEST_WAIT_MS. */
  readonly firstWaitMs: number;
  /** Attempts in all, the first send included; a failure of the last one gives the message up. */
  readonly mostAttempts: number;
}

/** What to do with a message whose send failed. `status` is Teams' HTTP status, absent when none came (a timeout, a reset). */
export type FailedSend =
  | { readonly kind: 'retry'; readonly status: number | undefined; readonly waitMs: number }
  | { readonly kind: 'gone'; readonly status: number }
  | { readonly kind: 'give-up'; readonly status: number | undefined };

/**
 * The verdict on a send that threw `error` at its `attempts`-th attempt: gone (403, 404: trying again will not
 * help), retry (Teams busy or down, or no answer at all) after Teams' Retry-After or the policy's backoff, or
 * give up (any other refusal, or the last attempt spent).
 */
export function failedSend(error: unknown, attempts: number, policy: RetryPolicy, random: () => number = Math.random): FailedSend {
  const status = sendStatusOf(error);
  if (status !== undefined && GONE.has(status)) return { kind: 'gone', status };
  const retryable = status === undefined || RETRYABLE.has(status);
  if (!retryable || attempts >= policy.mostAttempts) return { kind: 'give-up', status };
  return { kind: 'retry', status, waitMs: retryAfterMs(error) ?? backoffMs(attempts, policy, random) };
}

/**
 * The wait after the `attempts`-th failed attempt: firstWaitMs, doubled for each attempt after the first, capped
 * at an hour, plus up to a fifth of it at random (`random` returns [0, 1), as Math.random).
 */
export function backoffMs(attempts: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const base = Math.min(policy.firstWaitMs * 2 ** Math.max(0, attempts - 1), LONGEST_WAIT_MS);
  return base + Math.floor(random() * base * JITTER);
}

/** Whether Teams said the conversation is gone (403, 404): the same at every attempt. */
export function conversationGone(error: unknown): boolean {
  const status = sendStatusOf(error);
  return status !== undefined && GONE.has(status);
}

/** Teams' HTTP status for a failed Connector call (botbuilder's RestError carries `statusCode`; others `status`). */
export function sendStatusOf(error: unknown): number | undefined {
  if (error === null || typeof error !== 'object') return undefined;
  const candidate = (error as { statusCode?: unknown }).statusCode ?? (error as { status?: unknown }).status;
  return typeof candidate === 'number' ? candidate : undefined;
}

/** Teams' Retry-After, in whole seconds, as milliseconds (at most an hour); absent when it sent none or one unreadable. */
function retryAfterMs(error: unknown): number | undefined {
  const headers = (error as { response?: { headers?: { get?: (name: string) => string | undefined } } } | null)?.response?.headers;
  const value = headers?.get?.('retry-after');
  const seconds = value === undefined ? Number.NaN : Number(value);
  return Number.isFinite(seconds) && seconds >= 0 ? Math.min(seconds * 1000, LONGEST_WAIT_MS) : undefined;
}
