import { IdHash } from './id-hash.js';
import type { LeadIds } from './lead-ids.js';
import { CompactLeadIds } from './lead-ids.js';
import type { RepeatedIdHashes } from './repeated-id-hashes.js';

const encoder = new TextEncoder();

/**
 * The lead ids of a second reading of a file whose id hashes repeat (see repeated-id-hashes.ts): an id with one of those hashes is kept
 * (in a {@link CompactLeadIds}, which decides exactly whether it was seen, and on which line), every other id is new (0), as its hash
 * occurs once in the file. The reading is then exactly a reading that keeps every id, with memory for the candidates only. @internal
 */
export class CandidateLeadIds implements LeadIds {
  private readonly kept = new CompactLeadIds();
  private readonly hash: IdHash;

  constructor(private readonly candidates: RepeatedIdHashes) {
    this.hash = new IdHash(candidates.bits);
  }

  add(id: string, line: number): number {
    const bytes = encoder.encode(id);
    return this.addBytes(bytes, 0, bytes.length, line);
  }

  addBytes(buf: Uint8Array, s: number, e: number, line: number): number {
    const hash = this.hash;
    hash.set(buf, s, e);
    return this.candidates.has(hash.partition, hash.value) ? this.kept.addBytes(buf, s, e, line) : 0;
  }
}
