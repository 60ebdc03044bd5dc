import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/app/actor.js';
import type { AppContext } from '../../src/app/context.js';
import {
  createRecurrence,
  deleteRecurrence,
  listRecurrences,
  openRecurringRound,
  pauseRecurrence,
  resumeRecurrence,
} from '../../src/app/recurrences.js';
import { answer } from '../support/answers.js';
import { isSpiegelError } from '../../src/domain/errors.js';
import type { Place } from '../../src/domain/round.js';
import { ManualClock } from '../support/manual-clock.js';
import { Scheduler } from '../../src/scheduling/scheduler.js';
import type { TestDatabase } from '../support/database.js';
import { RecordingNotifier, schedulingFixture, silentLogger } from './support.js';

const tenantId = 'teams:tenant-1';
const place: Place = { platform: 'teams', tenantId, channelId: '19:general' };
const coordinator: Actor = { tenantId, userId: 'coord', isAdmin: false };

let database: TestDatabase;
let clock: ManualClock;
let ctx: AppContext;
let notifier: RecordingNotifier;

beforeEach(async () => {
  ({ database, clock, ctx, notifier } = await schedulingFixture('2026-03-20T10:00:00Z'));
});

afterEach(async () => {
  await database.close();
});

const scheduler = (id: string) => new Scheduler({ ctx, notifiers: { teams: notifier }, logger: silentLogger, instanceId: id });

function criterion(): string {
  return ctx.frameworks.get('team-health').criteria[0]!.id;
}

async function answerAll(roundId: string, value: number) {
  for (const userId of ['m1', 'm2', 'm3']) {
    await answer(ctx, { tenantId, userId, isAdmin: false }, { roundId, criterionId: criterion(), value, comment: null });
  }
}

describe('recurring rounds', () => {
  it('open a round on the first Monday of each quarter at 09:00 Brussels time, once, and compare with the previous one', async () => {
    const { recurrence, nextRunAt } = await createRecurrence(ctx, coordinator, {
      place,
      frameworkId: 'team-health',
      criterionIds: [criterion()],
      cron: '0 9 1-7 1,4,7,10 1',
      timeZone: 'Europe/Brussels',
      name: 'Quarterly check',
      participants: ['m1', 'm2', 'm3'],
      durationHours: 7 * 24,
      locale: 'nl',
    });
    expect(nextRunAt.toISOString()).toBe('2026-04-06T07:00:00.000Z'); // Monday 6 April, 09:00 CEST

    await scheduler('a').drain();
    expect(notifier.announced).toEqual([]);

    clock.set('2026-04-06T07:00:00Z');
    await Promise.all([scheduler('a').drain(), scheduler('b').drain()]);
    await scheduler('c').drain();
    expect(notifier.announced).toHaveLength(1);
    const first = notifier.announced[0]!;
    expect(first).toMatchObject({
      recurrenceId: recurrence.id,
      place,
      name: 'Quarterly check · 2026-04-06',
      locale: 'nl',
      participants: ['m1', 'm2', 'm3'],
      deadline: new Date('2026-04-13T07:00:00Z'),
    });
    const [view] = await listRecurrences(ctx, coordinator);
    expect(view?.nextRunAt?.toISOString()).toBe('2026-07-06T07:00:00.000Z');
    expect(view?.jobs.map((j) => [j.status, j.result?.note ?? null, j.result?.roundId ?? null])).toEqual([
      ['done', 'opened', first.id],
      ['pending', null, null],
    ]);

    await answerAll(first.id, 2);
    clock.set('2026-04-13T07:00:00Z');
    await scheduler('a').drain();
    expect(notifier.summaries.map((s) => s.roundId)).toEqual([first.id]);

    // The next quarter: a bot that was down over the Monday opens it late, once.
    clock.set('2026-07-06T12:00:00Z');
    await scheduler('b').drain();
    expect(notifier.announced).toHaveLength(2);
    const second = notifier.announced[1]!;
    expect(second.name).toBe('Quarterly check · 2026-07-06');
    expect(second.deadline?.toISOString()).toBe('2026-07-13T12:00:00.000Z');
    await answerAll(second.id, 5);
    clock.set('2026-07-13T12:00:00Z');
    await scheduler('a').drain();
    const summary = notifier.summaries[1]?.summary;
    expect(summary?.roundId).toBe(second.id);
    expect(summary?.previousRoundId).toBe(first.id);
    expect(summary?.gaps).toContainEqual(
      expect.objectContaining({ kind: 'change', criterionId: criterion(), previousMedian: 2, median: 5, delta: 3 }),
    );

    // Deleting the schedule cancels the queued occurrence; nothing opens any more.
    await expect(deleteRecurrence(ctx, { tenantId, userId: 'someone', isAdmin: false }, recurrence.id)).rejects.toSatisfy((e) =>
      isSpiegelError(e, 'permission.coordinatorOnly'),
    );
    expect(await deleteRecurrence(ctx, coordinator, recurrence.id)).toEqual({ deleted: true });
    clock.set('2026-10-05T07:00:00Z');
    await scheduler('a').drain();
    expect(notifier.announced).toHaveLength(2);
    expect(await listRecurrences(ctx, coordinator)).toEqual([]);
  });

  it('refuses a schedule that is not valid, with the reason', async () => {
    const base = { place, frameworkId: 'team-health', participants: ['m1'], locale: 'en' as const, timeZone: 'Europe/Brussels' };
    await expect(createRecurrence(ctx, coordinator, { ...base, cron: 'first monday' })).rejects.toSatisfy(
      (e) => isSpiegelError(e, 'input.invalid') && e.details.problem === 'cronInvalid' && e.details.cron === 'first monday',
    );
    await expect(createRecurrence(ctx, coordinator, { ...base, cron: '0 9 * * 1', timeZone: 'Europe/Gent' })).rejects.toSatisfy(
      (e) => isSpiegelError(e, 'input.invalid') && e.details.problem === 'unknownTimeZone',
    );
    await expect(createRecurrence(ctx, coordinator, { ...base, cron: '0 9 * * 1', frameworkId: 'nope' })).rejects.toSatisfy((e) =>
      isSpiegelError(e, 'framework.unknown'),
    );
    await expect(createRecurrence(ctx, coordinator, { ...base, cron: '0 9 * * 1', participants: [] })).rejects.toSatisfy((e) =>
      isSpiegelError(e, 'round.invalid'),
    );
    expect(await ctx.stores.recurrences.list(tenantId)).toEqual([]);
  });

  it('opens a biweekly schedule every other week, opens nothing while paused, and resumes from the next occurrence', async () => {
    // Friday 20 March 2026: the first Monday is 23 March, then 6 April, 20 April, 4 May…
    const { recurrence, nextRunAt } = await createRecurrence(ctx, coordinator, {
      place,
      frameworkId: 'team-health',
      cron: '0 9 * * 1',
      cadence: 'biweekly',
      timeZone: 'Europe/Brussels',
      participants: ['m1', 'm2', 'm3'],
      durationHours: 48,
      locale: 'en',
    });
    expect(nextRunAt.toISOString()).toBe('2026-03-23T08:00:00.000Z');
    clock.set('2026-03-23T08:00:00Z');
    await scheduler('a').drain();
    expect(notifier.announced.map((r) => r.openedAt.toISOString())).toEqual(['2026-03-23T08:00:00.000Z']);
    // Not the Monday after (30 March), but the one after that, in summer time.
    expect((await listRecurrences(ctx, coordinator))[0]?.nextRunAt?.toISOString()).toBe('2026-04-06T07:00:00.000Z');

    await pauseRecurrence(ctx, coordinator, recurrence.id);
    expect((await listRecurrences(ctx, coordinator))[0]?.nextRunAt).toBeNull();
    clock.set('2026-04-06T07:00:00Z');
    await scheduler('a').drain();
    expect(notifier.announced).toHaveLength(1);
    const jobs = await ctx.stores.jobs.list({ tenantId, recurrenceId: recurrence.id, kinds: ['recurrence'] });
    expect(jobs.map((j) => [j.status, j.result?.note ?? null])).toEqual([
      ['done', 'opened'],
      ['skipped', 'recurrence-paused'],
    ]);

    clock.set('2026-04-10T12:00:00Z');
    const resumed = await resumeRecurrence(ctx, coordinator, recurrence.id);
    expect(resumed.nextRunAt?.toISOString()).toBe('2026-04-20T07:00:00.000Z');
    clock.set('2026-04-20T07:00:00Z');
    await scheduler('a').drain();
    expect(notifier.announced.map((r) => r.openedAt.toISOString())).toEqual(['2026-03-23T08:00:00.000Z', '2026-04-20T07:00:00.000Z']);
    await expect(pauseRecurrence(ctx, { tenantId, userId: 'someone', isAdmin: false }, recurrence.id)).rejects.toSatisfy((e) =>
      isSpiegelError(e, 'permission.coordinatorOnly'),
    );
    await expect(resumeRecurrence(ctx, coordinator, 'rec-forged')).rejects.toSatisfy((e) => isSpiegelError(e, 'recurrence.unknown'));
  });
});

describe('recurring rounds by perspective', () => {
  it('opens each round on the criteria of the chosen perspectives only', async () => {
    const base = { place, frameworkId: 'mentoring-to-work', participants: ['m1'], locale: 'en' as const, timeZone: 'Europe/Brussels' };
    const { recurrence } = await createRecurrence(ctx, coordinator, { ...base, cron: '0 9 * * 1', perspectives: ['process'] });
    expect((await ctx.stores.recurrences.get(tenantId, recurrence.id))?.round.perspectives).toEqual(['process']);
    const { round } = await openRecurringRound(ctx, recurrence, new Date('2026-03-23T08:00:00Z'));
    const expected = ctx.frameworks
      .get('mentoring-to-work')
      .criteria.filter((c) => c.perspective === 'process')
      .map((c) => c.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(round.framework.criteria.map((c) => c.id)).toEqual(expected);
  });
});
