/**
 * SVG snapshot testing (STYLE 11, after Plot's `test/plot-snapshot.js`): render under jsdom, normalize,
 * compare with `test/output/<name>.svg`; on a difference write `<name>-changed.svg` beside it and fail;
 * write the snapshot when it does not exist yet (first run; in CI that fails instead). `UPDATE_SNAPSHOTS=1` overwrites.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';
import { toSvgString } from '../src/index.js';

export const OUTPUT_DIR = join(dirname(fileURLToPath(import.meta.url)), 'output');

/** A fresh jsdom document. */
export function makeDocument(): Document {
  return new JSDOM('<!DOCTYPE html><html><body></body></html>').window.document;
}

/**
 * Normalized markup: numbers rounded to 2 decimals, generated ids and class names replaced by stable
 * ones, one element per line (readable diffs).
 */
export function normalizeSvg(markup: string): string {
  return markup
    .replace(/\d+\.\d{3,}/g, (n) => String(Math.round(Number(n) * 100) / 100))
    .replace(/plot-(clip|marker|pattern|gradient)-\d+/g, 'plot-$1')
    .replace(/\bplot-[0-9a-f]{6}\b/g, 'plot')
    .replace(/></g, '>\n<')
    .concat('\n');
}

/** Compares a figure with its snapshot; returns a message on a difference, `null` when it matches. */
export function checkSnapshot(name: string, figure: Element): string | null {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  const actual = normalizeSvg(toSvgString(figure));
  const expectedPath = join(OUTPUT_DIR, `${name}.svg`);
  const changedPath = join(OUTPUT_DIR, `${name}-changed.svg`);
  // In CI a missing snapshot is a failure: it would otherwise pass by writing itself.
  if (!existsSync(expectedPath) && process.env.CI) {
    writeFileSync(changedPath, actual);
    return `${name}.svg has no snapshot in test/output: run the tests locally and commit it`;
  }
  if (!existsSync(expectedPath) || process.env.UPDATE_SNAPSHOTS === '1') {
    writeFileSync(expectedPath, actual);
    rmSync(changedPath, { force: true });
    return null;
  }
  const expected = readFileSync(expectedPath, 'utf8');
  if (expected === actual) {
    rmSync(changedPath, { force: true });
    return null;
  }
  writeFileSync(changedPath, actual);
  return `${name}.svg differs from its snapshot: see ${changedPath} (delete the snapshot, or run with UPDATE_SNAPSHOTS=1, to accept it)`;
}
