import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Importing '@panopticon/core' must never load danfojs-node (an optional peer that only the
// '@panopticon/core/danfo' subpath uses). Checked on the source import graph and on the built files.

const src = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = resolve(src, '../dist');
const SPECIFIER =
  /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s*['"]([^'"]+)['"]/gm;

/** Every file the module at `entry` reaches through relative imports, and every bare specifier met. */
function importGraph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string): void => {
    if (files.has(file)) return;
    files.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(SPECIFIER)) {
      const spec = m[1] ?? m[2] ?? m[3]!;
      if (spec.startsWith('.')) visit(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
      else packages.add(spec);
    }
  };
  visit(entry);
  return { files, packages };
}

describe('the main entry does not load danfo', () => {
  it('reaches no danfo file and no danfojs package through its source imports', () => {
    const { files, packages } = importGraph(join(src, 'index.ts'));
    expect(files.size).toBeGreaterThan(30); // the graph was really walked
    expect([...files].filter((f) => f.includes(`${join(src, 'danfo')}`))).toEqual([]);
    expect([...packages].filter((p) => p.startsWith('danfojs'))).toEqual([]);
    expect(packages).toContain('zod/mini'); // the walk reached the model
  });

  it('the danfo subpath does import danfojs-node (so the check above means something)', () => {
    expect(importGraph(join(src, 'danfo/index.ts')).packages).toContain('danfojs-node');
  });

  it('the built main and files entries (ESM and CJS) mention no danfojs (npm test builds first)', () => {
    for (const file of ['index.js', 'index.cjs', 'files.js', 'files.cjs']) {
      const path = join(dist, file);
      expect(existsSync(path), `${path} is built`).toBe(true);
      expect(readFileSync(path, 'utf8')).not.toMatch(/danfojs/);
    }
  });
});
