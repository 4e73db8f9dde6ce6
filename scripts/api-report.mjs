#!/usr/bin/env node
// Checks the exported surface of every package entry against its committed API report
// (packages/*/api/*.api.md), with API Extractor on the built .d.ts files. Exits 1 naming the entry whose
// surface changed. `--update` rewrites the reports instead: review the diff and commit it with the change.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Extractor, ExtractorConfig } from '@microsoft/api-extractor';

const root = fileURLToPath(new URL('..', import.meta.url));
const update = process.argv.includes('--update');
let failed = 0;
for (const pkg of readdirSync(join(root, 'packages'))) {
  const dir = join(root, 'packages', pkg);
  for (const file of readdirSync(dir).filter((f) => /^api-extractor(\.[a-z-]+)?\.json$/.test(f))) {
    const config = ExtractorConfig.loadFileAndPrepare(join(dir, file));
    const result = Extractor.invoke(config, {
      localBuild: update,
      showVerboseMessages: false,
      messageCallback: (message) => {
        // Only what concerns the surface: warnings about links in docs are reported, not fatal.
        if ((message.logLevel === 'warning' || message.logLevel === 'error') && !/API report file was missing/.test(message.text)) {
          console.error(`${pkg}/${file}: ${message.text}`);
        }
        message.handled = true;
      },
    });
    if (result.errorCount > 0 || (!update && result.apiReportChanged)) {
      failed++;
      console.error(
        result.errorCount > 0
          ? `${pkg}/${file}: API Extractor failed (${result.errorCount} errors).`
          : `${pkg}/${file}: the exported surface differs from ${config.reportFilePath}: run \`npm run api:update\`, review and commit the report.`,
      );
    } else console.log(`${pkg}/${file}: ${update && result.apiReportChanged ? 'report updated' : 'surface matches the report'}`);
  }
}
process.exit(failed ? 1 : 0);
