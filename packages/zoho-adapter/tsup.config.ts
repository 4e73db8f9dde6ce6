import { defineConfig } from 'tsup';

export default defineConfig({
  // `testing` is the fake Zoho server (`@panopticon/zoho-adapter/testing`), kept out of the main entry.
  entry: ['src/index.ts', 'src/testing.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  // The maps point into src/, which the package ships: no copy of every source inside them.
  esbuildOptions(options) {
    options.sourcesContent = false;
  },
  target: 'node20',
});
