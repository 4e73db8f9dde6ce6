import { z } from 'zod';

/** What a stage means for follow-up: still worked, approved, delivery requested, converted or closed. */
export const StageCategorySchema = z.enum(['open', 'green', 'delivery', 'won', 'lost']);
export type StageCategory = z.infer<typeof StageCategorySchema>;

export const PipelineStageSchema = z.object({
  name: z.string().min(1),
  category: StageCategorySchema,
  /** Days a progressed lead may sit in this stage before it counts as *stalled*. No value: never stalled. */
  staleAfterDays: z.number().int().positive().optional(),
});
export type PipelineStage = z.infer<typeof PipelineStageSchema>;

/**
 * The ordered list of stages and the follow-up thresholds. Configuration, not code: real users supply
 * their own (`pipeline.json`).
 */
export const PipelineSchema = z
  .object({
    stages: z.array(PipelineStageSchema).min(1, 'a pipeline needs at least one stage'),
    /** Days after the appointment without progress before a lead is `stale`. Default 30. */
    staleAfterDays: z.number().int().positive().default(30),
    /** Days after the appointment without progress before a lead is `at-risk`. Default 7. */
    warnAfterDays: z.number().int().positive().default(7),
    /** Days in a `green` stage without a move to delivery or won before it is stuck. Default 14. */
    greenStuckAfterDays: z.number().int().positive().default(14),
  })
  .superRefine((p, ctx) => {
    const seen = new Set<string>();
    p.stages.forEach((s, i) => {
      if (seen.has(s.name)) {
        ctx.addIssue({ code: 'custom', path: ['stages', i, 'name'], message: `duplicate stage name "${s.name}"` });
      }
      seen.add(s.name);
    });
    if (p.warnAfterDays > p.staleAfterDays) {
      ctx.addIssue({
        code: 'custom',
        path: ['warnAfterDays'],
        message: `warnAfterDays (${p.warnAfterDays}) must not exceed staleAfterDays (${p.staleAfterDays})`,
      });
    }
  });
export type Pipeline = z.infer<typeof PipelineSchema>;
/** A pipeline as written in a file: thresholds may be omitted and take their defaults. */
export type PipelineInput = z.input<typeof PipelineSchema>;

/** Parses a pipeline (for example the contents of `pipeline.json`), filling in default thresholds. */
export function parsePipeline(input: unknown): Pipeline {
  return PipelineSchema.parse(input);
}

/**
 * The category of a stage in a pipeline. A stage the pipeline does not list counts as `open`
 * (sources report it as a data-quality warning).
 */
export function stageCategory(pipeline: Pipeline, stage: string): StageCategory {
  return stageIndex(pipeline).get(stage)?.category ?? 'open';
}

/** The pipeline's stage with this name, if it lists one. */
export function findStage(pipeline: Pipeline, stage: string): PipelineStage | undefined {
  return stageIndex(pipeline).get(stage);
}

// Metrics ask for categories once per lead and history entry; a Map per pipeline object keeps that O(1).
const indexes = new WeakMap<Pipeline, Map<string, PipelineStage>>();
function stageIndex(pipeline: Pipeline): Map<string, PipelineStage> {
  let index = indexes.get(pipeline);
  if (!index) {
    index = new Map(pipeline.stages.map((s) => [s.name, s]));
    indexes.set(pipeline, index);
  }
  return index;
}
