/** What the fake server saw: counters a test asserts on, reset between the steps of a test. */

/**
 * What the fake server saw.
 *
 * @example
 * ```ts
 * await syncLeads({ env: fake.env, store: dir });
 * const { calls, records, timeline, statuses }: FakeZohoStats = fake.stats;
 * console.log(`${calls} calls: ${records['Leads']} Leads pages, ${timeline} timelines, ${statuses['429'] ?? 0} × 429`);
 * fake.resetStats(); // count the next sync alone
 * ```
 */
export interface FakeZohoStats {
  /** API requests received (every outcome). */
  calls: number;
  /** Get Records calls per module. */
  records: Record<string, number>;
  timeline: number;
  /** `GET /{module}/deleted` calls. */
  deleted: number;
  other: number;
  /** Lead ids whose timeline was requested, in order (with repeats for extra pages). */
  timelineLeadIds: string[];
  tokenRequests: number;
  tokenMints: number;
  /** Answers by status (`"200"`, `"429"`, `"dropped"`). */
  statuses: Record<string, number>;
  faultsInjected: number;
  maxInFlight: number;
  creditsUsed: number;
  /** Every API request: method, path, query and status (for assertions; never holds a token). */
  requests: Array<{ method: string; path: string; query: Record<string, string>; status: number | 'dropped'; ifModifiedSince?: string }>;
}

/** The current stats; `reset` starts a new set (requests already under way count in the new one when they finish). */
export class StatsBook {
  stats: FakeZohoStats = freshStats();

  reset(): void {
    this.stats = freshStats();
  }

  countStatus(key: string): void {
    this.stats.statuses[key] = (this.stats.statuses[key] ?? 0) + 1;
  }
}

function freshStats(): FakeZohoStats {
  return {
    calls: 0,
    records: {},
    timeline: 0,
    deleted: 0,
    other: 0,
    timelineLeadIds: [],
    tokenRequests: 0,
    tokenMints: 0,
    statuses: {},
    faultsInjected: 0,
    maxInFlight: 0,
    creditsUsed: 0,
    requests: [],
  };
}
