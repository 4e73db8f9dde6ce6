import { type7QuantileSql } from './quantile.js';

/**
 * The response summary (docs/metrics.md, "Response summary"; core: `summarizeResponses` in
 * packages/core/src/response/summary.ts) as one SQL statement over the canonical `leads` table: the
 * heatmap's figures for all slots at once, and the SLA bands 0–5, 5–15, 15–60, 60+ minutes and never.
 *
 * Parameters: `$sla_minutes`, `$from_ms`, `$to_ms`, `$as_of_ms` (NULL = no bound), `$teams`, `$locators`
 * (NULL = no filter); the same rules as the heatmap (see packages/sql/src/queries/heatmap.ts).
 *
 * @example
 * ```ts
 * // on a DuckDB connection whose canonical tables are in place (see docs/performance.md)
 * connection.runAndReadAll(RESPONSE_SUMMARY_SQL, { sla_minutes: 60, from_ms: null, … });
 * ```
 */
export const RESPONSE_SUMMARY_SQL = `
WITH kept AS (
  SELECT epoch_ms(received_time) AS created_ms,
         CASE WHEN $as_of_ms IS NULL OR epoch_ms(first_contact_time) <= $as_of_ms THEN epoch_ms(first_contact_time) END AS contact_ms
  FROM leads
  WHERE received_time IS NOT NULL
    AND ($from_ms IS NULL OR epoch_ms(received_time) >= $from_ms)
    AND ($to_ms IS NULL OR epoch_ms(received_time) < $to_ms)
    AND ($as_of_ms IS NULL OR epoch_ms(received_time) <= $as_of_ms)
    AND ($teams IS NULL OR list_contains($teams, team))
    AND ($locators IS NULL OR list_contains($locators, locator))
),
measured AS (
  SELECT contact_ms IS NULL AS never,
         contact_ms < created_ms AS invalid,
         CASE WHEN contact_ms >= created_ms THEN (contact_ms - created_ms)::DOUBLE / 60000 END AS minutes
  FROM kept
),
figures AS (
SELECT count(*) AS total,
       count(minutes) AS contacted,
       count(*) FILTER (WHERE never) AS never_contacted,
       count(*) FILTER (WHERE invalid) AS invalid,
       count(*) FILTER (WHERE minutes <= $sla_minutes) AS within_sla,
       CASE WHEN total > 0 THEN within_sla::DOUBLE / total * 100 END AS pct_within_sla,
       list_sort(list(minutes) FILTER (WHERE minutes IS NOT NULL)) AS sorted_minutes,
       count(*) FILTER (WHERE minutes <= 5) AS band_0_5,
       count(*) FILTER (WHERE minutes > 5 AND minutes <= 15) AS band_5_15,
       count(*) FILTER (WHERE minutes > 15 AND minutes <= 60) AS band_15_60,
       count(*) FILTER (WHERE minutes > 60) AS band_60_plus
FROM measured
)
SELECT * EXCLUDE (sorted_minutes),
       ${type7QuantileSql('sorted_minutes', '0.5')} AS median_minutes,
       ${type7QuantileSql('sorted_minutes', '0.9')} AS p90_minutes
FROM figures
`;
