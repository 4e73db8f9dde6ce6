/**
 * How the dashboard's inline script and style sheet are made from their sources: the typed browser code in
 * `client/` bundled by esbuild into one minified IIFE, and `styles.css` as written. The package build
 * (packages/cli/tsup.config.ts) runs this once and inlines the result into the bundles; code run from its
 * TypeScript sources (the tests) runs it on first use (see assets.ts), so both embed the same text.
 *
 * @module
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BuildOptions, BuildResult } from 'esbuild';

/** The page's inline script and the static part of its style sheet. */
export interface ReportAssets {
  /** The browser script, ready to embed in `<script>` (no `</script`, no raw U+2028/U+2029). */
  script: string;
  /** `styles.css`; the palette classes and the figures' CSS are appended per page (styles.ts). */
  css: string;
}

/** The part of esbuild's API this needs (passed in: esbuild is a build tool, not a dependency of the command). */
export interface Esbuild {
  buildSync(options: BuildOptions & { write: false }): BuildResult<{ write: false }>;
}

/** The entry point of the browser script, in the report's source folder. */
export const CLIENT_ENTRY = join('client', 'main.ts');

/** Compiles the assets from the report's source folder (packages/cli/src/report). */
export function compileReportAssets(esbuild: Esbuild, reportDir: string): ReportAssets {
  const result = esbuild.buildSync({
    entryPoints: [join(reportDir, CLIENT_ENTRY)],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    // `@panopticon/core` (and charts) as a consumer's browser bundle gets them: the built packages' ESM entries
    // under the browser conditions, as core's browser-bundle test (packages/core/test/browser-bundle.test.ts)
    // and the consumer test (scripts/consumer.test.ts) bundle them. The page recomputes with that code.
    conditions: ['browser', 'import'],
    // Any current browser; the page has no build step of its own.
    target: 'es2020',
    minify: true,
    // Non-ASCII written as \u escapes: U+2028 and U+2029 then never appear raw inside the <script>.
    charset: 'ascii',
    legalComments: 'none',
    write: false,
    logLevel: 'silent',
    metafile: true,
  });
  // Nothing stays external: core's browser build reaches no Node built-in (its stand-ins throw if reached), and an
  // import left in the page's script would be refused by the browser (the page's CSP allows no script source).
  const bad = Object.values(result.metafile?.outputs ?? {}).flatMap((output) => output.imports);
  if (bad.length > 0) throw new Error(`The dashboard script imports ${bad.map((i) => `${i.path} (${i.kind})`).join(', ')}.`);
  const script = result.outputFiles?.[0]?.text;
  if (script === undefined) throw new Error(`esbuild wrote nothing for ${CLIENT_ENTRY}.`);
  // The HTML parser ends a <script> at the first "</script": the bundle must not contain one (esbuild
  // escapes it in strings; this guards the assumption).
  if (/<\/script/i.test(script)) throw new Error(`The dashboard script contains "</script": it cannot be inlined.`);
  const css = readFileSync(join(reportDir, 'styles.css'), 'utf8').trim();
  if (/<\/style/i.test(css)) throw new Error(`styles.css contains "</style": it cannot be inlined.`);
  return { script, css };
}
