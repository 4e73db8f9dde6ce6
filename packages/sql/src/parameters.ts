import { BIGINT, BOOLEAN, DOUBLE, INTEGER, LIST, VARCHAR, listValue, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';

/** The named parameters of a statement with their DuckDB types (so a NULL parameter still has one). */
export interface Parameters {
  values: Record<string, DuckDBValue>;
  types: Record<string, DuckDBType>;
}

/** An instant as a BIGINT epoch-ms parameter; NULL when not set. */
export function msParameter(date: Date | undefined): DuckDBValue {
  return date === undefined ? null : BigInt(date.getTime());
}

/** A filter list (`team`, `locator`) as a VARCHAR[] parameter; NULL when not set (no filter). */
export function namesParameter(names: string | readonly string[] | undefined): DuckDBValue {
  if (names === undefined) return null;
  return listValue(typeof names === 'string' ? [names] : [...names]);
}

export const TYPES = { BIGINT, BOOLEAN, DOUBLE, INTEGER, VARCHAR, NAMES: LIST(VARCHAR) } as const;

/** The period and filter parameters shared by the response statements. */
export function filterParameters(options: {
  from?: Date;
  to?: Date;
  asOf?: Date;
  team?: string | readonly string[];
  locator?: string | readonly string[];
}): Parameters {
  return {
    values: {
      from_ms: msParameter(options.from),
      to_ms: msParameter(options.to),
      as_of_ms: msParameter(options.asOf),
      teams: namesParameter(options.team),
      locators: namesParameter(options.locator),
    },
    types: { from_ms: BIGINT, to_ms: BIGINT, as_of_ms: BIGINT, teams: TYPES.NAMES, locators: TYPES.NAMES },
  };
}
