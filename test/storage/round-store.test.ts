/**
 * The round store keeps each round's framework snapshot in memory once read (it never changes after opening):
 * a burst of reads of a round opened by another process reads the snapshot once, not once per caller.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { MongoRoundStore } from '../../src/storage/mongo/round-store.js';
import { openCountingClient, openTestDatabase, type CountingClient, type TestDatabase } from '../support/database.js';
import { sampleRound } from '../support/sample-round.js';

let database: TestDatabase;
let counting: CountingClient;
const snapshotReads = () => counting.commands.filter((c) => c === 'find round_frameworks');

beforeAll(async () => {
  database = await openTestDatabase();
  counting = await openCountingClient(database);
});

afterAll(async () => {
  await counting.close();
  await database.close();
});

it('reads the snapshot of a round opened by another process once, however many read the round at once', async () => {
  const opener = new MongoRoundStore(database.db);
  const { round } = await sampleRound('team-health');
  await opener.insert(round);
  const other = new MongoRoundStore(counting.db);
  const read = await Promise.all([
    ...Array.from({ length: 8 }, () => other.get(round.place.tenantId, round.id)),
    ...Array.from({ length: 8 }, async () => (await other.list(round.place.tenantId, { channelId: round.place.channelId }))[0]),
  ]);
  const texts = round.framework.criteria.map((c) => c.text.en);
  expect(read.map((r) => r?.framework.criteria.map((c) => c.text.en))).toEqual(read.map(() => texts));
  expect(snapshotReads()).toHaveLength(1);
  expect((await other.get(round.place.tenantId, round.id))?.id).toBe(round.id);
  expect(snapshotReads()).toHaveLength(1);
  expect(await other.get('slack:OTHER', round.id)).toBeNull();
  expect(snapshotReads()).toHaveLength(1);
});
