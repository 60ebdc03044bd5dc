/**
 * A Delphi sequence of two follow-ups against the real database, its convergence worked by hand.
 * Six members, scale 1–5, k = 3; quartiles R type 7; rwg = 1 − s²/2 (σ²EU = (5² − 1)/12 = 2), clipped to [0, 1].
 */
import { expect, it } from 'vitest';
import { followUpBriefing, startFollowUp } from '../../src/app/follow-ups.js';
import { closeRound, openRound } from '../../src/app/rounds.js';
import { saveAnswers } from '../../src/app/save-answers.js';
import { isSpiegelError } from '../../src/domain/errors.js';
import type { Round } from '../../src/domain/round.js';
import { noSummaryPost, useTestContext } from '../support/app-context.js';

let now = Date.parse('2026-03-02T09:00:00Z');
const clock = { now: () => new Date(now) };
const testContext = useTestContext(clock);
const tenantId = 'cli:delphi';
const members = ['m-a', 'm-b', 'm-c', 'm-d', 'm-e', 'm-f'];
const coordinator = { tenantId, userId: 'coord', isAdmin: false };
const member = (userId: string) => ({ tenantId, userId, isAdmin: false });
const place = { platform: 'cli' as const, tenantId, channelId: 'team-delphi' };

async function answer(round: Round, ratings: Record<string, number[]>, reasons: Record<string, string> = {}) {
  for (const [i, userId] of members.entries()) {
    const answers = Object.entries(ratings).map(([criterionId, values]) => ({
      criterionId,
      value: values[i]!,
      ...(reasons[`${criterionId}:${userId}`] ? { comment: reasons[`${criterionId}:${userId}`] } : {}),
    }));
    const outcome = await saveAnswers(testContext.ctx, member(userId), { roundId: round.id, answers });
    expect(outcome.ok).toBe(true);
  }
  now += 3600_000;
  return (await closeRound(testContext.ctx, coordinator, round.id, noSummaryPost)).summary;
}

it('runs two follow-ups on the items left polarised, and reports convergence per item', async () => {
  const { ctx } = testContext;
  const origin = await openRound(ctx, coordinator, {
    place,
    frameworkId: 'team-health',
    criterionIds: ['go-clear', 'go-contribution', 'go-priorities'],
    participants: members,
    anonymous: true,
    locale: 'en',
    settings: { anonymityThreshold: 3 },
  });
  // go-clear 1 1 2 4 5 5: IQR 4.75 − 1.25 = 3.5, s² = 18/5 = 3.6 → rwg 0; ends 3/6 and 3/6 → polarised.
  // go-contribution 1 1 1 5 5 5: IQR 5 − 1 = 4, rwg 0, polarised. go-priorities all 4: consensus.
  const originSummary = await answer(
    origin,
    { 'go-clear': [1, 1, 2, 4, 5, 5], 'go-contribution': [1, 1, 1, 5, 5, 5], 'go-priorities': [4, 4, 4, 4, 4, 4] },
    { 'go-clear:m-a': 'Nobody told us the goals', 'go-clear:m-f': 'Clear on the wall' },
  );
  expect(originSummary.criteria.map((c) => (c.suppressed ? null : c.class))).toEqual(['polarised', 'polarised', 'consensus']);

  await expect(startFollowUp(ctx, member('m-a'), { roundId: origin.id })).rejects.toSatisfy((e) =>
    isSpiegelError(e, 'permission.coordinatorOnly'),
  );
  const first = await startFollowUp(ctx, coordinator, { roundId: origin.id, maxFollowUps: 2 });
  expect(first.created).toBe(true);
  expect(first.round.framework.criteria.map((c) => c.id)).toEqual(['go-clear', 'go-contribution']);
  expect(first.round).toMatchObject({ anonymous: true, participants: members, followUp: { iteration: 1, maxIterations: 2 } });
  // Asking again finds the same follow-up.
  expect(await startFollowUp(ctx, coordinator, { roundId: origin.id })).toMatchObject({ created: false, round: { id: first.round.id } });

  // Member a's private briefing: the group's distribution and comments, and a's own earlier answer.
  const briefing = await followUpBriefing(ctx, first.round, 'm-a');
  expect(briefing.items[0]).toMatchObject({
    criterionId: 'go-clear',
    group: {
      n: 6,
      median: 3,
      iqr: 3.5,
      distribution: { 1: 2, 2: 1, 3: 0, 4: 1, 5: 2 },
      comments: ['Clear on the wall', 'Nobody told us the goals'],
    },
    own: { value: 1, comment: 'Nobody told us the goals' },
  });
  expect(JSON.stringify(briefing.items)).not.toMatch(/m-[b-f]/);

  // Follow-up 1. go-clear 2 2 3 4 4 5: q1 2.25, q3 4 → IQR 1.75; mean 10/3, s² = 7.333/5 = 1.4667 → rwg 0.2667;
  // a, b, c and e moved: 4 of 6. go-contribution 1 1 2 5 5 5: q1 1.25, q3 5 → IQR 3.75; s² = 20.833/5 → rwg 0;
  // only c moved: 1 of 6 = 16.7 % (> 15 %, not stable); still polarised (ends 3/6 and 3/6).
  const firstSummary = await answer(first.round, { 'go-clear': [2, 2, 3, 4, 4, 5], 'go-contribution': [1, 1, 2, 5, 5, 5] });
  const c1 = firstSummary.convergence!;
  expect(c1).toMatchObject({ iteration: 1, maxIterations: 2, originRoundId: origin.id, stable: false, next: 'continue' });
  const [clear, contribution] = c1.items;
  expect(clear).toMatchObject({
    before: { iqr: 3.5, rwg: 0, class: 'polarised' },
    after: { iqr: 1.75, class: 'mixed' },
    paired: 6,
    moved: 4,
  });
  expect(clear!.after!.rwg).toBeCloseTo(0.26667, 4);
  expect(clear!.movedShare).toBeCloseTo(4 / 6, 10);
  expect(contribution).toMatchObject({ before: { iqr: 4 }, after: { iqr: 3.75, rwg: 0, class: 'polarised' }, iqrChange: -0.25, moved: 1 });
  expect(contribution!.unsettled).toBe(true);

  // Follow-up 2 asks only what is still polarised. go-contribution 3 3 3 3 4 4: q1 3, q3 3.75 → IQR 0.75;
  // mean 10/3, s² = 1.3333/5 = 0.2667 → rwg 0.8667: consensus. Everybody moved.
  const second = await startFollowUp(ctx, coordinator, { roundId: first.round.id, maxFollowUps: 5 });
  expect(second.round.framework.criteria.map((c) => c.id)).toEqual(['go-contribution']);
  expect(second.round.followUp).toEqual({ previousRoundId: first.round.id, originRoundId: origin.id, iteration: 2, maxIterations: 2 });
  const secondSummary = await answer(second.round, { 'go-contribution': [3, 3, 3, 3, 4, 4] });
  const [settled] = secondSummary.convergence!.items;
  expect(settled).toMatchObject({
    before: { iqr: 3.75, rwg: 0 },
    after: { iqr: 0.75, class: 'consensus' },
    paired: 6,
    moved: 6,
    movedShare: 1,
  });
  expect(settled!.after!.rwg).toBeCloseTo(0.86667, 4);
  expect(secondSummary.convergence).toMatchObject({ iteration: 2, next: 'agreed' });

  // The maximum of two is reached; an open round cannot be followed up.
  await expect(startFollowUp(ctx, coordinator, { roundId: second.round.id, criterionIds: ['go-contribution'] })).rejects.toSatisfy((e) =>
    isSpiegelError(e, 'followUp.maximum'),
  );
  const open = await openRound(ctx, coordinator, { place, frameworkId: 'team-health', participants: members, locale: 'en' });
  await expect(startFollowUp(ctx, coordinator, { roundId: open.id })).rejects.toSatisfy((e) => isSpiegelError(e, 'followUp.notClosed'));
  await expect(startFollowUp(ctx, { ...coordinator, tenantId: 'cli:other' }, { roundId: origin.id })).rejects.toSatisfy((e) =>
    isSpiegelError(e, 'round.unknown'),
  );
});
