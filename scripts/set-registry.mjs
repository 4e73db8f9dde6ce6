#!/usr/bin/env node
// Points the four packages at a registry: `node scripts/set-registry.mjs https://npm.example.internal/`
// rewrites `publishConfig.registry` in each package.json (the only place the registry is written), so that
// `npm run release` publishes there and nowhere else. Add the scope to your .npmrc as well
// (`@panopticon:registry=<url>`), so that installs ask that registry, never the public one, for @panopticon/*.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const url = process.argv[2];
if (!url || !/^https?:\/\/[^/\s]+/.test(url)) {
  console.error('usage: node scripts/set-registry.mjs <registry URL>, e.g. https://npm.example.internal/');
  process.exit(2);
}
const registry = url.endsWith('/') ? url : `${url}/`;
for (const dir of ['core', 'charts', 'zoho-adapter', 'cli']) {
  const file = fileURLToPath(new URL(`../packages/${dir}/package.json`, import.meta.url));
  const pkg = JSON.parse(readFileSync(file, 'utf8'));
  pkg.publishConfig = { ...pkg.publishConfig, registry };
  // Written beside and renamed over, so a failure never leaves half a package.json.
  writeFileSync(`${file}.tmp`, `${JSON.stringify(pkg, null, 2)}\n`);
  renameSync(`${file}.tmp`, file);
  console.log(`${pkg.name}: publishConfig.registry = ${registry}`);
}
