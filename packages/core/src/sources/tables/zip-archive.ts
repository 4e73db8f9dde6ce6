// A ZIP archive given as a table file: what CRM export buttons and Zoho CRM's bulk read return (docs/data-formats.md). Its one file
// of a format Panopticon reads is read, streamed (stored, or inflated as it is read); a workbook (.xlsx, .ods: a ZIP too) or an
// archive of several files or none is refused, saying why. The entries are listed from the central directory at the archive's end,
// whose sizes hold even where a streaming writer left them out of an entry's own header.
import { inflate } from './inflate.js';
import { tablesMessages } from './messages.js';
import type { RandomAccessBytes } from './table-bytes.js';
import { tableFormatOf } from './table-format.js';

/** One file of an archive, as its central directory lists it. @internal */
export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  offset: number;
}

/** Names Panopticon reads inside an archive: text tables (CSV by any of its usual names), the formats of `tableFormatOf`, gzip of them. */
const TEXT_NAMES = /\.(csv|tsv|txt|tab)(\.gz)?$/i;
/** Pieces the entry's bytes are read in, from a file path. */
const PIECE = 1 << 20;

/**
 * The one entry of the archive `bytes` to read as a table, or an `Error` saying why there is none: a workbook (an .xlsx/.xlsm with
 * `xl/workbook.xml`, an .ods with `mimetype` and `content.xml`), none or several entries of a format Panopticon reads, an entry encrypted
 * or compressed otherwise than stored or deflated, or no readable central directory. @internal
 */
export async function zipTableEntry(bytes: RandomAccessBytes): Promise<ZipEntry> {
  const entries = await zipEntries(bytes);
  const names = new Set(entries.map((entry) => entry.name));
  if (names.has('xl/workbook.xml') || names.has('xl/workbook.bin')) throw new Error(tablesMessages.workbook('xlsx'));
  if (names.has('mimetype') && names.has('content.xml')) throw new Error(tablesMessages.workbook('ods'));
  const candidates = entries.filter((entry) => isTableName(entry.name));
  if (candidates.length !== 1)
    throw new Error(
      tablesMessages.zipEntries(
        candidates.length,
        entries.map((entry) => entry.name),
      ),
    );
  const entry = candidates[0]!;
  if ((entry.flags & 1) !== 0) throw new Error(tablesMessages.zipUnreadable(`${JSON.stringify(entry.name)} is encrypted`));
  if (entry.method !== 0 && entry.method !== 8) {
    throw new Error(tablesMessages.zipUnreadable(`${JSON.stringify(entry.name)} is compressed with method ${entry.method}, not deflate`));
  }
  return entry;
}

function isTableName(name: string): boolean {
  const base = name.slice(name.lastIndexOf('/') + 1);
  if (name.endsWith('/') || name.startsWith('__MACOSX/') || base.startsWith('.')) return false;
  return TEXT_NAMES.test(base) || tableFormatOf(base.replace(/\.gz$/i, '')) !== 'csv';
}

/** The bytes of an entry, decompressed as they are read. `node`: the archive is a file path (inflate with node:zlib). @internal */
export async function* zipEntryBytes(bytes: RandomAccessBytes, entry: ZipEntry, node: boolean): AsyncGenerator<Uint8Array> {
  const local = new DataView(await bytes.slice(entry.offset, entry.offset + 30));
  if (local.byteLength < 30 || local.getUint32(0, true) !== 0x04034b50)
    throw new Error(tablesMessages.zipUnreadable('a damaged entry header'));
  const start = entry.offset + 30 + local.getUint16(26, true) + local.getUint16(28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.byteLength) throw new Error(tablesMessages.zipUnreadable('it is cut short'));
  const stored = pieces(bytes, start, end);
  yield* entry.method === 0 ? stored : inflate(stored, 'deflate-raw', node);
}

async function* pieces(bytes: RandomAccessBytes, start: number, end: number): AsyncGenerator<Uint8Array> {
  for (let at = start; at < end; at += PIECE) yield new Uint8Array(await bytes.slice(at, Math.min(end, at + PIECE)));
}

/** The entries of the central directory (ZIP64 sizes and offsets included). */
async function zipEntries(bytes: RandomAccessBytes): Promise<ZipEntry[]> {
  const size = bytes.byteLength;
  const tailStart = Math.max(0, size - (0xffff + 22));
  const tail = new DataView(await bytes.slice(tailStart, size));
  let end = -1;
  for (let i = tail.byteLength - 22; i >= 0; i--) {
    if (tail.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error(tablesMessages.zipUnreadable('no central directory: it is cut short, or not a ZIP archive'));
  let count = tail.getUint16(end + 10, true);
  let dirSize = tail.getUint32(end + 12, true);
  let dirOffset = tail.getUint32(end + 16, true);
  if ((count === 0xffff || dirOffset === 0xffffffff) && end >= 20 && tail.getUint32(end - 20, true) === 0x07064b50) {
    const at = Number(tail.getBigUint64(end - 20 + 8, true));
    const record = new DataView(await bytes.slice(at, at + 56));
    if (record.byteLength === 56 && record.getUint32(0, true) === 0x06064b50) {
      count = Number(record.getBigUint64(32, true));
      dirSize = Number(record.getBigUint64(40, true));
      dirOffset = Number(record.getBigUint64(48, true));
    }
  }
  if (dirOffset + dirSize > size) throw new Error(tablesMessages.zipUnreadable('its central directory lies beyond its end'));
  const dir = new DataView(await bytes.slice(dirOffset, dirOffset + dirSize));
  const decoder = new TextDecoder();
  const entries: ZipEntry[] = [];
  let at = 0;
  for (let n = 0; n < count && at + 46 <= dir.byteLength && dir.getUint32(at, true) === 0x02014b50; n++) {
    const nameLength = dir.getUint16(at + 28, true);
    const extraLength = dir.getUint16(at + 30, true);
    const commentLength = dir.getUint16(at + 32, true);
    const name = decoder.decode(new Uint8Array(dir.buffer, dir.byteOffset + at + 46, Math.min(nameLength, dir.byteLength - at - 46)));
    const entry = {
      name,
      flags: dir.getUint16(at + 8, true),
      method: dir.getUint16(at + 10, true),
      compressedSize: dir.getUint32(at + 20, true),
      offset: dir.getUint32(at + 42, true),
    };
    const uncompressed = dir.getUint32(at + 24, true);
    zip64Sizes(dir, at + 46 + nameLength, extraLength, entry, uncompressed);
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The ZIP64 extra field (id 1) holds, in order, the uncompressed size, compressed size and offset that do not fit in 32 bits. */
function zip64Sizes(dir: DataView, start: number, length: number, entry: ZipEntry, uncompressed: number): void {
  const end = Math.min(dir.byteLength, start + length);
  for (let at = start; at + 4 <= end; ) {
    const id = dir.getUint16(at, true);
    const size = dir.getUint16(at + 2, true);
    if (id === 1) {
      let field = at + 4;
      const next = () => {
        const value = field + 8 <= end ? Number(dir.getBigUint64(field, true)) : 0;
        field += 8;
        return value;
      };
      if (uncompressed === 0xffffffff) next();
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = next();
      if (entry.offset === 0xffffffff) entry.offset = next();
      return;
    }
    at += 4 + size;
  }
}
