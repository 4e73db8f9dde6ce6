import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));

/** Every non-test source file under sources/ (test helpers are imported by tests only, never by a build's entry). */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && !entry.name.endsWith('.test-helper.ts') ? [path] : [];
  });
}

describe('sources in a browser', () => {
  it('import no node: module statically (file access loads node:fs lazily, when a path is read)', () => {
    const files = sourceFiles(here);
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/^\s*(import|export)[^;]*from\s+['"](node:|fs['"]|path['"])/m);
      expect(text, file).not.toMatch(/require\(/);
    }
  });

  it('read no clock and no process time zone', () => {
    for (const file of sourceFiles(here)) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/Date\.now\(|new Date\(\)|Date\.parse\(|getTimezoneOffset|process\.env/);
    }
  });
});
