import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  // The maps point into src/, which the package ships: no copy of every source inside them.
  esbuildOptions(options) {
    options.sourcesContent = false;
  },
  target: 'node20',
  // DuckDB is a native module: loaded from node_modules at run time, never bundled.
  external: ['@duckdb/node-api', '@panopticon/core'],
});
