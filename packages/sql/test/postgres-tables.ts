// Test helper: typed tables (packages/core/src/sources/tables/tables.test-helper.ts's `Table`) created in
// the test server with PostgreSQL column types (text, timestamptz, timestamp, date, bigint) and read back
// by the source's query, in the table's row order.
import type { ColumnType, Table } from '../../core/src/sources/tables/tables.test-helper.js';

/** The PostgreSQL type of each column type of the generated tables. */
export const PG_TYPE: Record<ColumnType, string> = {
  string: 'text',
  instant: 'timestamptz',
  wall: 'timestamp',
  date: 'date',
  int: 'bigint',
};

/** The column type of every column as text: the table a CSV export loaded as it is (`copy … from csv` into text columns). */
export function asTextColumns(table: Table): Table {
  return { ...table, columns: table.columns.map((c) => ({ ...c, type: 'string' })) };
}

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** A value as a parameter of an insert: typed times as ISO text the column type reads exactly. */
function parameter(value: string | number | null, type: ColumnType): string | null {
  if (value === null) return null;
  if (type === 'string' || type === 'int') return String(value);
  const iso = new Date(value as number).toISOString();
  if (type === 'instant') return iso;
  if (type === 'date') return iso.slice(0, 10);
  return `${iso.slice(0, 10)} ${iso.slice(11, 23)}`;
}

/** What the tests need of a pg client. */
export interface SqlClient {
  query(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

/**
 * Creates (or replaces) table `name` holding `table`, with an `ord` column keeping the row order; returns the query that reads it back:
 * its columns by name, in order of `ord`.
 */
export async function createTable(client: SqlClient, name: string, table: Table): Promise<string> {
  await client.query(`DROP TABLE IF EXISTS ${name}`);
  const columns = table.columns.map((c) => `${ident(c.name)} ${PG_TYPE[c.type]}`);
  await client.query(`CREATE TABLE ${name} (ord integer, ${columns.join(', ')})`);
  const width = table.columns.length + 1;
  for (let at = 0; at < table.rows.length; at += 200) {
    const rows = table.rows.slice(at, at + 200);
    const values = rows.map((_, i) => `(${Array.from({ length: width }, (_, j) => `$${i * width + j + 1}`).join(', ')})`);
    const flat = rows.flatMap((row, i) => [at + i, ...row.map((v, j) => parameter(v, table.columns[j]!.type))]);
    await client.query(`INSERT INTO ${name} VALUES ${values.join(', ')}`, flat);
  }
  return `select ${table.columns.map((c) => ident(c.name)).join(', ')} from ${name} order by ord`;
}
