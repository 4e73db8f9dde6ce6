/**
 * The adapter's error hierarchy. Every error carries the HTTP `status` (when there was a response), a
 * stable `code` (Zoho's own code where Zoho gave one), whether retrying could help (`retryable`), and the
 * `cause`. Messages are built in `messages.ts` and pass through the redactor before they get here, so no
 * token or secret can appear in them.
 *
 * - {@link ZohoAuthError}: the accounts server refused to mint a token, or the API refused the token.
 * - {@link ZohoApiError}: the API answered with an error status (400, 403, 404, 5xx, …).
 * - {@link ZohoRateLimitError}: the API answered 429 (concurrency limit or the daily credits).
 * - {@link ZohoNetworkError}: no usable answer at all (connection refused or dropped, timeout, abort).
 * - {@link ZohoConfigError}: missing or contradictory configuration; nothing was sent.
 */

/**
 * One try of a request, as listed on the final error of a retried request.
 *
 * @example
 * ```ts
 * try {
 *   await client.request({ path: 'Leads', query: { fields: 'Last_Name' } });
 * } catch (error) {
 *   if (!(error instanceof ZohoError)) throw error;
 *   for (const a of error.attempts) console.error(`try ${a.attempt}: ${a.status ?? '-'} ${a.code}, then waited ${a.delayMs ?? 0} ms`);
 * }
 * ```
 */
export interface ZohoAttempt {
  /** 1-based. */
  attempt: number;
  /** The HTTP status, when a response came back. */
  status?: number;
  /** The error code of that try. */
  code: string;
  /** The back-off waited after this try, in milliseconds (absent on the last try). */
  delayMs?: number;
}

/**
 * What every {@link ZohoError} is built from: the status, the code, whether a retry may help, and the cause.
 *
 * @example
 * ```ts
 * const options: ZohoErrorOptions = { status: 503, code: 'HTTP_503', retryable: true };
 * const error = new ZohoApiError('GET /crm/v8/Leads: Zoho answered 503.', options);
 * ```
 */
export interface ZohoErrorOptions {
  status?: number | undefined;
  code: string;
  retryable: boolean;
  cause?: unknown;
  /** Zoho's `details` object, when the error body had one. */
  details?: unknown;
}

/**
 * The base of every error this package throws.
 *
 * @example
 * ```ts
 * try {
 *   await syncLeads({ env: process.env, store: '.panopticon/zoho' });
 * } catch (error) {
 *   if (!(error instanceof ZohoError)) throw error;
 *   console.error(`${error.name} ${error.code} (HTTP ${error.status ?? '-'}): ${error.message}`);
 *   if (error.retryable) console.error('A temporary problem: try again later.');
 * }
 * ```
 */
export class ZohoError extends Error {
  override name: string = 'ZohoError';
  /** The HTTP status of the failed response; `undefined` when no response came back. */
  readonly status: number | undefined;
  /** A stable machine-readable code: Zoho's (`INVALID_TOKEN`, `invalid_client`, …) or ours (`TIMEOUT`, …). */
  readonly code: string;
  /** Whether the same request may succeed if tried again later. */
  readonly retryable: boolean;
  /** Zoho's `details`, when the error body carried one. */
  readonly details: unknown;
  /** Every try of the request that ended in this error (filled in by the retry policy). */
  attempts: ZohoAttempt[] = [];

  constructor(message: string, options: ZohoErrorOptions) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.status = options.status;
    this.code = options.code;
    this.retryable = options.retryable;
    this.details = options.details;
  }
}

/**
 * The accounts server refused the credentials, throttled minting, or the API refused the token.
 *
 * @example
 * ```ts
 * try {
 *   await client.token();
 * } catch (error) {
 *   if (error instanceof ZohoAuthError && error.code === 'invalid_client') console.error('Check ZOHO_DC: the client exists in one data center only.');
 *   else throw error;
 * }
 * ```
 */
export class ZohoAuthError extends ZohoError {
  override name: string = 'ZohoAuthError';
}

/**
 * The API answered with an error status.
 *
 * @example
 * ```ts
 * try {
 *   await client.request({ path: 'Lead_Status_History', query: { fields: 'Lead_Status' } });
 * } catch (error) {
 *   if (error instanceof ZohoApiError && error.code === 'INVALID_MODULE') console.error('No history tracking in this org.');
 *   else throw error;
 * }
 * ```
 */
export class ZohoApiError extends ZohoError {
  override name: string = 'ZohoApiError';
}

/**
 * The API answered 429 `TOO_MANY_REQUESTS`: the concurrency limit or the 24-hour credit window.
 *
 * @example
 * ```ts
 * try {
 *   await client.request({ path: 'Leads', query: { fields: 'Last_Name' } });
 * } catch (error) {
 *   if (error instanceof ZohoRateLimitError) console.error(`still 429 after ${error.attempts.length} tries (retryable: ${error.retryable})`);
 *   else throw error;
 * }
 * ```
 */
export class ZohoRateLimitError extends ZohoApiError {
  override name: string = 'ZohoRateLimitError';
}

/**
 * No usable response: the connection failed or dropped, the request timed out, or it was aborted.
 *
 * @example
 * ```ts
 * try {
 *   await client.request({ path: 'Leads', query: { fields: 'Last_Name' } });
 * } catch (error) {
 *   if (error instanceof ZohoNetworkError && error.code === 'TIMEOUT') console.error('Zoho did not answer in time.');
 *   else throw error;
 * }
 * ```
 */
export class ZohoNetworkError extends ZohoError {
  override name: string = 'ZohoNetworkError';
}

/**
 * Missing, invalid or contradictory configuration. Nothing was sent to Zoho.
 *
 * @example
 * ```ts
 * try {
 *   zohoConnectionFromEnv({});
 * } catch (error) {
 *   if (error instanceof ZohoConfigError) console.error(error.code, error.retryable); // 'MISSING_ENV' false
 * }
 * ```
 */
export class ZohoConfigError extends ZohoError {
  override name: string = 'ZohoConfigError';
  constructor(message: string, code = 'INVALID_CONFIG') {
    super(message, { code, retryable: false });
  }
}

/**
 * Whether an error is (or wraps) an abort requested by the caller: such errors are never retried.
 *
 * @example
 * ```ts
 * const controller = new AbortController();
 * setTimeout(() => controller.abort(), 60_000);
 * try {
 *   await syncLeads({ env: process.env, signal: controller.signal });
 * } catch (error) {
 *   if (!isAbortError(error)) throw error; // a cancelled sync is not a failure
 * }
 * ```
 */
export function isAbortError(error: unknown): boolean {
  if (error instanceof ZohoError) return error.code === 'ABORTED';
  return error instanceof Error && (error.name === 'AbortError' || (error as { code?: unknown }).code === 'ABORT_ERR');
}
