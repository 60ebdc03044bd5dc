/** Retention against the real database: the daily job deletes what is past each workspace's period, once. */
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Actor } from '../../src/app/actor.js';
import type { AppContext } from '../../src/app/context.js';
import { answer } from '../support/answers.js';
import { deleteExpiredRounds, nextRetentionRun, scheduleRetention } from '../../src/app/retention.js';
import { cancelRound, closeRound, openRound } from '../../src/app/rounds.js';
import { getWorkspaceSettings, updateWorkspaceSettings } from '../../src/app/workspace-settings.js';
import { deadlineJobId, retentionCutoff, systemTenantId } from '../../src/domain/scheduling.js';
import type { Place } from '../../src/domain/round.js';
import { ManualClock } from '../support/manual-clock.js';
import { Scheduler } from '../../src/scheduling/scheduler.js';
import type { TestDatabase } from '../support/database.js';
import { hour, schedulingFixture, silentLogger } from '../scheduling/support.js';
import { noSummaryPost } from '../support/app-context.js';
import { findInDatabase } from '../support/member-id-scan.js';

const slack: Place = { platform: 'slack', tenantId: 'slack:TA', channelId: 'C1' };
const teams: Place = { platform: 'teams', tenantId: 'teams:tb', channelId: '19:general' };
const actorIn = (place: Place, userId: string, isAdmin = false): Actor => ({ tenantId: place.tenantId, userId, isAdmin });

let database: TestDatabase;
let clock: ManualClock;
let ctx: AppContext;

beforeEach(async () => {
  ({ database, clock, ctx } = await schedulingFixture('2026-03-09T09:00:00Z'));
});
afterEach(async () => database.close());

async function answeredRound(place: Place, anonymous = false) {
  const round = await openRound(ctx, actorIn(place, 'coord'), {
    place,
    frameworkId: 'team-health',
    criterionIds: ['go-clear'],
    participants: ['m1', 'm2', 'm3'],
    anonymous,
    locale: 'en',
    deadline: new Date(clock.now().getTime() + 72 * hour),
  });
  for (const [member, value] of [
    ['m1', 4],
    ['m2', 2],
    ['m3', 5],
  ] as const) {
    await answer(ctx, actorIn(place, member), { roundId: round.id, criterionId: 'go-clear', value, comment: `note ${member}` });
  }
  return round;
}

const scheduler = (instanceId: string) => new Scheduler({ ctx, notifiers: {}, logger: silentLogger, instanceId });

it('counts calendar months back, clipping to the end of a shorter month', () => {
  expect(retentionCutoff(new Date('2026-03-31T10:00:00Z'), 1).toISOString()).toBe('2026-02-28T10:00:00.000Z');
  expect(retentionCutoff(new Date('2026-03-09T09:00:00Z'), 24).toISOString()).toBe('2024-03-09T09:00:00.000Z');
  expect(nextRetentionRun(new Date('2026-03-09T09:00:00Z')).toISOString()).toBe('2026-03-10T03:00:00.000Z');
  expect(nextRetentionRun(new Date('2026-03-10T02:59:00Z')).toISOString()).toBe('2026-03-10T03:00:00.000Z');
});

it('lets an admin set the retention period, 24 months by default, and refuses others and nonsense', async () => {
  expect((await getWorkspaceSettings(ctx, slack.tenantId)).retentionMonths).toBe(24);
  await expect(updateWorkspaceSettings(ctx, actorIn(slack, 'm1'), { retentionMonths: 6 })).rejects.toMatchObject({
    code: 'permission.adminOnly',
  });
  for (const months of [0, 1.5, 121, -3]) {
    await expect(updateWorkspaceSettings(ctx, actorIn(slack, 'admin', true), { retentionMonths: months })).rejects.toMatchObject({
      code: 'input.invalid',
    });
  }
  await updateWorkspaceSettings(ctx, actorIn(slack, 'admin', true), { retentionMonths: 6 });
  const settings = await getWorkspaceSettings(ctx, slack.tenantId);
  expect(settings).toMatchObject({ retentionMonths: 6, timeZone: 'Europe/Brussels' });
});

it('deletes every document of rounds past their workspace’s period, keeps the rest, and runs once a day across instances', async () => {
  await updateWorkspaceSettings(ctx, actorIn(slack, 'admin', true), { retentionMonths: 12 });
  const expiredClosed = await answeredRound(slack, true);
  await closeRound(ctx, actorIn(slack, 'coord'), expiredClosed.id, noSummaryPost);
  const expiredCancelled = await answeredRound(slack);
  await cancelRound(ctx, actorIn(slack, 'coord'), expiredCancelled.id);
  const stillOpen = await answeredRound(slack);
  const otherTenant = await answeredRound(teams);
  await closeRound(ctx, actorIn(teams, 'coord'), otherTenant.id, noSummaryPost);
  clock.advance(200 * 24 * hour);
  // Another channel: a later round on the same framework in the same place would name the expired one as its previous round.
  const recent = await answeredRound({ ...slack, channelId: 'C2' });
  await closeRound(ctx, actorIn(slack, 'coord'), recent.id, noSummaryPost);
  for (const round of [expiredClosed, expiredCancelled, stillOpen, otherTenant, recent]) {
    expect(await findInDatabase(database.db, round.id)).not.toEqual([]);
  }

  // 13 months after the first rounds ended: past slack:TA's 12 months, within teams:tb's default 24.
  clock.set('2027-04-09T09:00:00Z');
  await scheduleRetention(ctx, clock.now());
  clock.set('2027-04-10T03:00:00Z');
  const reports = await Promise.all([scheduler('a').drain(), scheduler('b').drain()]);

  expect(await findInDatabase(database.db, expiredClosed.id)).toEqual([]);
  expect(await findInDatabase(database.db, expiredCancelled.id)).toEqual([]);
  for (const kept of [stillOpen, otherTenant, recent]) expect(await ctx.stores.rounds.get(kept.place.tenantId, kept.id)).not.toBeNull();
  expect(await ctx.stores.responses.listForRound(teams.tenantId, otherTenant.id)).toHaveLength(3);
  expect(await ctx.stores.summaries.get(slack.tenantId, recent.id)).not.toBeNull();

  const retentionJobs = await ctx.stores.jobs.list({ tenantId: systemTenantId, kinds: ['retention'] });
  expect(retentionJobs.map((j) => [j.id, j.status, j.attempts])).toEqual([
    ['retention:2027-04-10', 'done', 1],
    ['retention:2027-04-11', 'pending', 0],
  ]);
  expect(retentionJobs[0]?.result?.counts).toMatchObject({ rounds: 2 });
  expect(reports.reduce((sum, r) => sum + r.ran, 0)).toBeGreaterThanOrEqual(1);
});

it('leaves nothing of a round whose job another instance claimed while retention deleted it', async () => {
  await updateWorkspaceSettings(ctx, actorIn(slack, 'admin', true), { retentionMonths: 12 });
  const expired = await answeredRound(slack);
  await closeRound(ctx, actorIn(slack, 'coord'), expired.id, noSummaryPost);
  clock.set('2027-04-10T03:00:00Z');
  // Another instance read the round's pending deadline job just before the retention run deleted the round.
  const readBefore = await ctx.stores.jobs.get(deadlineJobId(expired.id, expired.revision));
  expect(readBefore?.status).toBe('pending');

  expect(await deleteExpiredRounds(ctx, actorIn(slack, 'retention', true), clock.now())).toBe(1);
  if (readBefore) await scheduler('late').runJob(readBefore);

  expect(await findInDatabase(database.db, expired.id)).toEqual([]);
});
