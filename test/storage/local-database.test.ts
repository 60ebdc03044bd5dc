import { MongoServerError } from 'mongodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../support/database.js';

describe(`local database (${inject('databaseKind')})`, () => {
  let test: TestDatabase;

  beforeAll(async () => {
    test = await openTestDatabase();
  });

  afterAll(async () => {
    await test?.close();
  });

  it('answers ping', async () => {
    const reply = await test.db.command({ ping: 1 });
    expect(reply.ok).toBe(1);
  });

  it('lets exactly one of many concurrent inserts win each deterministic _id', async () => {
    const claims = test.db.collection<{ _id: string; contender: number }>('claims');
    const keys = 10;
    const contenders = 100;
    const results = await Promise.allSettled(
      Array.from({ length: contenders }, (_, contender) => claims.insertOne({ _id: `claim:${contender % keys}`, contender })),
    );

    const won = results.filter((result) => result.status === 'fulfilled');
    const lost = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
    expect(won).toHaveLength(keys);
    expect(lost).toHaveLength(contenders - keys);
    for (const failure of lost) {
      expect(failure.reason).toBeInstanceOf(MongoServerError);
      expect((failure.reason as MongoServerError).code).toBe(11000);
    }
    expect(await claims.countDocuments()).toBe(keys);
    expect((await claims.distinct('_id')).sort()).toEqual(Array.from({ length: keys }, (_, key) => `claim:${key}`).sort());
  });
});
