import { type7QuantileSql } from './quantile.js';

// Written in the common subset of DuckDB's and PostgreSQL's dialects (with the functions of
// packages/sql/src/postgres/dialect.ts's compat schema on PostgreSQL): every subquery in FROM has an alias,
// the value of a group's last row is taken with a FILTER on that row (one row matches, so max() is its
// value) rather than DuckDB's arg_max, instants in epoch ms become timestamps by to_timestamp, and days are
// a difference of DATEs.

/** The local calendar date in `$time_zone` of an instant in epoch milliseconds (NULL when it is). */
function localDateSql(ms: string): string {
  return `CAST(timezone($time_zone, to_timestamp(${ms} / 1000.0)) AS DATE)`;
}

/** Calendar days from the instant `from` to the instant `to` (epoch ms): the later local date less the earlier. */
function calendarDaysSql(from: string, to: string): string {
  return `(${localDateSql(to)} - ${localDateSql(from)})`;
}

/**
 * The follow-up judge (docs/metrics.md, "Follow-up"; core: packages/core/src/follow-up/judge.ts) as SQL:
 * common table expressions over the canonical `leads`, `stage_history` (with `entry_order`, the row's
 * place in its file), `owner_history` and `pipeline_stages(stage, category, stale_after_days)` tables,
 * ending in `judged`: one row per lead that existed at `$as_of_ms` with its stage, category, status,
 * days since the appointment, in the stage and in green, and whether it is stalled or stuck in green.
 * Days are calendar days in `$time_zone` (local date of the later instant − local date of the earlier).
 *
 * The rules, as core states them: history after asOf is ignored; of entries sharing an instant only the
 * last (in file order) counts; an entry repeating the stage before it starts no visit; the first visit
 * holds since creation when recorded after it; the first progress is the first visit after the first
 * that is later than the appointment. A lead with no visit by asOf holds the stage of its first recorded
 * instant, or its own stage field, since creation. A lead's stage field when empty is its history's last
 * stage, else 'Unknown'; its locator, when the leads file has no locator column, its owner history's last.
 *
 * Parameters: `$as_of_ms`, `$time_zone`, `$stale_after_days`, `$warn_after_days`, `$green_stuck_after_days`.
 */
const JUDGED_SQL = `
ordered AS (
  SELECT lead_id, epoch_ms(changed_at) AS at_ms, stage,
         row_number() OVER (PARTITION BY lead_id ORDER BY epoch_ms(changed_at), entry_order) = count(*) OVER (PARTITION BY lead_id) AS is_last,
         lead(epoch_ms(changed_at)) OVER (PARTITION BY lead_id ORDER BY epoch_ms(changed_at), entry_order) AS next_at
  FROM stage_history
),
kept AS (
  SELECT lead_id, at_ms, stage, lag(stage) OVER (PARTITION BY lead_id ORDER BY at_ms) AS previous_stage
  FROM ordered
  WHERE at_ms <= $as_of_ms AND (next_at IS NULL OR next_at <> at_ms)
),
visits AS (
  SELECT lead_id, at_ms, stage, row_number() OVER (PARTITION BY lead_id ORDER BY at_ms) AS v,
         count(*) OVER (PARTITION BY lead_id) AS visit_count
  FROM kept
  WHERE previous_stage IS NULL OR stage <> previous_stage
),
history_ends AS (
  SELECT lead_id,
         max(stage) FILTER (WHERE is_last) AS last_stage,
         max(stage) FILTER (WHERE at_ms = first_at AND (next_at IS NULL OR next_at <> at_ms)) AS first_instant_stage
  FROM (SELECT *, min(at_ms) OVER (PARTITION BY lead_id) AS first_at FROM ordered) AS with_first
  GROUP BY lead_id
),
owner_ends AS (
  SELECT lead_id, max(locator) FILTER (WHERE is_last) AS last_locator
  FROM (
    SELECT lead_id, locator,
           row_number() OVER (PARTITION BY lead_id ORDER BY epoch_ms(changed_at), entry_order) = count(*) OVER (PARTITION BY lead_id) AS is_last
    FROM owner_history
  ) AS owner_rows
  GROUP BY lead_id
),
facts AS (
  SELECT l.lead_id, coalesce(l.name, '') AS name, l.team, epoch_ms(l.received_time) AS created_ms,
         epoch_ms(l.appointment_time) AS appointment_ms,
         coalesce(l.stage, h.last_stage, 'Unknown') AS stage_field,
         CASE WHEN $has_locator_column THEN l.locator ELSE o.last_locator END AS locator,
         h.lead_id IS NOT NULL AS has_history, h.first_instant_stage
  FROM leads l
  LEFT JOIN history_ends h USING (lead_id)
  LEFT JOIN owner_ends o USING (lead_id)
  WHERE epoch_ms(l.received_time) <= $as_of_ms
),
visit_facts AS (
  SELECT v.lead_id, v.v, v.v = v.visit_count AS is_last, v.at_ms, v.stage, coalesce(p.category, 'open') AS category,
         CASE WHEN v.v = 1 AND f.created_ms < v.at_ms THEN f.created_ms ELSE v.at_ms END AS since,
         f.appointment_ms
  FROM visits v JOIN facts f USING (lead_id) LEFT JOIN pipeline_stages p ON p.stage = v.stage
),
visit_summary AS (
  SELECT lead_id,
         max(stage) FILTER (WHERE is_last) AS stage, max(category) FILTER (WHERE is_last) AS category,
         max(since) FILTER (WHERE is_last) AS stage_since,
         min(v) FILTER (WHERE category = 'green') AS first_green_v,
         min(since) FILTER (WHERE category = 'green') AS first_green_ms,
         coalesce(max(v) FILTER (WHERE category <> 'green'), 0) AS last_other_v,
         bool_or(category = 'won') AS ever_won,
         bool_or(category NOT IN ('open', 'lost')) AS reached_green,
         min(at_ms) FILTER (WHERE v > 1 AND appointment_ms IS NOT NULL AND at_ms > appointment_ms) AS progress_ms
  FROM visit_facts GROUP BY lead_id
),
visit_marks AS (
  SELECT s.lead_id,
         min(vf.since) FILTER (WHERE vf.category IN ('delivery', 'won') AND vf.v > s.first_green_v) AS delivery_ms,
         min(vf.since) FILTER (WHERE vf.v = s.last_other_v + 1) AS green_run_since
  FROM visit_summary s JOIN visit_facts vf USING (lead_id) GROUP BY s.lead_id
),
stages AS (
  SELECT f.*,
         CASE WHEN s.lead_id IS NOT NULL THEN s.stage WHEN f.has_history THEN f.first_instant_stage ELSE f.stage_field END AS stage,
         CASE WHEN s.lead_id IS NOT NULL THEN s.stage_since ELSE f.created_ms END AS stage_since,
         s.lead_id IS NOT NULL AS visited, s.category AS visited_category, s.first_green_ms AS visited_first_green,
         s.ever_won AS visited_won, s.reached_green AS visited_reached, s.progress_ms, m.delivery_ms, m.green_run_since
  FROM facts f LEFT JOIN visit_summary s USING (lead_id) LEFT JOIN visit_marks m USING (lead_id)
),
categorized AS (
  SELECT st.*, coalesce(CASE WHEN visited THEN visited_category ELSE p.category END, 'open') AS category, p.stale_after_days AS stage_limit
  FROM stages st LEFT JOIN pipeline_stages p ON p.stage = st.stage
),
marked AS (
  SELECT *,
         CASE WHEN visited THEN visited_first_green WHEN category = 'green' THEN created_ms END AS first_green_ms,
         CASE WHEN visited THEN (CASE WHEN category = 'green' THEN green_run_since END) WHEN category = 'green' THEN created_ms END AS green_since_ms,
         CASE WHEN visited THEN visited_won ELSE category = 'won' END AS ever_won,
         CASE WHEN visited THEN visited_reached ELSE category NOT IN ('open', 'lost') END AS reached_green
  FROM categorized
),
dated AS (
  SELECT *,
         ${calendarDaysSql('appointment_ms', '$as_of_ms')} AS days_since_appointment,
         ${calendarDaysSql('stage_since', '$as_of_ms')} AS days_in_stage,
         ${calendarDaysSql('green_since_ms', '$as_of_ms')} AS days_in_green
  FROM marked
),
judged AS (
  SELECT *,
         CASE WHEN appointment_ms IS NULL THEN 'no-appointment'
              WHEN category = 'won' THEN 'won'
              WHEN category = 'lost' THEN 'lost'
              WHEN appointment_ms > $as_of_ms THEN 'upcoming'
              WHEN progress_ms IS NOT NULL THEN 'progressed'
              WHEN days_since_appointment >= $stale_after_days THEN 'stale'
              WHEN days_since_appointment >= $warn_after_days THEN 'at-risk'
              ELSE 'awaiting' END AS status,
         coalesce(days_in_green >= $green_stuck_after_days, false) AS stuck_in_green
  FROM dated
),
flagged AS (
  SELECT *,
         status = 'progressed' AND category = 'open' AND stage_limit IS NOT NULL AND days_in_stage >= stage_limit AS stalled
  FROM judged
),
reasoned AS (
  SELECT *,
         CASE WHEN status = 'stale' THEN 'stale'
              WHEN stuck_in_green THEN 'stuck-in-green'
              WHEN $include_stalled AND stalled THEN 'stalled'
              WHEN status = 'at-risk' THEN 'at-risk' END AS reason
  FROM flagged
)`;

/**
 * The needs-attention list (core: `needsAttention`, packages/core/src/follow-up/attention.ts) as SQL:
 * stale, stuck-in-green, stalled (with `$include_stalled`) and at-risk leads, one row each with its most
 * severe reason, most severe first, then most days first, then by lead id.
 *
 * @example
 * ```ts
 * // on a DuckDB connection whose canonical tables are in place (see docs/performance.md)
 * connection.runAndReadAll(NEEDS_ATTENTION_SQL, { as_of_ms: 1793505599999n, time_zone: 'America/New_York', … });
 * ```
 */
export const NEEDS_ATTENTION_SQL = `
WITH ${JUDGED_SQL}
SELECT lead_id, name, locator, team, stage, category, appointment_ms, status, reason,
       CASE reason WHEN 'stuck-in-green' THEN days_in_green WHEN 'stalled' THEN days_in_stage ELSE days_since_appointment END AS days
FROM reasoned
WHERE reason IS NOT NULL
ORDER BY CASE reason WHEN 'stale' THEN 0 WHEN 'stuck-in-green' THEN 1 WHEN 'stalled' THEN 2 ELSE 3 END, days DESC, lead_id COLLATE "C"
`;

/**
 * The dashboard's headline figures (core: `kpis`, packages/core/src/follow-up/kpis.ts) as SQL, from the
 * same judgements: leads by status, stalled, stuck in green, needing attention, the conversion rate of
 * appointed leads, the median days to intervention (the first stage or owner change after the
 * appointment of a lead that went `$warn_after_days` without progress; pending while none) and the median
 * days from first green to delivery.
 *
 * @example
 * ```ts
 * // on a DuckDB connection whose canonical tables are in place (see docs/performance.md)
 * connection.runAndReadAll(KPIS_SQL, { as_of_ms: 1793505599999n, time_zone: 'America/New_York', … });
 * ```
 */
export const KPIS_SQL = `
WITH ${JUDGED_SQL},
owner_changes AS (
  SELECT lead_id, at_ms, locator, lag(locator) OVER (PARTITION BY lead_id ORDER BY at_ms) AS previous_locator,
         row_number() OVER (PARTITION BY lead_id ORDER BY at_ms) AS n
  FROM (
    SELECT lead_id, epoch_ms(changed_at) AS at_ms, locator,
           lead(epoch_ms(changed_at)) OVER (PARTITION BY lead_id ORDER BY epoch_ms(changed_at), entry_order) AS next_at
    FROM owner_history
  ) AS owner_rows
  WHERE at_ms <= $as_of_ms AND (next_at IS NULL OR next_at <> at_ms)
),
first_owner_change AS (
  SELECT c.lead_id, min(c.at_ms) AS owner_ms
  FROM owner_changes c JOIN reasoned r USING (lead_id)
  WHERE c.n > 1 AND c.locator IS DISTINCT FROM c.previous_locator AND c.at_ms > r.appointment_ms
  GROUP BY c.lead_id
),
interventions AS (
  SELECT r.lead_id, r.appointment_ms,
         CASE WHEN o.owner_ms IS NOT NULL AND (r.progress_ms IS NULL OR o.owner_ms < r.progress_ms) THEN o.owner_ms ELSE r.progress_ms END AS intervention_ms
  FROM reasoned r LEFT JOIN first_owner_change o USING (lead_id)
  WHERE r.appointment_ms <= $as_of_ms
    AND r.days_since_appointment >= $warn_after_days
    AND NOT coalesce(${calendarDaysSql('r.appointment_ms', 'r.progress_ms')} < $warn_after_days, false)
),
intervention_days AS (
  SELECT list_sort(list(CAST(${calendarDaysSql('appointment_ms', 'intervention_ms')} AS DOUBLE PRECISION))
                   FILTER (WHERE intervention_ms IS NOT NULL)) AS sorted_days,
         count(*) FILTER (WHERE intervention_ms IS NULL) AS pending
  FROM interventions
),
delivery_days AS (
  SELECT list_sort(list(CAST(${calendarDaysSql('first_green_ms', 'delivery_ms')} AS DOUBLE PRECISION))) AS sorted_days
  FROM reasoned WHERE first_green_ms IS NOT NULL AND delivery_ms IS NOT NULL
),
counts AS (
  SELECT count(*) AS leads,
         count(*) FILTER (WHERE appointment_ms IS NOT NULL) AS appointed,
         count(*) FILTER (WHERE status = 'upcoming') AS upcoming,
         count(*) FILTER (WHERE status = 'awaiting') AS awaiting,
         count(*) FILTER (WHERE status = 'at-risk') AS at_risk,
         count(*) FILTER (WHERE status = 'stale') AS stale,
         count(*) FILTER (WHERE stalled) AS stalled,
         count(*) FILTER (WHERE stuck_in_green) AS stuck_in_green,
         count(*) FILTER (WHERE status = 'progressed') AS progressed,
         count(*) FILTER (WHERE status = 'won') AS won,
         count(*) FILTER (WHERE status = 'lost') AS lost,
         count(*) FILTER (WHERE reason IS NOT NULL) AS needs_attention,
         count(*) FILTER (WHERE appointment_ms IS NOT NULL AND ever_won) AS appointed_won
  FROM reasoned
)
SELECT c.*,
       CASE WHEN c.appointed > 0 THEN CAST(c.appointed_won AS DOUBLE PRECISION) / c.appointed END AS conversion_rate,
       ${type7QuantileSql('i.sorted_days', '0.5')} AS median_days_to_intervention,
       i.pending AS pending_intervention,
       ${type7QuantileSql('d.sorted_days', '0.5')} AS median_green_to_delivery_days
FROM counts c, intervention_days i, delivery_days d
`;
