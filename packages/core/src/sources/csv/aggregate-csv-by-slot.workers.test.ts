import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type * as Core from '../../index.js';
import { aggregateCsvBySlot } from './aggregate-csv-by-slot.js';

// Worker threads run the built worker script (dist/response-worker.js): from sources (as here) the
// heatmap reads every chunk in the calling thread. So this test drives the built package, which
// `npm test` builds first, and compares it with the sources read in one thread.
const dist = fileURLToPath(new URL('../../../dist/index.js', import.meta.url));
const built = existsSync(dist) && existsSync(fileURLToPath(new URL('../../../dist/response-worker.js', import.meta.url)));

const dir = mkdtempSync(join(tmpdir(), 'panopticon-workers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!built)('aggregateCsvBySlot with worker threads (built package)', () => {
  it('gives, with 1 and 3 workers, the cells, issues and stats of a single pass in one thread', { timeout: 120_000 }, async () => {
    // About 7 MB (several 1 MB chunks): ids repeated chunks apart, quoted CRLFs, unreadable times, CRLF lines.
    const rows = ['lead_id,received_time,first_contact_time,team,notes'];
    for (let i = 0; i < 60_000; i++) {
      const id = i % 997 === 0 ? String(i % 5000) : String(100_000 + i);
      const day = String(1 + (i % 28)).padStart(2, '0');
      const hour = String(i % 24).padStart(2, '0');
      const contact = i % 13 === 0 ? '' : i % 101 === 0 ? 'later' : `2025-02-${day} ${hour}:${String((i * 7) % 60).padStart(2, '0')}:00`;
      const notes = i % 4999 === 0 ? `"first line\r\nsecond ""line"" ${'x'.repeat(i % 300)}"` : i % 3 === 0 ? '"a, b"' : 'note';
      const received = i % 7919 === 0 ? 'soon' : `2025-02-${day} ${hour}:00:00`;
      rows.push(`${id},${received},${contact},${['East', 'West', ' North '][i % 3]},${notes}`);
      // A quoted value of 2.5 MB with line ends crosses chunk boundaries: the threads' reading must
      // notice and read on in one pass from there.
      if (i === 20_000) rows.push(`1,2025-02-03 09:00:00,,East,"${'a long note, on many lines\r\n'.repeat(90_000)}"`);
    }
    const path = join(dir, 'big.csv');
    writeFileSync(path, `${rows.join('\r\n')}\r\n`);
    // As of mid-February: later arrivals are left out, later first contacts are not contacts yet.
    const options = {
      timeZone: 'America/New_York',
      team: ['East', 'North'],
      label: 'big.csv',
      asOf: new Date(Date.UTC(2025, 1, 15, 12, 30)),
    };
    const expected = await aggregateCsvBySlot(path, { ...options, workers: 0 });
    expect(expected.issues.length).toBeGreaterThan(100);
    const core = (await import(/* @vite-ignore */ dist)) as typeof Core;
    for (const workers of [1, 3]) {
      const actual = await core.aggregateCsvBySlot(path, { ...options, workers });
      expect(actual.stats).toEqual(expected.stats);
      expect(actual.issues).toEqual(expected.issues);
      expect(actual.cells).toEqual(expected.cells);
    }
  });
});
