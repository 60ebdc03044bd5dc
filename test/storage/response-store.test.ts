import { expect, it } from 'vitest';
import { MongoResponseStore } from '../../src/storage/mongo/response-store.js';
import { useTestContext } from '../support/app-context.js';
import { openCountingClient } from '../support/database.js';

const testContext = useTestContext();
const tenantId = 'slack:TR';
const key = { roundId: 'round-1', criterionId: 'c-1', dimension: 'rating', respondent: 'U1' };

it('keeps what a patch does not carry, and updates only answers that exist when the patch has no rating', async () => {
  const store = testContext.ctx.stores.responses;
  const first = await store.write(tenantId, key, { value: 3, updatedAt: null });
  expect(first).toEqual({ ...key, value: 3, comment: null, updatedAt: null });
  const commented = await store.write(tenantId, key, { comment: 'why', updatedAt: null });
  expect(commented).toEqual({ ...key, value: 3, comment: 'why', updatedAt: null });
  const revised = await store.write(tenantId, key, { value: 'na', updatedAt: null });
  expect(revised).toEqual({ ...key, value: 'na', comment: 'why', updatedAt: null });
  expect(await store.listForRound(tenantId, 'round-1')).toEqual([revised]);
  expect(await store.listForRound('slack:OTHER', 'round-1')).toEqual([]);
  await expect(store.write(tenantId, { ...key, criterionId: 'c-2' }, { comment: 'no rating yet', updatedAt: null })).rejects.toThrow();
  expect(await store.listForRespondent(tenantId, 'round-1', 'U1')).toHaveLength(1);
});

it('checks every answer it reads back, on the fast path too: a document that holds no answer is refused', async () => {
  const store = testContext.ctx.stores.responses;
  await store.saveMany(tenantId, [{ ...key, roundId: 'round-2', value: 4, comment: null, updatedAt: null }]);
  const values = async (roundId: string) => {
    const read = [];
    for await (const v of store.valuesForRounds(tenantId, [roundId])) read.push(v);
    return read;
  };
  expect(await values('round-2')).toEqual([{ roundId: 'round-2', criterionId: 'c-1', dimension: 'rating', value: 4 }]);
  const raw = testContext.database.db.collection('responses');
  await raw.insertOne({
    _id: 'forged' as never,
    tenantId,
    roundId: 'round-3',
    criterionId: 'c-1',
    dimension: 'rating',
    respondent: 'U9',
    value: 'lots',
  });
  await expect(values('round-3')).rejects.toThrow('does not hold an answer');
  await expect(store.listForRound(tenantId, 'round-3')).rejects.toThrow();
});

it("streams a round's ratings and comments for its summary, reads a first answer stored without comment, and refuses a document that holds no answer", async () => {
  const store = testContext.ctx.stores.responses;
  const raw = testContext.database.db.collection('responses');
  await store.saveMany(tenantId, [{ ...key, roundId: 'round-4', value: 2, comment: 'slow', updatedAt: null }]);
  // As FerretDB leaves it when $setOnInsert carries a null comment: no comment field at all.
  await raw.insertOne({
    _id: 'no-comment' as never,
    tenantId,
    roundId: 'round-4',
    criterionId: 'c-2',
    dimension: 'rating',
    respondent: 'U2',
    value: 'na',
  });
  const answers = async (roundId: string) => {
    const read = [];
    for await (const a of store.answersOfRound(tenantId, roundId)) read.push(a);
    return read;
  };
  expect(await answers('round-4')).toEqual(
    expect.arrayContaining([
      { criterionId: 'c-1', dimension: 'rating', value: 2, comment: 'slow' },
      { criterionId: 'c-2', dimension: 'rating', value: 'na', comment: null },
    ]),
  );
  expect(await answers('round-4')).toHaveLength(2);
  await raw.insertOne({
    _id: 'bad-comment' as never,
    tenantId,
    roundId: 'round-5',
    criterionId: 'c-1',
    dimension: 'rating',
    respondent: 'U3',
    value: 3,
    comment: 42,
  });
  await expect(answers('round-5')).rejects.toThrow('does not hold an answer');
});

it('inserts a first answer and updates a stored one, whichever process wrote it and even after it was erased', async () => {
  const counting = await openCountingClient(testContext.database);
  const { commands } = counting;
  const one = new MongoResponseStore(counting.db);
  const other = new MongoResponseStore(testContext.database.db);
  const k = { ...key, roundId: 'round-6' };
  try {
    expect(await one.write(tenantId, k, { value: 2, comment: 'first', updatedAt: null })).toEqual({
      ...k,
      value: 2,
      comment: 'first',
      updatedAt: null,
    });
    expect(commands).toEqual(['insert responses']);
    // Another process, which never wrote it: its insert meets the stored answer and becomes an update.
    expect(await other.write(tenantId, k, { value: 5, updatedAt: null })).toEqual({ ...k, value: 5, comment: 'first', updatedAt: null });
    commands.length = 0;
    // This process wrote it: straight to the update.
    expect(await one.write(tenantId, k, { value: 4, updatedAt: null })).toEqual({ ...k, value: 4, comment: 'first', updatedAt: null });
    expect(commands).toEqual(['findAndModify responses']);
    // A third process that read the answer as stored (a whole form): straight to the update too.
    const third = new MongoResponseStore(counting.db);
    commands.length = 0;
    expect(await third.write(tenantId, k, { value: 3, updatedAt: null, stored: true })).toEqual({
      ...k,
      value: 3,
      comment: 'first',
      updatedAt: null,
    });
    expect(commands).toEqual(['findAndModify responses']);
    // Erased meanwhile: what the process remembers is only a hint, and the answer is stored again.
    expect(await one.deleteForRespondent(tenantId, 'round-6', 'U1')).toBe(1);
    expect(await one.write(tenantId, k, { value: 1, updatedAt: null })).toEqual({ ...k, value: 1, comment: null, updatedAt: null });
    expect(await other.listForRespondent(tenantId, 'round-6', 'U1')).toEqual([{ ...k, value: 1, comment: null, updatedAt: null }]);
  } finally {
    await counting.close();
  }
});

it('keeps one answer when two processes store the first answer to the same item at once', async () => {
  const db = testContext.database.db;
  const k = { ...key, roundId: 'round-7' };
  const stores = Array.from({ length: 8 }, () => new MongoResponseStore(db));
  const written = await Promise.all(stores.map((s, i) => s.write(tenantId, k, { value: (i % 5) + 1, updatedAt: null })));
  const stored = await stores[0]!.listForRespondent(tenantId, 'round-7', 'U1');
  expect(stored).toHaveLength(1);
  expect(written.map((w) => w.value)).toContain(stored[0]!.value);
});
