/**
 * Changes to a round after opening on the real database, where read-modify-write is not atomic (FerretDB): each
 * change claims its revision by insert, so concurrent changes all land or are refused, never lost; a revision
 * claimed by a writer that died does not block the round.
 */
import { expect, it } from 'vitest';
import { isSpiegelError } from '../../src/domain/errors.js';
import { changeDeadline, changeParticipants, reopenRound } from '../../src/app/round-changes.js';
import { closeRound, openRound } from '../../src/app/rounds.js';
import { useTestContext } from '../support/app-context.js';

const tenantId = 'slack:T-changes';
const place = { platform: 'slack' as const, tenantId, channelId: 'CCHANGES' };
const coordinators = ['c1', 'c2', 'c3', 'c4'];
const actor = (userId: string) => ({ tenantId, userId, isAdmin: false });
const testContext = useTestContext();

const open = () =>
  openRound(testContext.ctx, actor('c1'), {
    place,
    frameworkId: 'team-health',
    participants: ['m1'],
    coordinators,
    deadline: new Date(Date.now() + 86_400_000),
    locale: 'en',
  });

it('four coordinators adding a participant each at the same moment: every one lands', async () => {
  const round = await open();
  const results = await Promise.allSettled(
    coordinators.map((c, i) => changeParticipants(testContext.ctx, actor(c), round.id, { add: [`late-${i}`] })),
  );
  expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
  const stored = await testContext.ctx.stores.rounds.get(tenantId, round.id);
  expect(stored?.participants.sort()).toEqual(['late-0', 'late-1', 'late-2', 'late-3', 'm1']);
  expect(stored?.revision).toBe(4);
});

it('five coordinators reopening a closed round at once: it reopens once, the others are told it is open', async () => {
  const round = await open();
  await closeRound(testContext.ctx, actor('c1'), round.id, async () => {});
  const results = await Promise.allSettled(
    [...coordinators, 'c1'].map((c) => reopenRound(testContext.ctx, actor(c), round.id, new Date(Date.now() + 3_600_000))),
  );
  expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  for (const r of results) if (r.status === 'rejected') expect(isSpiegelError(r.reason, 'round.notClosed')).toBe(true);
  expect(await testContext.ctx.stores.rounds.get(tenantId, round.id)).toMatchObject({ state: 'open', reopenings: 1 });
});

it('a revision claimed by a writer that died does not block the round', async () => {
  const round = await open();
  await testContext.ctx.stores.claims.claim(`round-revision:${round.id}:1`, 'dead-writer', new Date(Date.now() - 120_000));
  const deadline = new Date(Date.now() + 2 * 86_400_000);
  const changed = await changeDeadline(testContext.ctx, actor('c2'), round.id, deadline);
  expect(changed.revision).toBe(2);
  expect((await testContext.ctx.stores.rounds.get(tenantId, round.id))?.deadline).toEqual(deadline);
});
