import { describe, expect, it } from 'vitest';
import { loadScheduleFile } from './load-files.js';
import { loadText } from '../csv/load-csv.test-helper.js';

const SCHEDULE = 'rep,day_of_week,shift_start,shift_end\nAna,Monday,09:00,17:00\nBen,Sun,22:00,02:00\nCid,Funday,09:00,17:00\n';

describe('loadScheduleFile', () => {
  it('reads shifts exactly as loadFiles does, with the same issues and accounting', async () => {
    const alone = await loadScheduleFile({ text: SCHEDULE, label: 'schedule.csv' });
    const withLeads = await loadText({ leads: 'lead_id,received_time\n', schedule: SCHEDULE, timeZone: 'UTC' });
    expect(alone.schedule).toEqual(withLeads.schedule);
    expect(alone.schedule).toEqual([
      { rep: 'Ana', day: 0, start: '09:00', end: '17:00' },
      { rep: 'Ben', day: 6, start: '22:00', end: '02:00' },
    ]);
    expect(alone.issues).toEqual(withLeads.issues);
    expect(alone.issues.map((i) => [i.code, i.line, i.field, i.value])).toEqual([['invalid-day', 4, 'day_of_week', 'Funday']]);
    expect(alone.stats).toMatchObject({ rows: 3, accepted: 2, rejected: 1 });
  });

  it('throws one error listing the rejected rows under strict', async () => {
    await expect(loadScheduleFile({ text: SCHEDULE }, { strict: true })).rejects.toThrow(/Funday/);
  });
});
