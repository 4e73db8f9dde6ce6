import * as z from 'zod/mini';
import { englishByDefault } from './zod-locale.js';

englishByDefault();

/**
 * What a stage means for follow-up: `open` (still worked), `green` (approved, waiting for the delivery to be
 * requested), `delivery` (delivery requested), `won` (converted) or `lost` (closed without conversion).
 *
 * @example
 * ```ts
 * StageCategorySchema.options; // ['open', 'green', 'delivery', 'won', 'lost']
 * ```
 */
export const StageCategorySchema = z.enum(['open', 'green', 'delivery', 'won', 'lost']);
/**
 * One of the five stage categories (see {@link StageCategorySchema}).
 *
 * @example
 * ```ts
 * const closed = (category: StageCategory) => category === 'won' || category === 'lost';
 * ```
 */
export type StageCategory = z.infer<typeof StageCategorySchema>;

/**
 * One stage of a pipeline: its name as the data spells it, its category, and optionally how many days a
 * lead that progressed into it may sit there before it is *stalled*.
 *
 * @example
 * ```ts
 * PipelineStageSchema.parse({ name: 'Follow-Up', category: 'open', staleAfterDays: 14 });
 * ```
 */
export const PipelineStageSchema = z.object({
  /** The stage's name, exactly as it appears in the data (`stage` columns, Zoho's Lead_Status). */
  name: z.string().check(z.minLength(1)),
  /** What the stage means for follow-up. */
  category: StageCategorySchema,
  /** Days a progressed lead may sit in this stage before it counts as *stalled*. No value: never stalled. */
  staleAfterDays: z.optional(z.int().check(z.positive())),
});
/**
 * One stage of a pipeline (see {@link PipelineStageSchema}).
 *
 * @example
 * ```ts
 * const approved: PipelineStage = { name: 'Green - Approved', category: 'green' };
 * ```
 */
export type PipelineStage = z.infer<typeof PipelineStageSchema>;

/**
 * The ordered list of stages and the follow-up thresholds. Configuration, not code: real users supply
 * their own (`pipeline.json`). Stage names must be unique, and `warnAfterDays` must not exceed
 * `staleAfterDays`. Use {@link parsePipeline} to read one.
 *
 * @example
 * ```ts
 * const result = PipelineSchema.safeParse(JSON.parse(text));
 * if (!result.success) console.error(result.error.issues);
 * ```
 */
export const PipelineSchema = z
  .object({
    /** The stages in pipeline order (the order of tables and charts), at least one. */
    stages: z.array(PipelineStageSchema).check(z.minLength(1, 'a pipeline needs at least one stage')),
    /** Days after the appointment without progress before a lead is `stale`. Default 30. */
    staleAfterDays: z._default(z.int().check(z.positive()), 30),
    /** Days after the appointment without progress before a lead is `at-risk`. Default 7. */
    warnAfterDays: z._default(z.int().check(z.positive()), 7),
    /** Days in a `green` stage without a move to delivery or won before it is stuck. Default 14. */
    greenStuckAfterDays: z._default(z.int().check(z.positive()), 14),
  })
  .check(
    z.superRefine((p, ctx) => {
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
    }),
  );
/**
 * A parsed pipeline: stages in order and every threshold filled in (see {@link PipelineSchema}).
 *
 * @example
 * ```ts
 * const pipeline: Pipeline = parsePipeline(JSON.parse(readFileSync('pipeline.json', 'utf8')));
 * pipeline.staleAfterDays; // 30 unless the file says otherwise
 * ```
 */
export type Pipeline = z.infer<typeof PipelineSchema>;
/**
 * A pipeline as written in a file: thresholds may be omitted and take their defaults.
 *
 * @example
 * ```ts
 * const input: PipelineInput = { stages: [{ name: 'New', category: 'open' }, { name: 'Won', category: 'won' }] };
 * parsePipeline(input).warnAfterDays; // 7
 * ```
 */
export type PipelineInput = z.input<typeof PipelineSchema>;

/**
 * Parses a pipeline (for example the contents of `pipeline.json`), filling in default thresholds. Throws
 * a `ZodError` that names the bad field (a duplicate stage name, an unknown category,
 * `warnAfterDays` greater than `staleAfterDays`, …).
 *
 * @example
 * ```ts
 * const pipeline = parsePipeline({
 *   stages: [
 *     { name: 'New', category: 'open' },
 *     { name: 'Appointment Set', category: 'open' },
 *     { name: 'Approved', category: 'green' },
 *     { name: 'Delivered', category: 'won' },
 *     { name: 'Lost', category: 'lost' },
 *   ],
 *   staleAfterDays: 21,
 * });
 * pipeline.warnAfterDays; // 7, the default
 * ```
 */
export function parsePipeline(input: unknown): Pipeline {
  return PipelineSchema.parse(input);
}

/**
 * The category of a stage in a pipeline. A stage the pipeline does not list counts as `open`
 * (sources report it as a data-quality warning).
 *
 * @example
 * ```ts
 * stageCategory(pipeline, 'Approved'); // 'green'
 * stageCategory(pipeline, 'Site Survey'); // 'open': not in the pipeline
 * ```
 */
export function stageCategory(pipeline: Pipeline, stage: string): StageCategory {
  return stageIndex(pipeline).get(stage)?.category ?? 'open';
}

/**
 * The pipeline's stage with this name, if it lists one.
 *
 * @example
 * ```ts
 * findStage(pipeline, 'Follow-Up')?.staleAfterDays; // 14 in the sample pipeline
 * ```
 */
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
