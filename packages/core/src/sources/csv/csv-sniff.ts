import { ByteCsvReader, decodeFields } from './byte-csv-reader.js';

/** The start of a file read ahead, and the rest of it. @internal */
export interface Peeked {
  /** The first bytes (at least `size` of them, unless the file is shorter), to be read first. */
  head: Uint8Array;
  /** The bytes after them. */
  rest: AsyncIterator<Uint8Array, void, undefined>;
}

/**
 * Reads ahead the first `size` bytes of a stream, so that the delimiter and the date formats can be
 * detected before the rows are read. The first piece is kept as it is when it is large enough (a file's
 * first 1 MiB); smaller pieces are copied together, since a file reader may reuse its buffers. @internal
 */
export async function peekHead(bytes: AsyncIterable<Uint8Array>, size: number): Promise<Peeked> {
  const rest = bytes[Symbol.asyncIterator]();
  let head: Uint8Array | null = null;
  while (head === null || head.length < size) {
    const next = await rest.next();
    if (next.done) break;
    head = head === null ? (next.value.length >= size ? next.value : next.value.slice()) : concat(head, next.value);
  }
  return { head: head ?? new Uint8Array(0), rest };
}

const CANDIDATES = [',', ';', '\t', '|'];

/**
 * The delimiter of a file, from its header line: whichever of comma, semicolon, tab and pipe occurs most
 * often outside quotes (a comma when none does, or on a tie with it). @internal
 */
export function detectDelimiter(head: Uint8Array): string {
  const counts = [0, 0, 0, 0];
  const codes = CANDIDATES.map((c) => c.charCodeAt(0));
  let quoted = false;
  for (let i = 0; i < head.length; i++) {
    const c = head[i]!;
    if (c === 34) quoted = !quoted;
    else if (!quoted && (c === 10 || c === 13)) break;
    else if (!quoted) {
      const k = codes.indexOf(c);
      if (k >= 0) counts[k]!++;
    }
  }
  let best = 0;
  for (let k = 1; k < counts.length; k++) if (counts[k]! > counts[best]!) best = k;
  return CANDIDATES[best]!;
}

/**
 * The first records of the head (at most `max`, the header first), as strings: the sample the date
 * formats are detected from. Only whole lines are read. @internal
 */
export function sampleRecords(head: Uint8Array, delimiter: string, max: number): string[][] {
  const records: string[][] = [];
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  const reader = new ByteCsvReader(
    {
      fast(buf, starts, ends, count, _line, quoted) {
        if (records.length < max) records.push(decodeFields(decoder, buf, starts, ends, count, quoted, delimiter));
      },
      record(record) {
        if (records.length < max && record.error === undefined) records.push(record.fields);
      },
    },
    { delimiter, boms: 1 },
  );
  const last = head.lastIndexOf(10);
  if (last >= 0) reader.write(head.subarray(0, last + 1));
  else {
    reader.write(head);
    reader.end();
  }
  return records;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
