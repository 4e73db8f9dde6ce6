import { defineConfig } from 'tsup';

const shared = {
  sourcemap: true,
  // The maps point into src/, which the package ships: no copy of every source inside them.
  esbuildOptions(options: { sourcesContent?: boolean }) {
    options.sourcesContent = false;
  },
  target: 'node20',
  shims: true,
} as const;

export default defineConfig([
  {
    // The main entry is platform-neutral (no Node built-in reachable). Reading files is its own entry
    // (`@panopticon/core/csv`), and so is the danfo interop (`@panopticon/core/danfo`), so that the main entry
    // never loads danfojs-node, an optional peer dependency (external, as every peer is). Parquet, Arrow and NDJSON
    // files are read by `@panopticon/core/files`, which loads hyparquet and apache-arrow (optional peers) on demand.
    entry: { index: 'src/index.ts', csv: 'src/csv.ts', files: 'src/files.ts', 'danfo/index': 'src/danfo/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    ...shared,
  },
  {
    // The CSV heatmap's worker thread, found beside the bundle (see heatmap-pieces.ts): a script Node starts,
    // so ESM alone, with no types.
    entry: { 'heatmap-worker': 'src/sources/csv/heatmap-worker.ts' },
    format: ['esm'],
    dts: false,
    clean: false,
    ...shared,
  },
]);
