import type { Db } from 'mongodb';
import { afterAll, beforeAll } from 'vitest';
import { newRoundId, type AppContext } from '../../src/app/context.js';
import { loadFrameworkCatalogue, type FrameworkCatalogue } from '../../src/app/framework-catalogue.js';
import type { Clock } from '../../src/app/ports.js';
import { systemClock } from '../../src/app/ports.js';
import { createMongoStores } from '../../src/storage/mongo/mongo-stores.js';
import { openTestDatabase, type TestDatabase } from './database.js';

let frameworks: Promise<FrameworkCatalogue> | undefined;

export const testSecret = 'test-secret-'.repeat(4);

/** For closeRound in tests about the core, not a platform: posting the summary does nothing. */
export const noSummaryPost = async (): Promise<void> => {};

/** The real use-case context on a test database, with the built-in frameworks. */
export async function createTestContext(db: Db, clock: Clock = systemClock, secret = testSecret): Promise<AppContext> {
  frameworks ??= loadFrameworkCatalogue();
  const stores = createMongoStores(db);
  await stores.ensureIndexes();
  return { stores, clock, frameworks: await frameworks, secret, newId: newRoundId };
}

/**
 * For a test file: a fresh database and context before its tests, dropped after them.
 * Read `.ctx` and `.database` inside tests (they are set by beforeAll).
 */
export function useTestContext(clock: Clock = systemClock): { ctx: AppContext; database: TestDatabase } {
  const holder = {} as { ctx: AppContext; database: TestDatabase };
  beforeAll(async () => {
    holder.database = await openTestDatabase();
    holder.ctx = await createTestContext(holder.database.db, clock);
  });
  afterAll(async () => holder.database?.close());
  return holder;
}
