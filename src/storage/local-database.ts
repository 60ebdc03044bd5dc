/**
 * A real MongoDB-compatible database with no set-up, for tests, local use and benchmarks.
 *
 * Order of preference (resolveDatabase):
 *   1. MONGODB_URI, when set ('external');
 *   2. mongodb-memory-server: a real mongod, downloaded once. Skipped quickly when it cannot work
 *      here (no cached binary and the download host does not resolve, or a download failed recently);
 *   3. the embedded FerretDB 1.24 (tools/ferretdb) on SQLite, built once with Go and cached under
 *      <dataDir>/bin/.
 * startBenchDatabase prefers FerretDB on a throw-away PostgreSQL cluster when Debian's PostgreSQL
 * server binaries are installed (SQLite has no query pushdown, so it would distort benchmarks).
 *
 * Every child process is stopped by stop(), on process exit, and — because each one watches its
 * stdin pipe — even when this process is killed outright.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { promises as dns } from 'node:dns';
import { constants as fsConstants, existsSync, rmSync } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MongoClient } from 'mongodb';
import { z } from 'zod';

export type LocalDatabaseKind = 'mongodb-memory-server' | 'ferretdb-sqlite' | 'ferretdb-postgresql' | 'external';

export interface LocalDatabase {
  uri: string;
  kind: LocalDatabaseKind;
  /** One human-readable line: which database, where. */
  description: string;
  stop(): Promise<void>;
}

export interface LocalDatabaseOptions {
  /** Where caches and data live, e.g. `<repo>/.data`. */
  dataDir: string;
  /** Receives the one announcement line (and a build notice). Default: console.error. */
  log?: (line: string) => void;
  /** Keep the data across restarts (`npm start`); default false: a fresh database deleted on stop. */
  persistent?: boolean;
}

export interface DatabaseEnv {
  MONGODB_URI?: string | undefined;
}

const FERRETDB_VERSION = '1.24.2';
/** How long a failed mongodb-memory-server download keeps us from trying again. */
const MMS_RETRY_AFTER_MS = 24 * 60 * 60 * 1000;
const DNS_PROBE_TIMEOUT_MS = 2_000;
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 15_000;

// ---------------------------------------------------------------------------------------------
// Public API

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
    throw new Error(
      'No database available for Spiegel: MONGODB_URI is not set, ' +
        `mongodb-memory-server cannot run (${mms.skipped}), ` +
        `and the embedded FerretDB cannot be built (${binary.problem}). Ways out: ` +
        '(1) set MONGODB_URI to a MongoDB or FerretDB you have, e.g. MONGODB_URI=mongodb://127.0.0.1:27017/; ' +
        '(2) install Go 1.24 or newer (https://go.dev/dl/) so Spiegel can build its embedded FerretDB; ' +
        `(3) allow mongodb-memory-server to download mongod (network access to ${mmsDownloadHost()}` +
        `${mms.recordFile ? `; then delete ${mms.recordFile}` : ''}).`,
    );
  }

  const sqliteRoot = path.join(dataDir, 'ferretdb-sqlite');
  await fs.mkdir(sqliteRoot, { recursive: true });
  await removeStaleTempDirs(sqliteRoot, 'tmp-');
  let sqliteDir: string;
  let tempDir: string | undefined;
  if (options.persistent) {
    sqliteDir = path.join(sqliteRoot, 'persistent');
    await fs.mkdir(sqliteDir, { recursive: true });
  } else {
    tempDir = await makeOwnedTempDir(sqliteRoot, 'tmp-');
    sqliteDir = path.join(tempDir, 'data');
    await fs.mkdir(sqliteDir);
  }

  let ferret: FerretdbProcess;
  try {
    ferret = await startFerretdb(binary.path, ['-handler', 'sqlite', '-sqlite-dir', sqliteDir]);
  } catch (error) {
    if (tempDir) await removeTempDir(tempDir);
    throw error;
  }
  const description =
    `embedded FerretDB ${FERRETDB_VERSION} on SQLite at ${ferret.uri} ` +
    `(${options.persistent ? 'persistent' : 'temporary'} data in ${sqliteDir}; ` +
    `mongodb-memory-server skipped: ${mms.skipped})`;
  return announce(log, {
    uri: ferret.uri,
    kind: 'ferretdb-sqlite',
    description,
    stop: once(async () => {
      await ferret.stop();
      if (tempDir) await removeTempDir(tempDir);
    }),
  });
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

  const fallback = async (why: string): Promise<LocalDatabase> =>
    resolveDatabase(env, {
      ...options,
      log: (line) => {
        log(`${line} [no FerretDB/PostgreSQL for the benchmark: ${why}]`);
      },
    });

  const pg = await findPostgresServer();
  if (!pg) return fallback('no PostgreSQL server binaries in /usr/lib/postgresql/*/bin');
  const runAs = await postgresRunAs();
  if ('problem' in runAs) return fallback(runAs.problem);
  const binary = await ensureFerretdbBinary(dataDir, log);
  if ('problem' in binary) return fallback(binary.problem);

  const cluster = await startPostgresCluster(pg, runAs.ids);
  let ferret: FerretdbProcess;
  try {
    ferret = await startFerretdb(binary.path, [
      '-handler',
      'postgresql',
      '-postgresql-url',
      `postgres://postgres@127.0.0.1:${cluster.port}/ferretdb`,
    ]);
  } catch (error) {
    await cluster.stop();
    throw error;
  }
  const description =
    `embedded FerretDB ${FERRETDB_VERSION} on PostgreSQL ${pg.version} at ${ferret.uri} ` +
    `(temporary cluster in ${cluster.root}, postgres on 127.0.0.1:${cluster.port})`;
  return announce(log, {
    uri: ferret.uri,
    kind: 'ferretdb-postgresql',
    description,
    stop: once(async () => {
      await ferret.stop();
      await cluster.stop();
    }),
  });
}

// ---------------------------------------------------------------------------------------------
// External

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

// ---------------------------------------------------------------------------------------------
// mongodb-memory-server

const mmsRecordSchema = z.object({ failedAt: z.iso.datetime(), reason: z.string() });

type MmsAttempt = { database: LocalDatabase } | { skipped: string; recordFile?: string };

function mmsDownloadHost(): string {
  const configured = process.env.MONGOMS_DOWNLOAD_URL ?? process.env.MONGOMS_DOWNLOAD_MIRROR;
  if (configured) {
    try {
      return new URL(configured).hostname;
    } catch {
      // fall through to the default
    }
  }
  return 'fastdl.mongodb.org';
}

async function tryMongoMemoryServer(dataDir: string, persistent: boolean): Promise<MmsAttempt> {
  let mms: typeof import('mongodb-memory-server');
  try {
    mms = await import('mongodb-memory-server');
  } catch {
    return { skipped: 'package not installed' };
  }
  const recordFile = path.join(dataDir, 'mongodb-memory-server-failure.json');

  let cached: string | undefined;
  try {
    cached = await mms.DryMongoBinary.locateBinary(await mms.DryMongoBinary.generateOptions());
  } catch {
    cached = undefined;
  }
  if (!cached) {
    const record = await readJsonFile(recordFile, mmsRecordSchema);
    if (record && Date.now() - Date.parse(record.failedAt) < MMS_RETRY_AFTER_MS) {
      return {
        skipped: `its mongod download failed at ${record.failedAt} (${record.reason}); delete ${recordFile} to retry`,
        recordFile,
      };
    }
    const host = mmsDownloadHost();
    const resolves = await probeDns(host, DNS_PROBE_TIMEOUT_MS);
    if (resolves !== true) return { skipped: `no cached mongod and ${host} does not resolve (${resolves})` };
  }

  const dbPath = persistent ? path.join(dataDir, 'mongodb') : undefined;
  if (dbPath) await fs.mkdir(dbPath, { recursive: true });
  let server: InstanceType<typeof mms.MongoMemoryServer>;
  try {
    server = await mms.MongoMemoryServer.create({
      instance: dbPath ? { dbPath, storageEngine: 'wiredTiger', ip: '127.0.0.1' } : { ip: '127.0.0.1' },
    });
  } catch (error) {
    const reason = oneLine(error);
    if (!cached) {
      await fs.writeFile(recordFile, `${JSON.stringify({ failedAt: new Date().toISOString(), reason }, null, 2)}\n`).catch(() => {});
    }
    return { skipped: `it failed to start (${reason})`, recordFile };
  }
  await fs.rm(recordFile, { force: true }).catch(() => {});
  const uri = server.getUri();
  const version = server.opts.binary?.version;
  return {
    database: {
      uri,
      kind: 'mongodb-memory-server',
      description:
        `mongodb-memory-server (real mongod${version ? ` ${version}` : ''}) at ${uri}` +
        (dbPath ? ` (persistent data in ${dbPath})` : ' (temporary)'),
      stop: once(async () => {
        await server.stop();
      }),
    },
  };
}

/** true, or why not. getaddrinfo has no timeout of its own, hence the race. */
async function probeDns(host: string, timeoutMs: number): Promise<true | string> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string>((resolve) => {
    timer = setTimeout(() => {
      resolve(`no answer within ${timeoutMs} ms`);
    }, timeoutMs);
    timer.unref();
  });
  try {
    return await Promise.race([
      dns.lookup(host).then(
        () => true as const,
        (error: unknown) => errorCode(error) ?? oneLine(error),
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

// ---------------------------------------------------------------------------------------------
// Building the embedded FerretDB (tools/ferretdb) once

type BinaryResult = { path: string } | { problem: string };

const SOURCE_FILES = ['go.mod', 'go.sum', 'main.go'] as const;

function findFerretdbSource(): string | undefined {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, 'tools', 'ferretdb');
    if (existsSync(path.join(candidate, 'go.mod')) && existsSync(path.join(candidate, 'main.go'))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

async function findGo(): Promise<string | undefined> {
  const exe = process.platform === 'win32' ? 'go.exe' : 'go';
  const candidates = [
    ...(process.env.PATH ?? '')
      .split(path.delimiter)
      .filter(Boolean)
      .map((dir) => path.join(dir, exe)),
    ...(process.env.GOROOT ? [path.join(process.env.GOROOT, 'bin', exe)] : []),
    '/usr/local/go/bin/go',
    '/usr/lib/go/bin/go',
    path.join(os.homedir(), 'go', 'bin', exe),
  ];
  for (const candidate of candidates) {
    if (await isExecutable(candidate)) return candidate;
  }
  return undefined;
}

async function ensureFerretdbBinary(dataDir: string, log: (line: string) => void): Promise<BinaryResult> {
  const source = findFerretdbSource();
  if (!source) return { problem: 'its Go source, tools/ferretdb, was not found' };

  const hash = createHash('sha256');
  for (const file of SOURCE_FILES) {
    hash.update(`${file}\0`);
    hash.update(await fs.readFile(path.join(source, file)));
    hash.update('\0');
  }
  hash.update(`${process.platform}-${process.arch}`);
  const key = hash.digest('hex').slice(0, 16);
  const binDir = path.join(dataDir, 'bin');
  const binary = path.join(binDir, `ferretdb-${key}${process.platform === 'win32' ? '.exe' : ''}`);
  if (await isExecutable(binary)) return { path: binary };

  const go = await findGo();
  if (!go) return { problem: 'Go is not installed (no `go` on PATH or in /usr/local/go/bin)' };

  await fs.mkdir(binDir, { recursive: true });
  // Build to a private temp name, then rename: concurrent builders never see a half-written binary.
  const temp = `${binary}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  const goflags = (process.env.GOFLAGS ?? '')
    .split(/\s+/)
    .filter((flag) => flag && !flag.startsWith('-mod=') && !flag.startsWith('-buildvcs'))
    .concat(['-mod=readonly', '-buildvcs=false'])
    .join(' ');
  log(`database: building the embedded FerretDB ${FERRETDB_VERSION} with ${go} (once; 2–4 minutes on a cold Go cache)…`);
  const started = Date.now();
  const result = await runCommand(go, ['build', '-trimpath', '-ldflags=-s -w', '-o', temp, '.'], {
    cwd: source,
    env: { ...process.env, GOFLAGS: goflags, CGO_ENABLED: '0' },
  });
  if (result.code !== 0) {
    await fs.rm(temp, { force: true });
    return { problem: `go build failed (exit ${result.code}): ${lastLines(result.output, 8)}` };
  }
  await fs.rename(temp, binary);
  log(`database: built FerretDB in ${((Date.now() - started) / 1000).toFixed(0)} s, cached as ${binary}`);

  // Old builds (other source hashes) are dead weight; a running one keeps working after unlink.
  for (const entry of await fs.readdir(binDir).catch(() => [] as string[])) {
    if (/^ferretdb-[0-9a-f]{16}(\.exe)?$/.test(entry) && path.join(binDir, entry) !== binary) {
      await fs.rm(path.join(binDir, entry), { force: true }).catch(() => {});
    }
  }
  return { path: binary };
}

// ---------------------------------------------------------------------------------------------
// Running FerretDB

interface FerretdbProcess {
  uri: string;
  stop(): Promise<void>;
}

const readySchema = z.object({ uri: z.string().startsWith('mongodb://'), handler: z.string() });

async function startFerretdb(binary: string, args: string[]): Promise<FerretdbProcess> {
  // Port 0: the kernel picks a free loopback port at bind time (no race with other processes);
  // the binary reports the address it got in its ready line.
  const managed = spawnManaged(binary, ['-listen', '127.0.0.1:0', '-exit-on-stdin-eof', ...args], {
    name: 'FerretDB',
  });
  try {
    const line = await managed.waitForLine(/^FERRETDB_READY (.+)$/, START_TIMEOUT_MS);
    const ready = readySchema.parse(JSON.parse(line[1] ?? ''));
    await waitForPing(ready.uri, START_TIMEOUT_MS, managed);
    managed.detach();
    return { uri: ready.uri, stop: () => managed.stop('SIGTERM') };
  } catch (error) {
    await managed.stop('SIGTERM');
    throw error;
  }
}

async function waitForPing(uri: string, timeoutMs: number, managed: ManagedProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (managed.exited) throw new Error(`${managed.name} exited while starting: ${managed.tail()}`);
    const client = new MongoClient(uri, { serverSelectionTimeoutMS: 2_000, directConnection: true });
    try {
      await client.connect();
      await client.db('admin').command({ ping: 1 });
      return;
    } catch (error) {
      lastError = error;
      await sleep(200);
    } finally {
      await client.close().catch(() => {});
    }
  }
  throw new Error(`${managed.name} at ${uri} did not answer ping within ${timeoutMs} ms: ${oneLine(lastError)}`);
}

// ---------------------------------------------------------------------------------------------
// A throw-away PostgreSQL cluster (benchmarks)

interface PostgresServer {
  version: string;
  bin: string;
}

async function findPostgresServer(): Promise<PostgresServer | undefined> {
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

type RunAs = { ids: { uid: number; gid: number } | undefined } | { problem: string };

/** initdb and postgres refuse to run as root: then run them as the `postgres` user. */
async function postgresRunAs(): Promise<RunAs> {
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

interface PostgresCluster {
  root: string;
  port: number;
  stop(): Promise<void>;
}

async function startPostgresCluster(pg: PostgresServer, ids: { uid: number; gid: number } | undefined): Promise<PostgresCluster> {
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
    if (initdb.code !== 0) throw new Error(`initdb failed (exit ${initdb.code}): ${lastLines(initdb.output, 8)}`);

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
      const created = await runCommand(path.join(pg.bin, 'createdb'), [
        '-h',
        '127.0.0.1',
        '-p',
        String(port),
        '-U',
        'postgres',
        'ferretdb',
      ]);
      if (created.code !== 0) {
        await managed.stop('SIGTERM');
        throw new Error(`createdb failed: ${lastLines(created.output, 5)}`);
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
    throw new Error(`PostgreSQL ${pg.version} did not start: ${lastProblem}`);
  } catch (error) {
    await cleanup();
    throw error;
  }
}

async function waitForPostgres(pg: PostgresServer, port: number, managed: ManagedProcess): Promise<true | string> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (managed.exited) return `postgres exited: ${managed.tail()}`;
    const probe = await runCommand(path.join(pg.bin, 'pg_isready'), [
      '-q',
      '-h',
      '127.0.0.1',
      '-p',
      String(port),
      '-U',
      'postgres',
      '-d',
      'postgres',
    ]);
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
        else reject(new Error('could not get a free port'));
      });
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Child processes: no orphans

interface ManagedProcess {
  name: string;
  readonly exited: boolean;
  tail(): string;
  waitForLine(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray>;
  /** Started: stop holding the event loop open (stop() and the exit hook still end it). */
  detach(): void;
  stop(signal: NodeJS.Signals): Promise<void>;
}

const liveChildren = new Set<ChildProcess>();
const liveTempDirs = new Set<string>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const child of liveChildren) {
      try {
        child.kill('SIGTERM');
      } catch {
        // already gone
      }
    }
    for (const dir of liveTempDirs) {
      try {
        rmSync(dir, { recursive: true, force: true });
      } catch {
        // best effort; removeStaleTempDirs catches the rest next time
      }
    }
  });
}

function spawnManaged(
  command: string,
  args: string[],
  options: { name: string; cwd?: string; uid?: number; gid?: number },
): ManagedProcess {
  installExitHook();
  const child = spawn(command, args, {
    cwd: options.cwd,
    uid: options.uid,
    gid: options.gid,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  liveChildren.add(child);
  const lines: string[] = [];
  const listeners = new Set<(line: string) => void>();
  let exited = false;
  let spawnError: Error | undefined;
  const exitPromise = new Promise<void>((resolve) => {
    child.once('exit', () => {
      exited = true;
      liveChildren.delete(child);
      resolve();
    });
    child.once('error', (error) => {
      spawnError = error;
      exited = true;
      liveChildren.delete(child);
      resolve();
    });
  });
  child.stdin.on('error', () => {});
  for (const stream of [child.stdout, child.stderr]) {
    let partial = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      const parts = (partial + chunk).split('\n');
      partial = parts.pop() ?? '';
      for (const line of parts) {
        lines.push(line);
        if (lines.length > 60) lines.shift();
        for (const listener of listeners) listener(line);
      }
    });
  }
  const handles = [child.stdin, child.stdout, child.stderr];
  const tail = (): string => (spawnError ? oneLine(spawnError) : lastLines(lines.join('\n'), 8)) || '(no output)';

  return {
    name: options.name,
    get exited() {
      return exited;
    },
    tail,
    waitForLine(pattern, timeoutMs) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          finish(new Error(`${options.name} not ready within ${timeoutMs} ms: ${tail()}`));
        }, timeoutMs);
        const onLine = (line: string): void => {
          const match = pattern.exec(line);
          if (match) finish(match);
        };
        const finish = (result: RegExpMatchArray | Error): void => {
          clearTimeout(timer);
          listeners.delete(onLine);
          if (result instanceof Error) reject(result);
          else resolve(result);
        };
        listeners.add(onLine);
        void exitPromise.then(() => {
          finish(new Error(`${options.name} exited while starting: ${tail()}`));
        });
      });
    },
    detach() {
      child.unref();
      for (const handle of handles) if (handle instanceof net.Socket) handle.unref();
    },
    async stop(signal) {
      if (exited) return;
      child.ref();
      for (const handle of handles) if (handle instanceof net.Socket) handle.ref();
      child.stdin.end();
      child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await exitPromise;
      clearTimeout(timer);
    },
  };
}

function runCommand(
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; uid?: number; gid?: number } = {},
): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(command, args, { ...options, maxBuffer: 16 * 1024 * 1024, encoding: 'utf8' }, (error, stdout, stderr) => {
      const output = `${stdout}${stderr}`;
      if (!error) {
        resolve({ code: 0, output });
        return;
      }
      const code = typeof error.code === 'number' ? error.code : -1;
      resolve({ code, output: output || oneLine(error) });
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Temp dirs that clean up after crashed owners

const ownerSchema = z.object({ pid: z.number().int().positive(), createdAt: z.iso.datetime() });

async function makeOwnedTempDir(parent: string, prefix: string): Promise<string> {
  const dir = await fs.mkdtemp(path.join(parent, prefix));
  liveTempDirs.add(dir);
  installExitHook();
  await fs.writeFile(path.join(dir, 'owner.json'), `${JSON.stringify({ pid: process.pid, createdAt: new Date().toISOString() })}\n`);
  return dir;
}

async function removeTempDir(dir: string): Promise<void> {
  await fs.rm(dir, { recursive: true, force: true, maxRetries: 3 }).catch(() => {});
  liveTempDirs.delete(dir);
}

/** Removes `<parent>/<prefix>*` dirs whose owning process is gone (killed before it could clean up). */
async function removeStaleTempDirs(parent: string, prefix: string): Promise<void> {
  const entries = await fs.readdir(parent).catch(() => [] as string[]);
  for (const entry of entries) {
    if (!entry.startsWith(prefix)) continue;
    const dir = path.join(parent, entry);
    const owner = await readJsonFile(path.join(dir, 'owner.json'), ownerSchema);
    let stale: boolean;
    if (owner) {
      stale = !processAlive(owner.pid);
    } else {
      const stat = await fs.stat(dir).catch(() => undefined);
      stale = stat !== undefined && Date.now() - stat.mtimeMs > 10 * 60 * 1000;
    }
    if (stale) await fs.rm(dir, { recursive: true, force: true }).catch(() => {});
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) === 'EPERM';
  }
}

// ---------------------------------------------------------------------------------------------
// Small helpers

function defaultLog(line: string): void {
  console.error(line);
}

async function readJsonFile<T>(file: string, schema: z.ZodType<T>): Promise<T | undefined> {
  try {
    const parsed = schema.safeParse(JSON.parse(await fs.readFile(file, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

async function isExecutable(file: string): Promise<boolean> {
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) return false;
    await fs.access(file, fsConstants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () => (running ??= fn());
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') {
    return error.code;
  }
  return undefined;
}

function oneLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/\s+/g, ' ').trim().slice(0, 300);
}

function lastLines(text: string, count: number): string {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .slice(-count)
    .join(' | ');
}
