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
 * - A lead counts when created in `[from, to)` and not after `asOf`, on a listed team and locator.
 * - Its cell: the weekday (0 = Monday) and the slot of `received_time` on the wall clock of the zone.
 * - A first contact after `asOf` is not a contact yet (never contacted); one before creation is invalid
 *   (counted in `total` only); otherwise its response minutes are `(contact − created) / 60 000` ms.
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
WITH kept AS (
  SELECT epoch_ms(received_time) AS created_ms,
         CASE WHEN $as_of_ms IS NULL OR epoch_ms(first_contact_time) <= $as_of_ms THEN epoch_ms(first_contact_time) END AS contact_ms,
         timezone($time_zone, received_time) AS wall
  FROM leads
  WHERE received_time IS NOT NULL
    AND ($from_ms IS NULL OR epoch_ms(received_time) >= $from_ms)
    AND ($to_ms IS NULL OR epoch_ms(received_time) < $to_ms)
    AND ($as_of_ms IS NULL OR epoch_ms(received_time) <= $as_of_ms)
    AND ($teams IS NULL OR list_contains($teams, team))
    AND ($locators IS NULL OR list_contains($locators, locator))
),
measured AS (
  SELECT isodow(wall) - 1 AS weekday,
         (hour(wall) * 60 + minute(wall)) // $slot_minutes AS slot_index,
         contact_ms IS NULL AS never,
         contact_ms < created_ms AS invalid,
         CASE WHEN contact_ms >= created_ms THEN (contact_ms - created_ms)::DOUBLE / 60000 END AS minutes
  FROM kept
),
cells AS (
SELECT weekday,
       slot_index,
       count(*) AS total,
       count(minutes) AS contacted,
       count(*) FILTER (WHERE minutes <= $sla_minutes) AS within_sla,
       within_sla::DOUBLE / total * 100 AS pct_within_sla,
       count(*) FILTER (WHERE never) AS never_contacted,
       count(*) FILTER (WHERE invalid) AS invalid,
       list_sort(list(minutes) FILTER (WHERE minutes IS NOT NULL)) AS sorted_minutes
FROM measured
GROUP BY weekday, slot_index
)
SELECT * EXCLUDE (sorted_minutes),
       ${type7QuantileSql('sorted_minutes', '0.5')} AS median_minutes,
       ${type7QuantileSql('sorted_minutes', '0.9')} AS p90_minutes
FROM cells
ORDER BY weekday, slot_index
`;
