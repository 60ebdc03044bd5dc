/**
 * A throw-away PostgreSQL cluster from Debian's server binaries (/usr/lib/postgresql/N/bin): initdb into a
 * temp dir, loopback only, one `ferretdb` database; removed on stop.
 */
import { SpiegelError } from '../../domain/errors.js';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { runCommand, spawnManaged, START_TIMEOUT_MS, type ManagedProcess } from './child-process.js';
import { lastLines } from './failure-text.js';
import { isExecutable } from './files.js';
import { once, sleep } from './promises.js';
import { makeOwnedTempDir, removeStaleTempDirs, removeTempDir } from './temp-dirs.js';

export interface PostgresServer {
  version: string;
  bin: string;
}

export async function findPostgresServer(): Promise<PostgresServer | undefined> {
  const base = '/usr/lib/postgresql';
  const versions = (await fs.readdir(base).catch(() => [] as string[]))
    .filter((entry) => /^\d+(\.\d+)?$/.test(entry))
    .sort((a, b) => Number(b) - Number(a));
  for (const version of versions) {
    const bin = path.join(base, version, 'bin');
    const needed = ['initdb', 'postgres', 'pg_isready', 'createdb'];
    const present = await Promise.all(needed.map((tool) => isExecutable(path.join(bin, tool))));
    if (present.every(Boolean)) return { version, bin };
  }
  return undefined;
}

export type RunAs = { ids: { uid: number; gid: number } | undefined } | { problem: string };

/** initdb and postgres refuse to run as root: then run them as the `postgres` user. */
export async function postgresRunAs(): Promise<RunAs> {
  if (process.getuid?.() !== 0) return { ids: undefined };
  const idNumber = z.coerce.number().int().nonnegative();
  const uid = await runCommand('id', ['-u', 'postgres']);
  const gid = await runCommand('id', ['-g', 'postgres']);
  const parsedUid = idNumber.safeParse(uid.output.trim());
  const parsedGid = idNumber.safeParse(gid.output.trim());
  if (uid.code !== 0 || gid.code !== 0 || !parsedUid.success || !parsedGid.success) {
    return { problem: 'running as root and there is no `postgres` user to run PostgreSQL as' };
  }
  return { ids: { uid: parsedUid.data, gid: parsedGid.data } };
}

// Runs postgres and shuts it down fast (SIGINT) when this wrapper gets SIGTERM/SIGINT/SIGHUP or when
// its stdin reaches EOF — which happens when the Node process that started it dies, however it dies.
const POSTGRES_WRAPPER = `
"$@" </dev/null &
pid=$!
trap 'kill -INT "$pid" 2>/dev/null' TERM INT HUP
while kill -0 "$pid" 2>/dev/null; do
  read -r -t 1 _
  rc=$?
  if [ "$rc" -ne 0 ] && [ "$rc" -le 128 ]; then kill -INT "$pid" 2>/dev/null; break; fi
done
while kill -0 "$pid" 2>/dev/null; do wait "$pid"; done
`;

export interface PostgresCluster {
  root: string;
  port: number;
  stop(): Promise<void>;
}

export async function startPostgresCluster(pg: PostgresServer, ids: { uid: number; gid: number } | undefined): Promise<PostgresCluster> {
  await removeStaleTempDirs(os.tmpdir(), 'spiegel-pg-');
  const root = await makeOwnedTempDir(os.tmpdir(), 'spiegel-pg-');
  const cleanup = async (): Promise<void> => removeTempDir(root);
  try {
    const data = path.join(root, 'data');
    const sockets = path.join(root, 'sockets');
    await fs.mkdir(data, { mode: 0o700 });
    await fs.mkdir(sockets, { mode: 0o700 });
    if (ids) {
      for (const dir of [root, data, sockets]) await fs.chown(dir, ids.uid, ids.gid);
    }
    const asPostgres = { cwd: root, ...(ids ?? {}) };

    const initdb = await runCommand(
      path.join(pg.bin, 'initdb'),
      ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-locale', '--no-sync', '--no-instructions'],
      asPostgres,
    );
    if (initdb.code !== 0)
      throw new SpiegelError('database.unavailable', `initdb failed (exit ${initdb.code}): ${lastLines(initdb.output, 8)}`);

    let lastProblem = '';
    for (let attempt = 0; attempt < 3; attempt++) {
      const port = await getFreePort();
      const managed = spawnManaged(
        'bash',
        [
          '-c',
          POSTGRES_WRAPPER,
          'postgres-wrapper',
          path.join(pg.bin, 'postgres'),
          '-D',
          data,
          '-k',
          sockets,
          '-h',
          '127.0.0.1',
          '-p',
          String(port),
        ],
        { name: `PostgreSQL ${pg.version}`, ...asPostgres },
      );
      const ready = await waitForPostgres(pg, port, managed);
      if (ready !== true) {
        lastProblem = ready;
        await managed.stop('SIGTERM');
        continue;
      }
      const created = await runCommand(path.join(pg.bin, 'createdb'), [...clientArgs(port), 'ferretdb']);
      if (created.code !== 0) {
        await managed.stop('SIGTERM');
        throw new SpiegelError('database.unavailable', `createdb failed: ${lastLines(created.output, 5)}`);
      }
      managed.detach();
      return {
        root,
        port,
        stop: once(async () => {
          await managed.stop('SIGTERM');
          await cleanup();
        }),
      };
    }
    throw new SpiegelError('database.unavailable', `PostgreSQL ${pg.version} did not start: ${lastProblem}`);
  } catch (error) {
    await cleanup();
    throw error;
  }
}

/** How the client tools (pg_isready, createdb) reach the cluster. */
function clientArgs(port: number): string[] {
  return ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres'];
}

async function waitForPostgres(pg: PostgresServer, port: number, managed: ManagedProcess): Promise<true | string> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (managed.exited) return `postgres exited: ${managed.tail()}`;
    const probe = await runCommand(path.join(pg.bin, 'pg_isready'), ['-q', ...clientArgs(port), '-d', 'postgres']);
    if (probe.code === 0) return true;
    await sleep(150);
  }
  return `not ready within ${START_TIMEOUT_MS} ms: ${managed.tail()}`;
}

/** A free loopback TCP port (for postgres, which cannot report a kernel-chosen one). */
async function getFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => {
        if (port) resolve(port);
        else reject(new SpiegelError('database.unavailable', 'could not get a free port'));
      });
    });
  });
}
