import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { MongoClient, type Db } from 'mongodb';
import { newRoundId, type AppContext, type FrameworkSource } from '../../src/app/context.js';
import { systemClock } from '../../src/app/ports.js';
import { frameworkSchema, type Framework } from '../../src/domain/framework.js';
import { createMongoStores } from '../../src/storage/mongo/mongo-stores.js';

/** The bench database named by the runner (MONGODB_URI), in a fresh database dropped afterwards. */
export async function openBenchDatabase(prefix: string): Promise<{ client: MongoClient; db: Db; close(): Promise<void> }> {
  const uri = process.env.MONGODB_URI;
  if (!uri) {
    console.error('MONGODB_URI is required: run the benchmarks with `npm run bench`, which starts the bench database.');
    process.exit(2);
  }
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 10_000, maxPoolSize: 32 });
  await client.connect();
  const db = client.db(`${prefix}_${randomBytes(4).toString('hex')}`);
  return {
    client,
    db,
    async close() {
      await db.dropDatabase().catch(() => {});
      await client.close();
    },
  };
}

/** A framework of `count` criteria over six components, for loads larger than the built-ins. */
export function syntheticFramework(count: number): Framework {
  const components = Array.from({ length: 6 }, (_, i) => ({ id: `part-${i}`, title: { nl: `Deel ${i}`, en: `Part ${i}` } }));
  const perspectives = ['client', 'organisation', 'result', 'process'] as const;
  return frameworkSchema.parse({
    id: 'bench',
    version: '1',
    title: { nl: 'Bench', en: 'Bench' },
    components,
    criteria: Array.from({ length: count }, (_, i) => ({
      id: `c-${i}`,
      component: `part-${i % 6}`,
      perspective: perspectives[i % 4],
      text: { nl: `Criterium ${i}`, en: `Criterion ${i}` },
    })),
  });
}

export async function benchContext(db: Db, frameworks: Framework[]): Promise<AppContext> {
  const source: FrameworkSource = {
    get: (id) => {
      const found = frameworks.find((f) => f.id === id);
      if (!found) throw new Error(`no framework ${id}`);
      return found;
    },
    list: () => frameworks,
  };
  const stores = createMongoStores(db);
  await stores.ensureIndexes();
  return { stores, clock: systemClock, frameworks: source, secret: 'bench-secret-'.repeat(3), newId: newRoundId };
}

export async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export const fmt = (n: number, digits = 1) => n.toFixed(digits);

/** The PostgreSQL database and psql of the bench database, when `npm run bench` started FerretDB on PostgreSQL. */
export function benchPostgresql(): { url: string; psql: string } | null {
  const { BENCH_POSTGRESQL_URL: url, BENCH_PSQL: psql } = process.env;
  return url && psql ? { url, psql } : null;
}

/** Runs tools/ferretdb/postgresql-indexes.sql on one database (a schema of FerretDB's PostgreSQL database). */
export async function addFerretdbIndexes(postgresql: { url: string; psql: string }, dbName: string): Promise<void> {
  const script = fileURLToPath(new URL('../../tools/ferretdb/postgresql-indexes.sql', import.meta.url));
  await promisify(execFile)(postgresql.psql, [postgresql.url, '-X', '-q', '-v', `schema=${dbName}`, '-f', script]);
}
