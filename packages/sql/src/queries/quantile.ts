/**
 * A type-7 quantile (as pandas and core's `quantile` / `selectQuantiles`) of a sorted DOUBLE list, as a SQL
 * expression: with `h = (n − 1) × q` and `k = ⌊h⌋`, `x[k] + (h − k) × (x[k+1] − x[k])` (0-based), NULL when
 * the list is empty. Stated here rather than left to `quantile_cont`, whose interpolation rounds
 * differently in the last bit (and differs between SQL dialects): this is the same arithmetic, in the same
 * order, as core's, so the figures are equal to the last bit.
 */
export function type7QuantileSql(sorted: string, q: string): string {
  const h = `((len(${sorted}) - 1) * CAST(${q} AS DOUBLE PRECISION))`;
  const k = `CAST(floor(${h}) AS INTEGER)`;
  const a = `${sorted}[${k} + 1]`;
  const b = `${sorted}[${k} + 2]`;
  return `CASE WHEN len(${sorted}) = 0 THEN NULL WHEN ${h} > ${k} THEN ${a} + (${h} - ${k}) * (${b} - ${a}) ELSE ${a} END`;
}
