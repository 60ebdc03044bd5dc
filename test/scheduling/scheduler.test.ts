import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/app/actor.js';
import type { AppContext } from '../../src/app/context.js';
import { remindNow, roundJobStatus } from '../../src/app/jobs.js';
import { answer as saveAnswer } from '../support/answers.js';
import { closeRound, cancelRound, openRound } from '../../src/app/rounds.js';
import { updateWorkspaceSettings } from '../../src/app/workspace-settings.js';
import { isSpiegelError } from '../../src/domain/errors.js';
import type { OpenRoundInput, Place } from '../../src/domain/round.js';
import { ManualClock } from '../support/manual-clock.js';
import { Scheduler, startScheduler, type SchedulerOptions } from '../../src/scheduling/scheduler.js';
import { describeJob } from '../../src/presentation/schedule-texts.js';
import { createTestContext } from '../support/app-context.js';
import type { TestDatabase } from '../support/database.js';
import { hour, RecordingNotifier, schedulingFixture, silentLogger } from './support.js';

const tenantId = 'slack:T1';
const place: Place = { platform: 'slack', tenantId, channelId: 'C1' };
const coordinator: Actor = { tenantId, userId: 'U-coord', isAdmin: false };
const admin: Actor = { tenantId, userId: 'U-admin', isAdmin: true };
const member = (userId: string): Actor => ({ tenantId, userId, isAdmin: false });

let database: TestDatabase;
let clock: ManualClock;
let ctx: AppContext;
let notifier: RecordingNotifier;

beforeEach(async () => {
  // Monday 9 March 2026, 10:00 in Brussels (09:00 UTC).
  ({ database, clock, ctx, notifier } = await schedulingFixture('2026-03-09T09:00:00Z'));
});

afterEach(async () => {
  await database.close();
});

function scheduler(instanceId: string, options: Partial<SchedulerOptions> = {}, c: AppContext = ctx): Scheduler {
  return new Scheduler({ ctx: c, notifiers: { slack: notifier }, logger: silentLogger, instanceId, ...options });
}

function firstCriterion(): string {
  const id = ctx.frameworks.get('team-health').criteria[0]?.id;
  if (!id) throw new Error('team-health has no criteria');
  return id;
}

function roundInput(overrides: Partial<OpenRoundInput> = {}): OpenRoundInput {
  return {
    place,
    frameworkId: 'team-health',
    criterionIds: [firstCriterion()],
    participants: ['U1', 'U2', 'U3'],
    locale: 'en',
    deadline: new Date(clock.now().getTime() + 72 * hour),
    ...overrides,
  };
}

async function answer(roundId: string, userId: string, value: number) {
  // comment: null — a first answer without one trips the response store on FerretDB (reported).
  await saveAnswer(ctx, member(userId), { roundId, criterionId: firstCriterion(), value, comment: null });
}

describe('deadlines', () => {
  it('closes a round whose deadline passed while the bot was down, once, and posts one summary', async () => {
    const round = await openRound(ctx, coordinator, roundInput({ deadline: new Date(clock.now().getTime() + 6 * hour) }));
    await answer(round.id, 'U1', 4);
    // Before the deadline nothing happens.
    await scheduler('a').drain();
    expect((await ctx.stores.rounds.get(tenantId, round.id))?.state).toBe('open');

    // The process is down for a day; a new process (new context, new scheduler, same database) starts.
    clock.advanceHours(26);
    const restarted = await createTestContext(database.db, clock);
    await scheduler('after-restart', {}, restarted).drain();
    await scheduler('second-instance', {}, restarted).drain();

    const stored = await ctx.stores.rounds.get(tenantId, round.id);
    expect(stored?.state).toBe('closed');
    expect(notifier.summaries.map((s) => s.roundId)).toEqual([round.id]);
    expect(notifier.summaries[0]?.summary.respondents).toBe(1);
    // A coordinator closing it afterwards does not announce it again.
    expect((await closeRound(ctx, coordinator, round.id, notifier.post)).firstClose).toBe(false);

    const status = await roundJobStatus(ctx, coordinator, round.id);
    const deadline = status.jobs.find((j) => j.kind === 'deadline');
    expect(deadline).toMatchObject({ status: 'done', attempts: 1, result: { note: 'closed' } });
    // Reminder slots that were due while the bot was down are skipped with their reason, not sent late.
    const reminders = status.jobs.filter((j) => j.kind === 'reminder');
    expect(reminders).toHaveLength(1);
    expect([
      ['skipped', 'deadline-passed'],
      ['skipped', 'round-closed'],
      ['cancelled', 'round-closed'],
    ]).toContainEqual([reminders[0]?.status, reminders[0]?.result?.note]);
    expect(notifier.reminders).toEqual([]);
  });

  it('does not announce twice when a coordinator closed the round first', async () => {
    const round = await openRound(ctx, coordinator, roundInput());
    expect((await closeRound(ctx, coordinator, round.id, notifier.post)).firstClose).toBe(true);
    clock.advanceHours(80);
    await scheduler('a').drain();
    expect(notifier.summaries.map((s) => s.roundId)).toEqual([round.id]);
    const status = await roundJobStatus(ctx, coordinator, round.id);
    expect(status.jobs.find((j) => j.kind === 'deadline')).toMatchObject({ status: 'skipped', result: { note: 'already-closed' } });
  });

  it('cancelling a round cancels its jobs', async () => {
    const round = await openRound(ctx, coordinator, roundInput());
    await cancelRound(ctx, coordinator, round.id);
    clock.advanceHours(80);
    await scheduler('a').drain();
    const status = await roundJobStatus(ctx, coordinator, round.id);
    expect(status.jobs.map((j) => j.status)).toEqual(['cancelled', 'cancelled', 'cancelled']);
    expect(notifier.summaries).toEqual([]);
  });

  it('retries a summary that could not be posted, then posts it once', async () => {
    const round = await openRound(ctx, coordinator, roundInput({ deadline: new Date(clock.now().getTime() + hour) }));
    notifier.failSummaries = 1;
    clock.advanceHours(2);
    expect((await scheduler('a').drain()).byResult.retry).toBe(1);
    expect((await ctx.stores.rounds.get(tenantId, round.id))?.state).toBe('closed');
    expect(notifier.summaries).toEqual([]);
    clock.advance(31_000); // first backoff: 30 s
    await scheduler('b').drain();
    expect(notifier.summaries.map((s) => s.roundId)).toEqual([round.id]);
    const [deadline] = (await roundJobStatus(ctx, coordinator, round.id)).jobs.filter((j) => j.kind === 'deadline');
    expect(deadline).toMatchObject({ status: 'done', attempts: 2, failures: 1 });
  });
});

describe('reminders', () => {
  it('go only to members who have not answered, at 48 h and 4 h before the deadline, once each', async () => {
    // Deadline Friday 13 March 15:00 Brussels: slots Wednesday 15:00 and Friday 11:00 (both outside quiet hours).
    const round = await openRound(ctx, coordinator, roundInput({ deadline: new Date('2026-03-13T14:00:00Z') }));
    await answer(round.id, 'U1', 3);

    await scheduler('a').drain();
    expect(notifier.reminders).toEqual([]);

    clock.set('2026-03-11T14:00:00Z');
    await Promise.all([scheduler('a').drain(), scheduler('b').drain()]);
    await scheduler('c').drain();
    expect(notifier.reminders.map((r) => r.memberId).sort()).toEqual(['U2', 'U3']);
    expect(notifier.reminders[0]?.details).toMatchObject({ answered: 1, participants: 3, slot: '48h', timeZone: 'Europe/Brussels' });

    await answer(round.id, 'U2', 5);
    clock.set('2026-03-13T10:00:00Z');
    await scheduler('b').drain();
    expect(notifier.reminders.slice(2).map((r) => r.memberId)).toEqual(['U3']);
    expect(notifier.reminders[2]?.details).toMatchObject({ answered: 2, slot: '4h' });

    const status = await roundJobStatus(ctx, coordinator, round.id);
    expect(status.jobs.filter((j) => j.kind === 'reminder').map((j) => [j.slot, j.status, j.result?.counts.sent])).toEqual([
      ['48h', 'done', 2],
      ['4h', 'done', 1],
    ]);
    expect(describeJob(status.jobs[0]!, 'en', 'Europe/Brussels')).toMatch(
      /^Reminder 48h before the deadline: done on Wednesday 11 March at 15:00 CET \(2 sent/,
    );
  });

  it('wait for the end of quiet hours in each member’s own time zone, and skip what comes too late', async () => {
    // Deadline Tuesday 10 March 09:00 UTC; the 4 h slot falls at 05:00 UTC, the 48 h slot lies in the past.
    const round = await openRound(
      ctx,
      coordinator,
      roundInput({ participants: ['tokyo', 'brussels', 'newyork'], deadline: new Date('2026-03-10T09:00:00Z') }),
    );
    notifier.timeZones.set('tokyo', 'Asia/Tokyo');
    notifier.timeZones.set('newyork', 'America/New_York');
    // brussels: unknown to the platform → the workspace default (Europe/Brussels).

    clock.set('2026-03-10T05:00:00Z'); // Tokyo 14:00 (allowed), Brussels 06:00 (quiet), New York 01:00 (quiet).
    const s = scheduler('a');
    await s.drain();
    expect(notifier.reminders.map((r) => [r.memberId, r.at.toISOString(), r.details.timeZone])).toEqual([
      ['tokyo', '2026-03-10T05:00:00.000Z', 'Asia/Tokyo'],
    ]);
    let [job] = (await roundJobStatus(ctx, coordinator, round.id)).jobs.filter((j) => j.kind === 'reminder');
    // Deferred to Brussels 08:00 (07:00 UTC); New York's 08:00 (12:00 UTC) is after the deadline: skipped, counted.
    expect(job).toMatchObject({
      status: 'pending',
      runAt: new Date('2026-03-10T07:00:00Z'),
      result: { note: 'quiet-hours', counts: { sent: 1, deferred: 1, tooLate: 1 } },
    });

    clock.set('2026-03-10T06:59:00Z');
    await s.drain();
    expect(notifier.reminders).toHaveLength(1);
    clock.set('2026-03-10T07:00:00Z');
    await s.drain();
    expect(notifier.reminders.map((r) => [r.memberId, r.at.toISOString()])).toEqual([
      ['tokyo', '2026-03-10T05:00:00.000Z'],
      ['brussels', '2026-03-10T07:00:00.000Z'],
    ]);
    [job] = (await roundJobStatus(ctx, coordinator, round.id)).jobs.filter((j) => j.kind === 'reminder');
    expect(job).toMatchObject({ status: 'done', result: { counts: { sent: 1, alreadySent: 1, tooLate: 1 } } });
  });

  it('use the workspace’s own quiet hours and time zone', async () => {
    await updateWorkspaceSettings(ctx, admin, { quietHours: { start: '18:00', end: '09:30', days: [0] }, timeZone: 'America/New_York' });
    // Saturday 14 March 2026 is not quiet in this workspace; 13:00 UTC = 09:00 New York (EDT) is, until 09:30.
    await openRound(ctx, coordinator, roundInput({ participants: ['U1'], deadline: new Date('2026-03-16T13:00:00Z') }));
    clock.set('2026-03-14T13:00:00Z');
    await scheduler('a').drain();
    expect(notifier.reminders).toEqual([]);
    clock.set('2026-03-14T13:30:00Z');
    await scheduler('a').drain();
    expect(notifier.reminders.map((r) => r.memberId)).toEqual(['U1']);
  });

  it('in anonymous rounds carry only public progress', async () => {
    const round = await openRound(ctx, coordinator, roundInput({ anonymous: true }));
    await answer(round.id, 'U1', 2);
    expect(await remindNow(ctx, coordinator, round.id)).toMatchObject({ queued: true, members: 2 });
    await scheduler('a').drain();
    expect(notifier.reminders).toHaveLength(2);
    for (const reminder of notifier.reminders) {
      expect(Object.keys(reminder.details).sort()).toEqual(['answered', 'deadline', 'participants', 'slot', 'timeZone']);
      expect(JSON.stringify(reminder.details)).not.toMatch(/U1/);
    }
  });

  it('“remind now” is for coordinators, goes the same way, and a second click does not remind twice', async () => {
    const round = await openRound(ctx, coordinator, roundInput());
    await expect(remindNow(ctx, member('U1'), round.id)).rejects.toSatisfy((e) => isSpiegelError(e, 'permission.coordinatorOnly'));
    const first = await remindNow(ctx, coordinator, round.id);
    expect(first).toMatchObject({ queued: true, members: 3 });
    clock.advance(60_000);
    expect(await remindNow(ctx, coordinator, round.id)).toMatchObject({ queued: false, reason: 'already-queued' });
    await scheduler('a').drain();
    expect(notifier.reminders.map((r) => r.memberId).sort()).toEqual(['U1', 'U2', 'U3']);
    // The plan's maximum (2) counts every reminder a member gets: one more request, then the 48 h slot is over the maximum.
    clock.advance(20 * 60_000);
    expect(await remindNow(ctx, coordinator, round.id)).toMatchObject({ queued: true });
    await scheduler('a').drain();
    clock.set(new Date(round.deadline!.getTime() - 48 * hour));
    await scheduler('a').drain();
    expect(notifier.reminders).toHaveLength(6);
    const jobs = (await roundJobStatus(ctx, coordinator, round.id)).jobs.filter((j) => j.slot === '48h');
    expect(jobs[0]?.result?.counts).toMatchObject({ sent: 0, quota: 3 });
  });

  it('a send that keeps failing is retried with backoff, then reported as failed to coordinators', async () => {
    const round = await openRound(ctx, coordinator, roundInput());
    notifier.failFor.add('U2');
    await remindNow(ctx, coordinator, round.id);
    const s = scheduler('a', { maxFailures: 3 });
    expect((await s.drain()).byResult.retry).toBe(1);
    expect(notifier.reminders.map((r) => r.memberId).sort()).toEqual(['U1', 'U3']);

    let [job] = (await roundJobStatus(ctx, coordinator, round.id)).retrying;
    expect(job).toMatchObject({
      failures: 1,
      lastError: expect.stringMatching(/1 of 3 reminders could not be sent: cannot open a direct message with U2/),
    });
    // Not before the backoff (30 s)…
    clock.advance(29_000);
    expect((await s.drain()).ran).toBe(0);
    clock.advance(2_000);
    expect((await s.drain()).byResult.retry).toBe(1); // second failure; next backoff 2 min
    clock.advance(2 * 60_000 + 1000);
    expect((await s.drain()).byResult.failed).toBe(1);

    const status = await roundJobStatus(ctx, coordinator, round.id);
    expect(status.failed).toHaveLength(1);
    [job] = status.failed;
    expect(job).toMatchObject({
      status: 'failed',
      attempts: 3,
      failures: 3,
      result: { note: 'send-failed', counts: { failed: 1, alreadySent: 2 } },
    });
    expect(describeJob(job!, 'nl', 'Europe/Brussels')).toMatch(
      /^Herinnering op vraag: mislukt na 3 poging\(en\): 1 of 1 reminders could not be sent/,
    );
    // Members who did get it were not reminded again by the retries.
    expect(notifier.reminders).toHaveLength(2);
    await expect(roundJobStatus(ctx, member('U1'), round.id)).rejects.toSatisfy((e) => isSpiegelError(e, 'permission.coordinatorOnly'));
  });

  it('a round on a platform without a notifier gets its job failed with a clear reason', async () => {
    const round = await openRound(ctx, coordinator, roundInput({ place: { ...place, platform: 'teams', tenantId } }));
    await remindNow(ctx, coordinator, round.id);
    await scheduler('a').drain();
    const { failed } = await roundJobStatus(ctx, coordinator, round.id);
    expect(failed.map((j) => j.lastError)).toEqual([
      'no notifier for platform “teams” in this instance: reminders for this round cannot be sent',
    ]);
    expect(failed[0]?.attempts).toBe(1);
  });
});

describe('attempt claims and leases', () => {
  it('takes over a job whose holder crashed once its lease expired, and never runs a held one', async () => {
    const round = await openRound(ctx, coordinator, roundInput());
    const { jobId } = (await remindNow(ctx, coordinator, round.id)) as { jobId: string };
    // An instance claimed attempt 1 and died.
    const crashedAt = clock.now();
    expect(
      await ctx.stores.jobs.claimAttempt({
        jobId,
        attempt: 1,
        holder: 'crashed',
        claimedAt: crashedAt,
        leaseUntil: new Date(crashedAt.getTime() + 5 * 60_000),
      }),
    ).toBe(true);

    const s = scheduler('b');
    expect((await s.drain()).byResult.busy).toBe(1);
    expect(notifier.reminders).toEqual([]);

    clock.advance(5 * 60_000 + 1);
    await s.drain();
    expect(notifier.reminders).toHaveLength(3);
    const job = await ctx.stores.jobs.get(jobId);
    expect(job).toMatchObject({
      status: 'done',
      attempts: 2,
      failures: 1,
      lastError: expect.stringMatching(/attempt 1 \(crashed\) did not finish within its lease/),
    });
    expect(await ctx.stores.jobs.getAttempt(jobId, 2)).toMatchObject({ holder: 'b' });
  });
});

describe('startScheduler', () => {
  it('polls in the background and stops after the running tick', async () => {
    const round = await openRound(ctx, coordinator, roundInput());
    const allSent = new Promise<void>((resolve) => {
      notifier.onReminder = () => {
        if (notifier.reminders.length === 3) resolve();
      };
    });
    const running = startScheduler({ ctx, notifiers: { slack: notifier }, logger: silentLogger, instanceId: 'loop', pollIntervalMs: 50 });
    try {
      await remindNow(ctx, coordinator, round.id);
      await allSent; // an event, not a sleep: the loop's next poll picks the job up
    } finally {
      await running.stop();
    }
    expect(notifier.reminders.map((r) => r.memberId).sort()).toEqual(['U1', 'U2', 'U3']);
  });
});
