/**
 * The byte ranges a leads file is read in by several threads, and the reading of one range. Shared by the
 * calling thread and the worker threads of `aggregateCsvBySlot`; `node:fs` is passed in, never imported,
 * so this file loads in browsers too. @internal
 * @module
 */
import type { ResponseScanConfig, ScanOutput } from './response-scan.js';
import { ResponseScanner } from './response-scan.js';

const LF = 10;

/** The part of `node:fs` a chunk reader uses. @internal */
export interface ChunkFs {
  readSync(fd: number, buffer: Uint8Array, offset: number, length: number, position: number): number;
}

/**
 * How a file's data (after the header) is cut: nominal ranges of `chunkSize` bytes from `dataStart`, each
 * moved to the line boundary at or after it, so that every line belongs to exactly one chunk. @internal
 */
export interface ChunkLayout {
  dataStart: number;
  size: number;
  chunkSize: number;
  chunks: number;
}

/** One chunk's results, sent from a worker without copying its arrays. @internal */
export interface ChunkResult {
  index: number;
  /** The byte offset the chunk starts at (a line boundary). */
  start: number;
  /** Lines the chunk holds. */
  lines: number;
  /** Whether the chunk ended between records; if not, a quoted value runs into the next one. */
  clean: boolean;
  output: ScanOutput;
}

/** The buffers of an output, to transfer rather than copy. @internal */
export function transferList(output: ScanOutput): ArrayBuffer[] {
  return [
    output.idValue.buffer,
    output.keyLine.buffer,
    output.keyCell.buffer,
    output.keyMinutes.buffer,
    output.strHash.buffer,
    output.strEnd.buffer,
    output.strBytes.buffer,
  ] as ArrayBuffer[];
}

/** Reads chunk `index` of the file and scans it; `scratch` is a reusable buffer (returned, grown if needed). @internal */
export function scanChunk(
  fs: ChunkFs,
  fd: number,
  layout: ChunkLayout,
  index: number,
  scanner: ResponseScanner,
  scratch: { buffer: Uint8Array },
  /** Standalone arrays (to transfer), or views of the scanner's buffers (merged before the next chunk). */
  copy: boolean,
): ChunkResult {
  const { dataStart, size, chunkSize } = layout;
  const nominalStart = dataStart + index * chunkSize;
  const nominalEnd = Math.min(size, nominalStart + chunkSize);
  // Read from one byte before the nominal start: the chunk starts after the first line feed at or after it.
  const from = index === 0 ? dataStart : nominalStart - 1;
  let length = Math.min(size, nominalEnd + 65_536) - from;
  let buffer = ensure(scratch, length);
  readFully(fs, fd, buffer, length, from);

  let start = dataStart;
  if (index > 0) {
    const lf = buffer.subarray(0, length).indexOf(LF);
    start = lf < 0 ? size : from + lf + 1;
  }
  let end = size;
  if (nominalEnd < size) {
    // The chunk ends after the first line feed at or after its nominal end's last byte.
    let searchFrom = nominalEnd - 1 - from;
    for (;;) {
      const lf = buffer.subarray(0, length).indexOf(LF, searchFrom);
      if (lf >= 0) {
        end = from + lf + 1;
        break;
      }
      if (from + length >= size) break; // no line feed left: the chunk runs to the end of the file
      // A very long line: read further.
      searchFrom = length;
      const more = Math.min(size - from, length * 2);
      const bigger = ensure(scratch, more);
      if (bigger !== buffer) bigger.set(buffer.subarray(0, length));
      buffer = bigger;
      readFully(fs, fd, buffer.subarray(length), more - length, from + length);
      length = more;
    }
  }
  if (start >= end) {
    // The chunk lies inside one line, which belongs to an earlier chunk.
    return { index, start: end, lines: 0, clean: true, output: scanner.take(copy) };
  }
  const reader = scanner.startPiece(1);
  reader.write(buffer.subarray(start - from, end - from));
  let clean: boolean;
  if (end === size) {
    reader.end();
    clean = true;
  } else clean = reader.finish();
  return { index, start, lines: reader.line - 1, clean, output: scanner.take(copy) };
}

function ensure(scratch: { buffer: Uint8Array }, length: number): Uint8Array {
  if (scratch.buffer.length < length) scratch.buffer = new Uint8Array(Math.max(length, scratch.buffer.length * 2));
  return scratch.buffer;
}

function readFully(fs: ChunkFs, fd: number, buffer: Uint8Array, length: number, position: number): void {
  let done = 0;
  while (done < length) {
    const n = fs.readSync(fd, buffer, done, length - done, position + done);
    if (n === 0) break;
    done += n;
  }
}

/** A scanner for chunks of a file whose header was read already. @internal */
export function chunkScanner(config: ResponseScanConfig): ResponseScanner {
  return new ResponseScanner(config);
}
