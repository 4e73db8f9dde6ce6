import type { DuckDBConnection } from '@duckdb/node-api';
import { tableFileContent } from '@panopticon/core/files';
import { badTimestamp, contentNotRead, duplicateId, missingColumns, missingValue, unknownFormat } from '../messages.js';
import { SqlEngineError } from '../sql-engine-error.js';
import { instantSql, sqlString, timestampPartsSql, wallClockSql, zoneDaysSql } from './timestamp-sql.js';

/**
 * The files the statements read: leads and, for the follow-up questions, the stage history. Each is a
 * path to a `.csv` file (header row, comma-separated, UTF-8) or a `.parquet` file, with the canonical
 * column names of `CSV_COLUMNS` (`@panopticon/core/files`).
 *
 * @example
 * ```ts
 * const inputs: SqlInputs = { leads: 'data/leads.csv', stageHistory: 'data/stage_history.parquet' };
 * ```
 */
export interface SqlInputs {
  /** The leads file: `lead_id`, `received_time` required; `name`, `first_contact_time`, `appointment_time`, `stage`, `locator`, `team` read when present. */
  leads: string;
  /** The stage history file: `lead_id`, `stage`, `changed_at`. Read by the follow-up questions; without it every lead's history is empty. */
  stageHistory?: string;
  /** The owner history file: `lead_id`, `locator`, `changed_at`. Read by the KPIs (time to intervention) and for a leads file without `locator`. */
  ownerHistory?: string;
}

/** A table of the canonical model: its columns, which are required, and which are timestamps. */
interface TableSpec {
  view: string;
  /** A history: its rows keep their place in the file (`entry_order`), which orders entries sharing an instant. */
  history: boolean;
  required: readonly string[];
  text: readonly string[];
  timestamps: readonly string[];
}

const LEADS: TableSpec = {
  view: 'leads',
  history: false,
  required: ['lead_id', 'received_time'],
  text: ['lead_id', 'name', 'stage', 'locator', 'team'],
  timestamps: ['received_time', 'first_contact_time', 'appointment_time'],
};

const STAGE_HISTORY: TableSpec = {
  view: 'stage_history',
  history: true,
  required: ['lead_id', 'stage', 'changed_at'],
  text: ['lead_id', 'stage'],
  timestamps: ['changed_at'],
};

const OWNER_HISTORY: TableSpec = {
  view: 'owner_history',
  history: true,
  required: ['lead_id', 'changed_at'],
  text: ['lead_id', 'locator'],
  timestamps: ['changed_at'],
};

/**
 * Creates the views `leads` and `stage_history` of the canonical model over the files: text columns
 * trimmed (empty = NULL), timestamps as TIMESTAMPTZ read as core reads them (naive ones in `timeZone`).
 * Then checks the columns a statement reads (`used`), refusing the file with an {@link SqlEngineError}
 * naming the file, row, column and value when a row would not be read the same as by core's CSV reader.
 * Nothing is loaded into memory: the statements scan the files (DuckDB streams and spills as needed).
 */
export async function createCanonicalViews(
  connection: DuckDBConnection,
  inputs: SqlInputs,
  timeZone: string,
  used: { leads: readonly string[]; stageHistory: readonly string[]; ownerHistory: readonly string[] },
): Promise<{ leadColumns: string[] }> {
  await connection.run(zoneDaysSql(sqlString(timeZone)));
  const leadColumns = await createView(connection, LEADS, inputs.leads, timeZone);
  for (const [spec, path, columns] of [
    [STAGE_HISTORY, inputs.stageHistory, used.stageHistory],
    [OWNER_HISTORY, inputs.ownerHistory, used.ownerHistory],
  ] as const) {
    if (path === undefined) {
      const empty = [...spec.text.map((c) => `NULL::VARCHAR AS ${c}`), 'NULL::TIMESTAMPTZ AS changed_at', 'NULL::BIGINT AS entry_order'];
      await connection.run(`CREATE OR REPLACE TEMP VIEW ${spec.view} AS SELECT ${empty.join(', ')} WHERE false`);
      continue;
    }
    await createView(connection, spec, path, timeZone);
    await check(connection, spec, path, columns);
  }
  await check(connection, LEADS, inputs.leads, used.leads);
  if (used.leads.includes('lead_id')) await checkUniqueIds(connection, inputs.leads);
  return { leadColumns };
}

/**
 * How DuckDB scans the file: by what its first bytes say it is (core's check, `tableFileContent`, whose `CsvReadError` for a workbook, a
 * PDF or binary bytes is what the TypeScript engine says of the same file), then by its name for text, as before.
 */
async function scanOf(path: string): Promise<string> {
  const content = await tableFileContent(path);
  const lower = path.toLowerCase();
  const parquet = `(SELECT COLUMNS(*)::VARCHAR FROM read_parquet(${sqlString(path)}))`;
  if (content === 'parquet') return parquet;
  if (content === 'zip') throw new SqlEngineError(contentNotRead(path, 'a ZIP archive'));
  if (content === 'arrow') throw new SqlEngineError(contentNotRead(path, 'an Arrow IPC file'));
  if (content === 'gzip') {
    if (/\.(parquet|pq|arrow|feather|ipc|arrows|ndjson|jsonl)\.gz(ip)?$/.test(lower))
      throw new SqlEngineError(contentNotRead(path, 'a gzip-compressed file that is not CSV'));
    // A name ending .gz tells DuckDB; any other name needs telling.
    return `read_csv(${sqlString(path)}, header = true, all_varchar = true${lower.endsWith('.gz') ? '' : ", compression = 'gzip'"})`;
  }
  if (lower.endsWith('.parquet')) return parquet;
  if (lower.endsWith('.csv') || lower.endsWith('.csv.gz') || lower.endsWith('.tsv')) {
    return `read_csv(${sqlString(path)}, header = true, all_varchar = true)`;
  }
  throw new SqlEngineError(unknownFormat(path));
}

async function createView(connection: DuckDBConnection, spec: TableSpec, path: string, timeZone: string): Promise<string[]> {
  const raw = `${spec.view}_text`;
  const order = spec.history ? ', row_number() OVER () AS entry_order' : '';
  await connection.run(`CREATE OR REPLACE TEMP VIEW ${raw} AS SELECT *${order} FROM ${await scanOf(path)}`);
  const headers = (await connection.runAndReadAll(`DESCRIBE ${raw}`)).getRowObjects().map((r) => String(r.column_name));
  const missing = spec.required.filter((c) => !headers.includes(c));
  if (missing.length > 0) throw new SqlEngineError(missingColumns(path, missing, headers));
  const has = (c: string) => headers.includes(c);
  const zone = sqlString(timeZone);
  const stamps = spec.timestamps.filter(has);
  // Three layers (see timestamp-sql.ts): the parts of each timestamp, its wall clock, its instant.
  const parts = `SELECT *${stamps.map((c) => `, ${timestampPartsSql(c)} AS ${c}__parts`).join('')} FROM ${raw}`;
  const walls = `SELECT *${stamps.map((c) => `, ${wallClockSql(`${c}__parts`)} AS ${c}__wall`).join('')} FROM (${parts})`;
  const columns = [
    ...spec.text.map((c) => (has(c) ? `NULLIF(trim(${c}), '') AS ${c}` : `NULL::VARCHAR AS ${c}`)),
    ...spec.timestamps.map((c) =>
      has(c) ? `${instantSql(`${c}__wall`, `${c}__day.utc_offset`, zone)} AS ${c}` : `NULL::TIMESTAMPTZ AS ${c}`,
    ),
    ...(spec.history ? ['entry_order'] : []),
  ];
  // Each wall clock's day joined to its zone offset (a small table: a hash join, not a conversion per row).
  const days = stamps.map((c) => ` LEFT JOIN zone_days AS ${c}__day ON ${c}__day.day = CAST(${c}__wall.wall AS DATE)`).join('');
  await connection.run(`CREATE OR REPLACE TEMP VIEW ${spec.view} AS SELECT ${columns.join(',\n  ')} FROM (${walls})${days}`);
  // The raw text beside what it reads as, for the checks.
  await connection.run(
    `CREATE OR REPLACE TEMP VIEW ${spec.view}_checked AS SELECT *${stamps.map((c) => `, ${c}__wall IS NOT NULL AS ${c}__reads`).join('')} FROM (${walls})`,
  );
  return headers;
}

/** Refuses a file with an empty required value or a timestamp that does not read, naming the first such row. */
async function check(connection: DuckDBConnection, spec: TableSpec, path: string, used: readonly string[]): Promise<void> {
  const headers = (await connection.runAndReadAll(`DESCRIBE ${spec.view}_text`)).getRowObjects().map((r) => String(r.column_name));
  const problems: string[] = [];
  for (const c of used) {
    if (!headers.includes(c)) continue;
    if (spec.required.includes(c)) problems.push(`CASE WHEN NULLIF(trim(${c}), '') IS NULL THEN ${sqlString(`missing:${c}`)} END`);
    if (spec.timestamps.includes(c)) {
      // Text without a digit is a timestamp in no format: core reads an optional one as none (with a warning), and so does
      // the view. Text with digits that the engine does not read might be one core reads (another date format): refused.
      const readable = spec.required.includes(c) ? '' : ` AND regexp_matches(${c}, '[0-9]')`;
      problems.push(`CASE WHEN NULLIF(trim(${c}), '') IS NOT NULL AND NOT ${c}__reads${readable} THEN ${sqlString(`bad:${c}`)} END`);
    }
  }
  if (problems.length === 0) return;
  const problem = `coalesce(${problems.join(', ')})`;
  // Row numbers cost a pass that holds every row, so they are worked out only once a problem is known.
  const found = await connection.runAndReadAll(
    `SELECT ${problem} AS problem FROM ${spec.view}_checked WHERE ${problem} IS NOT NULL LIMIT 1`,
  );
  if (found.currentRowCount === 0) return;
  const first = await connection.runAndReadAll(
    `SELECT source_row, problem, raw FROM (SELECT row_number() OVER () AS source_row, ${problem} AS problem, to_json(t) AS raw FROM ${spec.view}_checked t)
     WHERE problem IS NOT NULL ORDER BY source_row LIMIT 1`,
  );
  const row = first.getRowObjects()[0]!;
  const [kind, column] = String(row.problem).split(':') as [string, string];
  const line = Number(row.source_row);
  if (kind === 'missing') throw new SqlEngineError(missingValue(path, line, column));
  const value = (JSON.parse(String(row.raw)) as Record<string, string>)[column] ?? '';
  throw new SqlEngineError(badTimestamp(path, line, column, value));
}

async function checkUniqueIds(connection: DuckDBConnection, path: string): Promise<void> {
  const reader = await connection.runAndReadAll(
    'SELECT lead_id, count(*) AS n FROM leads GROUP BY lead_id HAVING count(*) > 1 ORDER BY lead_id LIMIT 1',
  );
  const row = reader.getRowObjects()[0];
  if (row !== undefined) throw new SqlEngineError(duplicateId(path, String(row.lead_id), Number(row.n)));
}
