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
} as const;
