import type { CsvFileKind, ResolvedColumns } from './columns.js';
import type { DateFormat, DateReading } from './date-formats.js';
import { DATE_READING_NAMES, FormattedTimestampParser } from './date-formats.js';
import type { ByteTimestampParser } from './timestamp.js';
import { parseText } from './timestamp.js';

/** The timestamp columns of each file. @internal */
export const TIMESTAMP_COLUMNS: { readonly [K in CsvFileKind]: readonly string[] } = {
  leads: ['received_time', 'first_contact_time', 'appointment_time', 'assigned_time'],
  stageHistory: ['changed_at'],
  ownerHistory: ['changed_at'],
  schedule: [],
};

/** A column's reading, and why when it is not ISO (for the `date-format` info). @internal */
export interface DetectedReading {
  /** The column, by its default name. */
  column: string;
  /** Its header as written. */
  header: string;
  reading: DateReading;
  /** Why, in words; absent for ISO. */
  why?: string;
}

const EXCEL = /^\d{2,7}([.,]\d+)?$/;
const DAY_MONTH = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{2}|\d{4})(?:$|[.,]?[\sT])/;
const YEAR_FIRST = /^\d{4}([/.-])\d{1,2}\1\d{1,2}/;
const MONTH_NAME = /[a-z]{3}/i;

interface Evidence {
  column: string;
  header: string;
  values: number;
  iso: boolean;
  excel: boolean;
  yearFirst: boolean;
  monthFirst: number;
  dayFirst: number;
  dots: number;
  /** Values that are dates with `/`, `.` or `-` (day and month first, in some order). */
  dated: number;
  /** Values that are dates naming the month (`Jun 4, 2026`, `4-Jun-2026`). */
  named: number;
  example?: string;
}

/**
 * Decides how each timestamp column of a file is read, from the values of its first rows (`sample`: rows
 * as fields, the header excluded). A column whose values all read as ISO 8601 is ISO (the fast path); a
 * column of numbers is Excel serial days; a column of dates naming the month in English is read by the
 * names (no order to decide); otherwise dates with `/`, `.` or `-` are month-first when a first part is
 * above 12, day-first when a second part is, and when neither (every day and month is 12 or less) the way
 * the other columns of the file show, else as `format` says, else month-first for slashes and day-first
 * for dots, saying so. @internal
 */
export function detectDateReadings<K extends CsvFileKind>(
  kind: K,
  columns: ResolvedColumns<K>,
  sample: readonly (readonly string[])[],
  format: DateFormat,
  iso: ByteTimestampParser,
): DetectedReading[] {
  const index = columns.index as Record<string, number>;
  const names = columns.name as Record<string, string>;
  const found: Evidence[] = [];
  const parsers = {
    excel: new FormattedTimestampParser('excel', iso),
    ymd: new FormattedTimestampParser('ymd', iso),
    mdy: new FormattedTimestampParser('mdy', iso),
    dmy: new FormattedTimestampParser('dmy', iso),
    named: new FormattedTimestampParser('month-name', iso),
  };
  for (const column of TIMESTAMP_COLUMNS[kind]) {
    const at = index[column]!;
    if (at < 0) continue;
    const evidence: Evidence = {
      column,
      header: names[column]!,
      values: 0,
      iso: true,
      excel: true,
      yearFirst: true,
      monthFirst: 0,
      dayFirst: 0,
      dots: 0,
      dated: 0,
      named: 0,
    };
    for (const row of sample) {
      const value = row[at]?.trim();
      if (value === undefined || value === '' || row.length !== columns.width) continue;
      evidence.values++;
      if (parseText(iso, value) !== null) continue;
      evidence.iso = false;
      evidence.example ??= value;
      if (!EXCEL.test(value) || parseText(parsers.excel, value) === null) evidence.excel = false;
      if (!YEAR_FIRST.test(value) || parseText(parsers.ymd, value) === null) evidence.yearFirst = false;
      if (MONTH_NAME.test(value) && parseText(parsers.named, value) !== null) evidence.named++;
      const m = DAY_MONTH.exec(value);
      if (m === null || (parseText(parsers.mdy, value) === null && parseText(parsers.dmy, value) === null)) continue;
      evidence.dated++;
      const first = Number(m[1]);
      const second = Number(m[3]);
      if (first > 12 && second <= 12) evidence.dayFirst++;
      if (second > 12 && first <= 12) evidence.monthFirst++;
      if (m[2] === '.') evidence.dots++;
    }
    found.push(evidence);
  }

  const fileDayFirst = found.reduce((n, e) => n + e.dayFirst, 0);
  const fileMonthFirst = found.reduce((n, e) => n + e.monthFirst, 0);
  return found.map((e): DetectedReading => {
    const base = { column: e.column, header: e.header };
    if (format === 'YYYY-MM-DD' || e.iso || e.values === 0) return { ...base, reading: 'iso' };
    const example = ` (e.g. ${JSON.stringify(e.example)})`;
    if (e.excel) return { ...base, reading: 'excel', why: `its values are numbers${example}` };
    if (e.yearFirst) return { ...base, reading: 'ymd', why: `its values start with the year${example}` };
    // The name says which part is the month: no order to decide, whatever --date-format says of day/month dates.
    if (e.named > 0 && e.named >= e.dated) {
      return { ...base, reading: 'month-name', why: `its values name the month${example}` };
    }
    // Values that are neither ISO nor dates of another style: unreadable values, which the rows report.
    if (e.dated === 0) return { ...base, reading: 'iso' };
    if (format === 'MM/DD/YYYY' || format === 'DD/MM/YYYY') {
      const reading = format === 'MM/DD/YYYY' ? 'mdy' : 'dmy';
      return { ...base, reading, why: `as the date format setting (--date-format ${format}) says` };
    }
    if (e.monthFirst > 0 && e.dayFirst > 0) {
      const reading = e.monthFirst >= e.dayFirst ? 'mdy' : 'dmy';
      return {
        ...base,
        reading,
        why:
          `its first rows mix both orders (${e.monthFirst} with a day above 12 second, ${e.dayFirst} first); the majority decides, ` +
          'and values that do not fit are reported. Pass --date-format to decide',
      };
    }
    if (e.monthFirst > 0) return { ...base, reading: 'mdy', why: `a second part above 12 can only be the day${example}` };
    if (e.dayFirst > 0) return { ...base, reading: 'dmy', why: `a first part above 12 can only be the day${example}` };
    const sure = `every day and month in the first ${e.values} values is 12 or less`;
    if (fileMonthFirst > 0 && fileDayFirst === 0) {
      return {
        ...base,
        reading: 'mdy',
        why: `${sure}, so it is read like the file's other dates, which are month first; pass --date-format DD/MM/YYYY if that is wrong`,
      };
    }
    if (fileDayFirst > 0 && fileMonthFirst === 0) {
      return {
        ...base,
        reading: 'dmy',
        why: `${sure}, so it is read like the file's other dates, which are day first; pass --date-format MM/DD/YYYY if that is wrong`,
      };
    }
    if (e.dots > 0) {
      return {
        ...base,
        reading: 'dmy',
        why: `${sure}; dates with dots are read day first (the European style); pass --date-format MM/DD/YYYY if that is wrong`,
      };
    }
    return {
      ...base,
      reading: 'mdy',
      why: `${sure}; dates with slashes are read month first (the US style); pass --date-format DD/MM/YYYY if that is wrong`,
    };
  });
}

/** The reading's name in messages. @internal */
export function readingName(reading: DateReading): string {
  return DATE_READING_NAMES[reading];
}
