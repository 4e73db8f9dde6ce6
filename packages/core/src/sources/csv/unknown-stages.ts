import type { Pipeline } from '../../model/pipeline.js';
import { csvMessages } from '../messages.js';
import type { FileLog } from './file-log.js';
import { DATA_ISSUE_CODES } from '../issue-codes.js';

/**
 * Collects the stages of one file that the pipeline does not list, to report each once with its row count and first line: one typo in a
 * stage name would otherwise bury the issue list under a warning per row. @internal
 */
export class UnknownStages {
  private readonly seen = new Map<string, { count: number; line: number; recordId: string; field: string }>();

  /** The pipeline's stage names (one set lookup per row instead of finding the stage). */
  private readonly known: ReadonlySet<string> | undefined;

  constructor(pipeline: Pipeline | undefined) {
    this.known = pipeline === undefined ? undefined : new Set(pipeline.stages.map((s) => s.name));
  }

  /** Whether `stage` needs no warning: the pipeline lists it, or there is no pipeline to judge by. */
  lists(stage: string): boolean {
    return this.known === undefined || this.known.has(stage);
  }

  check(stage: string, line: number, recordId: string, field: string): void {
    if (this.lists(stage)) return;
    const entry = this.seen.get(stage);
    if (entry) entry.count++;
    else this.seen.set(stage, { count: 1, line, recordId, field });
  }

  /** Adds one warning per unknown stage to the file's issues. */
  report(file: FileLog): void {
    for (const [stage, { count, line, recordId, field }] of this.seen) {
      file.warning(DATA_ISSUE_CODES.unknownStage, csvMessages.unknownStage(stage, count), { line, recordId, field, value: stage });
    }
  }
}
