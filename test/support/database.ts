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
