/**
 * The embedded FerretDB on a throw-away PostgreSQL cluster: what organisations deploy, with query pushdown
 * (SQLite has none). Needs Debian's PostgreSQL server binaries and Go (or a cached FerretDB build).
 */
import path from 'node:path';
import { ensureFerretdbBinary, FERRETDB_VERSION } from './ferretdb-build.js';
import { startFerretdb, type FerretdbProcess } from './ferretdb.js';
import { findPostgresServer, postgresRunAs, startPostgresCluster } from './postgres.js';
import { once } from './promises.js';
import type { LocalDatabase } from './types.js';

/** The running database, or why it cannot run here (nothing was started then). */
export async function startFerretdbOnPostgres(
  dataDir: string,
  log: (line: string) => void,
): Promise<LocalDatabase | { unavailable: string }> {
  const pg = await findPostgresServer();
  if (!pg) return { unavailable: 'no PostgreSQL server binaries in /usr/lib/postgresql/*/bin' };
  const runAs = await postgresRunAs();
  if ('problem' in runAs) return { unavailable: runAs.problem };
  const binary = await ensureFerretdbBinary(dataDir, log);
  if ('problem' in binary) return { unavailable: binary.problem };

  const cluster = await startPostgresCluster(pg, runAs.ids);
  const url = `postgres://postgres@127.0.0.1:${cluster.port}/ferretdb`;
  let ferret: FerretdbProcess;
  try {
    ferret = await startFerretdb(binary.path, ['-handler', 'postgresql', '-postgresql-url', url]);
  } catch (error) {
    await cluster.stop();
    throw error;
  }
  return {
    uri: ferret.uri,
    kind: 'ferretdb-postgresql',
    description:
      `embedded FerretDB ${FERRETDB_VERSION} on PostgreSQL ${pg.version} at ${ferret.uri} ` +
      `(temporary cluster in ${cluster.root}, postgres on 127.0.0.1:${cluster.port})`,
    postgresql: { url, psql: path.join(pg.bin, 'psql') },
    stop: once(async () => {
      await ferret.stop();
      await cluster.stop();
    }),
  };
}
