import { DATA_ISSUE_CODES } from '../issue-codes.js';
import { csvMessages } from '../messages.js';
import type { FileLog } from './file-log.js';
import type { ByteTimestampParser, TimestampBytesReader } from './timestamp.js';
import { parseText } from './timestamp.js';

/**
 * A timestamp of a row read as text, with a `dst-gap` warning naming the row when it is a wall-clock time
 * that does not exist in the zone (the clocks sprang forward over it): it is read moved forward by the
 * gap, as the lead model says, and the warning says so, so that a "contact before received" that follows
 * from it is understood. Null when the text is not a timestamp. @internal
 */
export function readTimestampText(
  reader: TimestampBytesReader,
  iso: ByteTimestampParser,
  text: string,
  file: FileLog,
  place: { line: number; recordId: string; field: string },
): number | null {
  const gaps = iso.gaps;
  const value = parseText(reader, text);
  if (value !== null && iso.gaps !== gaps) {
    const wall = new Date(iso.zone.toLocal(value)).toISOString().slice(0, 19).replace('T', ' ');
    file.warning(DATA_ISSUE_CODES.dstGap, csvMessages.dstGap(place.field, text.trim(), iso.zone.name, wall), { ...place, value: text });
  }
  return value;
}
