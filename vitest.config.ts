import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    // The first run builds the embedded FerretDB (Go, about 90 s on a cold cache).
    hookTimeout: 180_000,
    pool: 'forks',
  },
});
