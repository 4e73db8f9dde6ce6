import {
  type AttentionRow,
  type Kpis,
  type KpisOptions,
  type NeedsAttentionOptions,
  judgeability,
  kpis,
  type Pipeline,
} from '@panopticon/core';
import type { DuckDBConnection } from '@duckdb/node-api';
import { createCanonicalViews, type SqlInputs } from './load/canonical-views.js';
import { sqlString } from './load/timestamp-sql.js';
import { type SqlEngineOptions, withDuckDb } from './engine.js';
import { unsupported, USE_TS_ENGINE } from './messages.js';
import { TYPES } from './parameters.js';
import { KPIS_SQL, NEEDS_ATTENTION_SQL } from './queries/follow-up.js';
import { SqlCannotJudgeError, SqlEngineError } from './sql-engine-error.js';
import { BOOLEAN } from '@duckdb/node-api';

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
  return judged(inputs, options, NEEDS_ATTENTION_SQL, (rows) =>
    rows.map(
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
    ),
  );
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
  return judged(inputs, options, KPIS_SQL, (rows) => {
    const r = rows[0]!;
    const n = (key: string) => Number(r[key]);
    const orNull = (key: string) => (r[key] === null ? null : Number(r[key]));
    return {
      asOf: options.asOf,
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
  });
}

type Row = Record<string, unknown>;

async function judged<T>(inputs: SqlInputs, options: NeedsAttentionSqlOptions, sql: string, read: (rows: Row[]) => T): Promise<T> {
  kpis([], options); // core's checks of the options, with its errors
  if ((options.dayCount ?? 'calendar') === 'business') {
    throw new SqlEngineError(unsupported("business days (dayCount: 'business')", USE_TS_ENGINE));
  }
  const { pipeline } = options;
  // The thresholds as core resolves them (packages/core/src/follow-up/options.ts): the option, else the pipeline's, else the default.
  const thresholds = {
    stale_after_days: options.staleAfterDays ?? pipeline.staleAfterDays ?? 30,
    warn_after_days: options.warnAfterDays ?? pipeline.warnAfterDays ?? 7,
    green_stuck_after_days: options.greenStuckAfterDays ?? pipeline.greenStuckAfterDays ?? 14,
  };
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
    await createPipelineTable(connection, pipeline);
    // The judge reads each table several times: read and parsed once into temporary tables (DuckDB spills them
    // to disk beyond its memory limit), so that neither the files nor the parsing are repeated per reference.
    for (const table of ['leads', 'stage_history', 'owner_history']) {
      await connection.run(`CREATE TEMP TABLE ${table}_read AS SELECT * FROM ${table}`);
      await connection.run(`CREATE OR REPLACE TEMP VIEW ${table} AS SELECT * FROM ${table}_read`);
    }
    const reader = await connection.runAndReadAll(
      sql,
      {
        ...thresholds,
        as_of_ms: BigInt(options.asOf.getTime()),
        time_zone: options.timeZone,
        include_stalled: options.includeStalled ?? true,
        has_locator_column: leadColumns.includes('locator'),
      },
      {
        stale_after_days: TYPES.INTEGER,
        warn_after_days: TYPES.INTEGER,
        green_stuck_after_days: TYPES.INTEGER,
        as_of_ms: TYPES.BIGINT,
        time_zone: TYPES.VARCHAR,
        include_stalled: BOOLEAN,
        has_locator_column: BOOLEAN,
      },
    );
    return read(reader.getRowObjectsJS() as Row[]);
  });
}

/** The pipeline as the table `pipeline_stages(stage, category, stale_after_days)` the statements join on. */
async function createPipelineTable(connection: DuckDBConnection, pipeline: Pipeline): Promise<void> {
  const rows = pipeline.stages.map(
    (s) => `(${sqlString(s.name)}, ${sqlString(s.category)}, ${s.staleAfterDays === undefined ? 'NULL' : Number(s.staleAfterDays)})`,
  );
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE pipeline_stages AS SELECT * FROM (VALUES ${rows.join(', ')}) AS t(stage, category, stale_after_days)`,
  );
}
