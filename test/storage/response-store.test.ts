import { expect, it } from 'vitest';
import { useTestContext } from '../support/app-context.js';

const testContext = useTestContext();
const tenantId = 'slack:TR';
const key = { roundId: 'round-1', criterionId: 'c-1', dimension: 'rating', respondent: 'U1' };

it('tells a first answer from a revision and keeps what a patch does not carry', async () => {
  const store = testContext.ctx.stores.responses;
  const first = await store.write(tenantId, key, { value: 3, updatedAt: null });
  expect(first).toEqual({ created: true, response: { ...key, value: 3, comment: null, updatedAt: null } });
  const commented = await store.write(tenantId, key, { comment: 'why', updatedAt: null });
  expect(commented).toEqual({ created: false, response: { ...key, value: 3, comment: 'why', updatedAt: null } });
  const revised = await store.write(tenantId, key, { value: 'na', updatedAt: null });
  expect(revised).toEqual({ created: false, response: { ...key, value: 'na', comment: 'why', updatedAt: null } });
  expect(await store.listForRound(tenantId, 'round-1')).toEqual([revised.response]);
  expect(await store.listForRound('slack:OTHER', 'round-1')).toEqual([]);
});

it('refuses a comment on an answer that does not exist, and writes nothing', async () => {
  const store = testContext.ctx.stores.responses;
  await expect(store.write(tenantId, { ...key, criterionId: 'c-2' }, { comment: 'no rating yet', updatedAt: null })).rejects.toMatchObject({
    code: 'input.invalid',
  });
  expect(await store.listForRespondent(tenantId, 'round-1', 'U1')).toHaveLength(1);
});
