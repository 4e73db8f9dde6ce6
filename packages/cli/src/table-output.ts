/**
 * The tabular answers (`--format csv|ndjson|parquet|arrow`) of the commands that print a table: the columns
 * and cells of `--format csv` (csv-columns.ts), written as CSV, NDJSON, Parquet or Arrow IPC, to stdout or
 * atomically to `--out FILE`. The typed formats keep each column's type: numbers as doubles, instants as UTC
 * timestamps (millisecond), text as UTF-8 strings, true/false as booleans; a column whose cells mix types
 * (the `value` of `kpis`) is text, each cell as CSV writes it. Parquet and Arrow are binary: they need --out.
 *
 * @module
 */
import { CliError, EXIT } from './errors.js';
import { formatZonedInstant, renderCsv, type Cell } from './format.js';
import type { Io } from './io.js';
import { importOptional } from './optional-package.js';
import { writeOutput } from './output-file.js';

/** Every `--format` a tabular command writes besides its aligned table and JSON. */
export type TabularFormat = 'csv' | 'ndjson' | 'parquet' | 'arrow';

/** Whether `--format` asks for one of the {@link TabularFormat}s. */
export function isTabularFormat(format: string): format is TabularFormat {
  return format === 'csv' || format === 'ndjson' || format === 'parquet' || format === 'arrow';
}

/** What a tabular answer needs from the settings. */
export interface TabularTarget {
  format: TabularFormat;
  /** `--out`, absolute; stdout when absent. */
  outFile?: string;
  /** The command's input files: the output may be none of them. */
  inputs: readonly string[];
  /** The zone CSV writes instants in (with their offset). Default UTC. */
  timeZone?: string;
}

/**
 * Usage errors (exit 2), checked before any file is read: `--out` with a format it does not write (rather than a file silently not
 * written), and a binary format without `--out` (never written to a terminal).
 */
export function assertTabularTarget(settings: { format: string; outFile?: string }, command: string): void {
  const { format, outFile } = settings;
  if (outFile !== undefined && !isTabularFormat(format)) {
    throw new CliError(`panopticon ${command}: --out writes --format csv, ndjson, parquet or arrow, not ${format}.`, EXIT.usage);
  }
  if ((format === 'parquet' || format === 'arrow') && outFile === undefined) {
    throw new CliError(
      `panopticon ${command}: --format ${format} is binary and is not written to the terminal; give --out FILE (for example --out ${command}.${format}).`,
      EXIT.usage,
    );
  }
}

/** Writes the table in the target's format: to `--out` (atomically, never over an input) or to stdout. */
export async function writeTabular(
  target: TabularTarget,
  io: Io,
  command: string,
  columns: readonly string[],
  rows: Cell[][],
): Promise<void> {
  assertTabularTarget(target, command);
  const { format, outFile } = target;
  const content: string | Uint8Array =
    format === 'csv'
      ? renderCsv(columns, rows, target.timeZone)
      : format === 'ndjson'
        ? ndjson(columns, rows)
        : format === 'parquet'
          ? await parquet(columns, rows, target.timeZone)
          : await arrowIpc(columns, rows, target.timeZone);
  if (outFile === undefined) {
    io.out(content as string);
    return;
  }
  await writeOutput(outFile, content, { what: `the ${format} output`, inputs: target.inputs });
}

/** A column's type: the one kind of its non-empty cells, else text. */
type ColumnKind = 'number' | 'boolean' | 'instant' | 'text';

function kindOf(rows: Cell[][], j: number): ColumnKind {
  let kind: ColumnKind | undefined;
  for (const row of rows) {
    const v = row[j];
    if (v === null || v === undefined) continue;
    const k: ColumnKind = typeof v === 'number' ? 'number' : typeof v === 'boolean' ? 'boolean' : v instanceof Date ? 'instant' : 'text';
    if (kind === undefined) kind = k;
    else if (kind !== k) return 'text';
  }
  return kind ?? 'text';
}

/** A cell of a text column: text as it is, anything else as CSV writes it. */
function asText(v: Cell, timeZone: string | undefined): string | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return formatZonedInstant(v, timeZone ?? 'UTC');
  return String(v);
}

/** One JSON object a line, keyed by the columns; instants as ISO UTC text, as `--format json` writes them. */
function ndjson(columns: readonly string[], rows: Cell[][]): string {
  const lines = rows.map((row) => {
    const record: Record<string, unknown> = {};
    columns.forEach((c, j) => {
      const v = row[j];
      record[c] = v === undefined ? null : v;
    });
    return JSON.stringify(record);
  });
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

/** The column's cells, typed for the writers: numbers, booleans, Dates, or text. */
function typedColumn(
  rows: Cell[][],
  j: number,
  kind: ColumnKind,
  timeZone: string | undefined,
): (number | boolean | Date | string | null)[] {
  return rows.map((row) => {
    const v = row[j];
    if (v === null || v === undefined) return null;
    return kind === 'text' ? asText(v, timeZone) : (v as number | boolean | Date);
  });
}

async function parquet(columns: readonly string[], rows: Cell[][], timeZone: string | undefined): Promise<Uint8Array> {
  const { parquetWriteBuffer } = await import('hyparquet-writer');
  const element = (name: string, kind: ColumnKind) => {
    const base = { name, repetition_type: 'OPTIONAL' as const };
    if (kind === 'number') return { ...base, type: 'DOUBLE' as const };
    if (kind === 'boolean') return { ...base, type: 'BOOLEAN' as const };
    if (kind === 'instant') {
      return {
        ...base,
        type: 'INT64' as const,
        logical_type: { type: 'TIMESTAMP' as const, isAdjustedToUTC: true, unit: 'MILLIS' as const },
      };
    }
    return { ...base, type: 'BYTE_ARRAY' as const, converted_type: 'UTF8' as const };
  };
  const kinds = columns.map((_, j) => kindOf(rows, j));
  const schema = [{ name: 'root', num_children: columns.length }, ...columns.map((c, j) => element(c, kinds[j]!))];
  const columnData = columns.map((name, j) => ({ name, data: typedColumn(rows, j, kinds[j]!, timeZone) }));
  return new Uint8Array(parquetWriteBuffer({ columnData, schema } as Parameters<typeof parquetWriteBuffer>[0]));
}

async function arrowIpc(columns: readonly string[], rows: Cell[][], timeZone: string | undefined): Promise<Uint8Array> {
  const arrow = await importOptional(() => import('apache-arrow'), '--format arrow');
  const type = (kind: ColumnKind) =>
    kind === 'number'
      ? new arrow.Float64()
      : kind === 'boolean'
        ? new arrow.Bool()
        : kind === 'instant'
          ? new arrow.TimestampMillisecond('UTC')
          : new arrow.Utf8();
  const vectors: Record<string, import('apache-arrow').Vector> = {};
  columns.forEach((name, j) => {
    const kind = kindOf(rows, j);
    vectors[name] = arrow.vectorFromArray(typedColumn(rows, j, kind, timeZone), type(kind));
  });
  return arrow.tableToIPC(new arrow.Table(vectors), 'file');
}
