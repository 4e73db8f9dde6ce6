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

/** One try of a request, as listed on the final error of a retried request. */
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

export interface ZohoErrorOptions {
  status?: number | undefined;
  code: string;
  retryable: boolean;
  cause?: unknown;
  /** Zoho's `details` object, when the error body had one. */
  details?: unknown;
}

/** The base of every error this package throws. */
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

/** The accounts server refused the credentials, throttled minting, or the API refused the token. */
export class ZohoAuthError extends ZohoError {
  override name: string = 'ZohoAuthError';
}

/** The API answered with an error status. */
export class ZohoApiError extends ZohoError {
  override name: string = 'ZohoApiError';
}

/** The API answered 429 `TOO_MANY_REQUESTS`: the concurrency limit or the 24-hour credit window. */
export class ZohoRateLimitError extends ZohoApiError {
  override name: string = 'ZohoRateLimitError';
}

/** No usable response: the connection failed or dropped, the request timed out, or it was aborted. */
export class ZohoNetworkError extends ZohoError {
  override name: string = 'ZohoNetworkError';
}

/** Missing, invalid or contradictory configuration. Nothing was sent to Zoho. */
export class ZohoConfigError extends ZohoError {
  override name: string = 'ZohoConfigError';
  constructor(message: string, code = 'INVALID_CONFIG') {
    super(message, { code, retryable: false });
  }
}

/** Whether an error is (or wraps) an abort requested by the caller: such errors are never retried. */
export function isAbortError(error: unknown): boolean {
  if (error instanceof ZohoError) return error.code === 'ABORTED';
  return error instanceof Error && (error.name === 'AbortError' || (error as { code?: unknown }).code === 'ABORT_ERR');
}
