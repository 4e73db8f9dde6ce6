import { defineConfig } from 'tsup';

export default defineConfig({
  // The main entry is platform-neutral (no Node built-in reachable). Reading files is its own entry
  // (`@panopticon/core/csv`), and so is the danfo interop (`@panopticon/core/danfo`), so that the main entry
  // never loads danfojs-node, an optional peer dependency (external, as every peer is).
  // The CSV heatmap's worker thread is an entry too, found beside the bundle (see heatmap-pieces.ts).
  entry: {
    index: 'src/index.ts',
    csv: 'src/csv.ts',
    'danfo/index': 'src/danfo/index.ts',
    'heatmap-worker': 'src/sources/csv/heatmap-worker.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  // The maps point into src/, which the package ships: no copy of every source inside them.
  esbuildOptions(options) {
    options.sourcesContent = false;
  },
  target: 'node20',
  shims: true,
});
