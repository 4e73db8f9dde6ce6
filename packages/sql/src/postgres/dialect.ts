// The SQL statements of @panopticon/sql (packages/sql/src/queries/) are written in DuckDB's dialect. This
// file holds, in one place, what it takes to run the response statements (heatmap, response summary) on
// PostgreSQL: functions PostgreSQL lacks, with DuckDB's meaning, created in a schema of their own; and the
// rewrites of the statements' text, each of which must apply (a changed statement fails loudly here rather
// than run differently). The follow-up statements (needs attention, KPIs) use more of DuckDB (arg_max,
// make_timestamp in microseconds, date_diff, subqueries in FROM without an alias): they are named in
// FOLLOW_UP_GAPS and not run on PostgreSQL.
import type { DuckDBType, DuckDBValue } from '@duckdb/node-api';

/** The schema of the functions below; a session puts it first on its `search_path`. */
export const COMPAT_SCHEMA = 'panopticon_compat';

/** DuckDB's functions the response statements use, for PostgreSQL (12 or later). */
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

/** What the follow-up statements use that PostgreSQL has no form of here (named, not run). */
export const FOLLOW_UP_GAPS: readonly { feature: string; pattern: RegExp }[] = [
  { feature: 'arg_max(value, key): the value of the row with the largest key, as an aggregate', pattern: /\barg_max\(/ },
  { feature: 'make_timestamp(microseconds)', pattern: /\bmake_timestamp\(/ },
  { feature: "date_diff('day', date, date)", pattern: /\bdate_diff\('day'/ },
  {
    feature: 'a subquery in FROM without an alias (PostgreSQL 16 allows it; 15 does not)',
    pattern: /FROM \(SELECT [^()]*(\([^()]*\)[^()]*)*\)\n\s*(GROUP|WHERE)/,
  },
];

/**
 * Exact rewrites of the response statements' text: DuckDB names a select list's earlier alias (`within_sla / total`) and drops a
 * column with `* EXCLUDE`; PostgreSQL does neither (the dropped column is returned, and ignored). Integer division `//` is `/` on
 * integers; an array subscript is an integer.
 */
const REWRITES: readonly { from: string | RegExp; to: string }[] = [
  { from: 'within_sla::DOUBLE / total', to: '(count(*) FILTER (WHERE minutes <= $sla_minutes))::DOUBLE / count(*)' },
  { from: /WHEN total > 0 THEN/g, to: 'WHEN count(*) > 0 THEN' },
  { from: /\* EXCLUDE \(sorted_minutes\)/g, to: '*' },
  { from: / \/\/ /g, to: ' / ' },
  { from: /::BIGINT( \+ [12]\])/g, to: '::integer$1' },
  { from: /::DOUBLE\b/g, to: '::double precision' },
];

/**
 * A response statement (`HEATMAP_SQL`, `RESPONSE_SUMMARY_SQL`) for PostgreSQL, its DuckDB parameters (as `filterParameters` of
 * packages/sql/src/parameters.ts gives them) written in as typed literals. Run it with `search_path` starting at {@link COMPAT_SCHEMA}.
 */
export function postgresResponseStatement(
  statement: string,
  values: Record<string, DuckDBValue>,
  types: Record<string, DuckDBType>,
): string {
  let text = statement;
  for (const { from, to } of REWRITES) {
    const next = text.replace(from, to);
    if (typeof from === 'string' && next === text) {
      // The plain-string rewrite is in both statements: a statement without it has changed.
      throw new Error(`packages/sql/src/postgres/dialect.ts: the statement no longer holds "${from}": update the rewrites`);
    }
    text = next;
  }
  return text.replace(/\$([a-z_]+)/g, (_, name: string) => {
    if (!(name in values)) throw new Error(`packages/sql/src/postgres/dialect.ts: no value for the parameter $${name}`);
    return literal(values[name]!, types[name]);
  });
}

/** A DuckDB parameter as a PostgreSQL literal of the same type. */
function literal(value: DuckDBValue, type: DuckDBType | undefined): string {
  const name = type === undefined ? typeof value : String(type);
  const pgType =
    name === 'VARCHAR[]'
      ? 'text[]'
      : name === 'VARCHAR' || name === 'string'
        ? 'text'
        : name === 'DOUBLE'
          ? 'double precision'
          : name === 'INTEGER'
            ? 'integer'
            : name === 'BIGINT' || name === 'bigint'
              ? 'bigint'
              : 'double precision';
  if (value === null) return `NULL::${pgType}`;
  const text = (s: unknown) => `'${String(s).replaceAll("'", "''")}'`;
  if (typeof value === 'object' && 'items' in value) return `ARRAY[${(value.items as unknown[]).map(text).join(', ')}]::text[]`;
  if (pgType === 'text') return `${text(value)}::text`;
  return `${String(value)}::${pgType}`;
}
