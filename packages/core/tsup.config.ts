import { defineConfig } from 'tsup';

export default defineConfig({
  // The danfo interop is its own entry (`@panopticon/core/danfo`) so that the main entry never loads
  // danfojs-node, an optional peer dependency (external, as every peer is).
  // The heatmap's worker thread is an entry of its own, found beside the bundle at run time
  // (new URL('./response-worker.js', import.meta.url)); `shims` gives the CJS build an import.meta.url.
  entry: { index: 'src/index.ts', 'danfo/index': 'src/danfo/index.ts', 'response-worker': 'src/sources/csv/response-worker.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'node20',
  shims: true,
});
