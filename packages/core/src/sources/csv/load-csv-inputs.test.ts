import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { loadText, TZ } from './load-csv.test-helper.js';
import { loadFiles } from '../tables/load-files.js';

describe('loadFiles: inputs', () => {
  it('labels files by fileLabel, by input label, or by the DESIGN file names', async () => {
    const { issues, stats } = await loadFiles({
      leads: { text: 'lead_id,received_time\nL1,x\n', label: 'upload.csv' },
      stageHistory: { text: 'lead_id,stage,changed_at\nL1,New,x\n' },
      timeZone: TZ,
      fileLabel: { stageHistory: 'history' },
    });
    expect(issues.map((i) => [i.file, i.code])).toEqual([
      ['upload.csv', 'unparseable-timestamp'],
      ['history', 'unknown-lead'],
      ['history', 'unparseable-timestamp'],
    ]);
    expect(Object.keys(stats.inputs!)).toEqual(['upload.csv', 'history']);
  });

  it('reads chunks of bytes, split anywhere', async () => {
    const bytes = new TextEncoder().encode('lead_id,received_time,name\r\nL1,2025-01-06 09:00,"Zoë\r\nSmith"\r\n');
    async function* chunks() {
      for (let i = 0; i < bytes.length; i += 3) yield bytes.slice(i, i + 3);
    }
    const { leads } = await loadFiles({ leads: { chunks: chunks() }, timeZone: TZ });
    expect(leads[0]!.name).toBe('Zoë\r\nSmith');
  });

  it('reads other delimiters', async () => {
    const { leads } = await loadText({
      leads: 'lead_id;received_time;name\nL1;2025-01-06 09:00;"Lee; Ann"\n',
      timeZone: TZ,
      delimiter: ';',
    });
    expect(leads[0]!.name).toBe('Lee; Ann');
  });
});

// ---- the accounting invariant -------------------------------------------------------------------------

type RowKind = 'good' | 'warn' | 'dup' | 'noId' | 'badTime' | 'fields' | 'quote';

/** A leads row of the given kind; `n` makes ids unique. */
function row(kind: RowKind, n: number): string {
  switch (kind) {
    case 'good':
      return `L${n},"Name, ${n}",2025-01-06 09:00,2025-01-06 09:30`;
    case 'warn':
      return `L${n},Name,2025-01-06 09:00,2025-01-06 08:30`;
    case 'dup':
      return `L0,Dup,2025-01-06 09:00,`;
    case 'noId':
      return `,Name,2025-01-06 09:00,`;
    case 'badTime':
      return `L${n},Name,2025-02-30 09:00,`;
    case 'fields':
      return `L${n},Name,2025-01-06 09:00`;
    case 'quote':
      return `L${n},"Na"me,2025-01-06 09:00,`;
  }
}

describe('loadFiles: every row is accounted for', () => {
  it('rows = accepted + rejected; every rejected row has an error on its line; accepted rows are the leads', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom<RowKind>('good', 'warn', 'dup', 'noId', 'badTime', 'fields', 'quote'), { maxLength: 30 }),
        fc.array(fc.constantFrom('good', 'unknown', 'bad'), { maxLength: 10 }),
        fc.constantFrom('\n', '\r\n'),
        async (kinds, historyKinds, eol) => {
          const rows = ['L0,First,2025-01-06 09:00,', ...kinds.map((k, i) => row(k, i + 1))];
          const history = historyKinds.map((k, i) =>
            k === 'good' ? `L0,New,2025-01-0${(i % 9) + 1} 10:00` : k === 'unknown' ? `X${i},New,2025-01-06 10:00` : `L0,New,nope`,
          );
          const { leads, issues, stats } = await loadText({
            leads: ['lead_id,name,received_time,first_contact_time', ...rows].join(eol) + eol,
            stageHistory: ['lead_id,stage,changed_at', ...history].join(eol),
            timeZone: TZ,
          });
          expect(stats.rows).toBe(stats.accepted + stats.rejected);
          expect(stats.rows).toBe(rows.length + history.length);
          for (const counts of Object.values(stats.inputs!)) expect(counts.rows).toBe(counts.accepted + counts.rejected);
          expect(stats.inputs!['leads.csv']!.rows).toBe(rows.length);
          expect(stats.inputs!['leads.csv']!.accepted).toBe(leads.length);
          const expectedRejected = kinds.filter((k) => k !== 'good' && k !== 'warn').length;
          expect(stats.inputs!['leads.csv']!.rejected).toBe(expectedRejected);
          expect(stats.inputs!['stage_history.csv']!.rejected).toBe(historyKinds.filter((k) => k !== 'good').length);
          // Each rejected leads row (line = index + 2) has an error on that line; accepted ones have none.
          const errorLines = new Set(issues.filter((i) => i.severity === 'error' && i.file === 'leads.csv').map((i) => i.line));
          expect(errorLines.size).toBe(expectedRejected);
          for (const [i, k] of kinds.entries()) expect(errorLines.has(i + 3)).toBe(k !== 'good' && k !== 'warn');
          expect(leads[0]!.stageHistory).toHaveLength(historyKinds.filter((k) => k === 'good').length);
        },
      ),
      { numRuns: 200 },
    );
  });
});
