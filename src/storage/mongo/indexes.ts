import type { Collection, Document, IndexSpecification } from 'mongodb';

/**
 * Creates indexes one at a time. FerretDB 1.24 drops the connection (a server-side panic) when one
 * `createIndexes` command names several indexes that all exist already, as on every restart.
 */
export async function ensureIndexes<T extends Document>(collection: Collection<T>, keys: IndexSpecification[]): Promise<void> {
  for (const key of keys) await collection.createIndex(key);
}
