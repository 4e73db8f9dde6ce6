import { defineConfig } from 'vitest/config';

// Tests run in a zone that is neither UTC nor whole-hour (UTC+12:45 / +13:45 with DST), so any
// accidental use of the process time zone in code under test produces wrong answers and fails.
// Forked workers inherit this environment.
process.env.TZ = 'Pacific/Chatham';

export default defineConfig({
  // Workspace packages resolve to their TypeScript sources: tests need no build of the libraries, and
  // never run against a stale one. Vitest runs tests server-side, so the SSR resolver needs it too.
  resolve: { conditions: ['@panopticon/source'] },
  ssr: { resolve: { conditions: ['@panopticon/source'], externalConditions: ['@panopticon/source'] } },
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'packages/*/test/**/*.test.ts',
      'examples/**/*.test.ts',
      'scripts/**/*.test.ts',
      'notebooks/**/*.test.ts',
      'docs/**/*.test.ts',
    ],
    pool: 'forks',
    // Guards against a hung test or hook, not measures: tests that run the built CLI take 5–30 s each on a loaded
    // 2-core machine (several processes per test; hooks that write pages more), and performance is measured by the
    // benchmark scripts, never here.
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
