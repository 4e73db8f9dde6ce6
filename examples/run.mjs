#!/usr/bin/env node
// Runs one of the TypeScript examples with Node: `npm run example -- csv-to-kpis [args…]`.
//
// Node 20 cannot run TypeScript, so the example is first bundled with esbuild (tsup's own copy, already
// installed): the workspace packages (@panopticon/*) are compiled from their TypeScript sources (the
// "source" export condition, as the tests use them, so no build is needed), every other package stays an
// ordinary import resolved from node_modules, and `import.meta.url` keeps pointing at the example's own
// file so that it finds examples/data. The bundle is written under node_modules/.cache and run with node.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');

/** Bundles `examples/<name>.ts` for Node and returns the path of the bundle. */
export async function buildExample(name) {
  const entry = join(here, `${basename(name, '.ts')}.ts`);
  if (!existsSync(entry)) throw new Error(`No example ${JSON.stringify(name)}: expected ${entry}.`);
  const require = createRequire(import.meta.url);
  const esbuild = await import(pathToFileURL(createRequire(require.resolve('tsup')).resolve('esbuild')).href);
  const outDir = join(root, 'node_modules/.cache/panopticon-examples');
  mkdirSync(outDir, { recursive: true });
  const outfile = join(outDir, `${basename(entry, '.ts')}.mjs`);
  await esbuild.build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    conditions: ['@panopticon/source'],
    sourcemap: 'inline',
    logLevel: 'warning',
    define: { 'import.meta.url': JSON.stringify(pathToFileURL(entry).href) },
    plugins: [
      {
        name: 'workspace-from-source',
        setup(build) {
          // Bundle our own packages and relative files; leave every other package to Node.
          build.onResolve({ filter: /^[^./]/ }, (args) =>
            args.path.startsWith('@panopticon/') || args.kind === 'entry-point' ? undefined : { path: args.path, external: true },
          );
        },
      },
    ],
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
