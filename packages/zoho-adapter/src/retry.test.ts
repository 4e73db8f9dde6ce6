import { describe, expect, test, vi } from 'vitest';
import { ZohoApiError, ZohoAuthError, ZohoNetworkError, ZohoRateLimitError } from './errors.js';
import { createRetryPolicy, withRetry } from './retry.js';

const recorder = () => {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms) };
};
const rate = () => new ZohoRateLimitError('429', { status: 429, code: 'TOO_MANY_REQUESTS', retryable: true });

describe('retry policy', () => {
  test('exponential back-off with equal jitter and a cap', () => {
    const low = createRetryPolicy({ baseDelayMs: 100, maxDelayMs: 1000, random: () => 0 });
    const high = createRetryPolicy({ baseDelayMs: 100, maxDelayMs: 1000, random: () => 0.999999 });
    expect([1, 2, 3, 4, 5, 6].map((n) => low.delayFor(n))).toEqual([50, 100, 200, 400, 500, 500]);
    expect([1, 2, 3, 4, 5, 6].map((n) => high.delayFor(n))).toEqual([100, 200, 400, 800, 1000, 1000]);
  });

  test('429 then success: backs off once, by the policy (no Retry-After needed)', async () => {
    const { waits, sleep } = recorder();
    const policy = createRetryPolicy({ baseDelayMs: 100, random: () => 0.5, sleep });
    let n = 0;
    const value = await withRetry(policy, async () => {
      if (n++ === 0) throw rate();
      return 'ok';
    });
    expect(value).toBe('ok');
    expect(waits).toEqual([75]);
  });

  test('500s, resets and timeouts are retried; the attempts are bounded and listed', async () => {
    const { waits, sleep } = recorder();
    const policy = createRetryPolicy({ maxAttempts: 4, baseDelayMs: 10, random: () => 0, sleep });
    const errors = [
      new ZohoApiError('500', { status: 500, code: 'INTERNAL_ERROR', retryable: true }),
      new ZohoNetworkError('reset', { code: 'ECONNRESET', retryable: true }),
      new ZohoNetworkError('slow', { code: 'TIMEOUT', retryable: true }),
      rate(),
    ];
    let n = 0;
    const error = await withRetry(policy, async () => {
      throw errors[n++];
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZohoRateLimitError);
    expect(n).toBe(4);
    expect(waits).toEqual([5, 10, 20]);
    const e = error as ZohoRateLimitError;
    expect(e.attempts.map((a) => a.code)).toEqual(['INTERNAL_ERROR', 'ECONNRESET', 'TIMEOUT', 'TOO_MANY_REQUESTS']);
    expect(e.message).toContain('Gave up after 4 attempts (500 INTERNAL_ERROR, ECONNRESET, TIMEOUT, 429 TOO_MANY_REQUESTS)');
  });

  test('a non-retryable error is thrown at once', async () => {
    const { waits, sleep } = recorder();
    let n = 0;
    const error = await withRetry(createRetryPolicy({ sleep }), async () => {
      n++;
      throw new ZohoAuthError('no', { status: 200, code: 'invalid_client', retryable: false });
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZohoAuthError);
    expect(n).toBe(1);
    expect(waits).toEqual([]);
  });

  test('an abort is never retried', async () => {
    const controller = new AbortController();
    let n = 0;
    const error = await withRetry(
      createRetryPolicy({ sleep: async () => undefined }),
      async () => {
        n++;
        controller.abort();
        throw new ZohoNetworkError('reset', { code: 'ECONNRESET', retryable: true });
      },
      { signal: controller.signal },
    ).catch((e: unknown) => e);
    expect(n).toBe(1);
    expect((error as ZohoNetworkError).code).toBe('ECONNRESET');
    const aborted = await withRetry(createRetryPolicy(), async () => {
      throw new DOMException('aborted', 'AbortError');
    }).catch((e: unknown) => e);
    expect((aborted as ZohoNetworkError).code).toBe('ABORTED');
    expect((aborted as ZohoNetworkError).retryable).toBe(false);
  });

  test('the default sleep is cancelled by an abort', async () => {
    // On fake timers: settled once 10 ms have passed (the abort), not after the back-off's 30–60 s, whatever the load.
    vi.useFakeTimers();
    try {
      const controller = new AbortController();
      const policy = createRetryPolicy({ baseDelayMs: 60_000 });
      setTimeout(() => controller.abort(), 10);
      let error: unknown;
      const settled = withRetry(policy, async () => Promise.reject(rate()), { signal: controller.signal }).catch((e: unknown) => {
        error = e;
      });
      await vi.advanceTimersByTimeAsync(10);
      expect(error).toBeInstanceOf(Error);
      await settled;
    } finally {
      vi.useRealTimers();
    }
  });
});
