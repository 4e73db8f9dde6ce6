// What a file holds, told by its first bytes (its magic number) rather than its name: users hand over the files they have, and a
// workbook or a gzip named `leads.csv` must be read as what it is, or refused with a clear message, never parsed as CSV text.

/** How many leading bytes {@link contentKindOf} looks at (enough for every magic number and a fair sample for NUL bytes). @internal */
export const HEAD_BYTES = 1024;

/**
 * What a file's first bytes say it is: a compressed or archived file (`gzip`, `zip`), a table format with a magic number (`parquet`,
 * `arrow`: the Arrow IPC file format), something that is not a table (`xls`: an old Excel workbook, `pdf`, `binary`: NUL bytes that
 * are not UTF-16 text), or `text` (CSV or NDJSON, which have no magic number: their name or the caller says which). @internal
 */
export type ContentKind = 'gzip' | 'zip' | 'parquet' | 'arrow' | 'xls' | 'pdf' | 'binary' | 'text';

const MAGIC: readonly [ContentKind, readonly number[]][] = [
  ['gzip', [0x1f, 0x8b]],
  ['zip', [0x50, 0x4b, 0x03, 0x04]],
  ['parquet', [0x50, 0x41, 0x52, 0x31]], // PAR1
  ['arrow', [0x41, 0x52, 0x52, 0x4f, 0x57, 0x31]], // ARROW1
  ['xls', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]], // OLE2 compound file
  ['pdf', [0x25, 0x50, 0x44, 0x46]], // %PDF
];

/**
 * The kind of content whose first bytes are `head` (up to {@link HEAD_BYTES}; fewer for a shorter file). Text is anything without a
 * known magic number and without NUL bytes, or with NUL bytes almost all on one side of each byte pair: UTF-16 text, with or without its
 * byte-order mark (csv/input-encoding.ts reads it with the mark, or when told the encoding), is never taken for binary. @internal
 */
export function contentKindOf(head: Uint8Array): ContentKind {
  for (const [kind, magic] of MAGIC) if (startsWith(head, magic)) return kind;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < head.length; i++) {
    if (head[i] === 0) {
      if (i % 2 === 0) even++;
      else odd++;
    }
  }
  if (even + odd === 0) return 'text';
  const utf16Mark = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  // UTF-16 text puts a NUL beside each ASCII character, on one side of the pair; a character U+xx00 puts one on the other side, rarely.
  return utf16Mark || Math.min(even, odd) * 4 <= Math.max(even, odd) ? 'text' : 'binary';
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  if (bytes.length < magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[i] !== magic[i]) return false;
  return true;
}

/** The name a compressed file's content goes by: `leads.csv.gz` holds `leads.csv`, `x.parquet.gzip` holds `x.parquet`. @internal */
export function nameInsideGzip(name: string): string {
  return name.replace(/\.(gz|gzip)$/i, '');
}
