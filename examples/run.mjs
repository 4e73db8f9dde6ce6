#!/usr/bin/env node
// Runs one of the TypeScript examples with Node: `npm run example -- csv-to-kpis [args…]`.
//
// Node 20 cannot run TypeScript, so the example is first bundled (scripts/bundle-for-node.mjs: the workspace
// packages compiled from their sources, every other package left to Node), with `import.meta.url` still
// pointing at the example's own file so that it finds examples/data. The bundle is written under
// node_modules/.cache and run with node.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundleForNode } from '../scripts/bundle-for-node.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');

/** Bundles `examples/<name>.ts` for Node and returns the path of the bundle. */
export async function buildExample(name) {
  const entry = join(here, `${basename(name, '.ts')}.ts`);
  if (!existsSync(entry)) throw new Error(`No example ${JSON.stringify(name)}: expected ${entry}.`);
  const outDir = join(root, 'node_modules/.cache/panopticon-examples');
  mkdirSync(outDir, { recursive: true });
  const outfile = join(outDir, `${basename(entry, '.ts')}.mjs`);
  await bundleForNode(entry, outfile, {
    sourcemap: 'inline',
    logLevel: 'warning',
    define: { 'import.meta.url': JSON.stringify(pathToFileURL(entry).href) },
  });
  return outfile;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [name, ...args] = process.argv.slice(2);
  if (!name) {
    console.error('Usage: npm run example -- <name> [args…]   (csv-to-kpis, embed-attention, custom-pipeline, chart-to-svg, …)');
    process.exit(2);
  }
  const bundle = await buildExample(name);
  const { status } = spawnSync(process.execPath, ['--enable-source-maps', bundle, ...args], { stdio: 'inherit' });
  process.exit(status ?? 1);
}
