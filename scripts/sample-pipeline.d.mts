import type { PipelineInput } from '@panopticon/core';

/** The sample pipeline, as examples/data/pipeline.json holds it. */
export const SAMPLE_PIPELINE: PipelineInput;
