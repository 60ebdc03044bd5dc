/**
 * Choosing a real MongoDB-compatible database with no set-up, for tests, local use and benchmarks.
 *
 * Order of preference (resolveDatabase):
 *   1. MONGODB_URI, when set ('external');
 *   2. mongodb-memory-server: a real mongod, downloaded once (mongod.ts);
 *   3. the embedded FerretDB 1.24 (tools/ferretdb) on SQLite, built once with Go and cached under
 *      <dataDir>/bin/ (ferretdb-build.ts, ferretdb-sqlite.ts).
 * startBenchDatabase prefers FerretDB on a throw-away PostgreSQL cluster when Debian's PostgreSQL
 * server binaries are installed (SQLite has no query pushdown, so it would distort benchmarks).
 */
import { SpiegelError } from '../../domain/errors.js';
import fs from 'node:fs/promises';
import path from 'node:path';
import { ensureFerretdbBinary, FERRETDB_VERSION } from './ferretdb-build.js';
import { startFerretdbOnPostgres } from './ferretdb-postgres.js';
import { startFerretdbOnSqlite } from './ferretdb-sqlite.js';
import { mmsDownloadHost, tryMongoMemoryServer } from './mongod.js';
import type { DatabaseEnv, LocalDatabase, LocalDatabaseOptions } from './types.js';

/** MONGODB_URI when set, otherwise a local database (see startLocalDatabase). */
export async function resolveDatabase(env: DatabaseEnv, options: LocalDatabaseOptions): Promise<LocalDatabase> {
  const external = externalDatabase(env, options);
  return external ?? startLocalDatabase(options);
}

/** mongodb-memory-server if it can run here, otherwise the embedded FerretDB on SQLite. */
export async function startLocalDatabase(options: LocalDatabaseOptions): Promise<LocalDatabase> {
  const log = options.log ?? defaultLog;
  const dataDir = path.resolve(options.dataDir);
  await fs.mkdir(dataDir, { recursive: true });

  const mms = await tryMongoMemoryServer(dataDir, options.persistent ?? false);
  if ('database' in mms) return announce(log, mms.database);

  const binary = await ensureFerretdbBinary(dataDir, log);
  if ('problem' in binary) {
    throw new SpiegelError(
      'database.unavailable',
      'No database available for Spiegel: MONGODB_URI is not set, ' +
        `mongodb-memory-server cannot run (${mms.skipped}), ` +
        `and the embedded FerretDB cannot be built (${binary.problem}). Ways out: ` +
        '(1) set MONGODB_URI to a MongoDB or FerretDB you have, e.g. MONGODB_URI=mongodb://127.0.0.1:27017/; ' +
        '(2) install Go 1.24 or newer (https://go.dev/dl/) so Spiegel can build its embedded FerretDB; ' +
        `(3) allow mongodb-memory-server to download mongod (network access to ${mmsDownloadHost()}` +
        `${mms.recordFile ? `; then delete ${mms.recordFile}` : ''}).`,
    );
  }

  const ferret = await startFerretdbOnSqlite(binary.path, dataDir, options.persistent ?? false);
  const description =
    `embedded FerretDB ${FERRETDB_VERSION} on SQLite at ${ferret.uri} ` +
    `(${options.persistent ? 'persistent' : 'temporary'} data in ${ferret.sqliteDir}; ` +
    `mongodb-memory-server skipped: ${mms.skipped})`;
  return announce(log, { uri: ferret.uri, kind: 'ferretdb-sqlite', description, stop: () => ferret.stop() });
}

/**
 * For benchmarks: MONGODB_URI when set; else FerretDB on a throw-away PostgreSQL cluster when
 * Debian's PostgreSQL server is installed (/usr/lib/postgresql/N/bin); else resolveDatabase.
 */
export async function startBenchDatabase(env: DatabaseEnv, options: LocalDatabaseOptions): Promise<LocalDatabase> {
  const external = externalDatabase(env, options);
  if (external) return external;
  const log = options.log ?? defaultLog;
  const dataDir = path.resolve(options.dataDir);
  await fs.mkdir(dataDir, { recursive: true });

  const postgres = await startFerretdbOnPostgres(dataDir, log);
  if ('uri' in postgres) return announce(log, postgres);
  return resolveDatabase(env, {
    ...options,
    log: (line) => {
      log(`${line} [no FerretDB/PostgreSQL for the benchmark: ${postgres.unavailable}]`);
    },
  });
}

function externalDatabase(env: DatabaseEnv, options: LocalDatabaseOptions): LocalDatabase | undefined {
  const uri = env.MONGODB_URI?.trim();
  if (!uri) return undefined;
  const description = `MongoDB from MONGODB_URI (${redactUri(uri)})`;
  return announce(options.log ?? defaultLog, { uri, kind: 'external', description, stop: async () => {} });
}

/** Says in one line which database is in use, and hands it on. */
function announce(log: (line: string) => void, database: LocalDatabase): LocalDatabase {
  log(`database: ${database.description}`);
  return database;
}

function redactUri(uri: string): string {
  return uri.replace(/^(mongodb(?:\+srv)?:\/\/)[^@/]*@/, '$1***@').replace(/\?.*$/, '');
}

function defaultLog(line: string): void {
  console.error(line);
}
