import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { XLSX, zipOf } from '../../core/test/fixtures/zip-archives.js';
import { spawnBuilt } from './fixtures/built-cli.js';

// Files told by their content, not their name (docs/data-formats.md), run as a user does: the built command, both engines.
const sample = fileURLToPath(new URL('../../../examples/data/leads.csv', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'panopticon-content-'));
const put = (name: string, bytes: Uint8Array) => {
  const path = join(tmp, name);
  writeFileSync(path, bytes);
  return path;
};
const FLAGS = ['--tz', 'America/Chicago', '--as-of', '2026-12-01', '--format', 'json', '--quiet'];
const ENGINES: [string, string[]][] = [
  ['TypeScript', []],
  ['duckdb', ['--engine', 'duckdb']],
];

describe('a file is read as what its content is', () => {
  it.each(ENGINES)('an Excel workbook, named .xlsx or .csv, is refused naming the file and the fix, exit 3 (%s engine)', (_, engine) => {
    for (const name of ['leads.xlsx', 'leads-workbook.csv']) {
      const path = put(name, zipOf(XLSX));
      const r = spawnBuilt(['heatmap', '--leads', path, ...FLAGS, ...engine]);
      expect(r.code).toBe(3);
      expect(r.stderr.trim()).toBe(
        `Cannot read ${path}: it is an Excel workbook (.xlsx), not CSV. Save the sheet as CSV UTF-8, or export the module from the CRM as CSV.`,
      );
      expect(r.stdout).toBe('');
    }
  });

  it.each(ENGINES)('gzip, named .csv.gz or .csv, answers as the CSV it holds (%s engine)', (_, engine) => {
    const csv = spawnBuilt(['heatmap', '--leads', sample, ...FLAGS, ...engine]);
    expect(csv.code).toBe(0);
    const gz = gzipSync(readFileSync(sample));
    for (const name of ['leads.csv.gz', 'leads-gzip.csv']) {
      const r = spawnBuilt(['heatmap', '--leads', put(name, gz), ...FLAGS, ...engine]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toBe(csv.stdout);
    }
  });

  it('a ZIP of one CSV (a CRM bulk export) answers as the CSV; with --engine duckdb it is refused, naming the engine (exit 2)', () => {
    const csv = spawnBuilt(['heatmap', '--leads', sample, ...FLAGS]);
    const zip = put('bulk.zip', zipOf([{ name: '1234.csv', data: readFileSync(sample) }]));
    const r = spawnBuilt(['heatmap', '--leads', zip, ...FLAGS]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(csv.stdout);
    const sql = spawnBuilt(['heatmap', '--leads', zip, ...FLAGS, '--engine', 'duckdb']);
    expect(sql.code).toBe(2);
    expect(sql.stderr).toContain(`${zip} is a ZIP archive, which the SQL engine does not read`);
  });
});
