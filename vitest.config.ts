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
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
