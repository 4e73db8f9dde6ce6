/**
 * Page tokens of Get Records and timelines: each is bound to the query it was issued for and to the API
 * user, holds the next offset, and expires after 24 hours.
 */
import type { Rng } from './random.js';

const DAY = 86_400_000;

/** What a page token stands for. */
export interface PageTokenRecord {
  /** The query it belongs to (module, parameters other than the page, If-Modified-Since). */
  binding: string;
  offset: number;
  /** The refresh token (API user) it was issued to. */
  user: string;
  expiresAt: number;
}

/** The page tokens issued so far. */
export class PageTokens {
  readonly #records = new Map<string, PageTokenRecord>();

  constructor(
    readonly rng: Rng,
    readonly now: () => number,
  ) {}

  /** A new token for the page at `offset` of the query `binding`, valid for 24 hours. */
  issue(binding: string, offset: number, user: string): string {
    const token = this.rng.hex(24);
    this.#records.set(token, { binding, offset, user, expiresAt: this.now() + DAY });
    return token;
  }

  get(token: string): PageTokenRecord | undefined {
    return this.#records.get(token);
  }

  expired(record: PageTokenRecord): boolean {
    return record.expiresAt <= this.now();
  }

  /** When a token issued now expires (epoch ms). */
  expiryOfNew(): number {
    return this.now() + DAY;
  }
}
