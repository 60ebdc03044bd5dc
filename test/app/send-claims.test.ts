import { expect, it } from 'vitest';
import { claimSend, confirmSend, maxSendTakeovers, releaseSend, sendLeaseMs, type SendClaim } from '../../src/app/send-claims.js';
import { useTestContext } from '../support/app-context.js';

const testContext = useTestContext();
const at = new Date('2026-05-01T10:00:00Z');
const later = (ms: number) => new Date(at.getTime() + ms);
const mine = (claim: SendClaim) => {
  if (claim.state !== 'mine') throw new Error(`expected to hold the send, got ${claim.state}`);
  return claim.send;
};

it('gives a send to one caller; others wait for its lease, then one of them takes it over', async () => {
  const { ctx } = testContext;
  const first = mine(await claimSend(ctx, 'reminder:r1:48h:U1', 'a', at));
  expect(first.takenOverSince).toBeNull();
  expect(await claimSend(ctx, 'reminder:r1:48h:U1', 'b', later(1000))).toEqual({ state: 'in-progress', until: later(sendLeaseMs) });

  const contenders = await Promise.all(
    Array.from({ length: 10 }, (_, i) => claimSend(ctx, 'reminder:r1:48h:U1', `c${i}`, later(sendLeaseMs))),
  );
  const takers = contenders.filter((c) => c.state === 'mine');
  expect(takers).toHaveLength(1);
  expect(mine(takers[0]!).takenOverSince).toEqual(at);
  expect(contenders.filter((c) => c.state === 'in-progress')).toHaveLength(9);

  await confirmSend(ctx, mine(takers[0]!), 'c', later(sendLeaseMs + 1));
  expect(await claimSend(ctx, 'reminder:r1:48h:U1', 'd', later(10 * sendLeaseMs))).toEqual({ state: 'sent' });
});

it('gives a released send to the next caller at once', async () => {
  const { ctx } = testContext;
  await releaseSend(ctx, mine(await claimSend(ctx, 'round-closed:r2', 'a', at)));
  expect(mine(await claimSend(ctx, 'round-closed:r2', 'b', later(1))).takenOverSince).toBeNull();
});

it('counts a claim stored before sends had leases as sent', async () => {
  const { ctx } = testContext;
  await ctx.stores.claims.claim('round-closed:r3', 'old-version', at);
  expect(await claimSend(ctx, 'round-closed:r3', 'a', later(10 * sendLeaseMs))).toEqual({ state: 'sent' });
});

it('gives up a send after its holders died too often', async () => {
  const { ctx } = testContext;
  for (let n = 0; n <= maxSendTakeovers; n++) mine(await claimSend(ctx, 'reminder:r4:now:U1', `h${n}`, later(n * sendLeaseMs)));
  expect(await claimSend(ctx, 'reminder:r4:now:U1', 'last', later((maxSendTakeovers + 1) * sendLeaseMs))).toEqual({ state: 'abandoned' });
});
