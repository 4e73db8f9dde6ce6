/**
 * Rates, printed one way everywhere: the `kpis` table and CSV, the heatmap's and scorecard's CSV, the
 * dashboard's tiles and tables, the digests. A rate is held as a ratio (0.2239, as JSON writes it under a
 * name ending in `Ratio`) and printed as a percentage with one decimal (22.4). Platform-neutral: the
 * dashboard's script bundles it.
 *
 * @module
 */

/** `part / whole`, or `null` when there is no whole to divide by. */
export function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

/** A ratio as a percentage with one decimal, the number only: 0.2239 → "22.4"; `null` (no data) stays `null`. */
export function ratePercent(value: number | null): string | null {
  if (value === null || !Number.isFinite(value)) return null;
  const text = (value * 100).toFixed(1);
  // −0.0 (a tiny negative change) reads as 0.0.
  return text === '-0.0' ? '0.0' : text;
}

/** A ratio as shown to a reader: "22.4 %"; `none` when there is no data. */
export function formatRate(value: number | null, none = '—'): string {
  const text = ratePercent(value);
  return text === null ? none : `${text} %`;
}

/**
 * The change between two ratios in percentage points with one decimal: "+3.2 pts", "−0.5 pts", "±0 pts"
 * when it rounds to zero; `null` when either side has no data.
 */
export function formatRateChange(now: number | null, before: number | null): string | null {
  if (now === null || before === null || !Number.isFinite(now) || !Number.isFinite(before)) return null;
  const text = ratePercent(Math.abs(now - before))!;
  if (text === '0.0') return '±0 pts';
  return `${now > before ? '+' : '−'}${text} pts`;
}

/**
 * A response summary or heatmap cell as the CLI's JSON writes it: core's `pctWithinSla` (a percentage)
 * replaced, in its place, by `withinSlaRatio` (`withinSla / total`), so every rate in JSON is a ratio named
 * as one.
 */
export function withWithinSlaRatio<T extends { withinSla: number; total: number; pctWithinSla: number | null }>(
  figures: T,
): Omit<T, 'pctWithinSla'> & { withinSlaRatio: number | null } {
  return renamed(figures, 'pctWithinSla', 'withinSlaRatio', ratio(figures.withinSla, figures.total)) as Omit<T, 'pctWithinSla'> & {
    withinSlaRatio: number | null;
  };
}

/** `value` with the key `from` replaced, at the same place, by `to` holding `replacement`. */
export function renamed(value: object, from: string, to: string, replacement: unknown): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).map(([k, v]) => (k === from ? [to, replacement] : [k, v])));
}

/**
 * The name a ratio field takes where it is printed as a percentage (table and CSV): `conversionRatio` →
 * `conversionPercent`, `followUp.withinSlaRatio` → `followUp.withinSlaPercent`; other names unchanged.
 */
export function percentName(name: string): string {
  return name.endsWith('Ratio') ? `${name.slice(0, -'Ratio'.length)}Percent` : name;
}
