import {
  type AggregateBySlotOptions,
  type HeatmapCell,
  type ResponseSummary,
  type SummarizeResponsesOptions,
  WEEKDAY_NAMES,
  aggregateBySlot,
  assertTimeZone,
  slotLabel,
  summarizeResponses,
} from '@panopticon/core';
import { createCanonicalViews, type SqlInputs } from './load/canonical-views.js';
import { type SqlEngineOptions, withDuckDb } from './engine.js';
import { unsupported, USE_TS_ENGINE } from './messages.js';
import { filterParameters, type Parameters, TYPES } from './parameters.js';
import { HEATMAP_SQL } from './queries/heatmap.js';
import { RESPONSE_SUMMARY_SQL } from './queries/response-summary.js';
import { SqlEngineError } from './sql-engine-error.js';

/**
 * Options of {@link heatmapSql}: those of core's `aggregateBySlot`, and the engine's.
 *
 * @example
 * ```ts
 * const options: HeatmapSqlOptions = { timeZone: 'America/New_York', slotMinutes: 60, memoryLimit: '1GB' };
 * ```
 */
export type HeatmapSqlOptions = AggregateBySlotOptions & SqlEngineOptions;

/**
 * Options of {@link responseSummarySql}: those of core's `summarizeResponses` (with the zone in which
 * naive timestamps of the files are read), and the engine's.
 *
 * @example
 * ```ts
 * const options: ResponseSummarySqlOptions = { timeZone: 'Europe/London', slaMinutes: 15 };
 * ```
 */
export type ResponseSummarySqlOptions = SummarizeResponsesOptions & SqlEngineOptions & { timeZone: string };

/**
 * The response heatmap of a leads file (CSV or Parquet, any size) by SQL on DuckDB: exactly the cells
 * core's `aggregateBySlot` returns for the same leads and options (HEATMAP_SQL states the definition).
 * Options are checked with core's errors. `clock: 'business'` is refused with an {@link SqlEngineError}
 * (business minutes are not stated in SQL yet), as is a file the engine cannot read as core does.
 *
 * @example
 * ```ts
 * const cells = await heatmapSql({ leads: 'leads.csv' }, { timeZone: 'America/New_York', slaMinutes: 15 });
 * ```
 */
export async function heatmapSql(inputs: SqlInputs, options: HeatmapSqlOptions): Promise<HeatmapCell[]> {
  aggregateBySlot([], options); // core's checks of the options, with its errors (no leads: nothing else runs)
  const slotMinutes = options.slotMinutes ?? 30;
  const rows = await runResponseQuery(HEATMAP_SQL, inputs, options, {
    values: { time_zone: options.timeZone, slot_minutes: slotMinutes, sla_minutes: options.slaMinutes ?? 60 },
    types: { time_zone: TYPES.VARCHAR, slot_minutes: TYPES.INTEGER, sla_minutes: TYPES.DOUBLE },
  });
  return rows.map((row): HeatmapCell => {
    const weekday = Number(row.weekday);
    const slotIndex = Number(row.slot_index);
    return {
      day: WEEKDAY_NAMES[weekday]!,
      weekday,
      slot: slotLabel(slotIndex, slotMinutes),
      slotIndex,
      total: Number(row.total),
      contacted: Number(row.contacted),
      withinSla: Number(row.within_sla),
      pctWithinSla: orNull(row.pct_within_sla),
      neverContacted: Number(row.never_contacted),
      invalid: Number(row.invalid),
      medianMinutes: orNull(row.median_minutes),
      p90Minutes: orNull(row.p90_minutes),
    };
  });
}

/**
 * The response summary of a leads file by SQL on DuckDB: exactly what core's `summarizeResponses`
 * returns for the same leads and options (RESPONSE_SUMMARY_SQL states the definition). `timeZone` is
 * the zone of the file's naive timestamps. `clock: 'business'` is refused with an {@link SqlEngineError}.
 *
 * @example
 * ```ts
 * const summary = await responseSummarySql({ leads: 'leads.csv' }, { timeZone: 'UTC', slaMinutes: 15 });
 * ```
 */
export async function responseSummarySql(inputs: SqlInputs, options: ResponseSummarySqlOptions): Promise<ResponseSummary> {
  summarizeResponses([], options); // core's checks of the options, with its errors
  // The zone of the file's timestamps, which core's summary (zone-free on the wall clock) does not check.
  assertTimeZone(options.timeZone);
  const row = (
    await runResponseQuery(RESPONSE_SUMMARY_SQL, inputs, options, {
      values: { sla_minutes: options.slaMinutes ?? 60 },
      types: { sla_minutes: TYPES.DOUBLE },
    })
  )[0]!;
  const never = Number(row.never_contacted);
  return {
    total: Number(row.total),
    contacted: Number(row.contacted),
    neverContacted: never,
    invalid: Number(row.invalid),
    withinSla: Number(row.within_sla),
    pctWithinSla: orNull(row.pct_within_sla),
    medianMinutes: orNull(row.median_minutes),
    p90Minutes: orNull(row.p90_minutes),
    bands: {
      '0-5': Number(row.band_0_5),
      '5-15': Number(row.band_5_15),
      '15-60': Number(row.band_15_60),
      '60+': Number(row.band_60_plus),
      never,
    },
  };
}

/**
 * Runs one of the response statements (HEATMAP_SQL, RESPONSE_SUMMARY_SQL) over the leads file: the business clock
 * refused, the canonical `leads` view in place with the columns the statements read, the period and filter
 * parameters of `options` and the statement's own (`parameters`). Resolves to its rows as JavaScript values.
 */
async function runResponseQuery(
  sql: string,
  inputs: SqlInputs,
  options: HeatmapSqlOptions | ResponseSummarySqlOptions,
  parameters: Parameters,
): Promise<Record<string, unknown>[]> {
  refuseBusinessClock(options.clock);
  const filters = filterParameters(options);
  return withDuckDb(options, async (connection) => {
    await createCanonicalViews(connection, inputs, options.timeZone, {
      leads: ['lead_id', 'received_time', 'first_contact_time'],
      stageHistory: [],
      ownerHistory: [],
    });
    const reader = await connection.runAndReadAll(
      sql,
      { ...filters.values, ...parameters.values },
      { ...filters.types, ...parameters.types },
    );
    return reader.getRowObjectsJS() as Record<string, unknown>[];
  });
}

function orNull(value: unknown): number | null {
  return value === null ? null : Number(value);
}

function refuseBusinessClock(clock: string | undefined): void {
  if (clock === 'business')
    throw new SqlEngineError(unsupported("response minutes on the business clock (clock: 'business')", USE_TS_ENGINE));
}
