import { describe, expect, it } from 'vitest';
import type { Actor } from '../../src/app/actor.js';
import { myAnswers } from '../../src/app/responses.js';
import { saveAnswers } from '../../src/app/save-answers.js';
import { answer } from '../support/answers.js';
import { cancelRound, closeRound, listRounds, membersToRemind, openRound, roundProgress } from '../../src/app/rounds.js';
import { exportResponses, roundSummary } from '../../src/app/summaries.js';
import { pseudonymFor } from '../../src/app/pseudonym.js';
import type { ErrorCode } from '../../src/domain/errors.js';
import type { Place, Round } from '../../src/domain/round.js';
import { noSummaryPost, testSecret, useTestContext } from '../support/app-context.js';

const tenantA = 'slack:TA';
const tenantB = 'slack:TB';
const coordinator: Actor = { tenantId: tenantA, userId: 'UCOORD', isAdmin: false };
const member = (id: string, tenantId = tenantA): Actor => ({ tenantId, userId: id, isAdmin: false });
const place: Place = { platform: 'slack', tenantId: tenantA, channelId: 'C1' };
const members = ['U1', 'U2', 'U3', 'U4'];

const testContext = useTestContext();

async function rejectsWith(promise: Promise<unknown>, code: ErrorCode): Promise<void> {
  await expect(promise).rejects.toMatchObject({ name: 'SpiegelError', code });
}

function open(extra: Partial<Parameters<typeof openRound>[2]> = {}) {
  return openRound(testContext.ctx, coordinator, {
    place,
    frameworkId: 'team-health',
    criterionIds: ['go-clear', 'wl-manageable', 'co-help'],
    participants: members,
    locale: 'en',
    ...extra,
  });
}

describe('opening a round', () => {
  it('snapshots the chosen criteria and makes the opener a coordinator', async () => {
    const round = await open();
    expect(round.framework.criteria.map((c) => c.id)).toEqual(['go-clear', 'wl-manageable', 'co-help']);
    expect(round.framework.components.map((c) => c.id)).toEqual(['goals', 'workload', 'collaboration']);
    expect(round.coordinators).toEqual(['UCOORD']);
    const stored = await testContext.ctx.stores.rounds.get(tenantA, round.id);
    expect(stored).toEqual(round);
  });

  it('refuses unknown frameworks, unknown criteria, past deadlines and another tenant’s place', async () => {
    await rejectsWith(open({ frameworkId: 'nope' }), 'framework.unknown');
    await rejectsWith(open({ criterionIds: ['go-clear', 'forged'] }), 'round.invalid');
    await rejectsWith(open({ deadline: new Date(Date.now() - 1000) }), 'round.invalid');
    await rejectsWith(open({ participants: [] }), 'round.invalid');
    await rejectsWith(open({ settings: { targetScore: 9 } }), 'round.invalid');
    await rejectsWith(open({ place: { ...place, tenantId: tenantB } }), 'round.unknown');
  });
});

describe('answering', () => {
  it('stores, revises and reads back a member’s rating and comment', async () => {
    const round = await open();
    const first = await answer(testContext.ctx, member('U1'), { roundId: round.id, criterionId: 'go-clear', value: 4 });
    expect(first).toMatchObject({ value: 4, comment: null, respondent: 'U1', dimension: 'rating' });
    await answer(testContext.ctx, member('U1'), { roundId: round.id, criterionId: 'go-clear', comment: '  Clear enough  ' });
    const revised = await answer(testContext.ctx, member('U1'), { roundId: round.id, criterionId: 'go-clear', value: 'na' });
    expect(revised).toMatchObject({ value: 'na', comment: 'Clear enough' });
    const mine = await myAnswers(testContext.ctx, member('U1'), round.id);
    expect(mine.responses).toHaveLength(1);
    expect((await roundProgress(testContext.ctx, member('U2'), round.id)).progress).toEqual({ answered: 1, participants: 4 });
    expect(await membersToRemind(testContext.ctx, round)).toEqual(['U2', 'U3', 'U4']);
  });

  it('refuses bad input with stable codes, per input, and stores nothing', async () => {
    const round = await open();
    const refusals = async (answers: Parameters<typeof saveAnswers>[2]['answers']) => {
      const outcome = await saveAnswers(testContext.ctx, member('U1'), { roundId: round.id, answers });
      return outcome.ok ? [] : outcome.refusals.map((r) => [r.field === 'open' ? r.questionId : r.criterionId, r.field, r.code]);
    };
    expect(
      await refusals([
        { criterionId: 'go-clear', value: 6 },
        { criterionId: 'wl-manageable', value: 2.5 },
        { criterionId: 'co-help', value: '3' as never },
      ]),
    ).toEqual([
      ['go-clear', 'rating', 'rating.outOfScale'],
      ['wl-manageable', 'rating', 'rating.outOfScale'],
      ['co-help', 'rating', 'rating.outOfScale'],
    ]);
    expect(
      await refusals([
        { criterionId: 'go-clear', value: 3, comment: 'x'.repeat(2001) },
        { criterionId: 'ps-mistakes', value: 3 },
        { criterionId: 'wl-manageable', dimension: 'practice', value: 3 },
        { criterionId: 'co-help', value: 4 },
      ]),
    ).toEqual([
      ['go-clear', 'comment', 'comment.tooLong'],
      ['ps-mistakes', 'rating', 'criterion.unknown'],
      ['wl-manageable', 'rating', 'dimension.unknown'],
    ]);
    // All or nothing: the valid rating of co-help beside a comment without a rating is not stored either.
    expect(
      await refusals([
        { criterionId: 'co-help', value: 4 },
        { criterionId: 'go-clear', comment: 'comment before any rating' },
      ]),
    ).toEqual([['go-clear', 'comment', 'comment.needsRating']]);
    const base = { roundId: round.id, answers: [{ criterionId: 'go-clear', value: 3 }] };
    await rejectsWith(saveAnswers(testContext.ctx, member('OUTSIDER'), base), 'round.notParticipant');
    await rejectsWith(saveAnswers(testContext.ctx, member('U1', tenantB), base), 'round.unknown');
    await rejectsWith(saveAnswers(testContext.ctx, member('U1'), { ...base, roundId: 'forged-id' }), 'round.unknown');
    expect(await testContext.ctx.stores.responses.listForRound(tenantA, round.id)).toEqual([]);
    expect((await roundProgress(testContext.ctx, coordinator, round.id)).progress.answered).toBe(0);
  });

  it('saves a whole form: only what changed, the comment with its item, one marker', async () => {
    const round = await open();
    await answer(testContext.ctx, member('U3'), { roundId: round.id, criterionId: 'go-clear', value: 4, comment: 'fine' });
    const outcome = await saveAnswers(testContext.ctx, member('U3'), {
      roundId: round.id,
      wholeForm: true,
      answers: [
        { criterionId: 'go-clear', value: 4 },
        { criterionId: 'go-clear', comment: 'fine' },
        { criterionId: 'wl-manageable', value: 2 },
        { criterionId: 'wl-manageable', comment: '  Too much  ' },
        { criterionId: 'co-help', comment: null },
      ],
    });
    expect(outcome.ok && outcome.saved.map((r) => [r.criterionId, r.value, r.comment])).toEqual([['wl-manageable', 2, 'Too much']]);
    expect(outcome.ok && outcome.answers.map((r) => r.criterionId).sort()).toEqual(['go-clear', 'wl-manageable']);
    const erased = await saveAnswers(testContext.ctx, member('U3'), {
      roundId: round.id,
      wholeForm: true,
      answers: [{ criterionId: 'go-clear', comment: '' }],
    });
    expect(erased.ok && erased.saved.map((r) => [r.criterionId, r.value, r.comment])).toEqual([['go-clear', 4, null]]);
    expect((await roundProgress(testContext.ctx, coordinator, round.id)).progress.answered).toBe(1);
  });

  it('accepts exactly 2,000 characters of comment', async () => {
    const round = await open();
    const response = await answer(testContext.ctx, member('U2'), {
      roundId: round.id,
      criterionId: 'co-help',
      value: 5,
      comment: 'y'.repeat(2000),
    });
    expect(response.comment).toHaveLength(2000);
  });
});

describe('anonymous rounds', () => {
  it('store a keyed pseudonym, never the member id, next to the answers', async () => {
    // A member id with characters a base64url pseudonym never holds, so the check cannot match by chance.
    const anna = 'anna.peeters@example.org';
    const round = await open({ anonymous: true, participants: [...members, anna] });
    await answer(testContext.ctx, member(anna), { roundId: round.id, criterionId: 'co-help', value: 2, comment: 'Busy weeks' });
    const raw = await testContext.database.db.collection('responses').find({ roundId: round.id }).toArray();
    expect(raw).toHaveLength(1);
    expect(JSON.stringify(raw)).not.toContain(anna);
    expect(raw[0]?.respondent).toBe(pseudonymFor(testSecret, tenantA, round.id, anna));
    expect(raw[0]?.updatedAt).toBeNull();
    expect((await myAnswers(testContext.ctx, member(anna), round.id)).responses[0]?.comment).toBe('Busy weeks');
    // One numeric rating is fewer than k = 3: the export leaves the item out.
    expect((await exportResponses(testContext.ctx, coordinator, round.id)).rows).toEqual([]);
  });
});

describe('coordinator rules and closing', () => {
  it('lets only coordinators close, cancel, export and see interim results', async () => {
    const round = await open();
    await rejectsWith(closeRound(testContext.ctx, member('U1'), round.id, noSummaryPost), 'permission.coordinatorOnly');
    await rejectsWith(cancelRound(testContext.ctx, member('U1'), round.id), 'permission.coordinatorOnly');
    await rejectsWith(exportResponses(testContext.ctx, member('U1'), round.id), 'permission.coordinatorOnly');
    await rejectsWith(roundSummary(testContext.ctx, member('U1'), round.id), 'permission.coordinatorOnly');
    const interim = await roundSummary(testContext.ctx, coordinator, round.id);
    expect(interim.interim).toBe(true);
    const admin: Actor = { tenantId: tenantA, userId: 'UADMIN', isAdmin: true };
    await expect(roundSummary(testContext.ctx, admin, round.id)).resolves.toMatchObject({ interim: true });
    await rejectsWith(closeRound(testContext.ctx, { ...admin, tenantId: tenantB }, round.id, noSummaryPost), 'round.unknown');
  });

  it('closes once however many close at once, then refuses answers and shows everyone the summary', async () => {
    const round = await open();
    await Promise.all(
      members.map((m, i) =>
        answer(testContext.ctx, member(m), {
          roundId: round.id,
          criterionId: 'go-clear',
          value: (i % 2) + 4,
          comment: `note ${m}`,
        }),
      ),
    );
    const posted: string[] = [];
    const post = async (closed: Round) => void posted.push(closed.id);
    const results = await Promise.all(Array.from({ length: 8 }, () => closeRound(testContext.ctx, coordinator, round.id, post)));
    expect(results.filter((r) => r.firstClose)).toHaveLength(1);
    expect(posted).toEqual([round.id]);
    expect(results.filter((r) => r.summaryPost.state === 'posted')).toHaveLength(1);
    expect(results.every((r) => r.round.state === 'closed')).toBe(true);
    await rejectsWith(answer(testContext.ctx, member('U1'), { roundId: round.id, criterionId: 'go-clear', value: 1 }), 'round.closed');
    const { summary, interim } = await roundSummary(testContext.ctx, member('U4'), round.id);
    expect(interim).toBe(false);
    expect(summary.respondents).toBe(4);
    const goClear = summary.criteria.find((c) => c.criterionId === 'go-clear');
    expect(goClear).toMatchObject({ n: 4, median: 4.5, class: 'consensus' });
    expect(goClear?.suppressed === false && goClear.comments).toEqual(['note U1', 'note U2', 'note U3', 'note U4']);
    await rejectsWith(cancelRound(testContext.ctx, coordinator, round.id), 'round.ended');
    expect((await listRounds(testContext.ctx, coordinator, { state: 'closed' })).some((r) => r.id === round.id)).toBe(true);
    expect(await listRounds(testContext.ctx, member('U1', tenantB))).toEqual([]);
  });

  it('compares a closed round with the previous one in the same place', async () => {
    const first = await open();
    for (const m of members) await answer(testContext.ctx, member(m), { roundId: first.id, criterionId: 'wl-manageable', value: 2 });
    await closeRound(testContext.ctx, coordinator, first.id, noSummaryPost);
    const second = await open();
    for (const m of members) await answer(testContext.ctx, member(m), { roundId: second.id, criterionId: 'wl-manageable', value: 4 });
    const { summary } = await closeRound(testContext.ctx, coordinator, second.id, noSummaryPost);
    expect(summary.previousRoundId).toBe(first.id);
    expect(summary.gaps).toContainEqual(
      expect.objectContaining({ kind: 'change', criterionId: 'wl-manageable', previousMedian: 2, median: 4, delta: 2 }),
    );
  });

  it('cancels an open round without a summary', async () => {
    const round = await open();
    const { round: cancelled, firstCancel } = await cancelRound(testContext.ctx, coordinator, round.id);
    expect(cancelled.state).toBe('cancelled');
    expect(firstCancel).toBe(true);
    await rejectsWith(roundSummary(testContext.ctx, coordinator, round.id), 'round.closed');
    await rejectsWith(closeRound(testContext.ctx, coordinator, round.id, noSummaryPost), 'round.ended');
    expect((await cancelRound(testContext.ctx, coordinator, round.id)).firstCancel).toBe(false);
  });
});
