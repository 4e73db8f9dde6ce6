import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PANOPTICON_ERROR_CODES, PanopticonError } from './errors.js';
import { DATA_ISSUE_CODES } from './index.js';
import { loadFiles } from './sources/tables/load-files.js';
import { DataQualityError } from './sources/source.js';
import { CsvColumnError } from './sources/csv/column-error.js';
import { CsvReadError } from './sources/csv/csv-read-error.js';

describe('PanopticonError', () => {
  it('is the base of every data error core throws, each with its code', async () => {
    const missing = await loadFiles({ leads: '/nonexistent/leads.csv', timeZone: 'UTC' }).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(CsvReadError);
    expect(missing).toBeInstanceOf(PanopticonError);
    expect(missing).toMatchObject({ code: 'csv-read', systemCode: 'ENOENT', name: 'CsvReadError' });

    const noColumn = await loadFiles({ leads: { text: 'lead_id,name\n1,A\n' }, timeZone: 'UTC' }).catch((e: unknown) => e);
    expect(noColumn).toBeInstanceOf(CsvColumnError);
    expect(noColumn).toMatchObject({ code: 'missing-column', name: 'CsvColumnError' });

    const strict = await loadFiles({ leads: { text: 'lead_id,received_time\n1,soon\n' }, timeZone: 'UTC', strict: true }).catch(
      (e: unknown) => e,
    );
    expect(strict).toBeInstanceOf(DataQualityError);
    expect(strict).toMatchObject({ code: 'data-quality', name: 'DataQualityError' });
    for (const error of [missing, noColumn, strict]) expect(PANOPTICON_ERROR_CODES).toContain((error as PanopticonError).code);
  });
});

describe('DATA_ISSUE_CODES', () => {
  it('lists each code once, and its documentation table names every one', () => {
    const codes = Object.values(DATA_ISSUE_CODES);
    expect(new Set(codes).size).toBe(codes.length);
    const doc = readFileSync(new URL('./sources/issue-codes.ts', import.meta.url), 'utf8');
    for (const code of codes) expect(doc, code).toContain(`| \`${code}\` |`);
  });
});
