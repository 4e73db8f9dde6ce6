// The wording of the Parquet, Arrow and NDJSON readers, in one place so that it stays consistent and tests can match it.
export const tablesMessages = {
  /** An NDJSON line that does not parse as JSON. */
  notJson: (line: number, reason: string) => `line ${line} is not JSON (${reason}); each line must hold one JSON object.`,
  /** An NDJSON line that parses, but not to an object. */
  notJsonObject: (line: number) => `line ${line} is not a JSON object; each line must hold one object, such as {"lead_id": "1", …}.`,
  /** A file in another format where the extension promised this one. */
  notFormat: (format: string, reason: string) => `not a readable ${format} file (${reason}).`,
  /** The optional package a format needs is not installed. */
  missingPackage: (format: string, pkg: string) =>
    `reading ${format} needs the package ${pkg}, which is not installed (npm install ${pkg}).`,
  /** `encoding` forced on a file that is not CSV. */
  encodingNotCsv: (encoding: string, format: string) =>
    `encoding ${encoding} applies to CSV files only; a ${format} file's text is UTF-8. Drop --encoding, or give CSV files.`,
  /** A column read as a lead field that is a Parquet list or struct. */
  nestedColumn: (name: string) =>
    `column ${JSON.stringify(name)} is a nested Parquet column (a list or a struct); Panopticon reads flat columns of text, numbers or times.`,
  /** A gzip file or a ZIP entry whose compressed data does not inflate. */
  corrupt: (compression: 'gzip' | 'deflate-raw', reason: string) =>
    compression === 'gzip'
      ? `it is a gzip file that is corrupt or cut short (${reason}); compress it again, or give the file uncompressed.`
      : `it is a ZIP archive whose file is corrupt or cut short (${reason}); unzip it, and give the file it holds.`,
  /** A spreadsheet workbook given where a table file is read (told by its content, whatever its name). */
  workbook: (kind: 'xlsx' | 'ods' | 'xls') =>
    `it is ${WORKBOOKS[kind]}, not CSV. Save the sheet as CSV UTF-8, or export the module from the CRM as CSV.`,
  /** A PDF document given where a table file is read. */
  pdf: () => 'it is a PDF document, not CSV. Export the module from the CRM as CSV, or save the report as CSV.',
  /** Bytes that are not text (NUL bytes, not UTF-16) and no format Panopticon reads. */
  binary: () =>
    'it is binary data, not CSV text (it holds NUL bytes), and not a format Panopticon reads (CSV, Parquet, Arrow IPC, NDJSON, each optionally gzip-compressed or alone in a ZIP archive).',
  /** A ZIP archive without exactly one file Panopticon can read. */
  zipEntries: (candidates: number, entries: readonly string[]) =>
    `it is a ZIP archive holding ${candidates === 0 ? 'no' : candidates} file${candidates === 1 ? '' : 's'} of a format Panopticon reads ` +
    `(CSV, Parquet, Arrow IPC, NDJSON) where it reads one: ${entries.length === 0 ? '(no entries)' : listed(entries)}. ` +
    'Unzip it, and give the file to read.',
  /** A ZIP archive Panopticon cannot read (no central directory, an encrypted entry, a compression method other than deflate). */
  zipUnreadable: (reason: string) => `it is a ZIP archive Panopticon cannot read (${reason}); unzip it, and give the file it holds.`,
} as const;

const WORKBOOKS = {
  xlsx: 'an Excel workbook (.xlsx)',
  ods: 'an OpenDocument spreadsheet (.ods)',
  xls: 'an Excel 97-2003 workbook (.xls)',
} as const;

/** The first ten names, quoted (JSON escapes keep control characters out of a message), and how many more there are. */
function listed(names: readonly string[]): string {
  const shown = names.slice(0, 10).map((name) => JSON.stringify(name));
  return names.length > 10 ? `${shown.join(', ')} and ${names.length - 10} more` : shown.join(', ');
}
