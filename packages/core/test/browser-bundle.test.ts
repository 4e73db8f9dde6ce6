import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

// The main entry of @panopticon/core is platform-neutral: a browser program that computes a heatmap bundles
// with no Node built-in reachable and no externals (reading files is the separate `@panopticon/core/csv`, which loads node:fs only when a path is read).
// It bundles the built package, as a consumer's bundler would (`npm test` builds first).
const root = fileURLToPath(new URL('../../..', import.meta.url));
const program = `
  import { aggregateBySlot, needsAttention, parsePipeline } from '@panopticon/core';
  const cells = aggregateBySlot([{ createdAt: new Date('2026-10-05T13:10:00Z'), firstContactAt: null }], { timeZone: 'America/New_York' });
  const pipeline = parsePipeline({ stages: [{ name: 'New', category: 'open' }] });
  console.log(cells.length, needsAttention([], { asOf: new Date(0), timeZone: 'UTC', pipeline }).length);
`;

describe('@panopticon/core in a browser', () => {
  it('a program importing the main entry bundles for the browser with no Node built-in and no externals', async () => {
    const result = await build({
      stdin: { contents: program, resolveDir: root, loader: 'ts' },
      bundle: true,
      platform: 'browser',
      format: 'esm',
      minify: true,
      write: false,
      logLevel: 'silent',
      conditions: ['browser', 'import'],
    });
    expect(result.errors).toEqual([]);
    const code = result.outputFiles[0]!.text;
    expect(code).not.toMatch(/\bfrom\s*["'](node:|fs|os|url|worker_threads)["']/);
    expect(code).not.toMatch(/require\(["'](node:|fs|os|url|worker_threads)/);
    // Not a target here (issue of bundle size), but printed for the notes.
    console.log(
      `browser bundle of a heatmap program: ${(code.length / 1024).toFixed(0)} KB, ${(gzipSync(code).length / 1024).toFixed(0)} KB gzip`,
    );
  });
});
