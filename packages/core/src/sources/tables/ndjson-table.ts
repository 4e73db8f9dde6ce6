import { tablesMessages } from './messages.js';
import { cellText, csvLine } from './csv-cells.js';
import type { TableBytes } from './table-bytes.js';

/** A line of NDJSON that is not a JSON object. @internal */
export class NdjsonLineError extends Error {}

/**
 * Newline-delimited JSON (one object a line; blank lines skipped) as the text of the same table written as CSV. The columns are every key
 * any object has, in the order first seen (a first pass over the file finds them); a key an object lacks is an empty cell. Throws on a line
 * that is not a JSON object, naming its line. @internal
 */
export async function* ndjsonAsCsv(source: TableBytes, delimiter: string): AsyncGenerator<string, void, undefined> {
  const keys = new Map<string, number>();
  for await (const { record } of ndjsonRecords(source)) for (const key of Object.keys(record)) if (!keys.has(key)) keys.set(key, keys.size);
  const names = [...keys.keys()];
  yield csvLine(
    names.map((name) => cellText(name, 'value')),
    delimiter,
  );
  let parts: string[] = [];
  for await (const { record } of ndjsonRecords(source)) {
    parts.push(
      csvLine(
        names.map((name) => cellText(record[name], 'value')),
        delimiter,
      ),
    );
    if (parts.length === 10_000) {
      yield parts.join('');
      parts = [];
    }
  }
  if (parts.length > 0) yield parts.join('');
}

/** Each non-blank line's object and its 1-based line number. */
async function* ndjsonRecords(source: TableBytes): AsyncGenerator<{ record: Record<string, unknown>; line: number }, void, undefined> {
  const decoder = new TextDecoder('utf-8', { ignoreBOM: false });
  let line = 0;
  let rest = '';
  const parse = (text: string): Record<string, unknown> | undefined => {
    line++;
    if (text.trim() === '') return undefined;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new NdjsonLineError(tablesMessages.notJson(line, (error as Error).message));
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new NdjsonLineError(tablesMessages.notJsonObject(line));
    return value as Record<string, unknown>;
  };
  for await (const chunk of source.chunks()) {
    const text = rest + decoder.decode(chunk, { stream: true });
    let start = 0;
    for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
      const record = parse(text.slice(start, end));
      start = end + 1;
      if (record !== undefined) yield { record, line };
    }
    rest = text.slice(start);
  }
  rest += decoder.decode();
  if (rest !== '') {
    const record = parse(rest);
    if (record !== undefined) yield { record, line };
  }
}
