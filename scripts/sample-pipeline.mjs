// The sample pipeline (a vending-placement business), read from its one copy, examples/data/pipeline.json,
// for the generators and benchmarks that write files of the same shape as the bundled sample.
import { readFileSync } from 'node:fs';

export const SAMPLE_PIPELINE = JSON.parse(readFileSync(new URL('../examples/data/pipeline.json', import.meta.url), 'utf8'));
