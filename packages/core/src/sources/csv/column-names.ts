/**
 * The CSV files a source reads: leads and, optionally, their histories and the staff schedule.
 *
 * @example
 * ```ts
 * const kinds: CsvFileKind[] = ['leads', 'stageHistory', 'ownerHistory', 'schedule'];
 * ```
 */
export type CsvFileKind = 'leads' | 'stageHistory' | 'ownerHistory' | 'schedule';

/**
 * The default headers of each file (DESIGN §4): snake_case, compatible with a plain export. Only the
 * {@link REQUIRED_CSV_COLUMNS} must be present; any column may be renamed with a {@link CsvColumnMapping}.
 *
 * @example
 * ```ts
 * CSV_COLUMNS.stageHistory; // ['lead_id', 'stage', 'changed_at']
 * ```
 */
export const CSV_COLUMNS = {
  /** leads.csv: one row per lead. */
  leads: [
    'lead_id',
    'name',
    'received_time',
    'first_contact_time',
    'appointment_time',
    'stage',
    'locator',
    'team',
    'source',
    'company',
    'assigned_time',
  ],
  /** stage_history.csv: one row per stage change. */
  stageHistory: ['lead_id', 'stage', 'changed_at'],
  /** owner_history.csv: one row per change of locator. */
  ownerHistory: ['lead_id', 'locator', 'changed_at'],
  /** schedule.csv: one row per weekly shift. */
  schedule: ['rep', 'day_of_week', 'shift_start', 'shift_end'],
} as const satisfies Record<CsvFileKind, readonly string[]>;

/**
 * A column of one of the files, by its default (snake_case) name.
 *
 * @example
 * ```ts
 * const column: CsvColumn<'leads'> = 'received_time';
 * ```
 */
export type CsvColumn<K extends CsvFileKind = CsvFileKind> = (typeof CSV_COLUMNS)[K][number];
