// Bundles a TypeScript file for Node 20, which cannot run TypeScript: esbuild (tsup's own copy, already
// installed) compiles the workspace packages (@panopticon/*) from their TypeScript sources (the "source"
// export condition, as the tests use them, so no build is needed) and leaves every other package an
// ordinary import resolved from node_modules. The examples (examples/run.mjs) and the docs' code blocks
// (docs/doc-blocks.ts) are run this way.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

/** Bundle our own packages and relative files; leave every other package to Node. */
const workspaceFromSource = {
  name: 'workspace-from-source',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith('@panopticon/') || args.kind === 'entry-point' ? undefined : { path: args.path, external: true },
    );
  },
};

/** Bundles `entry` into the ES module `outfile`; `more` adds esbuild options (a source map, a log level, defines). */
export async function bundleForNode(entry, outfile, more = {}) {
  const require = createRequire(import.meta.url);
  const esbuild = await import(pathToFileURL(createRequire(require.resolve('tsup')).resolve('esbuild')).href);
  await esbuild.build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    conditions: ['@panopticon/source'],
    plugins: [workspaceFromSource],
    ...more,
  });
}
