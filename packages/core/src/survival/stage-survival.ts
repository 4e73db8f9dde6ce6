import type { Lead } from '../model/lead.js';
import type { Pipeline, StageCategory } from '../model/pipeline.js';
import { stageCategory } from '../model/pipeline.js';
import { MS_PER_DAY } from '../time/civil.js';
import { stageVisits } from '../follow-up/stage-visits.js';
import { orderedStages } from '../follow-up/timeline.js';
import { instantMs } from '../follow-up/options.js';
import type { KaplanMeierCurve } from './kaplan-meier.js';
import type { SurvivalGroup, SurvivalGroupingOptions } from './grouping.js';
import { GroupedCases, groupKeyOf } from './grouping.js';

/**
 * Options of {@link stageSurvival}.
 *
 * @example
 * ```ts
 * const options: StageSurvivalOptions = { asOf, pipeline, by: 'team' };
 * ```
 */
export interface StageSurvivalOptions extends SurvivalGroupingOptions {
  /** The instant "now": history after it is ignored, and the visit open at it is censored there. Required. */
  asOf: Date;
  /** Gives the stage order and categories. Required. */
  pipeline: Pipeline;
}

/**
 * Time in one stage as a survival curve, in days ({@link stageSurvival}).
 *
 * @example
 * ```ts
 * const row: StageSurvivalRow = stageSurvival(leads, { asOf, pipeline })[0]!;
 * console.log(`${row.stage}: half the visits end within ${row.curve.median ?? '(not reached)'} days`);
 * ```
 */
export interface StageSurvivalRow {
  stage: string;
  /** Its category in the pipeline (`open` for a stage the pipeline does not list). */
  category: StageCategory;
  /** Every visit to the stage: a closed visit is an event at its duration, the open visit censored at `asOf`. */
  curve: KaplanMeierCurve;
  /** One curve per group with the `by` option (grouped by the instant the visit began); empty without it. */
  groups: SurvivalGroup[];
}

/**
 * How long leads stay in each stage, with the visits still running counted honestly: each stage visit
 * (`stageVisits`, the follow-up definition) is a case, in elapsed days; a closed visit is an event, the
 * current visit is censored at `asOf`. One row per pipeline stage in pipeline order (an empty curve for a
 * stage nobody visited), then stages the pipeline does not list, by name.
 *
 * @example
 * ```ts
 * for (const r of stageSurvival(leads, { asOf, pipeline })) console.log(r.stage, r.curve.median, r.curve.censored);
 * ```
 */
export function stageSurvival(leads: readonly Lead[], options: StageSurvivalOptions): StageSurvivalRow[] {
  instantMs('asOf', options.asOf);
  const keyOf = groupKeyOf(options);
  const byStage = new Map<string, GroupedCases>();
  for (const lead of leads) {
    for (const visit of stageVisits(lead, { asOf: options.asOf })) {
      let cases = byStage.get(visit.stage);
      if (!cases) byStage.set(visit.stage, (cases = new GroupedCases()));
      const key = keyOf === null ? null : keyOf(lead.team ?? null, lead.source ?? null, visit.enteredAt.getTime());
      cases.add(visit.durationMs / MS_PER_DAY, !visit.open, key);
    }
  }
  return orderedStages(options.pipeline, byStage.keys()).map((stage) => ({
    stage,
    category: stageCategory(options.pipeline, stage),
    ...(byStage.get(stage) ?? new GroupedCases()).curves(options),
  }));
}
