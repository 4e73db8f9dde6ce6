import type { Lead } from '../model/lead.js';
import type { Pipeline, StageCategory } from '../model/pipeline.js';
import { stageCategory } from '../model/pipeline.js';
import { instantMs } from './options.js';
import { stageAt } from './stage-at.js';
import { orderedStages } from './timeline.js';
import { checkLead } from '../model/lead-instant.js';

/**
 * How many leads were in one stage at an instant ({@link pipelineSnapshot}).
 *
 * @example
 * ```ts
 * const inGreen = (rows: PipelineSnapshotRow[]) => rows.filter((r) => r.category === 'green').reduce((n, r) => n + r.count, 0);
 * ```
 */
export interface PipelineSnapshotRow {
  /** The stage. */
  stage: string;
  /** Its category in the pipeline (`open` for a stage the pipeline does not list). */
  category: StageCategory;
  /** Leads in the stage at the instant. */
  count: number;
}

/**
 * Options of {@link pipelineSnapshot}.
 *
 * @example
 * ```ts
 * pipelineSnapshot(leads, { at: new Date('2026-09-30T23:59:59-04:00'), pipeline } satisfies PipelineSnapshotOptions);
 * ```
 */
export interface PipelineSnapshotOptions {
  /** The instant of the snapshot. Required. */
  at: Date;
  /** Gives the stage order and categories. Required. */
  pipeline: Pipeline;
}

/**
 * Leads per stage at an instant, each lead counted in its {@link stageAt} stage: one row per pipeline
 * stage in pipeline order (zeros included), then stages the pipeline does not list, by name. Leads that did
 * not exist yet at `at` are not counted, so the counts add up to the leads that did. Built from history,
 * so a past date's pipeline can be reconstructed rather than waited for.
 *
 * @example
 * ```ts
 * pipelineSnapshot(leads, { at: new Date('2026-03-01T00:00Z'), pipeline });
 * // [{ stage: 'New', category: 'open', count: 12 }, { stage: 'Contacted', category: 'open', count: 30 }, …]
 * ```
 */
export function pipelineSnapshot(leads: readonly Lead[], options: PipelineSnapshotOptions): PipelineSnapshotRow[] {
  instantMs('at', options.at);
  leads.forEach(checkLead);
  const counts = new Map<string, number>();
  for (const lead of leads) {
    const stage = stageAt(lead, options.at);
    if (stage !== null) counts.set(stage, (counts.get(stage) ?? 0) + 1);
  }
  return orderedStages(options.pipeline, counts.keys()).map((stage) => ({
    stage,
    category: stageCategory(options.pipeline, stage),
    count: counts.get(stage) ?? 0,
  }));
}
