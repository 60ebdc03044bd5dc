/**
 * The round store keeps each round's framework snapshot in memory once read (it never changes after opening):
 * a burst of reads of a round opened by another process reads the snapshot once, not once per caller.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { MongoRoundStore } from '../../src/storage/mongo/round-store.js';
import { openCountingClient, openTestDatabase, type CountingClient, type TestDatabase } from '../support/database.js';
import { roundFixture } from '../support/round-fixture.js';

const tenantId = 'slack:TROUNDS';
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
  const round = roundFixture({
    id: 'round-burst',
    place: { platform: 'slack', tenantId, channelId: 'C1' },
    name: 'Burst',
    framework: {
      id: 'f',
      version: '1',
      title: { nl: 'F', en: 'F' },
      scale: { min: 1, max: 5, labels: {}, allowNotApplicable: false },
      components: [{ id: 'part', title: { nl: 'Deel', en: 'Part' } }],
      criteria: [{ id: 'c-1', component: 'part', perspective: 'process', text: { nl: 'Een', en: 'One' } }],
      dimensions: [],
      questions: [],
    },
    state: 'open',
    anonymous: false,
    locale: 'en',
    participants: ['U1'],
    createdBy: 'U1',
    coordinators: ['U1'],
    openedAt: new Date(),
    deadline: null,
    closedAt: null,
  });
  await opener.insert(round);
  const other = new MongoRoundStore(counting.db);
  const read = await Promise.all([
    ...Array.from({ length: 8 }, () => other.get(tenantId, round.id)),
    ...Array.from({ length: 8 }, async () => (await other.list(tenantId, { channelId: 'C1' }))[0]),
  ]);
  expect(read.every((r) => r?.framework.criteria[0]?.text.en === 'One')).toBe(true);
  expect(snapshotReads()).toHaveLength(1);
  expect((await other.get(tenantId, round.id))?.id).toBe(round.id);
  expect(snapshotReads()).toHaveLength(1);
  expect(await other.get('slack:OTHER', round.id)).toBeNull();
  expect(snapshotReads()).toHaveLength(1);
});
