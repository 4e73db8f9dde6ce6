import { measuredLeadsSql } from './measured-leads.js';
import { type7QuantileSql } from './quantile.js';

/**
 * The response heatmap (docs/metrics.md, "Response heatmap"; core: `aggregateBySlot` in
 * packages/core/src/response/) as one SQL statement over the canonical `leads` table
 * (`received_time`, `first_contact_time` as TIMESTAMPTZ; `team`, `locator`). One row per weekday × slot
 * that received leads, Monday 00:00 first.
 *
 * Parameters: `$time_zone` (IANA name), `$slot_minutes` (a divisor of 1440), `$sla_minutes`, `$from_ms`,
 * `$to_ms`, `$as_of_ms` (epoch milliseconds, NULL = no bound), `$teams`, `$locators` (lists, NULL = no filter).
 *
 * - The leads counted and their response minutes: packages/sql/src/queries/measured-leads.ts.
 * - A lead's cell: the weekday (0 = Monday) and the slot of `received_time` on the wall clock of the zone.
 * - `pct_within_sla` = `within_sla / total × 100`; median and p90 are type-7 quantiles of the contacted
 *   leads' minutes (packages/sql/src/queries/quantile.ts).
 *
 * @example
 * ```ts
 * // on a DuckDB connection whose canonical tables are in place (see docs/performance.md)
 * connection.runAndReadAll(HEATMAP_SQL, { time_zone: 'UTC', slot_minutes: 30, sla_minutes: 60, … });
 * ```
 */
export const HEATMAP_SQL = `
WITH ${measuredLeadsSql({
  kept: 'timezone($time_zone, received_time) AS wall',
  measured: 'isodow(wall) - 1 AS weekday,\n         CAST(floor((hour(wall) * 60 + minute(wall)) / $slot_minutes) AS INTEGER) AS slot_index',
})},
cells AS (
SELECT weekday,
       slot_index,
       count(*) AS total,
       count(minutes) AS contacted,
       count(*) FILTER (WHERE minutes <= $sla_minutes) AS within_sla,
       CAST(count(*) FILTER (WHERE minutes <= $sla_minutes) AS DOUBLE PRECISION) / count(*) * 100 AS pct_within_sla,
       count(*) FILTER (WHERE never) AS never_contacted,
       count(*) FILTER (WHERE invalid) AS invalid,
       list_sort(list(minutes) FILTER (WHERE minutes IS NOT NULL)) AS sorted_minutes
FROM measured
GROUP BY weekday, slot_index
)
SELECT weekday, slot_index, total, contacted, within_sla, pct_within_sla, never_contacted, invalid,
       ${type7QuantileSql('sorted_minutes', '0.5')} AS median_minutes,
       ${type7QuantileSql('sorted_minutes', '0.9')} AS p90_minutes
FROM cells
ORDER BY weekday, slot_index
`;
