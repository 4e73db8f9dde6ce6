import { ZohoError, ZohoNetworkError, isAbortError, type ZohoAttempt } from './errors.js';
import { messages } from './messages.js';

/**
 * Statuses worth another try: 408 and 5xx gateway/server trouble, and 429. Zoho's 429 carries no
 * `Retry-After` (a concurrency rejection is immediate and not queued), so we back off on our own.
 *
 * @example
 * ```ts
 * DEFAULT_RETRYABLE_STATUSES.includes(429); // true
 * const policy = createRetryPolicy({ retryableStatuses: [...DEFAULT_RETRYABLE_STATUSES, 409] });
 * ```
 */
export const DEFAULT_RETRYABLE_STATUSES: readonly number[] = Object.freeze([408, 429, 500, 502, 503, 504]);

/**
 * Options of the retry policy: the `retry` option of {@link ZohoClientOptions}.
 *
 * @example
 * ```ts
 * const retry: RetryPolicyOptions = { maxAttempts: 4, baseDelayMs: 500, maxDelayMs: 10_000 };
 * const client = createZohoClient({ credentials, retry });
 * ```
 */
export interface RetryPolicyOptions {
  /** Total tries of one request, the first included. Default 6. */
  maxAttempts?: number;
  /** Back-off before the 2nd try, in ms; it doubles (× `factor`) each try. Default 250. */
  baseDelayMs?: number;
  /** Cap on any single back-off, in ms. Default 15,000. */
  maxDelayMs?: number;
  /** Growth per try. Default 2. */
  factor?: number;
  /** Statuses that may be retried. Default 408, 429, 500, 502, 503, 504. */
  retryableStatuses?: readonly number[];
  /** Waits `ms` (injected in tests). Default: a timer that an abort signal cancels. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** A uniform random number in [0, 1) for the jitter (injected in tests). Default `Math.random`. */
  random?: () => number;
}

/**
 * One retry policy for every request: exponential back-off with "equal jitter", a cap and a bounded number of
 * tries.
 *
 * @example
 * ```ts
 * const policy: RetryPolicy = createRetryPolicy({ baseDelayMs: 200, random: () => 0.5 });
 * policy.delayFor(1); // 150: half of 200, plus half of the other half
 * policy.isRetryableStatus(503); // true
 * ```
 */
export interface RetryPolicy {
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  readonly factor: number;
  readonly retryableStatuses: ReadonlySet<number>;
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  /**
   * The wait after failed try `attempt` (1-based): half of `min(cap, base × factor^(attempt−1))` plus a
   * random share of the other half, so concurrent clients spread out but never retry at once.
   */
  delayFor(attempt: number): number;
  isRetryableStatus(status: number): boolean;
}

/**
 * A {@link RetryPolicy} with the defaults filled in: 6 tries, back-off from 250 ms doubling up to 15 s, with
 * equal jitter.
 *
 * @example
 * ```ts
 * const policy = createRetryPolicy({ maxAttempts: 3 });
 * policy.maxAttempts; // 3
 * policy.delayFor(2); // from 250 up to 500 ms
 * ```
 */
export function createRetryPolicy(options: RetryPolicyOptions = {}): RetryPolicy {
  const maxAttempts = Math.max(1, Math.floor(options.maxAttempts ?? 6));
  const baseDelayMs = Math.max(0, options.baseDelayMs ?? 250);
  const maxDelayMs = Math.max(baseDelayMs, options.maxDelayMs ?? 15_000);
  const factor = Math.max(1, options.factor ?? 2);
  const random = options.random ?? Math.random;
  const retryableStatuses = new Set(options.retryableStatuses ?? DEFAULT_RETRYABLE_STATUSES);
  return {
    maxAttempts,
    baseDelayMs,
    maxDelayMs,
    factor,
    retryableStatuses,
    sleep: options.sleep ?? abortableSleep,
    delayFor(attempt) {
      const ceiling = Math.min(maxDelayMs, baseDelayMs * factor ** Math.max(0, attempt - 1));
      const r = Math.min(Math.max(random(), 0), 1);
      return Math.round(ceiling / 2 + (r * ceiling) / 2);
    },
    isRetryableStatus: (status) => retryableStatuses.has(status),
  };
}

/**
 * Options of {@link withRetry}.
 *
 * @example
 * ```ts
 * const options: WithRetryOptions = {
 *   signal: AbortSignal.timeout(60_000),
 *   onRetry: (error, attempt, delayMs) => console.error(`try ${attempt} failed (${error.code}); next in ${delayMs} ms`),
 * };
 * await withRetry(createRetryPolicy(), () => client.token(), options);
 * ```
 */
export interface WithRetryOptions {
  signal?: AbortSignal | undefined;
  /** Called before each back-off, e.g. to count retries. */
  onRetry?: (error: ZohoError, attempt: number, delayMs: number) => void;
}

/**
 * Runs `attempt` until it succeeds, throws a non-retryable error, or the tries run out. Aborts are never
 * retried. The error that ends the loop lists every try in `attempts` and in its message.
 *
 * @example
 * ```ts
 * const body = await withRetry(createRetryPolicy({ maxAttempts: 3 }), async () => {
 *   const response = await fetch(url);
 *   if (response.status >= 500) throw new ZohoApiError(`HTTP ${response.status}`, { status: response.status, code: `HTTP_${response.status}`, retryable: true });
 *   return response.json();
 * });
 * ```
 */
export async function withRetry<T>(
  policy: RetryPolicy,
  attempt: (attemptNumber: number) => Promise<T>,
  options: WithRetryOptions = {},
): Promise<T> {
  const tries: ZohoAttempt[] = [];
  for (let n = 1; ; n++) {
    try {
      return await attempt(n);
    } catch (caught) {
      const error = toZohoError(caught);
      const record: ZohoAttempt = { attempt: n, code: error.code };
      if (error.status !== undefined) record.status = error.status;
      tries.push(record);
      const aborted = isAbortError(error) || options.signal?.aborted === true;
      if (aborted || !error.retryable || n >= policy.maxAttempts) {
        error.attempts = tries;
        if (tries.length > 1) error.message += messages.attemptsSuffix(tries);
        throw error;
      }
      const delayMs = policy.delayFor(n);
      record.delayMs = delayMs;
      options.onRetry?.(error, n, delayMs);
      await policy.sleep(delayMs, options.signal);
    }
  }
}

function toZohoError(caught: unknown): ZohoError {
  if (caught instanceof ZohoError) return caught;
  if (isAbortError(caught)) return new ZohoNetworkError(messages.aborted(), { code: 'ABORTED', retryable: false, cause: caught });
  // A bug or an unexpected throw: not retried, but still typed so callers can rely on the shape.
  const error = new ZohoError(messages.unexpected(caught), { code: 'UNEXPECTED', retryable: false, cause: caught });
  return error;
}

/**
 * `setTimeout` as a promise that rejects with an `AbortError` as soon as the signal aborts.
 *
 * @example
 * ```ts
 * const controller = new AbortController();
 * setTimeout(() => controller.abort(), 100);
 * await abortableSleep(5_000, controller.signal).catch((error) => isAbortError(error)); // true, after 100 ms
 * ```
 */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason instanceof Error ? signal.reason : new DOMException('aborted', 'AbortError'));
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason instanceof Error ? signal.reason : new DOMException('aborted', 'AbortError'));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
