import { measuredLeadsSql } from './measured-leads.js';
import { type7QuantileSql } from './quantile.js';

/**
 * The response summary (docs/metrics.md, "Response summary"; core: `summarizeResponses` in
 * packages/core/src/response/summary.ts) as one SQL statement over the canonical `leads` table: the
 * heatmap's figures for all slots at once, and the SLA bands 0–5, 5–15, 15–60, 60+ minutes and never.
 *
 * Parameters: `$sla_minutes`, `$from_ms`, `$to_ms`, `$as_of_ms` (NULL = no bound), `$teams`, `$locators`
 * (NULL = no filter); the leads counted and their minutes as the heatmap's (packages/sql/src/queries/measured-leads.ts).
 *
 * @example
 * ```ts
 * // on a DuckDB connection whose canonical tables are in place (see docs/performance.md)
 * connection.runAndReadAll(RESPONSE_SUMMARY_SQL, { sla_minutes: 60, from_ms: null, … });
 * ```
 */
export const RESPONSE_SUMMARY_SQL = `
WITH ${measuredLeadsSql()},
figures AS (
SELECT count(*) AS total,
       count(minutes) AS contacted,
       count(*) FILTER (WHERE never) AS never_contacted,
       count(*) FILTER (WHERE invalid) AS invalid,
       count(*) FILTER (WHERE minutes <= $sla_minutes) AS within_sla,
       CASE WHEN count(*) > 0 THEN CAST(count(*) FILTER (WHERE minutes <= $sla_minutes) AS DOUBLE PRECISION) / count(*) * 100 END AS pct_within_sla,
       list_sort(list(minutes) FILTER (WHERE minutes IS NOT NULL)) AS sorted_minutes,
       count(*) FILTER (WHERE minutes <= 5) AS band_0_5,
       count(*) FILTER (WHERE minutes > 5 AND minutes <= 15) AS band_5_15,
       count(*) FILTER (WHERE minutes > 15 AND minutes <= 60) AS band_15_60,
       count(*) FILTER (WHERE minutes > 60) AS band_60_plus
FROM measured
)
SELECT total, contacted, never_contacted, invalid, within_sla, pct_within_sla, band_0_5, band_5_15, band_15_60, band_60_plus,
       ${type7QuantileSql('sorted_minutes', '0.5')} AS median_minutes,
       ${type7QuantileSql('sorted_minutes', '0.9')} AS p90_minutes
FROM figures
`;
