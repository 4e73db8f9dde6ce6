// One way to bundle a program for the browser as a consumer would, for the tests that check no Node built-in is
// reachable: core's browser-bundle test (the workspace's built packages) and the consumer test (the packed tarballs).
import { builtinModules } from 'node:module';
import { build } from 'esbuild';

const BUILTINS = new Set(builtinModules);

/** An esbuild plugin that records every import of a Node built-in, with or without `node:`, and who imports it. */
export function nodeBuiltinsWatch(found) {
  return {
    name: 'node-builtins',
    setup(b) {
      b.onResolve({ filter: /.*/ }, (args) => {
        const bare = args.path.replace(/^node:/, '').split('/')[0];
        if (args.path.startsWith('node:') || BUILTINS.has(bare)) found.push(`${args.path} (from ${args.importer})`);
        return undefined;
      });
    },
  };
}

/**
 * Bundles for the browser (ESM, minified, in memory, with its metafile, no externals) and returns esbuild's result
 * with `builtins`, the Node built-ins the program reached. `options` adds the entry (`stdin` or `entryPoints`) and
 * where to resolve from.
 */
export async function bundleForBrowser(options) {
  const builtins = [];
  const result = await build({
    bundle: true,
    platform: 'browser',
    format: 'esm',
    minify: true,
    write: false,
    metafile: true,
    logLevel: 'silent',
    ...options,
    plugins: [nodeBuiltinsWatch(builtins), ...(options.plugins ?? [])],
  });
  return Object.assign(result, { builtins });
}
