import { ID_HASH_PARTITIONS, IdHash } from './id-hash.js';
import type { LeadIds } from './lead-ids.js';

/** Hashes a partition holds in memory before they are written out: 16 KiB, so a reader holds 2 MiB of them whatever the file's length. */
const BLOCK = 2048;

/**
 * Where a reader's id hashes went: `file`, written in blocks; block `j` holds `blocks[3j + 2]` hashes of partition `blocks[3j]` from byte
 * `blocks[3j + 1]` (8 bytes a hash, see {@link IdHash}). Plain data, posted back from a worker thread. @internal
 */
export interface IdHashSpill {
  file: string;
  bits: number;
  blocks: Float64Array;
}

type NodeFs = typeof import('node:fs');

/** Thrown when the hashes cannot be written (no room in the temporary folder): the file is then read keeping every id. @internal */
export class IdSpillError extends Error {}

/**
 * The lead ids of a piece of a large file, kept as nothing but their hashes, written to a file of their own: no memory per id. Every id is
 * "new" to it (0); whether any was repeated is decided once every piece is read, from the hashes of all of them (repeated-id-hashes.ts),
 * and when a hash repeats the file is read again with the ids of those hashes kept (candidate-lead-ids.ts). Call {@link finish} when the
 * reading ends, or {@link close} when it fails. @internal
 */
export class SpilledLeadIds implements LeadIds {
  private readonly hash: IdHash;
  private readonly buffer = new Float64Array(ID_HASH_PARTITIONS * BLOCK);
  private readonly bytes = new Uint8Array(this.buffer.buffer);
  private readonly counts = new Int32Array(ID_HASH_PARTITIONS);
  private readonly blocks: number[] = [];
  private readonly fd: number;
  private written = 0;
  private closed = false;
  private readonly encoder = new TextEncoder();

  private constructor(
    private readonly fs: NodeFs,
    readonly file: string,
    bits: number,
  ) {
    this.hash = new IdHash(bits);
    this.fd = spillCall(() => fs.openSync(file, 'w'));
  }

  /** Ids hashed to `bits` bits (see {@link IdHash}), written to `file` (created, or emptied). */
  static async create(file: string, bits: number): Promise<SpilledLeadIds> {
    return new SpilledLeadIds(await import('node:fs'), file, bits);
  }

  add(id: string, line: number): number {
    const bytes = this.encoder.encode(id);
    return this.addBytes(bytes, 0, bytes.length, line);
  }

  addBytes(buf: Uint8Array, s: number, e: number, _line: number): number {
    const hash = this.hash;
    hash.set(buf, s, e);
    const p = hash.partition;
    const n = this.counts[p]!;
    this.buffer[p * BLOCK + n] = hash.value;
    this.counts[p] = n + 1;
    if (n + 1 === BLOCK) this.flush(p);
    return 0;
  }

  /** Writes out the hashes still held and closes the file: where they are. */
  finish(): IdHashSpill {
    for (let p = 0; p < ID_HASH_PARTITIONS; p++) if (this.counts[p]! > 0) this.flush(p);
    this.close();
    return { file: this.file, bits: this.hash.bits, blocks: Float64Array.from(this.blocks) };
  }

  /** Closes the file (it is removed with the folder of the reading). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.fs.closeSync(this.fd);
  }

  private flush(p: number): void {
    const n = this.counts[p]!;
    const at = p * BLOCK * 8;
    const fd = this.fd;
    const written = spillCall(() => this.fs.writeSync(fd, this.bytes, at, n * 8, this.written));
    if (written !== n * 8) throw new IdSpillError(`${this.file}: short write`);
    this.blocks.push(p, this.written, n);
    this.written += n * 8;
    this.counts[p] = 0;
  }
}

/** The result of a file-system call, or an {@link IdSpillError} with its message. */
function spillCall<T>(call: () => T): T {
  try {
    return call();
  } catch (error) {
    throw new IdSpillError(error instanceof Error ? error.message : String(error));
  }
}
