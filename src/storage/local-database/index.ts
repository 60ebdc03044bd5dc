/** The no-set-up database for tests, local use and benchmarks: see choose.ts for the order of preference. */
export { resolveDatabase, startBenchDatabase, startLocalDatabase } from './choose.js';
export { startFerretdbOnPostgres } from './ferretdb-postgres.js';
export { findPostgresServer } from './postgres.js';
export type { DatabaseEnv, LocalDatabase, LocalDatabaseKind, LocalDatabaseOptions } from './types.js';
