// Which folder may import which: the layers of the design, checked by `npm run lint` (part of `npm test`).
// Inside core an import points down only: model ← time ← metrics (follow-up, response) ← survival ← sources,
// and danfo and index.ts on top. Packages: core depends on no package of ours; charts, zoho-adapter and sql on core
// only; cli on all three. Test helpers (tests, arbitraries, the oracle) may reach across layers.
const TESTS = '(\\.test\\.ts$|\\.test-helper\\.ts$|/arbitraries\\.ts$|/test/)';
const core = (folder) => `^packages/core/src/${folder}/`;
// A rule between packages: no file of the `from` packages imports one of the `to` packages (each `a|b`, folder names).
const packageNeverImports = (name, from, to) => ({
  name,
  severity: 'error',
  from: { path: `^packages/(${from})/` },
  to: { path: `^packages/(${to})/` },
});

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import circle: split the shared part into its own file.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-model-is-the-base',
      severity: 'error',
      comment: 'model/ holds the schemas and types; it imports only stats, messages and other model files.',
      from: { path: core('model'), pathNot: TESTS },
      to: { path: '^packages/core/src/(time|response|follow-up|survival|sources|danfo)/' },
    },
    {
      name: 'core-time-below-metrics',
      severity: 'error',
      comment: 'time/ is arithmetic on instants and calendars; metrics and sources build on it, not the reverse.',
      from: { path: core('time'), pathNot: TESTS },
      to: { path: '^packages/core/src/(response|follow-up|survival|sources|danfo)/' },
    },
    {
      name: 'core-metrics-never-import-sources',
      severity: 'error',
      comment: 'Metrics are pure functions of leads; sources read files into leads and may use metrics, never the reverse.',
      from: { path: '^packages/core/src/(response|follow-up|survival|stats)/', pathNot: TESTS },
      to: { path: '^packages/core/src/(sources|danfo)/' },
    },
    {
      name: 'core-metric-families-are-siblings',
      severity: 'error',
      comment: 'follow-up/ and response/ are independent families of metrics; what both need lives in time/ or model/.',
      from: { path: '^packages/core/src/(response|follow-up)/', pathNot: TESTS },
      to: { path: '^packages/core/src/(response|follow-up)/', pathNot: '$1' },
    },
    {
      name: 'core-io-only-in-sources',
      severity: 'error',
      comment: 'core does no I/O outside sources/ (and the danfo interop): Node built-ins stay there.',
      from: { path: '^packages/core/src/', pathNot: `(^packages/core/src/(sources|danfo)/|${TESTS})` },
      to: { dependencyTypes: ['core'] },
    },
    packageNeverImports('core-depends-on-no-package-of-ours', 'core', 'charts|zoho-adapter|sql|cli'),
    packageNeverImports('charts-and-zoho-depend-on-core-only', 'charts|zoho-adapter|sql', 'cli'),
    packageNeverImports('charts-and-zoho-are-independent', 'charts', 'zoho-adapter'),
    packageNeverImports('zoho-and-charts-are-independent', 'zoho-adapter', 'charts'),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(/dist/|node_modules)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { conditionNames: ['@panopticon/source', 'import', 'require', 'node', 'default'], exportsFields: ['exports'] },
  },
};
