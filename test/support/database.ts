/**
 * A fresh, uniquely named database on the run's shared server (see global-setup.ts), dropped on close.
 * Unreachable database = failing test, never a skipped one.
 */
import { randomBytes } from 'node:crypto';
import { MongoClient, type Db } from 'mongodb';
import { inject } from 'vitest';

export interface TestDatabase {
  client: MongoClient;
  db: Db;
  close(): Promise<void>;
}

export async function openTestDatabase(): Promise<TestDatabase> {
  const uri = inject('mongodbUri');
  if (!uri) throw new Error('No mongodbUri provided: is test/support/global-setup.ts the globalSetup?');
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 10_000 });
  await client.connect();
  const db = client.db(`test_${randomBytes(6).toString('hex')}`);
  let closed = false;
  return {
    client,
    db,
    async close() {
      if (closed) return;
      closed = true;
      try {
        await db.dropDatabase();
      } finally {
        await client.close();
      }
    },
  };
}

export interface CountingClient {
  /** The test database, through this client. */
  db: Db;
  /** Every command sent, as `<command> <collection>` (`find round_frameworks`), in order; a test may empty it. */
  commands: string[];
  close(): Promise<void>;
}

/** The test database through a client of its own that records the commands it sends: another process, counted. */
export async function openCountingClient(database: TestDatabase): Promise<CountingClient> {
  const client = new MongoClient(inject('mongodbUri'), { serverSelectionTimeoutMS: 10_000, monitorCommands: true });
  const commands: string[] = [];
  client.on('commandStarted', (event) => {
    commands.push(`${event.commandName} ${String((event.command as Record<string, unknown>)[event.commandName])}`);
  });
  await client.connect();
  return { db: client.db(database.db.databaseName), commands, close: () => client.close() };
}
