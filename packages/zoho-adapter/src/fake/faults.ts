/**
 * Fault injection and latency: queued faults a test injects (matched by server and path), seeded random
 * faults at the configured rates, and the delay before each answer.
 */
import type { Rng } from './random.js';

/**
 * A fault to inject into matching requests.
 *
 * @example
 * ```ts
 * const fault: FakeZohoFault = { kind: 'status', status: 429, code: 'TOO_MANY_REQUESTS', count: 3, match: '/Leads' };
 * fake.inject(fault, { kind: 'drop' }, { kind: 'expire-tokens' });
 * const result = await syncLeads({ env: fake.env }); // retries through every fault
 * fake.pendingFaults(); // 0
 * ```
 */
export type FakeZohoFault =
  | {
      /** Answer with this status and a Zoho error body (429 TOO_MANY_REQUESTS, 500 INTERNAL_ERROR, …). */
      kind: 'status';
      status: number;
      code?: string;
      /** How many matching requests get it. Default 1; `Infinity` for a permanent failure. */
      count?: number;
      /** Let this many matching requests through first. Default 0. */
      after?: number;
      /** Only requests whose path (without query) matches. */
      match?: string | RegExp;
      /** `api` (default) or `accounts`. */
      target?: 'api' | 'accounts';
    }
  | { kind: 'drop'; count?: number; after?: number; match?: string | RegExp; target?: 'api' | 'accounts' }
  | { kind: 'truncate'; count?: number; after?: number; match?: string | RegExp }
  | { kind: 'malformed-json'; count?: number; after?: number; match?: string | RegExp }
  | { kind: 'expire-tokens'; after?: number; match?: string | RegExp }
  | { kind: 'evict-tokens'; after?: number; match?: string | RegExp };

/** Probabilities, per API request, of a 500, a 429 and a dropped connection. */
export interface FaultRates {
  status500?: number;
  status429?: number;
  drop?: number;
}

interface QueuedFault {
  fault: FakeZohoFault;
  skip: number;
  left: number;
}

/** The faults a test injected, in order; each applies to its next matching requests. */
export class FaultQueue {
  readonly #queue: QueuedFault[] = [];

  inject(...faults: FakeZohoFault[]): void {
    for (const fault of faults)
      this.#queue.push({ fault, skip: fault.after ?? 0, left: 'count' in fault && fault.count !== undefined ? fault.count : 1 });
  }

  get pending(): number {
    return this.#queue.length;
  }

  /** The first queued fault for this server and path that is due, used up by one; null when none is. */
  take(target: 'api' | 'accounts', path: string): FakeZohoFault | null {
    const faults = this.#queue;
    for (let i = 0; i < faults.length; i++) {
      const q = faults[i]!;
      const t = 'target' in q.fault && q.fault.target ? q.fault.target : 'api';
      if (t !== target) continue;
      const m = q.fault.match;
      if (m !== undefined && !(typeof m === 'string' ? path.includes(m) : m.test(path))) continue;
      if (q.skip > 0) {
        q.skip--;
        continue;
      }
      q.left--;
      if (q.left <= 0) faults.splice(i, 1);
      return q.fault;
    }
    return null;
  }
}

/** The random fault of one API request: `roll` (uniform in [0, 1)) falls into the drop, 500 or 429 share, or none. */
export function randomFault(rates: FaultRates, roll: number): FakeZohoFault | null {
  const drop = rates.drop ?? 0;
  const status500 = rates.status500 ?? 0;
  const status429 = rates.status429 ?? 0;
  if (roll < drop) return { kind: 'drop' };
  if (roll < drop + status500) return { kind: 'status', status: 500 };
  if (roll < drop + status500 + status429) return { kind: 'status', status: 429 };
  return null;
}

/** The delay before each answer, and the timers behind it (cleared when the server closes). */
export class Latency {
  readonly #timers = new Set<NodeJS.Timeout>();

  constructor(
    readonly rng: Rng,
    readonly setting: () => number | { min: number; max: number },
  ) {}

  /** Waits the configured latency (fixed, or uniform in [min, max]). */
  wait(): Promise<void> {
    const l = this.setting();
    return this.#sleep(typeof l === 'number' ? l : l.min + this.rng.next() * (l.max - l.min));
  }

  clear(): void {
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
  }

  #sleep(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      if (ms <= 0) return resolve();
      const timer = setTimeout(() => {
        this.#timers.delete(timer);
        resolve();
      }, ms);
      this.#timers.add(timer);
    });
  }
}
