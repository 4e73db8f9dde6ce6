import type { Shift } from '../../model/schedule.js';
import { ShiftSchema } from '../../model/schedule.js';
import { csvMessages } from '../messages.js';
import type { OpenedCsvInput } from './csv-file-input.js';
import type { FileLog } from './file-log.js';
import { DATA_ISSUE_CODES } from '../issue-codes.js';
import type { ReadCsvTableOptions } from './read-csv-table.js';
import { readCsvTable } from './read-csv-table.js';
import { parseTimeOfDay } from './time-of-day.js';
import { parseWeekday } from './weekday.js';

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
