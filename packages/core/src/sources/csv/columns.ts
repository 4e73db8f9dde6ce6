import { csvMessages } from '../messages.js';
import { CSV_COLUMN_LABELS, normalizeHeader } from './column-labels.js';
import type { CsvColumn, CsvFileKind } from './column-names.js';
import { CSV_COLUMNS } from './column-names.js';
import { CsvColumnError } from './column-error.js';
import type { DateReading } from './date-formats.js';

export type { CsvColumn, CsvFileKind } from './column-names.js';
export { CSV_COLUMNS } from './column-names.js';

/**
 * The columns a file must have. In leads.csv only `lead_id` and `received_time`, so that the plain
 * response-time export (`lead_id,received_time,first_contact_time`) loads; the others take these values
 * when absent: `name` `''` (unknown; a display falls back to the id), `stage` from the stage history, else
 * {@link UNKNOWN_STAGE}, `locator` from the owner history, else null, every other column null.
 *
 * @example
 * ```ts
 * REQUIRED_CSV_COLUMNS.leads; // ['lead_id', 'received_time']
 * ```
 */
export const REQUIRED_CSV_COLUMNS: { readonly [K in CsvFileKind]: readonly CsvColumn<K>[] } = {
  leads: ['lead_id', 'received_time'],
  stageHistory: ['lead_id', 'stage', 'changed_at'],
  ownerHistory: ['lead_id', 'locator', 'changed_at'],
  schedule: ['rep', 'day_of_week', 'shift_start', 'shift_end'],
};

/**
 * The file names of DESIGN §4, used to label in-memory inputs in issues and stats.
 *
 * @example
 * ```ts
 * DEFAULT_CSV_FILE_NAMES.stageHistory; // 'stage_history.csv'
 * ```
 */
export const DEFAULT_CSV_FILE_NAMES: { readonly [K in CsvFileKind]: string } = {
  leads: 'leads.csv',
  stageHistory: 'stage_history.csv',
  ownerHistory: 'owner_history.csv',
  schedule: 'schedule.csv',
};

/**
 * The stage given to a lead whose stage is unknown: the file has no stage column, or the cell is empty
 * and the lead has no stage history. A stage missing from the pipeline counts as `open`.
 *
 * @example
 * ```ts
 * const unknown = leads.filter((lead) => lead.stage === UNKNOWN_STAGE); // 'Unknown'
 * ```
 */
export const UNKNOWN_STAGE = 'Unknown';

/**
 * Header names to read instead of the defaults, per file and column. Header names match ignoring case,
 * spaces and punctuation.
 *
 * @example
 * ```ts
 * const columns: CsvColumnMapping = { leads: { lead_id: 'Record Id', received_time: 'Created Time' } };
 * ```
 */
export type CsvColumnMapping = { readonly [K in CsvFileKind]?: Readonly<Partial<Record<CsvColumn<K>, string>>> };

/**
 * Throws a `RangeError` when a column mapping names a file Panopticon does not read (a mapping read from
 * JSON is not type-checked, and a misspelt file key would otherwise be ignored in silence).
 *
 * @example
 * ```ts
 * assertColumnMapping({ stage_history: { changed_at: 'When' } }); // RangeError: … use leads, stageHistory, …
 * ```
 */
export function assertColumnMapping(columns: CsvColumnMapping | undefined): void {
  if (columns === undefined) return;
  const kinds = Object.keys(CSV_COLUMNS);
  for (const key of Object.keys(columns)) {
    if (!kinds.includes(key)) throw new RangeError(csvMessages.unknownMappedFile(key, kinds));
  }
}

/**
 * How a column was found: its default name (`default`), the `columns` mapping (`mapped`), or a CRM
 * export's label from `CSV_COLUMN_LABELS` (`label`).
 *
 * @example
 * ```ts
 * const how: ColumnMatch = 'label'; // 'Lead Owner' read as locator
 * ```
 */
export type ColumnMatch = 'default' | 'mapped' | 'label';

/**
 * Where each column of a file is, from its header row ({@link resolveColumns}).
 *
 * @example
 * ```ts
 * const { index }: ResolvedColumns<'leads'> = resolveColumns('leads', ['lead_id', 'received_time']);
 * index.stage; // -1: the file has no stage column
 * ```
 */
export interface ResolvedColumns<K extends CsvFileKind> {
  /** Field index of each column in a row; -1 when the file does not have it. */
  index: Record<CsvColumn<K>, number>;
  /** Each column's name as issues report it: the header as written, or the expected name when absent. */
  name: Record<CsvColumn<K>, string>;
  /** The header row as written (trimmed). */
  headers: string[];
  /** The number of fields in the header; every row must have as many. */
  width: number;
  /** Headers used by a column that appear more than once (the first is read). */
  duplicates: {
    /** The header, as written. */
    header: string;
    /** The column it is read as. */
    column: CsvColumn<K>;
  }[];
  /** How each column the file has was found, in header order. */
  matches: {
    /** The header, as written. */
    header: string;
    /** The column it is read as. */
    column: CsvColumn<K>;
    /** Found by its default name, the mapping, or a CRM label. */
    how: ColumnMatch;
  }[];
  /** The headers no column reads (each once, as written), in header order. */
  unread: string[];
  /** How each timestamp column is read, when detected from the file's first rows (absent: ISO 8601). */
  dates: Partial<Record<CsvColumn<K>, DateReading>>;
}

/**
 * Options of {@link resolveColumns}.
 *
 * @example
 * ```ts
 * resolveColumns('leads', headers, { columns: { leads: { lead_id: 'Id' } }, file: 'export.csv' } satisfies ResolveColumnsOptions);
 * ```
 */
export interface ResolveColumnsOptions {
  /** Header names to read instead of the defaults. Default: none (the snake_case names and CRM labels). */
  columns?: CsvColumnMapping;
  /** The file's label for error messages. Default: its name in {@link DEFAULT_CSV_FILE_NAMES}. */
  file?: string;
}

/**
 * Finds each column of a file in its header row. Headers match ignoring case, spaces and punctuation
 * (`normalizeHeader`). A column is found, in this order, by the header the mapping gives it (only that
 * one), by its default snake_case name, or by the first of its CRM export labels (`CSV_COLUMN_LABELS`)
 * that the file has; a header is read as one column at most (mapped columns claim theirs first).
 *
 * Throws a {@link CsvColumnError} naming the file, every missing column and the headers found when a
 * required column is missing, or when the mapping names a header the file does not have (a likely typo);
 * throws a `RangeError` when the mapping names a column Panopticon does not know.
 *
 * @example
 * ```ts
 * const { index, matches } = resolveColumns('leads', ['Record Id', 'Created Time', 'Lead Owner']);
 * // index.lead_id === 0, index.received_time === 1, index.locator === 2, index.stage === -1
 * // matches[2]: { header: 'Lead Owner', column: 'locator', how: 'label' }
 * ```
 */
export function resolveColumns<K extends CsvFileKind>(
  kind: K,
  headers: readonly string[],
  options: ResolveColumnsOptions = {},
): ResolvedColumns<K> {
  const file = options.file ?? DEFAULT_CSV_FILE_NAMES[kind];
  const known: readonly string[] = CSV_COLUMNS[kind];
  const mapping: Readonly<Record<string, string | undefined>> = options.columns?.[kind] ?? {};
  for (const key of Object.keys(mapping)) {
    if (!known.includes(key)) throw new RangeError(csvMessages.unknownMappedColumn(file, key, known));
  }
  const labels = CSV_COLUMN_LABELS[kind] as Readonly<Record<string, readonly string[]>>;

  const positions = new Map<string, number>();
  const repeated = new Set<string>();
  headers.forEach((header, i) => {
    const key = normalizeHeader(header);
    if (positions.has(key)) repeated.add(key);
    else positions.set(key, i);
  });

  const required: readonly string[] = REQUIRED_CSV_COLUMNS[kind];
  const index = {} as Record<string, number>;
  const name = {} as Record<string, string>;
  const how = {} as Record<string, ColumnMatch>;
  const claimed = new Set<number>();
  const missing: string[] = [];
  const duplicates: { header: string; column: CsvColumn<K> }[] = [];
  const find = (column: string, candidates: readonly string[], match: (k: number) => ColumnMatch): void => {
    for (let k = 0; k < candidates.length; k++) {
      const key = normalizeHeader(candidates[k]!);
      const at = positions.get(key);
      if (at === undefined || claimed.has(at)) continue;
      claimed.add(at);
      index[column] = at;
      name[column] = headers[at]!.trim();
      how[column] = match(k);
      if (repeated.has(key)) duplicates.push({ header: name[column]!, column: column as CsvColumn<K> });
      return;
    }
  };
  // Mapped columns first, so that a label never takes the header the user named for another column.
  for (const column of known) {
    const mapped = mapping[column];
    if (mapped === undefined) continue;
    find(column, [mapped], () => 'mapped');
    if (index[column] === undefined) missing.push(mapped);
  }
  for (const column of known) {
    if (mapping[column] !== undefined) continue;
    find(column, [column, ...(labels[column] ?? [])], (k) => (k === 0 ? 'default' : 'label'));
    if (index[column] === undefined && required.includes(column)) missing.push(column);
  }
  for (const column of known) {
    if (index[column] !== undefined) continue;
    index[column] = -1;
    name[column] = mapping[column] ?? column;
  }
  const trimmed = headers.map((h) => h.trim());
  if (missing.length > 0) throw new CsvColumnError(file, missing, trimmed);

  const byPosition = new Map<number, string>();
  for (const column of known) if (index[column]! >= 0) byPosition.set(index[column]!, column);
  const matches: ResolvedColumns<K>['matches'] = [];
  const unread: string[] = [];
  const seen = new Set<string>();
  trimmed.forEach((header, i) => {
    const column = byPosition.get(i);
    if (column !== undefined) matches.push({ header, column: column as CsvColumn<K>, how: how[column]! });
    else {
      const key = normalizeHeader(header);
      // A repeat of a header read (already a duplicate-column warning) or an empty header is not a column of its own.
      if (header === '' || seen.has(key) || (repeated.has(key) && claimed.has(positions.get(key)!))) return;
      seen.add(key);
      unread.push(header);
    }
  });
  return {
    index: index as Record<CsvColumn<K>, number>,
    name: name as Record<CsvColumn<K>, string>,
    headers: trimmed,
    width: headers.length,
    duplicates,
    matches,
    unread,
    dates: {},
  };
}
