import type { LeadSource, LoadResult } from '../source.js';
import { DEFAULT_CSV_FILE_NAMES } from './columns.js';
import type { LoadCsvOptions } from './load-csv.js';
import { loadCsv } from './load-csv.js';

/**
 * A `LeadSource` over CSV files: `load()` runs {@link loadCsv} with the options given here, reading the files again on each call.
 *
 * @example
 * ```ts
 * const source = new CsvSource({ leads: 'data/leads.csv', timeZone: 'America/Chicago' });
 * source.description; // 'CSV: data/leads.csv'
 * const { leads, issues } = await source.load();
 * ```
 */
export class CsvSource implements LeadSource {
  constructor(
    /** The options `load()` passes to {@link loadCsv}. */
    readonly options: LoadCsvOptions,
  ) {}

  /** "CSV: " and the leads file's label (its path, or its `label`, or `leads.csv`). */
  get description(): string {
    const leads = this.options.leads;
    const label =
      this.options.fileLabel?.leads ??
      (typeof leads === 'string' ? leads : (leads.label ?? ('path' in leads ? leads.path : DEFAULT_CSV_FILE_NAMES.leads)));
    return `CSV: ${label}`;
  }

  /** Reads the files (again, on each call) with {@link loadCsv}. */
  load(): Promise<LoadResult> {
    return loadCsv(this.options);
  }
}
