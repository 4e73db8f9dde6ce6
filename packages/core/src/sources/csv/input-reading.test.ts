import { describe, expect, it } from 'vitest';
import { loadFiles } from '../tables/load-files.js';
import { loadText } from './load-csv.test-helper.js';

const bytesOf = (...parts: (string | number[])[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p)));

describe('reading the bytes of an export', () => {
  it('a byte that is not UTF-8 in a UTF-8 file is replaced and reported with its line, never silently', async () => {
    // Valid UTF-8 beyond ASCII in a first piece of the file ("é"), then a lone 0xE9 on line 3 in the next.
    const first = bytesOf('lead_id,received_time,name\n1,2025-01-06 09:00,Andr', [0xc3, 0xa9], '\n');
    const second = bytesOf('2,2025-01-06 10:00,Ren', [0xe9], '\n');
    const { leads: read, issues } = await loadFiles({ leads: { chunks: [first, second] }, timeZone: 'UTC' });
    expect(read.map((l) => l.name)).toEqual(['André', 'Ren\uFFFD']);
    expect(issues).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'replaced-bytes',
        line: 3,
        message: expect.stringContaining('1 byte is not UTF-8 text'),
      }),
    ]);
  });

  it('--encoding forces Windows-1252 where its bytes happen to be valid UTF-8', async () => {
    const leads = bytesOf('lead_id,received_time,name\n1,2025-01-06 09:00,', [0xdf, 0x80], '\n');
    const auto = await loadFiles({ leads: { chunks: [leads] }, timeZone: 'UTC' });
    expect(auto.leads[0]!.name).toBe('\u07C0'); // what the bytes say in UTF-8
    const forced = await loadFiles({ leads: { chunks: [leads] }, timeZone: 'UTC', encoding: 'windows-1252' });
    expect(forced.leads[0]!.name).toBe('ß€');
    expect(forced.issues).toEqual([]);
  });

  it('distinct Latin-1 ids no longer collide as duplicates', async () => {
    const leads = bytesOf('lead_id,received_time\nJos', [0xe9], ',2025-01-06 09:00\nJos', [0xe8], ',2025-01-06 09:05\n');
    const { leads: read, issues } = await loadFiles({ leads: { chunks: [leads] }, timeZone: 'UTC' });
    expect(read.map((l) => l.id)).toEqual(['José', 'Josè']);
    expect(issues.map((i) => i.code)).toEqual(['encoding-detected']);
  });

  it('--delimiter forces the separator; a bad delimiter, encoding or date format is a RangeError naming it', async () => {
    // A header with more commas than semicolons would be read with commas.
    const text = 'lead_id;received_time;note\n1;2025-01-06 09:00;a,b,c\n';
    const forced = await loadText({ leads: text, timeZone: 'UTC', delimiter: ';' });
    expect(forced.leads.map((l) => l.id)).toEqual(['1']);
    await expect(loadText({ leads: text, timeZone: 'UTC', delimiter: '"' })).rejects.toThrow(/delimiter/);
    await expect(loadText({ leads: text, timeZone: 'UTC', encoding: 'ebcdic' as never })).rejects.toThrow(/encoding must be one of/);
    await expect(loadText({ leads: text, timeZone: 'UTC', dateFormat: 'D/M/Y' as never })).rejects.toThrow(/date format must be one of/);
  });

  it('a wall-clock time in a spring-forward gap is moved forward, with a warning naming the row', async () => {
    const { leads, issues } = await loadText({
      leads: 'lead_id,received_time,first_contact_time\n1,2025-03-09 01:50,2025-03-09 02:10\n2,2025-03-09 09:00,\n',
      timeZone: 'America/New_York',
    });
    // 02:10 does not exist that night: it is 03:10 EDT, 20 minutes after 01:50 EST.
    expect(leads[0]!.firstContactAt).toEqual(new Date(Date.UTC(2025, 2, 9, 7, 10)));
    expect(issues).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'dst-gap',
        line: 2,
        recordId: '1',
        field: 'first_contact_time',
        message: expect.stringContaining('read as 2025-03-09 03:10:00, moved forward by the gap'),
      }),
    ]);
  });

  it('a DST-gap time in a US-format column and in a history is warned about too', async () => {
    const { issues } = await loadText({
      leads: 'lead_id,received_time\n1,3/9/2025 2:30 AM\n2,3/14/2025 9:00 AM\n',
      stageHistory: 'lead_id,stage,changed_at\n2,New,2025-11-02 09:00\n1,New,2025-03-09 02:45\n',
      timeZone: 'America/New_York',
    });
    expect(issues.filter((i) => i.code === 'dst-gap').map((i) => [i.file, i.line, i.field])).toEqual([
      ['leads.csv', 2, 'received_time'],
      ['stage_history.csv', 3, 'changed_at'],
    ]);
  });
});
