/**
 * A counting semaphore: at most `limit` tasks run at once, the rest wait in arrival order. Zoho rejects a
 * call over the concurrency limit at once (429, not queued), so the client queues its own calls instead.
 *
 * @example
 * ```ts
 * const limiter = new ConcurrencyLimiter(5);
 * const responses = await Promise.all(leadIds.map((id) => limiter.run(() => client.request({ path: `Leads/${id}/__timeline` }))));
 * limiter.peak; // 5 at most
 * ```
 */
export class ConcurrencyLimiter {
  readonly limit: number;
  #active = 0;
  #peak = 0;
  readonly #waiting: Array<() => void> = [];

  constructor(limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`concurrency must be a positive integer, got ${limit}`);
    this.limit = limit;
  }

  /** Tasks running now. */
  get active(): number {
    return this.#active;
  }

  /** The most tasks that ever ran at once. */
  get peak(): number {
    return this.#peak;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    // A finishing task hands its slot straight to the next waiter, so a newcomer can never slip in between.
    if (this.#active >= this.limit) await new Promise<void>((resolve) => this.#waiting.push(resolve));
    else this.#active++;
    this.#peak = Math.max(this.#peak, this.#active);
    try {
      return await task();
    } finally {
      const next = this.#waiting.shift();
      if (next) next();
      else this.#active--;
    }
  }
}

/**
 * Runs `task` for every item with at most `limit` in flight; resolves to the results in input order.
 *
 * @example
 * ```ts
 * const timelines = await mapLimit(leadIds, client.concurrency, async (id) => {
 *   const entries: ZohoRecord[] = [];
 *   for await (const page of timelinePages(client, 'Leads', id)) entries.push(...page.entries);
 *   return entries;
 * }); // in the order of leadIds
 * ```
 */
export async function mapLimit<T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      const index = next++;
      try {
        results[index] = await task(items[index] as T, index);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), items.length) }, worker));
  return results;
}
