/**
 * Rates, printed one way everywhere: the CLI's tables and CSV, the dashboard's tiles and tables, the digests
 * and the figures' tooltips and titles (packages/charts). A rate is held as a ratio (0.2239, as the CLI's JSON
 * writes it under a name ending in `Ratio`) and printed as a percentage with one decimal ("22.4 %").
 * Platform-neutral: the dashboard's script bundles it.
 *
 * @module
 */

/**
 * `part / whole`, or `null` when there is no whole to divide by.
 *
 * @example
 * ```ts
 * ratio(9, 12); // 0.75
 * ratio(0, 0); // null
 * ```
 */
export function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

/**
 * A ratio as a percentage with one decimal, the number only: 0.2239 → "22.4"; `null` (no data) stays `null`.
 *
 * @example
 * ```ts
 * ratePercent(0.2239); // "22.4"
 * ```
 */
export function ratePercent(value: number | null): string | null {
  if (value === null || !Number.isFinite(value)) return null;
  const text = (value * 100).toFixed(1);
  // −0.0 (a tiny negative change) reads as 0.0.
  return text === '-0.0' ? '0.0' : text;
}

/**
 * A ratio as shown to a reader: "22.4 %"; `none` when there is no data.
 *
 * @example
 * ```ts
 * formatRate(0.642); // "64.2 %"
 * formatRate(null); // "—"
 * ```
 */
export function formatRate(value: number | null, none = '—'): string {
  const text = ratePercent(value);
  return text === null ? none : `${text} %`;
}

/**
 * The change between two ratios in percentage points with one decimal: "+3.2 pts", "−0.5 pts", "±0 pts"
 * when it rounds to zero; `null` when either side has no data.
 *
 * @example
 * ```ts
 * formatRateChange(0.5, 0.25); // "+25.0 pts"
 * ```
 */
export function formatRateChange(now: number | null, before: number | null): string | null {
  if (now === null || before === null || !Number.isFinite(now) || !Number.isFinite(before)) return null;
  const text = ratePercent(Math.abs(now - before))!;
  if (text === '0.0') return '±0 pts';
  return `${now > before ? '+' : '−'}${text} pts`;
}
