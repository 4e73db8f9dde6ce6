import { defineConfig } from 'tsup';
import { libraryBuild } from '../../scripts/tsup-library.mjs';

export default defineConfig([
  // The main entry is platform-neutral (no Node built-in reachable). Reading files is its own entry
  // (`@panopticon/core/csv`), and so is the danfo interop (`@panopticon/core/danfo`), so that the main entry
  // never loads danfojs-node, an optional peer dependency (external, as every peer is). Parquet, Arrow and NDJSON
  // files are read by `@panopticon/core/files`, which loads hyparquet and apache-arrow (optional peers) on demand.
  libraryBuild({ index: 'src/index.ts', csv: 'src/csv.ts', files: 'src/files.ts', 'danfo/index': 'src/danfo/index.ts' }, { shims: true }),
  // The CSV heatmap's worker thread, found beside the bundle (see heatmap-pieces.ts): a script Node starts,
  // so ESM alone, with no types.
  libraryBuild({ 'heatmap-worker': 'src/sources/csv/heatmap-worker.ts' }, { format: ['esm'], dts: false, clean: false, shims: true }),
]);
