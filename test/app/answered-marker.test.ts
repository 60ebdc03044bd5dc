/**
 * The "has answered" marker: a process that knows a member's marker exists does not insert it again, and an
 * erasure — in this process or in another one — never leaves that knowledge standing: the member's next answer
 * creates the marker again, so progress counts them.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AppContext } from '../../src/app/context.js';
import { eraseMemberAnswers } from '../../src/app/erasure.js';
import { openRound, roundProgress } from '../../src/app/rounds.js';
import { saveAnswers } from '../../src/app/save-answers.js';
import { createTestContext } from '../support/app-context.js';
import { openCountingClient, openTestDatabase, type CountingClient, type TestDatabase } from '../support/database.js';

const tenantId = 'slack:TMARK';
const coordinator = { tenantId, userId: 'UCOORD', isAdmin: false };
const ann = { tenantId, userId: 'UANN', isAdmin: false };

let database: TestDatabase;
/** Two processes on one database: each its own stores (and so its own memory); `a` counts its database commands. */
let a: AppContext;
let b: AppContext;
let counting: CountingClient;
const markerInserts = () => counting.commands.filter((c) => c === 'insert answered');

beforeAll(async () => {
  database = await openTestDatabase();
  counting = await openCountingClient(database);
  a = await createTestContext(counting.db);
  b = await createTestContext(database.db);
});

afterAll(async () => {
  await counting.close();
  await database.close();
});

const rate = (ctx: AppContext, roundId: string, criterionId: string, value: number) =>
  saveAnswers(ctx, ann, { roundId, answers: [{ criterionId, value }] });

async function answered(roundId: string): Promise<number> {
  return (await roundProgress(b, coordinator, roundId)).progress.answered;
}

it.each([
  ['in another process', () => b],
  ['in the same process', () => a],
])('a member who answers again after an erasure %s is counted again', async (_where, eraser) => {
  const round = await openRound(a, coordinator, {
    place: { platform: 'slack', tenantId, channelId: `C${Math.random().toString(36).slice(2, 8)}` },
    frameworkId: 'team-health',
    participants: ['UANN'],
    locale: 'en',
  });
  counting.commands.length = 0;
  expect((await rate(a, round.id, 'go-clear', 4)).ok).toBe(true);
  expect((await rate(a, round.id, 'co-help', 3)).ok).toBe(true);
  expect((await rate(a, round.id, 'go-clear', 5)).ok).toBe(true);
  // The first answer inserted the marker; the process knew it for the next two.
  expect(markerInserts()).toHaveLength(1);
  expect(await answered(round.id)).toBe(1);

  expect((await eraseMemberAnswers(eraser(), ann, 'UANN')).answers).toBeGreaterThanOrEqual(2);
  expect(await answered(round.id)).toBe(0);

  expect((await rate(a, round.id, 'co-help', 2)).ok).toBe(true);
  expect(markerInserts()).toHaveLength(2);
  expect(await answered(round.id)).toBe(1);
  expect((await rate(a, round.id, 'go-clear', 1)).ok).toBe(true);
  expect(markerInserts()).toHaveLength(2);
});
