import type { Lead } from '../model/lead.js';
import type { Pipeline, StageCategory } from '../model/pipeline.js';
import { stageCategory } from '../model/pipeline.js';
import { quantileSorted } from '../stats/quantile.js';
import { MS_PER_DAY } from '../time/civil.js';
import { instantMs } from './options.js';
import { sortedByAt, orderedStages, visitStarts } from './timeline.js';
import { checkLead } from '../model/lead-instant.js';

/**
 * Time spent in one stage, over every lead's visits to it ({@link timeInStage}).
 *
 * @example
 * ```ts
 * const slowest: TimeInStageRow | undefined = rows.filter((r) => r.category === 'open').sort((a, b) => (b.medianDays ?? 0) - (a.medianDays ?? 0))[0];
 * ```
 */
export interface TimeInStageRow {
  /** The stage. */
  stage: string;
  /** Its category in the pipeline (`open` for a stage the pipeline does not list). */
  category: StageCategory;
  /** Visits to the stage by `asOf`, closed and open. */
  visits: number;
  /** Visits still running at `asOf`. */
  openVisits: number;
  /** Median duration in days of the visits measured (see `includeOpenVisits`); null when none. */
  medianDays: number | null;
  /** 90th percentile (type 7) of the same durations; null when none. */
  p90Days: number | null;
  /** Mean of the same durations; null when none. */
  meanDays: number | null;
}

/**
 * Options of {@link timeInStage}.
 *
 * @example
 * ```ts
 * timeInStage(leads, { asOf, pipeline, includeOpenVisits: true } satisfies TimeInStageOptions);
 * ```
 */
export interface TimeInStageOptions {
  /** The instant "now": history after it is ignored, open visits run to it. Required. */
  asOf: Date;
  /** Gives the stage order and categories. Required. */
  pipeline: Pipeline;
  /**
   * Measure open visits too (their time so far). Default `false`: a visit still running has not finished,
   * and counting it would pull the figures down; `openVisits` says how many were left out.
   */
  includeOpenVisits?: boolean;
}

/**
 * How long leads stay in each stage: per stage, the number of visits ({@link stageVisits}) and the
 * median, 90th percentile and mean of their durations, in elapsed days (milliseconds / 86 400 000, so a
 * visit of a few hours counts as a fraction of a day). One row per pipeline stage, in pipeline order,
 * zeros included, then stages the pipeline does not list, by name.
 *
 * @example
 * ```ts
 * timeInStage(leads, { asOf, pipeline }).map((r) => `${r.stage}: ${r.medianDays?.toFixed(1) ?? '–'} d`);
 * ```
 */
export function timeInStage(leads: readonly Lead[], options: TimeInStageOptions): TimeInStageRow[] {
  const asOfMs = instantMs('asOf', options.asOf);
  const includeOpen = options.includeOpenVisits ?? false;
  const stats = new Map<string, { visits: number; open: number; days: number[] }>();
  leads.forEach(checkLead);
  for (const lead of leads) {
    const starts = visitStarts(sortedByAt(lead.stageHistory), asOfMs);
    for (let i = 0; i < starts.length; i++) {
      const { stage, at } = starts[i]!;
      const next = starts[i + 1];
      let s = stats.get(stage);
      if (!s) stats.set(stage, (s = { visits: 0, open: 0, days: [] }));
      s.visits++;
      if (next === undefined) s.open++;
      if (next !== undefined || includeOpen) {
        s.days.push(((next === undefined ? asOfMs : next.at.getTime()) - at.getTime()) / MS_PER_DAY);
      }
    }
  }
  return orderedStages(options.pipeline, stats.keys()).map((stage) => {
    const s = stats.get(stage);
    const sorted = Float64Array.from(s?.days ?? []).sort();
    let sum = 0;
    for (const d of sorted) sum += d;
    return {
      stage,
      category: stageCategory(options.pipeline, stage),
      visits: s?.visits ?? 0,
      openVisits: s?.open ?? 0,
      medianDays: quantileSorted(sorted, 0.5),
      p90Days: quantileSorted(sorted, 0.9),
      meanDays: sorted.length === 0 ? null : sum / sorted.length,
    };
  });
}
