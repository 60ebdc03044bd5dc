/** The embedded FerretDB on SQLite: zero set-up, data under <dataDir>/ferretdb-sqlite/ (temporary or persistent). */
import fs from 'node:fs/promises';
import path from 'node:path';
import { startFerretdb, type FerretdbProcess } from './ferretdb.js';
import { once } from './promises.js';
import { makeOwnedTempDir, removeStaleTempDirs, removeTempDir } from './temp-dirs.js';

export interface FerretdbOnSqlite extends FerretdbProcess {
  sqliteDir: string;
}

export async function startFerretdbOnSqlite(binary: string, dataDir: string, persistent: boolean): Promise<FerretdbOnSqlite> {
  const sqliteRoot = path.join(dataDir, 'ferretdb-sqlite');
  await fs.mkdir(sqliteRoot, { recursive: true });
  await removeStaleTempDirs(sqliteRoot, 'tmp-');
  let sqliteDir: string;
  let tempDir: string | undefined;
  if (persistent) {
    sqliteDir = path.join(sqliteRoot, 'persistent');
    await fs.mkdir(sqliteDir, { recursive: true });
  } else {
    tempDir = await makeOwnedTempDir(sqliteRoot, 'tmp-');
    sqliteDir = path.join(tempDir, 'data');
    await fs.mkdir(sqliteDir);
  }

  let ferret: FerretdbProcess;
  try {
    ferret = await startFerretdb(binary, ['-handler', 'sqlite', '-sqlite-dir', sqliteDir]);
  } catch (error) {
    if (tempDir) await removeTempDir(tempDir);
    throw error;
  }
  return {
    uri: ferret.uri,
    pid: ferret.pid,
    sqliteDir,
    stop: once(async () => {
      await ferret.stop();
      if (tempDir) await removeTempDir(tempDir);
    }),
  };
}
