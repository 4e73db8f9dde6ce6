import type { Shift, Weekday } from '../../model/schedule.js';
import { ShiftSchema, WEEKDAY_NAMES } from '../../model/schedule.js';
import { DATA_ISSUE_CODES } from '../issue-codes.js';
import { csvMessages } from '../messages.js';
import type { OpenedCsvInput } from './csv-file-input.js';
import type { FileLog } from './file-log.js';
import type { ReadCsvTableOptions } from './read-csv-table.js';
import { readCsvTable } from './read-csv-table.js';

// Built once: full and three-letter names, lower case, and the ISO numbers 1 (Monday) … 7 (Sunday).
const WEEKDAYS = new Map<string, Weekday>();
WEEKDAY_NAMES.forEach((name, day) => {
  WEEKDAYS.set(name.toLowerCase(), day);
  WEEKDAYS.set(name.slice(0, 3).toLowerCase(), day);
  WEEKDAYS.set(String(day + 1), day);
});

/** The {@link Weekday} (0 = Monday … 6 = Sunday) of a schedule's `day_of_week` value, or null when it is not one. */
export function parseWeekday(text: string): Weekday | null {
  return WEEKDAYS.get(text.trim().toLowerCase()) ?? null;
}

const ZERO = 48;

/** A schedule's time of day normalized to `HH:MM` (what `ShiftSchema` expects), or null when it is not one. */
export function parseTimeOfDay(text: string): string | null {
  const t = text.trim();
  const colon = t.indexOf(':');
  if (colon !== 1 && colon !== 2) return null;
  let hour = 0;
  for (let i = 0; i < colon; i++) {
    const d = t.charCodeAt(i) - ZERO;
    if (!(d >= 0 && d <= 9)) return null;
    hour = hour * 10 + d;
  }
  const m1 = t.charCodeAt(colon + 1) - ZERO;
  const m2 = t.charCodeAt(colon + 2) - ZERO;
  if (!(m1 >= 0 && m1 <= 5 && m2 >= 0 && m2 <= 9)) return null;
  const rest = t.slice(colon + 3);
  if (rest !== '' && rest !== ':00') return null;
  const minute = m1 * 10 + m2;
  if (hour > 24 || (hour === 24 && minute !== 0)) return null;
  return `${hour < 10 ? '0' : ''}${hour}:${t.slice(colon + 1, colon + 3)}`;
}

/** Reads schedule.csv into shifts; a row with an empty rep, a bad day or a bad time is rejected. @internal */
export async function readScheduleFile(input: OpenedCsvInput, file: FileLog, options: ReadCsvTableOptions): Promise<Shift[]> {
  const shifts: Shift[] = [];
  await readCsvTable(input, 'schedule', file, options, ({ index, name }) => (fields, line) => {
    file.beginRow();
    const rawRep = fields[index.rep]!;
    const rep = rawRep.trim();
    if (rep === '') file.error(DATA_ISSUE_CODES.missingValue, csvMessages.missingValue(name.rep), { line, field: name.rep, value: rawRep });

    const dayText = fields[index.day_of_week]!;
    const day = parseWeekday(dayText);
    if (day === null) {
      file.error(DATA_ISSUE_CODES.invalidDay, csvMessages.invalidDay(dayText), { line, field: name.day_of_week, value: dayText });
    }

    const times: string[] = [];
    for (const column of ['shift_start', 'shift_end'] as const) {
      const text = fields[index[column]]!;
      const time = parseTimeOfDay(text);
      if (time === null) {
        file.error(DATA_ISSUE_CODES.invalidTime, csvMessages.invalidTime(name[column], text), {
          line,
          field: name[column],
          value: text,
        });
      } else times.push(time);
    }
    if (file.rowHasErrors) {
      file.endRow();
      return;
    }

    const shift: Shift = { rep, day: day!, start: times[0]!, end: times[1]! };
    const checked = ShiftSchema.safeParse(shift);
    if (!checked.success) {
      for (const issue of checked.error.issues) {
        file.error(DATA_ISSUE_CODES.invalidValue, csvMessages.invalidValue(issue.message), {
          line,
          field: issue.path.map(String).join('.'),
        });
      }
    }
    if (file.endRow()) shifts.push(shift);
  });
  return shifts;
}
