/**
 * Sends interrupted by a crash (in one process: a send that never returns stands for a process that died
 * mid-send): the reminder or summary is taken over after the lease and reaches its audience exactly once.
 * The same with real processes, kill -9 and the stand-in Slack: test/scheduling/crash-mid-send.test.ts.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Actor } from '../../src/app/actor.js';
import type { AppContext } from '../../src/app/context.js';
import { remindNow, roundJobStatus } from '../../src/app/jobs.js';
import { closeRound, openRound } from '../../src/app/rounds.js';
import { sendLeaseMs } from '../../src/app/send-claims.js';
import { reminderClaimKey, reminderQuotaKey } from '../../src/domain/scheduling.js';
import type { ManualClock } from '../support/manual-clock.js';
import { Scheduler, type SchedulerOptions } from '../../src/scheduling/scheduler.js';
import type { TestDatabase } from '../support/database.js';
import { type RecordingNotifier, schedulingFixture, silentLogger } from './support.js';

const tenantId = 'slack:T1';
const coordinator: Actor = { tenantId, userId: 'U-coord', isAdmin: false };
const minute = 60_000;

let database: TestDatabase;
let clock: ManualClock;
let ctx: AppContext;
let notifier: RecordingNotifier;

beforeEach(async () => {
  // Monday 9 March 2026, 10:00 in Brussels: outside quiet hours.
  ({ database, clock, ctx, notifier } = await schedulingFixture('2026-03-09T09:00:00Z'));
});

afterEach(async () => {
  await database.close();
});

const scheduler = (instanceId: string, options: Partial<SchedulerOptions> = {}) =>
  new Scheduler({ ctx, notifiers: { slack: notifier }, logger: silentLogger, instanceId, ...options });
/** Instances whose job lease (1 minute) is shorter than a send's; a stalled handler is never timed out here. */
const shortLease = { leaseMs: minute, handlerTimeoutMs: 24 * 60 * minute };

const openRoundFor = (participants: string[], deadlineInMs: number) =>
  openRound(ctx, coordinator, {
    place: { platform: 'slack', tenantId, channelId: 'C1' },
    frameworkId: 'team-health',
    criterionIds: [ctx.frameworks.get('team-health').criteria[0]!.id],
    participants,
    locale: 'en',
    deadline: new Date(clock.now().getTime() + deadlineInMs),
  });

async function until(done: () => Promise<boolean>): Promise<void> {
  while (!(await done())) await new Promise((resolve) => setTimeout(resolve, 10));
}

it.each([
  ['before Slack took it: the takeover sends it', 'before-delivery' as const, { sent: 1, alreadySent: 1 }],
  ['after Slack took it: the takeover finds it and does not send it again', 'after-delivery' as const, { sent: 0, alreadySent: 2 }],
])('a reminder whose sender died mid-send reaches the member exactly once: %s', async (_name, stall, counts) => {
  const round = await openRoundFor(['U1', 'U2'], 72 * 60 * minute);
  const { slot, jobId } = (await remindNow(ctx, coordinator, round.id)) as { slot: string; jobId: string };
  notifier.stallFor.set('U2', stall);
  const stalled = new Promise<void>((resolve) => (notifier.onStall = resolve));
  // Instance a sends to U1 and dies while sending to U2: its drain never ends.
  void scheduler('a', shortLease).drain();
  await stalled;
  const sentKey = (member: string) => `${reminderClaimKey(round.id, slot, member)}:sent`;
  await until(async () => (await ctx.stores.claims.find([sentKey('U1')])).length === 1);

  // Past the job's lease but within the send's: instance b takes the job over and waits for the send.
  clock.advance(2 * minute);
  await scheduler('b', shortLease).drain();
  expect(await ctx.stores.jobs.get(jobId)).toMatchObject({ status: 'pending', result: { note: 'send-in-progress' } });

  clock.advance(sendLeaseMs);
  await scheduler('b', shortLease).drain();
  expect(notifier.reminders.map((r) => r.memberId).sort()).toEqual(['U1', 'U2']);
  expect(await ctx.stores.jobs.get(jobId)).toMatchObject({
    status: 'done',
    result: { note: 'sent', counts: expect.objectContaining(counts) },
  });
  // The takeover used the place in the plan's maximum that the dead sender had taken.
  const quota = await ctx.stores.claims.find([reminderQuotaKey(round.id, 'U2', 1), reminderQuotaKey(round.id, 'U2', 2)]);
  expect(quota.map((q) => q.holder)).toEqual([reminderClaimKey(round.id, slot, 'U2')]);
  expect(await ctx.stores.claims.find([sentKey('U2')])).toHaveLength(1);
});

it('posts the summary of a round whose closer died before posting it, once, after the lease', async () => {
  const round = await openRoundFor(['U1', 'U2'], 2 * minute);
  // A coordinator's close stores the closed round, then its process dies before the summary is posted.
  await new Promise<void>((resolve) => {
    void closeRound(ctx, coordinator, round.id, () => {
      resolve();
      return new Promise<never>(() => {});
    });
  });
  expect((await ctx.stores.rounds.get(tenantId, round.id))?.state).toBe('closed');

  // At the deadline the post is still within its lease: the deadline job waits for it.
  clock.advance(3 * minute);
  await scheduler('a').drain();
  expect(notifier.summaries).toEqual([]);
  const deadlineJob = async () => (await roundJobStatus(ctx, coordinator, round.id)).jobs.find((j) => j.kind === 'deadline');
  expect(await deadlineJob()).toMatchObject({ status: 'pending', result: { note: 'summary-in-progress' } });

  // After the lease the deadline job posts it in the dead closer's place.
  clock.advance(3 * minute);
  await scheduler('b').drain();
  expect(notifier.summaries.map((s) => s.roundId)).toEqual([round.id]);
  expect(await deadlineJob()).toMatchObject({ status: 'done', result: { note: 'summary-posted' } });

  // Closing again says it was posted before, and posts nothing.
  const again = await closeRound(ctx, coordinator, round.id, notifier.post);
  expect(again).toMatchObject({ firstClose: false, summaryPost: { state: 'earlier' } });
  expect(notifier.summaries).toHaveLength(1);
});
