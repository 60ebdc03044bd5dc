/**
 * An anonymous round leaves no trace of who answered: after answers, revisions, reminders (one of them failing),
 * closing and the summary, a scan of every collection finds the member id only in the round's participant list.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Actor } from '../../src/app/actor.js';
import { remindNow } from '../../src/app/jobs.js';
import { pseudonymFor } from '../../src/app/pseudonym.js';
import { myAnswers } from '../../src/app/responses.js';
import { answer } from '../support/answers.js';
import { closeRound, membersToRemind, roundProgress, openRound } from '../../src/app/rounds.js';
import { exportResponses, roundSummary } from '../../src/app/summaries.js';
import { defaultWorkspaceSettings } from '../../src/domain/scheduling.js';
import { Scheduler } from '../../src/scheduling/scheduler.js';
import { noSummaryPost, testSecret } from '../support/app-context.js';
import { findInDatabase } from '../support/member-id-scan.js';
import { hour, schedulingFixture, silentLogger, type SchedulingFixture } from '../scheduling/support.js';

const tenantId = 'slack:TANON';
const coordinator: Actor = { tenantId, userId: 'UCOORD', isAdmin: false };
// A member id with characters a base64url pseudonym never holds, so the scan cannot match by chance.
const anna = 'anna.peeters@example.org';
// Ids with a dot and an @, which no pseudonym (base64url) can contain by chance.
const bram = 'bram.janssens@example.org';
const others = [bram, 'chloe.dubois@example.org', 'daan.willems@example.org'];
const member = (userId: string): Actor => ({ tenantId, userId, isAdmin: false });

let f: SchedulingFixture;
beforeAll(async () => {
  f = await schedulingFixture('2026-03-09T09:00:00Z');
  await f.ctx.stores.workspaceSettings.put({ ...defaultWorkspaceSettings(tenantId), quietHours: null }, f.clock.now());
});
afterAll(async () => f?.database.close());

const drain = () => new Scheduler({ ctx: f.ctx, notifiers: { slack: f.notifier }, logger: silentLogger, instanceId: 'scan' }).drain();

it('keeps the member id of an anonymous round only in its participant list', async () => {
  const { ctx, clock, notifier } = f;
  const round = await openRound(ctx, coordinator, {
    place: { platform: 'slack', tenantId, channelId: 'CANON' },
    frameworkId: 'team-health',
    criterionIds: ['go-clear', 'co-help'],
    participants: [anna, ...others],
    anonymous: true,
    deadline: new Date(clock.now().getTime() + 72 * hour),
    locale: 'en',
  });

  // A reminder that fails for Anna first (the platform's error names her), then goes out on the retry.
  notifier.failFor.add(anna);
  await remindNow(ctx, coordinator, round.id);
  await drain();
  notifier.failFor.clear();
  clock.advance(hour);
  await drain();
  expect(notifier.reminders.filter((r) => r.memberId === anna)).toHaveLength(1);

  await answer(ctx, member(anna), { roundId: round.id, criterionId: 'go-clear', value: 2, comment: 'Goals shift weekly' });
  await answer(ctx, member(anna), { roundId: round.id, criterionId: 'go-clear', value: 3 });
  await answer(ctx, member(anna), { roundId: round.id, criterionId: 'co-help', value: 4, comment: 'Colleagues help' });
  await answer(ctx, member(bram), { roundId: round.id, criterionId: 'go-clear', value: 5, comment: null });

  // Progress and reminder targets come from pseudonyms: the app derives each participant's and looks it up.
  expect((await roundProgress(ctx, coordinator, round.id)).progress).toEqual({ answered: 2, participants: 4 });
  expect(await membersToRemind(ctx, round)).toEqual(others.slice(1));
  clock.advance(hour);
  await remindNow(ctx, coordinator, round.id);
  await drain();
  expect(notifier.reminders.filter((r) => r.memberId === anna)).toHaveLength(1);

  const markers = await f.database.db.collection('answered').find({ roundId: round.id }).toArray();
  expect(markers.map((m) => m.respondent as string).sort()).toEqual(
    [anna, bram].map((m) => pseudonymFor(testSecret, tenantId, round.id, m)).sort(),
  );
  expect(markers.every((m) => m.answeredAt === null)).toBe(true);
  expect((await myAnswers(ctx, member(anna), round.id)).responses.map((r) => r.value).sort()).toEqual([3, 4]);

  await roundSummary(ctx, coordinator, round.id);
  await closeRound(ctx, coordinator, round.id, noSummaryPost);
  await roundSummary(ctx, member(anna), round.id);
  await exportResponses(ctx, coordinator, round.id);

  expect(await findInDatabase(f.database.db, anna)).toEqual([`rounds:${round.id}.participants[0]`]);
  expect(await findInDatabase(f.database.db, bram)).toEqual([`rounds:${round.id}.participants[1]`]);
});
