import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AggregateCsvBySlotOptions } from './aggregate-csv-by-slot.js';
import { aggregateCsvBySlot } from './aggregate-csv-by-slot.js';
import { setFileChunkSizeForTesting } from './csv-file-input.js';
import { readHeatmapInPieces } from './heatmap-pieces.js';
import { ID_HASH_BITS } from './id-hash.js';
import { readResponseRows } from './read-response-rows.js';

const dir = mkdtempSync(join(tmpdir(), 'panopticon-pieces-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  setFileChunkSizeForTesting(1 << 20);
});
let fileCount = 0;

describe('readHeatmapInPieces', () => {
  it('reads a file in any encoding, delimiter and date format in pieces, with the format detected once: exactly one pass', async () => {
    const rowsOf = (n: number, name: string) => {
      const rows = ['lead_id;received_time;first_contact_time;owner'];
      for (let i = 0; i < n; i++) {
        const day = 13 + (i % 15); // above 12: the dates are day first
        const contact = i % 4 === 0 ? '' : `${day}/06/2025 ${1 + (i % 12)}:45 PM`;
        rows.push(`${i};${day}/06/2025 ${1 + (i % 12)}:15 PM;${contact};${i % 3 === 0 ? name : 'Ana'}`);
      }
      return rows;
    };
    const rows = rowsOf(300, 'Zo\u00eb');
    rows[150] = '149;31/06/2025 1:15 PM;;Ana'; // a date that does not exist, in a later piece
    rows[220] = '219;14/06/2025 3:15 PM;14/06/2025 2:15 PM;Ana;extra'; // a field too many
    rows[260] = '259;14/06/2025 3:15 PM;14/06/2025 2:15 PM;Ana'; // contacted before it arrived
    const text = `${rows.join('\r\n')}\r\n`;
    // The same rows in Windows-1252 (ë is one byte, 0xEB): detected by its invalid UTF-8 on line 2.
    const latin1 = Uint8Array.from(text, (c) => c.charCodeAt(0));
    const utf8 = new TextEncoder().encode(text);
    // ASCII in its head (the first 256 KiB) and Windows-1252 after: one pass then reads it as Windows-1252, which the pieces cannot know.
    const lateRows = rowsOf(6000, 'Zoe');
    lateRows[6000] = '5999;13/06/2025 1:15 PM;;Zo\u00eb';
    const late = Uint8Array.from(`${lateRows.join('\r\n')}\r\n`, (c) => c.charCodeAt(0));
    for (const [bytes, options, inPieces] of [
      [latin1, {}, true],
      [utf8, {}, true],
      [latin1, { delimiter: ';', encoding: 'windows-1252', dateFormat: 'DD/MM/YYYY' }, true],
      [late, {}, false],
    ] as const) {
      const path = join(dir, `formats-${fileCount++}.csv`);
      writeFileSync(path, bytes);
      setFileChunkSizeForTesting(bytes === late ? 4096 : 64);
      const all = { timeZone: 'UTC', label: 'leads.csv', ...options } as AggregateCsvBySlotOptions;
      const onePass = await aggregateCsvBySlot(path, { ...all, workers: 0 });
      const spill = { dir: mkdtempSync(join(dir, 'spill-')), bits: ID_HASH_BITS };
      const pieces = await readHeatmapInPieces(path, 'leads.csv', all, 3, spill);
      expect(pieces !== null).toBe(inPieces);
      if (pieces !== null) {
        expect(pieces.heatmap.cells()).toEqual(onePass.cells);
        expect(pieces.issues).toEqual(onePass.issues);
        expect(pieces.rows).toBe(onePass.stats.rows);
      }
      expect(await aggregateCsvBySlot(path, { ...all, workers: 3 })).toEqual(onePass);
      expect(onePass.stats).toMatchObject(bytes === late ? { rows: 6000, rejected: 0 } : { rows: 300, rejected: 2 });
      if (bytes === late) expect(onePass.issues.find((issue) => issue.code === 'encoding-detected')?.line).toBe(6001);
      else {
        const codes = onePass.issues.map((issue) => issue.code);
        expect(codes).toEqual(expect.arrayContaining(['unparseable-timestamp', 'wrong-field-count', 'contact-before-created']));
        // The text reader (every row by the text rules) accepts the same rows.
        const reference = readResponseRows({ text }, { ...all, delimiter: ';' });
        for await (const _ of reference);
        expect(reference.stats).toEqual(onePass.stats);
      }
    }
  });
});
