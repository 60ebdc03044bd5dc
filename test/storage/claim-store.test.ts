import { expect, it } from 'vitest';
import { useTestContext } from '../support/app-context.js';

const testContext = useTestContext();
const at = new Date('2026-05-01T10:00:00Z');
const later = (ms: number) => new Date(at.getTime() + ms);

it('gives a key to exactly one of many contenders', async () => {
  const claims = testContext.ctx.stores.claims;
  const results = await Promise.all(Array.from({ length: 30 }, (_, i) => claims.claim('round-closed:r1', `instance-${i}`, at)));
  expect(results.filter(Boolean)).toHaveLength(1);
});

it('purges only expired claims, so their keys can be claimed anew; claims without expiry stay', async () => {
  const claims = testContext.ctx.stores.claims;
  expect(await claims.claim('slack-event:E1', 'slack', at, later(1000))).toBe(true);
  expect(await claims.claim('slack-event:E2', 'slack', at, later(60_000))).toBe(true);
  expect(await claims.claim('reminder:r1:48h:U1', 'scheduler', at)).toBe(true);
  expect(await claims.purgeExpired(later(5000))).toBe(1);
  expect(await claims.claim('slack-event:E1', 'slack', later(5000), later(6000))).toBe(true);
  expect(await claims.claim('slack-event:E2', 'slack', later(5000))).toBe(false);
  expect(await claims.purgeExpired(later(86_400_000))).toBe(2);
  expect(await claims.claim('reminder:r1:48h:U1', 'scheduler', later(86_400_000))).toBe(false);
});
