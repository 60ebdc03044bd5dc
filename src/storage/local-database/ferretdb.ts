/** Running the embedded FerretDB binary until stop(), on whichever backend its arguments name. */
import { SpiegelError } from '../../domain/errors.js';
import { MongoClient } from 'mongodb';
import { z } from 'zod';
import { spawnManaged, START_TIMEOUT_MS, type ManagedProcess } from './child-process.js';
import { oneLine } from './failure-text.js';
import { sleep } from './promises.js';

export interface FerretdbProcess {
  uri: string;
  /** The FerretDB process (a test pauses it with SIGSTOP to play a database that stops answering). */
  pid: number | undefined;
  stop(): Promise<void>;
}

const readySchema = z.object({ uri: z.string().startsWith('mongodb://'), handler: z.string() });

export async function startFerretdb(binary: string, args: string[]): Promise<FerretdbProcess> {
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
    return { uri: ready.uri, pid: managed.pid, stop: () => managed.stop('SIGTERM') };
  } catch (error) {
    await managed.stop('SIGTERM');
    throw error;
  }
}

async function waitForPing(uri: string, timeoutMs: number, managed: ManagedProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (managed.exited) throw new SpiegelError('database.unavailable', `${managed.name} exited while starting: ${managed.tail()}`);
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
  throw new SpiegelError(
    'database.unavailable',
    `${managed.name} at ${uri} did not answer ping within ${timeoutMs} ms: ${oneLine(lastError)}`,
  );
}
