// The SQL statements of @panopticon/sql (packages/sql/src/queries/) are written in the common subset of DuckDB's
// and PostgreSQL's dialects, but for a few of DuckDB's functions: this file holds, in one place, what it takes to
// run them on PostgreSQL (12 or later): those functions with DuckDB's meaning, created in a schema of their own,
// and the statements' named parameters written in as typed literals.
import type { DuckDBType, DuckDBValue } from '@duckdb/node-api';

/** The schema of the functions below; a session puts it first on its `search_path`. */
export const COMPAT_SCHEMA = 'panopticon_compat';

/** DuckDB's functions the statements use, for PostgreSQL (12 or later). */
export const POSTGRES_COMPAT_SQL = `
CREATE SCHEMA IF NOT EXISTS ${COMPAT_SCHEMA};
CREATE OR REPLACE FUNCTION ${COMPAT_SCHEMA}.epoch_ms(t timestamptz) RETURNS bigint LANGUAGE sql IMMUTABLE
  AS $$ SELECT floor(extract(epoch FROM t) * 1000)::bigint $$;
CREATE OR REPLACE FUNCTION ${COMPAT_SCHEMA}.isodow(t timestamp) RETURNS integer LANGUAGE sql IMMUTABLE
  AS $$ SELECT extract(isodow FROM t)::integer $$;
CREATE OR REPLACE FUNCTION ${COMPAT_SCHEMA}.hour(t timestamp) RETURNS integer LANGUAGE sql IMMUTABLE
  AS $$ SELECT extract(hour FROM t)::integer $$;
CREATE OR REPLACE FUNCTION ${COMPAT_SCHEMA}.minute(t timestamp) RETURNS integer LANGUAGE sql IMMUTABLE
  AS $$ SELECT extract(minute FROM t)::integer $$;
CREATE OR REPLACE FUNCTION ${COMPAT_SCHEMA}.list_contains(l anycompatiblearray, x anycompatible) RETURNS boolean LANGUAGE sql IMMUTABLE
  AS $$ SELECT x = ANY(l) $$;
CREATE OR REPLACE FUNCTION ${COMPAT_SCHEMA}.len(l anyarray) RETURNS integer LANGUAGE sql IMMUTABLE
  AS $$ SELECT cardinality(l) $$;
CREATE OR REPLACE FUNCTION ${COMPAT_SCHEMA}.list_sort(l anyarray) RETURNS anyarray LANGUAGE sql IMMUTABLE
  AS $$ SELECT array_agg(x ORDER BY x) FROM unnest(l) AS x $$;
CREATE OR REPLACE AGGREGATE ${COMPAT_SCHEMA}.list(anycompatible) (SFUNC = array_append, STYPE = anycompatiblearray);
`;

/**
 * A statement of packages/sql/src/queries/ (`HEATMAP_SQL`, `RESPONSE_SUMMARY_SQL`, `NEEDS_ATTENTION_SQL`, `KPIS_SQL`) for PostgreSQL:
 * its DuckDB parameters (as packages/sql/src/parameters.ts gives them) written in as typed literals. Run it with `search_path` starting
 * at {@link COMPAT_SCHEMA}.
 */
export function postgresStatement(statement: string, values: Record<string, DuckDBValue>, types: Record<string, DuckDBType>): string {
  return statement.replace(/\$([a-z_]+)/g, (_, name: string) => {
    if (!(name in values)) throw new Error(`packages/sql/src/postgres/dialect.ts: no value for the parameter $${name}`);
    return literal(values[name]!, types[name]);
  });
}

/** The PostgreSQL type of a parameter by its DuckDB type (or, without one, its JavaScript type). */
const PG_TYPES: Record<string, string> = {
  'VARCHAR[]': 'text[]',
  VARCHAR: 'text',
  string: 'text',
  INTEGER: 'integer',
  BIGINT: 'bigint',
  bigint: 'bigint',
  BOOLEAN: 'boolean',
  boolean: 'boolean',
  DOUBLE: 'double precision',
  number: 'double precision',
};

/** A DuckDB parameter as a PostgreSQL literal of the same type. */
function literal(value: DuckDBValue, type: DuckDBType | undefined): string {
  const pgType = PG_TYPES[type === undefined ? typeof value : String(type)] ?? 'double precision';
  if (value === null) return `NULL::${pgType}`;
  const text = (s: unknown) => `'${String(s).replaceAll("'", "''")}'`;
  if (typeof value === 'object' && 'items' in value) return `ARRAY[${(value.items as unknown[]).map(text).join(', ')}]::text[]`;
  if (pgType === 'text') return `${text(value)}::text`;
  return `${String(value)}::${pgType}`;
}
