import { defineConfig } from 'tsup';

export default defineConfig({
  // The PostgreSQL source is its own entry (`@panopticon/sql/postgres`): it never loads DuckDB, nor the main entry pg.
  entry: { index: 'src/index.ts', postgres: 'src/postgres/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  // The maps point into src/, which the package ships: no copy of every source inside them.
  esbuildOptions(options) {
    options.sourcesContent = false;
  },
  target: 'node20',
  // DuckDB is a native module, pg and pg-cursor are loaded when a query runs: from node_modules at run time, never bundled.
  external: ['@duckdb/node-api', '@panopticon/core', 'pg', 'pg-cursor'],
});
