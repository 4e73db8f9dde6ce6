/**
 * The CLI's rates in JSON: ratios named as such (`withinSlaRatio`), printed as percentages under a
 * `…Percent` name. The format of a rate is core's (`formatRate`, packages/core/src/stats/rate.ts),
 * re-exported here for the CLI's modules and the dashboard's script.
 *
 * @module
 */
import { ratio } from '@panopticon/core';

export { formatRate, formatRateChange, ratePercent, ratio } from '@panopticon/core';

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
