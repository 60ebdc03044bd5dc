import { expect, it } from 'vitest';
import { answer } from '../support/answers.js';
import { openRound, roundProgress } from '../../src/app/rounds.js';
import { useTestContext } from '../support/app-context.js';

const tenantId = 'teams:tenant-c';
const coordinator = { tenantId, userId: 'coord', isAdmin: false };
const place = { platform: 'teams' as const, tenantId, channelId: '19:channel' };

const testContext = useTestContext();

it('50 concurrent revisions of one answer leave one document holding one of the sent values', async () => {
  const round = await openRound(testContext.ctx, coordinator, { place, frameworkId: 'team-health', participants: ['m1'], locale: 'nl' });
  const sent = Array.from({ length: 50 }, (_, i) => ({ value: (i % 5) + 1, comment: `revision ${i}` }));
  const results = await Promise.allSettled(
    sent.map((s) =>
      answer(testContext.ctx, { tenantId, userId: 'm1', isAdmin: false }, { roundId: round.id, criterionId: 'go-clear', ...s }),
    ),
  );
  expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
  const docs = await testContext.database.db.collection('responses').find({ roundId: round.id }).toArray();
  expect(docs).toHaveLength(1);
  expect(sent).toContainEqual({ value: docs[0]?.value, comment: docs[0]?.comment });
  expect((await roundProgress(testContext.ctx, coordinator, round.id)).progress.answered).toBe(1);
});

it('200 members answering at once give a progress count of exactly 200, nothing lost or duplicated', async () => {
  const members = Array.from({ length: 200 }, (_, i) => `member-${i}`);
  const round = await openRound(testContext.ctx, coordinator, { place, frameworkId: 'team-health', participants: members, locale: 'en' });
  const results = await Promise.allSettled(
    members.map((m, i) =>
      answer(testContext.ctx, { tenantId, userId: m, isAdmin: false }, { roundId: round.id, criterionId: 'co-help', value: (i % 5) + 1 }),
    ),
  );
  expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
  expect((await roundProgress(testContext.ctx, coordinator, round.id)).progress).toEqual({ answered: 200, participants: 200 });
  const stored = await testContext.ctx.stores.responses.listForRound(tenantId, round.id);
  expect(stored).toHaveLength(200);
  expect(new Set(stored.map((r) => r.respondent)).size).toBe(200);
  expect(stored.every((r) => r.value === (Number(r.respondent.split('-')[1]) % 5) + 1)).toBe(true);
});
