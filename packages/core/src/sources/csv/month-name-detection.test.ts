import { describe, expect, it } from 'vitest';
import { loadFiles } from '../tables/load-files.js';

// A column of dates naming the month is detected from its values, with no option, and said so; a value
// that is not a date in such a column is reported on its row as in every other column.

const HEADER = 'Record Id,Lead Owner,Created Time,First Contact Time,Appointment Time';
const chicago = (month: number, day: number, hour: number, minute = 0) => new Date(Date.UTC(2026, month - 1, day, hour + 5, minute));

async function load(rows: string[], dateFormat?: 'YYYY-MM-DD' | 'MM/DD/YYYY' | 'DD/MM/YYYY') {
  const text = `${[HEADER, ...rows].join('\n')}\n`;
  return loadFiles({ leads: { text }, timeZone: 'America/Chicago', ...(dateFormat === undefined ? {} : { dateFormat }) });
}

describe('detecting dates that name the month', () => {
  it('reads a column of month-name dates and blanks, each column in its own shape, and says how', async () => {
    const { leads, issues } = await load([
      '1,Ann,"Jun 04, 2026 04:03 PM",,04-Jun-2026 18:30',
      '2,Ann,"June 5, 2026 9:15 am","Jun 05, 2026 10:00 AM",',
      '3,Ben,"Jun 06, 2026 11:59 PM","June 7, 2026 12:01 AM",8 Jun 2026',
      '4,Ben,"SEPT 1, 2026 12:00 PM",,',
    ]);
    expect(issues.filter((i) => i.severity !== 'info')).toEqual([]);
    expect(leads.map((l) => [l.id, l.createdAt, l.firstContactAt, l.appointmentAt])).toEqual([
      ['1', chicago(6, 4, 16, 3), null, chicago(6, 4, 18, 30)],
      ['2', chicago(6, 5, 9, 15), chicago(6, 5, 10), null],
      ['3', chicago(6, 6, 23, 59), chicago(6, 7, 0, 1), chicago(6, 8, 0)],
      ['4', chicago(9, 1, 12), null, null],
    ]);
    const formats = issues.filter((i) => i.code === 'date-format').map((i) => [i.severity, i.field, i.message]);
    expect(formats).toEqual([
      [
        'info',
        'Created Time',
        'Created Time is read as dates with English month names (Jun 4, 2026 or 4-Jun-2026): its values name the month (e.g. "Jun 04, 2026 04:03 PM").',
      ],
      ['info', 'First Contact Time', expect.stringContaining('read as dates with English month names')],
      ['info', 'Appointment Time', expect.stringContaining('(e.g. "04-Jun-2026 18:30")')],
    ]);
  });

  it('reports a value that is not a date on its row, naming file, line, field and value', async () => {
    const { leads, issues } = await load([
      '1,Ann,"Jun 04, 2026 04:03 PM","Jun 04, 2026 05:10 PM",',
      '2,Ann,"Jun 31, 2026 04:03 PM",,',
      '3,Ann,"Jun 05, 2026 08:00 AM",soon,',
    ]);
    expect(leads.map((l) => [l.id, l.createdAt, l.firstContactAt])).toEqual([
      ['1', chicago(6, 4, 16, 3), chicago(6, 4, 17, 10)],
      ['3', chicago(6, 5, 8), null],
    ]);
    const bad = issues.filter((i) => i.code === 'unparseable-timestamp');
    expect(bad).toEqual([
      expect.objectContaining({ severity: 'error', line: 3, field: 'Created Time', value: 'Jun 31, 2026 04:03 PM' }),
      expect.objectContaining({ severity: 'warning', line: 4, field: 'First Contact Time', value: 'soon' }),
    ]);
    for (const issue of bad) expect(issue.file).toBe('leads.csv');
    expect(bad[0]!.message).toContain('Created Time "Jun 31, 2026 04:03 PM" is not a timestamp; the row is rejected.');
    expect(issues.filter((i) => i.code === 'date-format').map((i) => i.field)).toEqual(['Created Time', 'First Contact Time']);
  });

  it('needs no --date-format, whatever order it gives; YYYY-MM-DD still reads ISO only', async () => {
    const rows = ['1,Ann,04-Jun-2026 16:03,,'];
    for (const format of ['MM/DD/YYYY', 'DD/MM/YYYY'] as const) {
      const { leads } = await load(rows, format);
      expect(leads[0]!.createdAt, format).toEqual(chicago(6, 4, 16, 3));
    }
    const iso = await load(rows, 'YYYY-MM-DD');
    expect(iso.leads).toEqual([]);
    expect(iso.issues.map((i) => i.code)).toContain('unparseable-timestamp');
  });

  it('moves a wall time in a spring-forward gap forward with the dst-gap warning, as for ISO', async () => {
    const { leads, issues } = await load(['1,Ann,"Mar 08, 2026 02:30 AM",,']);
    expect(leads[0]!.createdAt).toEqual(new Date(Date.UTC(2026, 2, 8, 8, 30)));
    expect(issues.filter((i) => i.code === 'dst-gap')).toEqual([expect.objectContaining({ severity: 'warning', line: 2 })]);
  });
});
