import type { Plugin } from 'esbuild';
import { defineConfig } from 'tsup';
import { libraryBuild } from '../../scripts/tsup-library.mjs';

/**
 * The browser build (the `browser` condition of `.` and `./files`): the same code, in which every Node built-in and the Parquet and
 * Arrow readers (optional peers, loaded lazily) become a module that throws when loaded. Reading text or bytes never loads one, so a
 * browser bundle of a program that reads an upload reaches no Node built-in and needs no externals; reading a path there throws. Both
 * entries are built together, so that they share one copy of the code (one `DataQualityError` class for `instanceof`, one zod schema).
 */
const nodeOnly: Plugin = {
  name: 'node-only-modules',
  setup(build) {
    build.onResolve({ filter: /^(node:|hyparquet$|apache-arrow$)/ }, (args) => ({ path: args.path, namespace: 'node-only' }));
    build.onLoad({ filter: /.*/, namespace: 'node-only' }, (args) => ({
      contents: `throw new Error(${JSON.stringify(`${args.path} is not available in the browser build of @panopticon/core/files: in a browser, pass a file's text or bytes (CSV or NDJSON); paths, Parquet and Arrow files are read in Node.`)});`,
      loader: 'js',
    }));
  },
};

export default defineConfig([
  // The main entry is platform-neutral (no Node built-in reachable). Reading files is its own entry (`@panopticon/core/files`, which
  // loads hyparquet and apache-arrow, optional peers, on demand), and so is the danfo interop (`@panopticon/core/danfo`), so that the main
  // entry never loads danfojs-node, an optional peer dependency (external, as every peer is). Node built-ins keep their `node:` prefix.
  libraryBuild(
    { index: 'src/index.ts', files: 'src/files.ts', 'danfo/index': 'src/danfo/index.ts' },
    { shims: true, removeNodeProtocol: false },
  ),
  libraryBuild(
    { index: 'src/index.ts', files: 'src/files.ts' },
    {
      format: ['esm'],
      dts: false,
      clean: false,
      outDir: 'dist/browser',
      platform: 'browser',
      noExternal: ['hyparquet', 'apache-arrow'],
      removeNodeProtocol: false,
      esbuildPlugins: [nodeOnly],
    },
  ),
  // The CSV heatmap's worker thread, found beside the bundle (see heatmap-pieces.ts): a script Node starts,
  // so ESM alone, with no types.
  libraryBuild(
    { 'heatmap-worker': 'src/sources/csv/heatmap-worker.ts' },
    { format: ['esm'], dts: false, clean: false, shims: true, removeNodeProtocol: false },
  ),
]);
