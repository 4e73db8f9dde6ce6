import { type AttentionRow, type Kpis, type KpisOptions, type NeedsAttentionOptions, judgeability, kpis } from '@panopticon/core';
import { createCanonicalViews, type SqlInputs } from './load/canonical-views.js';
import { type SqlEngineOptions, withDuckDb } from './engine.js';
import { unsupported, USE_TS_ENGINE } from './messages.js';
import { type Parameters, TYPES } from './parameters.js';
import { KPIS_SQL, NEEDS_ATTENTION_SQL } from './queries/follow-up.js';
import { pipelineStagesSql } from './queries/pipeline-stages.js';
import { SqlCannotJudgeError, SqlEngineError } from './sql-engine-error.js';

/**
 * Options of {@link needsAttentionSql}: those of core's `needsAttention`, and the engine's.
 *
 * @example
 * ```ts
 * const options: NeedsAttentionSqlOptions = { asOf, timeZone: 'America/New_York', pipeline, memoryLimit: '2GB' };
 * ```
 */
export type NeedsAttentionSqlOptions = NeedsAttentionOptions & SqlEngineOptions;

/**
 * Options of {@link kpisSql}: those of core's `kpis`, and the engine's.
 *
 * @example
 * ```ts
 * const options: KpisSqlOptions = { asOf, timeZone: 'America/New_York', pipeline, threads: 2 };
 * ```
 */
export type KpisSqlOptions = KpisOptions & SqlEngineOptions;

/**
 * The needs-attention list of the files by SQL on DuckDB: exactly the rows, in the order, of core's
 * `needsAttention` for the same leads and options (NEEDS_ATTENTION_SQL states the rules). Calendar days
 * only: `dayCount: 'business'` is refused with an {@link SqlEngineError}, as is a file the engine cannot
 * read as core does; a leads file without appointment values with an {@link SqlCannotJudgeError}.
 *
 * @example
 * ```ts
 * const rows = await needsAttentionSql({ leads: 'leads.csv', stageHistory: 'stage_history.csv' }, { asOf, timeZone, pipeline });
 * ```
 */
export async function needsAttentionSql(inputs: SqlInputs, options: NeedsAttentionSqlOptions): Promise<AttentionRow[]> {
  return judged(inputs, options, NEEDS_ATTENTION_SQL, attentionRows);
}

/**
 * The dashboard's headline figures of the files by SQL on DuckDB: exactly what core's `kpis` returns for
 * the same leads and options (KPIS_SQL states them). Calendar days only, as {@link needsAttentionSql}.
 *
 * @example
 * ```ts
 * const k = await kpisSql({ leads: 'leads.csv', stageHistory: 'stage_history.csv', ownerHistory: 'owner_history.csv' }, { asOf, timeZone, pipeline });
 * ```
 */
export async function kpisSql(inputs: SqlInputs, options: KpisSqlOptions): Promise<Kpis> {
  return judged(inputs, options, KPIS_SQL, (rows) => kpisRow(rows[0]!, options.asOf));
}

type Row = Record<string, unknown>;

/** NEEDS_ATTENTION_SQL's rows (DuckDB's or PostgreSQL's, numbers as numbers, bigints or text) as core's rows. */
export function attentionRows(rows: readonly Row[]): AttentionRow[] {
  return rows.map(
    (r): AttentionRow => ({
      leadId: String(r.lead_id),
      name: String(r.name),
      locator: r.locator === null ? null : String(r.locator),
      team: r.team === null ? null : String(r.team),
      stage: String(r.stage),
      category: r.category as AttentionRow['category'],
      appointmentAt: r.appointment_ms === null ? null : new Date(Number(r.appointment_ms)),
      status: r.status as AttentionRow['status'],
      reason: r.reason as AttentionRow['reason'],
      days: Number(r.days),
    }),
  );
}

/** KPIS_SQL's one row as core's figures. */
export function kpisRow(r: Row, asOf: Date): Kpis {
  const n = (key: string) => Number(r[key]);
  const orNull = (key: string) => (r[key] === null ? null : Number(r[key]));
  return {
    asOf,
    leads: n('leads'),
    appointed: n('appointed'),
    upcoming: n('upcoming'),
    awaiting: n('awaiting'),
    atRisk: n('at_risk'),
    stale: n('stale'),
    stalled: n('stalled'),
    stuckInGreen: n('stuck_in_green'),
    progressed: n('progressed'),
    won: n('won'),
    lost: n('lost'),
    needsAttention: n('needs_attention'),
    conversionRate: orNull('conversion_rate'),
    medianDaysToIntervention: orNull('median_days_to_intervention'),
    pendingIntervention: n('pending_intervention'),
    medianGreenToDeliveryDays: orNull('median_green_to_delivery_days'),
  };
}

/**
 * The options checked with core's errors (business days refused by name: the statements count calendar days), and the parameters of
 * NEEDS_ATTENTION_SQL and KPIS_SQL from them: the thresholds as core resolves them (packages/core/src/follow-up/options.ts: the option,
 * else the pipeline's, else the default), asOf, the zone, and whether the leads table has a locator column.
 */
export function followUpParameters(options: NeedsAttentionSqlOptions, hasLocatorColumn: boolean): Parameters {
  kpis([], options); // core's checks of the options, with its errors
  if ((options.dayCount ?? 'calendar') === 'business') {
    throw new SqlEngineError(unsupported("business days (dayCount: 'business')", USE_TS_ENGINE));
  }
  const { pipeline } = options;
  return {
    values: {
      stale_after_days: options.staleAfterDays ?? pipeline.staleAfterDays ?? 30,
      warn_after_days: options.warnAfterDays ?? pipeline.warnAfterDays ?? 7,
      green_stuck_after_days: options.greenStuckAfterDays ?? pipeline.greenStuckAfterDays ?? 14,
      as_of_ms: BigInt(options.asOf.getTime()),
      time_zone: options.timeZone,
      include_stalled: options.includeStalled ?? true,
      has_locator_column: hasLocatorColumn,
    },
    types: {
      stale_after_days: TYPES.INTEGER,
      warn_after_days: TYPES.INTEGER,
      green_stuck_after_days: TYPES.INTEGER,
      as_of_ms: TYPES.BIGINT,
      time_zone: TYPES.VARCHAR,
      include_stalled: TYPES.BOOLEAN,
      has_locator_column: TYPES.BOOLEAN,
    },
  };
}

async function judged<T>(inputs: SqlInputs, options: NeedsAttentionSqlOptions, sql: string, read: (rows: Row[]) => T): Promise<T> {
  followUpParameters(options, false); // the options' checks, before any file is read
  return withDuckDb(options, async (connection) => {
    const { leadColumns } = await createCanonicalViews(connection, inputs, options.timeZone, {
      leads: ['lead_id', 'received_time', 'appointment_time'],
      stageHistory: ['lead_id', 'stage', 'changed_at'],
      ownerHistory: ['lead_id', 'changed_at'],
    });
    // Without appointment values every lead looks unappointed: refused rather than answered "nothing needs attention".
    const appointments = await connection.runAndReadAll('SELECT count(appointment_time) AS n FROM leads');
    const [unjudged] = judgeability(inputs.leads, {
      'follow-up': {
        field: 'appointment_time',
        present: leadColumns.includes('appointment_time'),
        values: Number(appointments.getRowObjects()[0]!.n),
      },
    });
    if (unjudged !== undefined) throw new SqlCannotJudgeError(unjudged.message);
    await connection.run(`CREATE OR REPLACE TEMP TABLE pipeline_stages AS ${pipelineStagesSql(options.pipeline)}`);
    // The judge reads each table several times: read and parsed once into temporary tables (DuckDB spills them
    // to disk beyond its memory limit), so that neither the files nor the parsing are repeated per reference.
    for (const table of ['leads', 'stage_history', 'owner_history']) {
      await connection.run(`CREATE TEMP TABLE ${table}_read AS SELECT * FROM ${table}`);
      await connection.run(`CREATE OR REPLACE TEMP VIEW ${table} AS SELECT * FROM ${table}_read`);
    }
    const parameters = followUpParameters(options, leadColumns.includes('locator'));
    const reader = await connection.runAndReadAll(sql, parameters.values, parameters.types);
    return read(reader.getRowObjectsJS() as Row[]);
  });
}
