/** Erasure through the core use cases against the real database: open and closed, named and anonymous rounds. */
import { expect, it } from 'vitest';
import type { Actor } from '../../src/app/actor.js';
import { countMemberAnswers, eraseMemberAnswers } from '../../src/app/erasure.js';
import { respondentKey } from '../../src/app/pseudonym.js';
import { answer } from '../support/answers.js';
import { closeRound, openRound, roundProgress } from '../../src/app/rounds.js';
import { roundSummary } from '../../src/app/summaries.js';
import type { Place } from '../../src/domain/round.js';
import { buildSummaryView } from '../../src/presentation/summary-view.js';
import { noSummaryPost, useTestContext } from '../support/app-context.js';
import { findInDatabase } from '../support/member-id-scan.js';

const t = useTestContext();
const place: Place = { platform: 'slack', tenantId: 'slack:TERASE', channelId: 'C1' };
const actor = (userId: string, isAdmin = false): Actor => ({ tenantId: place.tenantId, userId, isAdmin });
const ratings: [string, number][] = [
  ['ann', 1],
  ['bob', 4],
  ['cas', 4],
  ['dee', 5],
];

async function answeredRound(anonymous: boolean) {
  const round = await openRound(t.ctx, actor('coord'), {
    place,
    frameworkId: 'team-health',
    criterionIds: ['go-clear'],
    participants: ratings.map(([m]) => m),
    anonymous,
    locale: 'en',
  });
  for (const [member, value] of ratings) {
    await answer(t.ctx, actor(member), {
      roundId: round.id,
      criterionId: 'go-clear',
      value,
      comment: `why ${member} chose ${value}`,
    });
  }
  return round;
}

it('erases a member’s answers and markers in open and closed rounds, named and anonymous, and recomputes closed summaries', async () => {
  const open = await answeredRound(false);
  const closedNamed = await answeredRound(false);
  const closedAnonymous = await answeredRound(true);
  await closeRound(t.ctx, actor('coord'), closedNamed.id, noSummaryPost);
  await closeRound(t.ctx, actor('coord'), closedAnonymous.id, noSummaryPost);
  const annKey = respondentKey(t.ctx, closedAnonymous, 'ann');
  expect(await findInDatabase(t.database.db, annKey)).not.toEqual([]);
  expect(await countMemberAnswers(t.ctx, actor('ann'), 'ann')).toEqual({ answers: 3, rounds: 3 });

  const result = await eraseMemberAnswers(t.ctx, actor('ann'), 'ann');
  expect(result).toEqual({
    memberId: 'ann',
    answers: 3,
    rounds: 3,
    summariesUpdated: 2,
    qualitySystem: { caseFiles: 0, audits: 0, licenceEntries: 0, contributions: 0, sessions: 0 },
  });

  // Nothing of ann's answers is left: not under her id, not under her pseudonym, not as a comment.
  expect(await findInDatabase(t.database.db, annKey)).toEqual([]);
  expect(await findInDatabase(t.database.db, 'why ann')).toEqual([]);
  for (const round of [open, closedNamed]) {
    expect((await t.ctx.stores.responses.listForRound(place.tenantId, round.id)).map((r) => r.respondent).sort()).toEqual([
      'bob',
      'cas',
      'dee',
    ]);
    expect(await t.ctx.stores.participation.listAnswered(place.tenantId, round.id)).not.toContain('ann');
  }
  expect((await roundProgress(t.ctx, actor('bob'), open.id)).progress).toEqual({ answered: 3, participants: 4 });

  const { round, summary } = await roundSummary(t.ctx, actor('bob'), closedAnonymous.id);
  expect(summary.updatedAfterErasure).toBe(true);
  expect(summary.respondents).toBe(3);
  expect(summary.criteria[0]).toMatchObject({ n: 3, median: 4 });
  expect(buildSummaryView(round, summary, 'en', false).title).toContain('(updated after an erasure)');
  expect(buildSummaryView(round, summary, 'nl', false).title).toContain('(bijgewerkt na een wissing)');

  // In an open round the member may answer again.
  await answer(t.ctx, actor('ann'), { roundId: open.id, criterionId: 'go-clear', value: 3 });
  expect((await roundProgress(t.ctx, actor('bob'), open.id)).progress.answered).toBe(4);
  expect(await eraseMemberAnswers(t.ctx, actor('ann'), 'ann')).toMatchObject({ answers: 1, rounds: 1, summariesUpdated: 0 });
  expect(await eraseMemberAnswers(t.ctx, actor('ann'), 'ann')).toMatchObject({ answers: 0, rounds: 0 });
});

it('lets an admin erase any member by id, refuses a member erasing someone else, and stays inside the tenant', async () => {
  const round = await answeredRound(true);
  await expect(eraseMemberAnswers(t.ctx, actor('bob'), 'cas')).rejects.toMatchObject({ code: 'permission.coordinatorOnly' });
  await expect(eraseMemberAnswers(t.ctx, actor('admin', true), '')).rejects.toMatchObject({ code: 'input.invalid' });
  const elsewhere: Actor = { tenantId: 'slack:TOTHER', userId: 'admin', isAdmin: true };
  expect(await eraseMemberAnswers(t.ctx, elsewhere, 'cas')).toMatchObject({ answers: 0 });
  expect(await t.ctx.stores.responses.listForRound(place.tenantId, round.id)).toHaveLength(4);

  // cas also answered in the three rounds of the test above.
  expect(await eraseMemberAnswers(t.ctx, actor('admin', true), 'cas')).toMatchObject({ answers: 4, rounds: 4, summariesUpdated: 2 });
  expect(await t.ctx.stores.responses.listForRound(place.tenantId, round.id)).toHaveLength(3);
  expect(await t.ctx.stores.participation.countAnswered(place.tenantId, round.id)).toBe(3);
});
