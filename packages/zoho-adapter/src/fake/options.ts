/** The options of the fake Zoho server, and the settings a test may change while it runs. */
import type { Lead } from '@panopticon/core';
import type { FakeDataOptions } from './data/model.js';
import type { FakeZohoData } from './data/org.js';
import type { FakeZohoFault } from './faults.js';

/**
 * Options of {@link startFakeZoho}: the org it serves, its limits, its latency and the faults it injects.
 *
 * @example
 * ```ts
 * const options: FakeZohoOptions = {
 *   data: { leads: 500, appointed: 150, seed: 3 },
 *   historyModule: false, // an org without history tracking: timelines only
 *   concurrencyLimit: 5,
 *   latencyMs: { min: 5, max: 20 },
 * };
 * const fake = await startFakeZoho(options);
 * ```
 */
export interface FakeZohoOptions {
  /** The org: ready data, or options for the seeded generator. Default: 100 generated leads. */
  data?: FakeZohoData | FakeDataOptions;
  /** Serve exactly these leads instead (e.g. a CSV export loaded by core). */
  leads?: readonly Lead[];
  /** With `leads`: the history module tracks owners too (see `FakeDataOptions.ownerRows`). Default false. */
  ownerRows?: boolean;
  clientId?: string;
  clientSecret?: string;
  /** Valid refresh token(s); each is a different API user. */
  refreshToken?: string | readonly string[];
  /** Delay before each answer, in ms (fixed, or uniform in [min, max]). Default 0. */
  latencyMs?: number | { min: number; max: number };
  /** Concurrent API requests allowed; more get 429 at once (not queued). Default 10 (Standard edition). */
  concurrencyLimit?: number;
  /** Credits per 24 h; past it every call gets 429. `X-API-CREDITS-REMAINING` appears past 50 %. Default 100,000. */
  dailyCredits?: number;
  /** Access-token lifetime. Default 3600 s. */
  tokenTtlSeconds?: number;
  /** Live access tokens per refresh token; minting more evicts the oldest. Default 15. */
  maxActiveTokens?: number;
  /** Mints per refresh token per 10 minutes before "Access Denied". Default 10. */
  mintLimit?: number;
  /** The history-tracking module's API name, or false when the org has none. Default `Lead_Status_History`. */
  historyModule?: string | false;
  /** Offset of emitted date-times. Default `+05:30`. */
  offset?: string;
  /** The server's clock (epoch ms). Default `Date.now`. */
  now?: () => number;
  /** Seed for tokens and random faults. Default 1. */
  seed?: number;
  /** Faults to apply from the start. */
  faults?: FakeZohoFault[];
  /** Random faults per API request (seeded): probabilities of a 500, a 429 and a dropped connection. */
  errorRates?: { status500?: number; status429?: number; drop?: number };
  /** The org's own API names of Leads fields (standard name → the org's), e.g. `{ Appointment_Date: 'Site_Visit_Date' }`. */
  fieldNames?: Readonly<Record<string, string>>;
  /**
   * The scopes tokens are granted (default: everything). An API call to a module whose
   * `ZohoCRM.modules.{module}.READ` (or `ZohoCRM.modules.ALL` / `ZohoCRM.modules.READ`) is missing gets
   * 401 OAUTH_SCOPE_MISMATCH.
   */
  scopes?: readonly string[];
  /** The org id (`zgid`) Get Organization answers (org.ts). Default `FAKE_ORG_ID`. */
  orgId?: string;
  /** Answer token requests in the pre-2020 shape (`expires_in` in ms plus `expires_in_sec`). Default false. */
  legacyTokenShape?: boolean;
}

/**
 * Runtime settings a test may change while the server runs.
 *
 * @example
 * ```ts
 * const settings: FakeZohoSettings = fake.settings;
 * settings.historyModule = false; // the org switches history tracking off
 * settings.dailyCredits = fake.stats.creditsUsed; // and has no credits left: every further call gets 429
 * ```
 */
export interface FakeZohoSettings {
  latencyMs: number | { min: number; max: number };
  concurrencyLimit: number;
  dailyCredits: number;
  historyModule: string | false;
  errorRates: { status500?: number; status429?: number; drop?: number };
  tokenTtlSeconds: number;
  /** The scopes tokens are granted; null: every scope. */
  scopes: readonly string[] | null;
}
