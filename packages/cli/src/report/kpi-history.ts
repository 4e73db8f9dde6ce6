/**
 * The KPI tiles' history: the same KPI object (`panopticon kpis`) computed as of earlier instants, since
 * every figure is reproducible as of any instant. A week earlier gives each tile its change; eight weekly
 * points give its sparkline.
 *
 * @module
 */
import type { computeKpis } from '../commands/kpis.js';
import { daysBefore } from '../period.js';

/** The KPI object of `panopticon kpis --format json` (model.ts names it too). */
type KpisJson = ReturnType<typeof computeKpis>;

/** Weekly points of a tile's sparkline, the last being the report's own instant. */
export const SPARKLINE_WEEKS = 8;

/** The KPIs as of 7 days earlier, and as of each of the last {@link SPARKLINE_WEEKS} weeks (oldest first). */
export interface KpiHistory {
  weekAgo: KpisJson;
  weekly: KpisJson[];
}

/** `asOf` moved back `weeks` weeks ({@link daysBefore} 7 × `weeks` days). */
export function weeksBefore(asOf: Date, timeZone: string, weeks: number): Date {
  return daysBefore(asOf, timeZone, 7 * weeks);
}

/** The history of the KPIs from `kpisAt` (the KPI object as of an instant, computed as `panopticon kpis` does). */
export function kpiHistory(asOf: Date, timeZone: string, now: KpisJson, kpisAt: (asOf: Date) => KpisJson): KpiHistory {
  const weekly: KpisJson[] = [];
  for (let w = SPARKLINE_WEEKS - 1; w >= 1; w--) weekly.push(kpisAt(weeksBefore(asOf, timeZone, w)));
  weekly.push(now);
  return { weekAgo: weekly[weekly.length - 2]!, weekly };
}
