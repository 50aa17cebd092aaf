import { defineConfig } from 'vitest/config';

/**
 * One test command for the whole repository. The server's integration tests run on PGlite always, and once
 * more on PostgreSQL when DATABASE_URL is set (CI sets it). End-to-end journeys drive Debian's Chromium.
 */
const onPostgres = Boolean(process.env.DATABASE_URL);

const serverProject = (db: 'pglite' | 'postgres') => ({
  test: {
    name: `server-${db}`,
    include: ['apps/server/src/**/*.test.ts', 'packages/cli/src/**/*.test.ts'],
    globalSetup: ['apps/server/test/global-setup.ts'],
    env: { HOMEWARD_TEST_DB: db },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'domain', include: ['packages/domain/src/**/*.test.ts'], testTimeout: 60_000 } },
      { test: { name: 'web', include: ['apps/web/src/**/*.test.ts'] } },
      serverProject('pglite'),
      ...(onPostgres ? [serverProject('postgres')] : []),
      {
        test: {
          name: 'e2e',
          include: ['e2e/src/**/*.test.ts'],
          globalSetup: ['e2e/src/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
