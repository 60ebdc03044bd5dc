import { defineConfig } from 'vitest/config';
import type { TestProjectInlineConfiguration } from 'vitest/config';
import { findPostgresServer } from './src/storage/local-database/index.js';

const shared = {
  testTimeout: 30_000,
  // The first run builds the embedded FerretDB (Go, about 90 s on a cold cache).
  hookTimeout: 180_000,
  pool: 'forks',
} as const;

/** Every test, on the database the suite chooses (MONGODB_URI, mongodb-memory-server or FerretDB on SQLite). */
const defaultProject: TestProjectInlineConfiguration = {
  test: { ...shared, name: 'default', include: ['test/**/*.test.ts'], globalSetup: ['test/support/global-setup.ts'] },
};

/** The storage and scheduling tests again, on FerretDB over a throw-away PostgreSQL cluster. */
const postgresProject: TestProjectInlineConfiguration = {
  test: {
    ...shared,
    name: 'postgres',
    include: ['test/storage/**/*.test.ts', 'test/scheduling/**/*.test.ts'],
    globalSetup: ['test/support/postgres-global-setup.ts'],
  },
};

/**
 * Why the postgres project does not run, if it does not: MONGODB_URI names the one database to test on; and
 * outside CI a machine without Debian's PostgreSQL server skips it. In CI (CI=true) it always runs, and its
 * setup fails with the way out when PostgreSQL is missing.
 */
async function postgresSkipped(): Promise<string | undefined> {
  if (process.env.MONGODB_URI?.trim()) return 'MONGODB_URI is set, so every test runs on that database only';
  if (process.env.CI === 'true' || process.env.CI === '1') return undefined;
  if (await findPostgresServer()) return undefined;
  return "Debian's PostgreSQL server is not installed (apt-get install -y postgresql; CI installs it and runs the project)";
}

export default defineConfig(async () => {
  const skipped = await postgresSkipped();
  if (skipped) console.error(`vitest: the postgres project (storage and scheduling tests on FerretDB/PostgreSQL) is skipped: ${skipped}`);
  return { test: { projects: skipped ? [defaultProject] : [defaultProject, postgresProject] } };
});
