import { aggregateFileBySlot, loadFiles } from '@panopticon/core/files';
import { aggregateBySlot, summarizeResponses } from '@panopticon/core';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { arbLeads, type TestLead } from '../../core/src/response/arbitraries.js';
import { heatmapSql, responseSummarySql, SqlEngineError } from '../src/index.js';
import { csvText, csvToParquet, scratchFolder, type TimestampForm, timestampText } from './lead-files.js';
import { optionsArb } from './response-options.js';

const folder = scratchFolder();
afterAll(() => folder.dispose());

const FORMS: TimestampForm[] = ['naive', 'utc', 'offset'];
const HEADER = ['lead_id', 'received_time', 'first_contact_time', 'team', 'locator'];

function leadsCsv(leads: readonly TestLead[], timeZone: string, forms: readonly TimestampForm[]): string {
  return csvText(
    HEADER,
    leads.map((l, i) => [
      String(l.id),
      timestampText(l.createdAt.getTime(), forms[i % forms.length]!, timeZone),
      l.firstContactAt === null ? null : timestampText(l.firstContactAt.getTime(), forms[(i + 1) % forms.length]!, timeZone),
      l.team,
      l.locator,
    ]),
  );
}

let files = 0;
const nextName = (ext: string) => `leads-${files++}.${ext}`;

describe('heatmapSql and responseSummarySql give exactly core’s figures', () => {
  it('on generated leads, in every form of timestamp and DST zone (against the in-memory and the CSV reader)', async () => {
    await fc.assert(
      fc.asyncProperty(arbLeads(120), optionsArb, fc.subarray(FORMS, { minLength: 1 }), async (leads, options, forms) => {
        const file = folder.write(nextName('csv'), leadsCsv(leads, options.timeZone, forms));
        const sql = await heatmapSql({ leads: file }, options);
        expect(sql).toEqual((await aggregateFileBySlot(file, { ...options, workers: 0 })).cells);
        // Written with an offset or Z, every instant reads back as generated: the same as the leads in memory.
        if (!forms.includes('naive')) expect(sql).toEqual(aggregateBySlot(leads, options));
        const { leads: loaded } = await loadFiles({ leads: file, timeZone: options.timeZone });
        expect(await responseSummarySql({ leads: file }, options)).toEqual(summarizeResponses(loaded, options));
      }),
      { numRuns: 30 },
    );
  }, 180_000);

  it('from Parquet as from CSV', async () => {
    await fc.assert(
      fc.asyncProperty(arbLeads(80), optionsArb, async (leads, options) => {
        const csv = folder.write(nextName('csv'), leadsCsv(leads, options.timeZone, FORMS));
        const parquet = folder.path(nextName('parquet'));
        await csvToParquet(csv, parquet);
        expect(await heatmapSql({ leads: parquet }, options)).toEqual((await aggregateFileBySlot(csv, { ...options, workers: 0 })).cells);
      }),
      { numRuns: 10 },
    );
  }, 120_000);

  it('reads wall times in DST gaps and folds as core does (gap: forward by the gap; fold: the earlier instant)', async () => {
    const walls: Record<string, string[]> = {
      'America/New_York': ['2025-03-09 02:30', '2025-03-09 02:00:00', '2025-11-02 01:30', '2025-11-02 01:00', '2025-11-02 01:59:59.999'],
      'Europe/London': ['2025-03-30 01:30', '2025-10-26 01:30', '2025-10-26 01:00:00.5', '2025-10-26'],
      'Australia/Lord_Howe': ['2025-10-05 02:15', '2025-04-06 01:45', '2025-04-06 01:30', '2025-04-06 02:00'],
      'Asia/Kathmandu': ['1986-01-01 00:05', '1985-12-31 23:59', '2025-06-01 12:44'],
    };
    for (const [timeZone, texts] of Object.entries(walls)) {
      const rows = texts.flatMap((t, i) => [
        [`a${i}`, t, `${t.slice(0, 10)} 23:59:59`],
        [`b${i}`, t, null],
      ]);
      const file = folder.write(nextName('csv'), csvText(['lead_id', 'received_time', 'first_contact_time'], rows));
      for (const slotMinutes of [15, 30]) {
        const options = { timeZone, slotMinutes };
        const core = (await aggregateFileBySlot(file, { ...options, workers: 0 })).cells;
        expect(core.reduce((n, c) => n + c.total, 0)).toBe(rows.length);
        expect(await heatmapSql({ leads: file }, options)).toEqual(core);
      }
    }
  });
});

describe('what the SQL engine refuses, by name', () => {
  it('the business clock', async () => {
    const file = folder.write(nextName('csv'), csvText(HEADER, [['1', '2025-01-06 10:00', '2025-01-06 10:05', null, null]]));
    await expect(heatmapSql({ leads: file }, { timeZone: 'UTC', clock: 'business' })).rejects.toThrow(SqlEngineError);
    await expect(responseSummarySql({ leads: file }, { timeZone: 'UTC', clock: 'business' })).rejects.toThrow(/business clock/);
  });

  it('a timestamp it does not read, naming the file, row, column and value', async () => {
    const file = folder.write(
      nextName('csv'),
      csvText(HEADER, [
        ['1', '2025-01-06 10:00', '2025-01-06 10:05', null, null],
        ['2', '2025-01-06 10:00', '06/01/2025 10:05', null, null],
      ]),
    );
    await expect(heatmapSql({ leads: file }, { timeZone: 'UTC' })).rejects.toThrow(
      `${file}, row 2: first_contact_time "06/01/2025 10:05" is not a timestamp the SQL engine reads`,
    );
  });

  it('an impossible date, an empty received_time, a duplicate lead and a missing column', async () => {
    const write = (rows: (string | null)[][], header = HEADER) => folder.write(nextName('csv'), csvText(header, rows));
    await expect(heatmapSql({ leads: write([['1', '2025-02-30 10:00', null, null, null]]) }, { timeZone: 'UTC' })).rejects.toThrow(
      /row 1: received_time "2025-02-30 10:00"/,
    );
    await expect(heatmapSql({ leads: write([['1', '2025-02-03 10:00+24:00', null, null, null]]) }, { timeZone: 'UTC' })).rejects.toThrow(
      /row 1: received_time/,
    );
    await expect(heatmapSql({ leads: write([['1', null, null, null, null]]) }, { timeZone: 'UTC' })).rejects.toThrow(
      /row 1: received_time is empty/,
    );
    const twice = write([
      ['7', '2025-02-03 10:00', null, null, null],
      ['7', '2025-02-03 11:00', null, null, null],
    ]);
    await expect(heatmapSql({ leads: twice }, { timeZone: 'UTC' })).rejects.toThrow(/lead_id "7" appears on 2 rows/);
    const renamed = write([['1', '2025-02-03 10:00']], ['Record Id', 'Created Time']);
    await expect(heatmapSql({ leads: renamed }, { timeZone: 'UTC' })).rejects.toThrow(/"lead_id", "received_time" are missing/);
  });

  it('bad options with core’s errors', async () => {
    const file = folder.write(nextName('csv'), csvText(HEADER, [['1', '2025-01-06 10:00', null, null, null]]));
    await expect(heatmapSql({ leads: file }, { timeZone: 'UTC', slotMinutes: 7 })).rejects.toThrow(RangeError);
    await expect(heatmapSql({ leads: file }, { timeZone: 'Mars/Olympus' })).rejects.toThrow(/Mars\/Olympus/);
    // A zone left out (plain JavaScript) is never the host's: both statements refuse it with core's error.
    for (const timeZone of [undefined, '', 'Mars/Olympus']) {
      const options = { timeZone } as unknown as { timeZone: string };
      await expect(heatmapSql({ leads: file }, options)).rejects.toThrow(RangeError);
      await expect(responseSummarySql({ leads: file }, options)).rejects.toThrow(
        timeZone === 'Mars/Olympus' ? /Mars\/Olympus/ : /timeZone is required/,
      );
    }
  });
});
