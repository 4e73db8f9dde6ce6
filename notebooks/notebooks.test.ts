import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Every notebook is executed headless with the Deno kernel (`jupyter nbconvert --execute`, through
// notebooks/run.mjs, which is also `npm run notebooks`), against the built packages. The suite fails on any
// cell error, and when the outputs saved in the notebooks (what a reader sees on the code host) no longer
// match what the code produces: then run `npm run notebooks` to refresh them.
//
// Needs jupyter-nbconvert (see notebooks/README.md). Set PANOPTICON_SKIP_NOTEBOOKS=1 to skip on a machine
// without it; CI installs it.

const here = dirname(fileURLToPath(import.meta.url));
const skip = process.env.PANOPTICON_SKIP_NOTEBOOKS === '1';
const names = readdirSync(here)
  .filter((f) => f.endsWith('.ipynb'))
  .sort();
const out = mkdtempSync(join(tmpdir(), 'panopticon-notebooks-'));
let run: { code: number; output: string } | undefined;

interface Output {
  output_type: string;
  name?: string;
  text?: string | string[];
  data?: Record<string, string | string[]>;
  ename?: string;
  evalue?: string;
}
interface Cell {
  cell_type: string;
  source: string | string[];
  execution_count?: number | null;
  outputs?: Output[];
}
const read = (path: string): Cell[] => (JSON.parse(readFileSync(path, 'utf8')) as { cells: Cell[] }).cells;
const text = (value: string | string[] | undefined) => (Array.isArray(value) ? value.join('') : (value ?? ''));

/**
 * What a reader sees of a cell's outputs, SVG markup left out (chart styling is the chart package's
 * snapshots' business), sorted: the kernel may deliver a cell's console output and its displays in either order.
 */
function visible(cell: Cell): string[] {
  return (cell.outputs ?? [])
    .map((o) => {
      if (o.output_type === 'stream') return `${o.name}: ${text(o.text)}`;
      if (o.output_type === 'error') return `error: ${o.ename}: ${o.evalue}`;
      const data = o.data ?? {};
      return Object.keys(data)
        .sort()
        .map((mime) => (mime === 'image/svg+xml' ? `${mime}: <svg …>` : `${mime}: ${text(data[mime])}`))
        .join('\n');
    })
    .sort();
}

/** Code cells that show something (a table, a figure, a console.log) but hold no output. */
function missingOutputs(cells: Cell[]): number[] {
  return cells.flatMap((cell, i) =>
    cell.cell_type === 'code' && (cell.outputs ?? []).length === 0 && /\bawait (table|figure)\(|console\.log\(/.test(text(cell.source))
      ? [i]
      : [],
  );
}

beforeAll(async () => {
  if (skip) return;
  const jupyter = spawnSync('jupyter', ['nbconvert', '--version'], { encoding: 'utf8' });
  if (jupyter.error || jupyter.status !== 0) {
    throw new Error(
      'jupyter nbconvert is not installed, so the notebooks cannot be executed. Install it (Debian/Ubuntu: ' +
        'apt-get install jupyter-nbconvert python3-ipykernel; elsewhere: pip install nbconvert ipykernel), ' +
        'or set PANOPTICON_SKIP_NOTEBOOKS=1 to skip this suite.',
    );
  }
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [join(here, 'run.mjs'), '--out', out], {
      cwd: here,
      timeout: 600_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    run = { code: 0, output: stdout + stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    run = { code: typeof e.code === 'number' ? e.code : 1, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}, 660_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe.skipIf(skip)('notebooks', () => {
  it('there are the five notebooks of the guide', () => {
    expect(names).toEqual([
      'baseline-kpis.ipynb',
      'dataframes.ipynb',
      'locator-accountability.ipynb',
      'response-heatmap.ipynb',
      'speed-to-lead.ipynb',
    ]);
  });

  it('every notebook executes headless without a cell error', () => {
    // run.mjs exits non-zero on any cell error and prints nbconvert's report, which names the cell.
    expect(run?.output ?? '', 'notebooks/run.mjs output').not.toMatch(/FAILED/);
    expect(run?.code).toBe(0);
  });

  describe.each(names)('%s', (name) => {
    it('ran every code cell, with no error output', () => {
      const cells = read(join(out, name));
      const code = cells.filter((c) => c.cell_type === 'code');
      expect(code.length).toBeGreaterThan(3);
      expect(code.filter((c) => c.execution_count == null).length, 'cells not executed').toBe(0);
      expect(cells.flatMap((c) => (c.outputs ?? []).filter((o) => o.output_type === 'error'))).toEqual([]);
      expect(missingOutputs(cells), 'cells without output').toEqual([]);
    });

    it('has its outputs saved, and they are what the code produces now (else: npm run notebooks)', () => {
      const saved = read(join(here, name));
      const fresh = read(join(out, name));
      expect(missingOutputs(saved), 'cells saved without output: run npm run notebooks').toEqual([]);
      expect(saved.map((c) => text(c.source))).toEqual(fresh.map((c) => text(c.source)));
      saved.forEach((cell, i) => {
        expect(visible(cell), `${name} cell ${i}: saved outputs differ from a fresh run; run npm run notebooks`).toEqual(
          visible(fresh[i]!),
        );
      });
    });
  });
});
