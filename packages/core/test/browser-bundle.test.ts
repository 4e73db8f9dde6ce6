import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { bundleForBrowser } from '../../../scripts/browser-bundle.mjs';

// The main entry of @panopticon/core is platform-neutral: a browser program that computes a heatmap bundles
// with no Node built-in reachable and no externals. Reading files is the separate `@panopticon/core/files`, whose `browser` build reads
// text and bytes (an upload) with no Node built-in reachable either: the dashboard's page bundles it so.
// It bundles the built package, as a consumer's bundler would (`npm test` builds first).
const root = fileURLToPath(new URL('../../..', import.meta.url));
const program = `
  import { aggregateBySlot, needsAttention, parsePipeline } from '@panopticon/core';
  const cells = aggregateBySlot([{ createdAt: new Date('2026-10-05T13:10:00Z'), firstContactAt: null }], { timeZone: 'America/New_York' });
  const pipeline = parsePipeline({ stages: [{ name: 'New', category: 'open' }] });
  console.log(cells.length, needsAttention([], { asOf: new Date(0), timeZone: 'UTC', pipeline }).length);
`;

/** Bundles a program for the browser as a consumer would (the built packages, browser conditions, no externals). */
const bundle = (contents: string) =>
  bundleForBrowser({ stdin: { contents, resolveDir: root, loader: 'ts' }, conditions: ['browser', 'import'] });

describe('@panopticon/core in a browser', () => {
  it('a heatmap program bundles for the browser with no Node built-in, no externals and one zod locale, under 60 KB gzip', async () => {
    const result = await bundle(program);
    expect(result.errors).toEqual([]);
    expect(result.builtins).toEqual([]);
    // What each input file puts into the bundle (an input read but tree-shaken away puts 0 bytes).
    const bundled = Object.entries(Object.values(result.metafile.outputs)[0]!.inputs).filter(([, input]) => input.bytesInOutput > 0);
    // zod/mini is imported function by function, so only the English messages come along, not zod's 40-odd locales.
    expect(bundled.map(([path]) => path).filter((path) => /zod\/v4\/locales\/(?!en\.js)/.test(path))).toEqual([]);
    const code = result.outputFiles[0]!.text;
    const gzip = gzipSync(code).length;
    const bytesFrom = (pattern: RegExp) =>
      bundled.filter(([path]) => pattern.test(path)).reduce((sum, [, input]) => sum + input.bytesInOutput, 0);
    console.log(
      `browser bundle of a heatmap program: ${(code.length / 1024).toFixed(1)} KB, ${(gzip / 1024).toFixed(1)} KB gzip ` +
        `(core ${(bytesFrom(/packages\/core\//) / 1024).toFixed(1)} KB, zod ${(bytesFrom(/node_modules\/zod\//) / 1024).toFixed(1)} KB before gzip)`,
    );
    // A budget, not a timing: the whole program is core's part (with zod), so it must stay under the 60 KB gzip target.
    expect(gzip).toBeLessThan(60 * 1024);
  });

  it('a program that reads an upload with @panopticon/core/files bundles with no Node built-in and no externals, and reads it', async () => {
    const result = await bundle(
      `import { loadFiles } from '@panopticon/core/files';
       const text = 'lead_id,received_time,first_contact_time\\n1,2025-01-06 09:00,2025-01-06 09:20\\n2,not a time,\\n';
       const { leads, issues } = await loadFiles({ leads: { text, label: 'upload.csv' }, timeZone: 'America/New_York' });
       globalThis.readInBrowserBundle = { ids: leads.map((l) => l.id), issues: issues.map((i) => [i.code, i.file, i.line]) };`,
    );
    expect(result.errors).toEqual([]);
    expect(result.builtins).toEqual([]);
    expect(Object.values(result.metafile.outputs)[0]!.imports).toEqual([]);
    // The bundle runs (here in Node, with nothing to import) and reads the text with the CSV rules and issues.
    await import(`data:text/javascript,${encodeURIComponent(result.outputFiles[0]!.text)}`);
    const read = (globalThis as { readInBrowserBundle?: { ids: string[]; issues: unknown[] } }).readInBrowserBundle;
    expect(read?.ids).toEqual(['1']);
    expect(read?.issues).toContainEqual(['unparseable-timestamp', 'upload.csv', 3]);
  });

  it('the browser build reads a gzip upload with DecompressionStream (node:zlib is not in it), and refuses a workbook', async () => {
    const gz = [...gzipSync('lead_id,received_time\n7,2025-01-06 09:00\n')];
    const result = await bundle(
      `import { loadFiles } from '@panopticon/core/files';
       const bytes = new Uint8Array(${JSON.stringify(gz)});
       const { leads } = await loadFiles({ leads: { bytes, format: 'csv', label: 'upload.csv.gz' }, timeZone: 'UTC' });
       const xlsx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]);
       const refused = await loadFiles({ leads: { bytes: xlsx, format: 'csv', label: 'book.xlsx' }, timeZone: 'UTC' }).catch((e) => e.message);
       globalThis.gzipInBrowserBundle = { ids: leads.map((l) => l.id), refused };`,
    );
    expect(result.errors).toEqual([]);
    expect(result.builtins).toEqual([]);
    await import(`data:text/javascript,${encodeURIComponent(result.outputFiles[0]!.text)}`);
    const read = (globalThis as { gzipInBrowserBundle?: { ids: string[]; refused: string } }).gzipInBrowserBundle;
    expect(read?.ids).toEqual(['7']);
    // A ZIP without a central directory: refused by the archive reader, with no Node built-in reached.
    expect(read?.refused).toMatch(/^Cannot read book\.xlsx: it is a ZIP archive Panopticon cannot read \(no central directory/);
  });
});
