/**
 * The first two steps of the response statements (heatmap.ts, response-summary.ts), one statement of the
 * response rules over the canonical `leads` table (docs/metrics.md, "Response time"; core: packages/core/src/response/):
 *
 * - `kept`: the leads that count: created in `[$from_ms, $to_ms)` and not after `$as_of_ms`, on a listed team
 *   (`$teams`) and locator (`$locators`); NULL parameters are no bound and no filter. A first contact after
 *   `$as_of_ms` is not a contact yet (`contact_ms` NULL).
 * - `measured`: per lead, `never` (no contact), `invalid` (a contact before creation, counted in totals only)
 *   and `minutes` (`(contact − created) / 60 000` ms, for the others).
 *
 * `columns.kept` and `columns.measured` add columns a statement groups by (the heatmap's wall clock and slot).
 */
export function measuredLeadsSql(columns: { kept?: string; measured?: string } = {}): string {
  return `kept AS (
  SELECT epoch_ms(received_time) AS created_ms,
         CASE WHEN $as_of_ms IS NULL OR epoch_ms(first_contact_time) <= $as_of_ms THEN epoch_ms(first_contact_time) END AS contact_ms${columns.kept ? `,\n         ${columns.kept}` : ''}
  FROM leads
  WHERE received_time IS NOT NULL
    AND ($from_ms IS NULL OR epoch_ms(received_time) >= $from_ms)
    AND ($to_ms IS NULL OR epoch_ms(received_time) < $to_ms)
    AND ($as_of_ms IS NULL OR epoch_ms(received_time) <= $as_of_ms)
    AND ($teams IS NULL OR list_contains($teams, team))
    AND ($locators IS NULL OR list_contains($locators, locator))
),
measured AS (
  SELECT ${columns.measured ? `${columns.measured},\n         ` : ''}contact_ms IS NULL AS never,
         contact_ms < created_ms AS invalid,
         CASE WHEN contact_ms >= created_ms THEN CAST(contact_ms - created_ms AS DOUBLE PRECISION) / 60000 END AS minutes
  FROM kept
)`;
}
