/**
 * mongodb-memory-server: a real mongod, downloaded once. Skipped quickly when it cannot work here (no cached
 * binary and the download host does not resolve, or a download failed recently).
 */
import { promises as dns } from 'node:dns';
import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { errorCode, oneLine } from './failure-text.js';
import { readJsonFile } from './files.js';
import { once } from './promises.js';
import type { LocalDatabase } from './types.js';

/** How long a failed mongodb-memory-server download keeps us from trying again. */
const MMS_RETRY_AFTER_MS = 24 * 60 * 60 * 1000;
const DNS_PROBE_TIMEOUT_MS = 2_000;

const mmsRecordSchema = z.object({ failedAt: z.iso.datetime(), reason: z.string() });

export type MmsAttempt = { database: LocalDatabase } | { skipped: string; recordFile?: string };

export function mmsDownloadHost(): string {
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

export async function tryMongoMemoryServer(dataDir: string, persistent: boolean): Promise<MmsAttempt> {
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
