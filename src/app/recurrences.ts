import { randomBytes } from 'node:crypto';
import { keepsOccurrence } from '../domain/cadence.js';
import { SpiegelError, isSpiegelError } from '../domain/errors.js';
import type { OpenRoundInput, Round } from '../domain/round.js';
import { recurrenceJobId, type Recurrence, toJobView } from '../domain/scheduling.js';
import { nextCronRun, validateCron } from '../domain/cron.js';
import { inputInvalid } from '../domain/input-problems.js';
import { localDate } from '../domain/time-zones.js';
import type { Actor } from './actor.js';
import type { AppContext } from './context.js';
import { buildRound, openRound } from './rounds.js';
import { frameworksOf } from './tenant-frameworks.js';
import { type RecurrenceAction, type RecurrenceActionResult, type RecurrenceInput, type RecurrenceView } from '../domain/recurrence.js';

const hourMs = 3_600_000;

/** What a round opened by this schedule at `openedAt` is opened with. */
function roundInput(recurrence: Recurrence, occurrence: Date, openedAt: Date): OpenRoundInput {
  const r = recurrence.round;
  const date = localDate(occurrence, recurrence.timeZone);
  return {
    place: recurrence.place,
    frameworkId: recurrence.frameworkId,
    ...(r.name ? { name: `${r.name} · ${date}` } : {}),
    criterionIds: r.criterionIds,
    ...(r.perspectives.length > 0 ? { perspectives: r.perspectives } : {}),
    ...(r.dimensionIds ? { dimensionIds: r.dimensionIds } : {}),
    participants: r.participants,
    coordinators: r.coordinators,
    deadline: r.durationHours ? new Date(openedAt.getTime() + r.durationHours * hourMs) : null,
    anonymous: r.anonymous,
    locale: r.locale,
    settings: r.settings,
    ...(r.reminderPlan ? { reminderPlan: r.reminderPlan } : {}),
    recurrenceId: recurrence.id,
  };
}

function ownerActor(recurrence: Recurrence): Actor {
  return { tenantId: recurrence.tenantId, userId: recurrence.createdBy, isAdmin: false };
}

/** Enough to skip every other week of a biweekly schedule, whatever the expression. */
const MAX_SKIPPED_OCCURRENCES = 60;

function nextOccurrence(recurrence: Pick<Recurrence, 'cron' | 'timeZone' | 'cadence' | 'firstRunAt'>, after: Date): Date | null {
  try {
    let next = nextCronRun(recurrence.cron, recurrence.timeZone, after);
    for (let i = 0; next && i < MAX_SKIPPED_OCCURRENCES; i++) {
      if (keepsOccurrence(recurrence.cadence, recurrence.firstRunAt, next)) return next;
      next = nextCronRun(recurrence.cron, recurrence.timeZone, next);
    }
    return null;
  } catch (error) {
    if (isSpiegelError(error, 'input.invalid')) return null;
    throw error;
  }
}

/**
 * Queues the schedule's occurrence after `after` (none while paused); the job id is deterministic, so queueing
 * twice queues once.
 */
export async function scheduleNextOccurrence(ctx: AppContext, recurrence: Recurrence, after: Date): Promise<Date | null> {
  const next = recurrence.pausedAt ? null : nextOccurrence(recurrence, after);
  if (!next) return null;
  await ctx.stores.jobs.enqueue(
    [
      {
        id: recurrenceJobId(recurrence.id, next),
        kind: 'recurrence',
        tenantId: recurrence.tenantId,
        roundId: null,
        recurrenceId: recurrence.id,
        slot: null,
        runAt: next,
      },
    ],
    ctx.clock.now(),
  );
  return next;
}

/** Creates a recurring schedule and queues its first occurrence. Whoever creates it coordinates its rounds. */
export async function createRecurrence(
  ctx: AppContext,
  actor: Actor,
  input: RecurrenceInput,
): Promise<{ recurrence: Recurrence; nextRunAt: Date }> {
  if (input.place.tenantId !== actor.tenantId) throw new SpiegelError('round.unknown', 'place belongs to another tenant');
  const now = ctx.clock.now();
  const nextRunAt = validateCron(input.cron, input.timeZone, now);
  if (input.durationHours != null && !(input.durationHours > 0)) throw inputInvalid('durationHours');
  const recurrence: Recurrence = {
    id: `rec-${randomBytes(6).toString('base64url')}`,
    tenantId: actor.tenantId,
    place: input.place,
    frameworkId: input.frameworkId,
    cron: input.cron.trim().replace(/\s+/g, ' '),
    cadence: input.cadence ?? 'cron',
    firstRunAt: nextRunAt,
    timeZone: input.timeZone,
    round: {
      name: input.name?.trim() || null,
      criterionIds: input.criterionIds ?? [],
      perspectives: [...new Set(input.perspectives ?? [])],
      dimensionIds: input.dimensionIds ?? null,
      participants: [...new Set(input.participants)],
      coordinators: [...new Set([actor.userId, ...(input.coordinators ?? [])])],
      durationHours: input.durationHours ?? null,
      anonymous: input.anonymous ?? false,
      locale: input.locale,
      settings: input.settings ?? {},
      reminderPlan: input.reminderPlan ?? null,
    },
    createdBy: actor.userId,
    createdAt: now,
    pausedAt: null,
  };
  // A dry run of the first round: the same validation (framework, criteria, participants, settings) as opening it.
  buildRound(ctx, actor, roundInput(recurrence, nextRunAt, now), (await frameworksOf(ctx, actor.tenantId)).get(input.frameworkId));
  await ctx.stores.recurrences.insert(recurrence);
  await scheduleNextOccurrence(ctx, recurrence, now);
  return { recurrence, nextRunAt };
}

/** The tenant's recurring schedules (optionally of one channel), with their next run and recent jobs. */
export async function listRecurrences(ctx: AppContext, actor: Actor, query: { channelId?: string } = {}): Promise<RecurrenceView[]> {
  const recurrences = await ctx.stores.recurrences.list(actor.tenantId, query);
  if (recurrences.length === 0) return [];
  const jobs = await ctx.stores.jobs.list({ tenantId: actor.tenantId, recurrenceIds: recurrences.map((r) => r.id), kinds: ['recurrence'] });
  const now = ctx.clock.now();
  return recurrences.map((recurrence) => ({
    recurrence,
    nextRunAt: recurrence.pausedAt ? null : nextOccurrence(recurrence, now),
    jobs: jobs
      .filter((j) => j.recurrenceId === recurrence.id)
      .slice(-5)
      .map(toJobView),
  }));
}

export function canManageRecurrence(actor: Actor, recurrence: Recurrence): boolean {
  return actor.isAdmin || recurrence.createdBy === actor.userId || recurrence.round.coordinators.includes(actor.userId);
}

async function managedRecurrence(ctx: AppContext, actor: Actor, recurrenceId: string): Promise<Recurrence> {
  const recurrence = await ctx.stores.recurrences.get(actor.tenantId, recurrenceId);
  if (!recurrence) throw new SpiegelError('recurrence.unknown', `there is no recurring schedule ${recurrenceId}`, { id: recurrenceId });
  if (!canManageRecurrence(actor, recurrence)) {
    throw new SpiegelError('permission.coordinatorOnly', `${actor.userId} cannot manage recurring schedule ${recurrenceId}`);
  }
  return recurrence;
}

/**
 * Pauses a schedule: its queued occurrence, when due, finds it paused and opens nothing, and no further one is
 * queued. Rounds it opened already stay open.
 */
export async function pauseRecurrence(ctx: AppContext, actor: Actor, recurrenceId: string): Promise<Recurrence> {
  const recurrence = await managedRecurrence(ctx, actor, recurrenceId);
  if (recurrence.pausedAt) return recurrence;
  const pausedAt = ctx.clock.now();
  await ctx.stores.recurrences.setPaused(actor.tenantId, recurrenceId, pausedAt);
  return { ...recurrence, pausedAt };
}

/** Resumes a paused schedule from its next occurrence after now (occurrences missed while paused are not opened). */
export async function resumeRecurrence(ctx: AppContext, actor: Actor, recurrenceId: string): Promise<RecurrenceView> {
  const recurrence = await managedRecurrence(ctx, actor, recurrenceId);
  const resumed = { ...recurrence, pausedAt: null };
  if (recurrence.pausedAt) await ctx.stores.recurrences.setPaused(actor.tenantId, recurrenceId, null);
  const nextRunAt = await scheduleNextOccurrence(ctx, resumed, ctx.clock.now());
  return { recurrence: resumed, nextRunAt, jobs: [] };
}

/** Deletes a schedule (its creator, its coordinators, or an admin); rounds it opened stay as they are. */
export async function deleteRecurrence(ctx: AppContext, actor: Actor, recurrenceId: string): Promise<{ deleted: boolean }> {
  await managedRecurrence(ctx, actor, recurrenceId);
  const deleted = await ctx.stores.recurrences.delete(actor.tenantId, recurrenceId);
  await ctx.stores.jobs.cancelPending(
    { tenantId: actor.tenantId, recurrenceId, kinds: ['recurrence'] },
    'recurrence-deleted',
    ctx.clock.now(),
  );
  return { deleted };
}

/** The id of the round a schedule opens for an occurrence: deterministic, so a retried job opens it once. */
export function recurringRoundId(recurrenceId: string, occurrence: Date): string {
  return `${recurrenceId}-${occurrence.toISOString().slice(0, 16).replace(/[-:]/g, '')}Z`;
}

/**
 * Opens the round of one occurrence (the scheduler's recurrence job). Exactly once per occurrence: the round's
 * id is deterministic, and a second attempt finds the round the first one stored.
 */
export async function openRecurringRound(
  ctx: AppContext,
  recurrence: Recurrence,
  occurrence: Date,
): Promise<{ round: Round; opened: boolean }> {
  const roundId = recurringRoundId(recurrence.id, occurrence);
  const existing = await ctx.stores.rounds.get(recurrence.tenantId, roundId);
  if (existing) return { round: existing, opened: false };
  const input = roundInput(recurrence, occurrence, ctx.clock.now());
  try {
    const round = await openRound({ ...ctx, newId: () => roundId }, ownerActor(recurrence), input);
    return { round, opened: true };
  } catch (error) {
    if (isSpiegelError(error)) throw error;
    const raced = await ctx.stores.rounds.get(recurrence.tenantId, roundId);
    if (raced) return { round: raced, opened: false };
    throw error;
  }
}

/** Pause, resume or delete a schedule: one entry point for every button, command and CLI verb. */
export async function changeRecurrence(
  ctx: AppContext,
  actor: Actor,
  action: RecurrenceAction,
  recurrenceId: string,
): Promise<RecurrenceActionResult> {
  if (action === 'pause') return { action, recurrence: await pauseRecurrence(ctx, actor, recurrenceId), nextRunAt: null };
  if (action === 'resume') {
    const { recurrence, nextRunAt } = await resumeRecurrence(ctx, actor, recurrenceId);
    return { action, recurrence, nextRunAt };
  }
  const recurrence = await managedRecurrence(ctx, actor, recurrenceId);
  await deleteRecurrence(ctx, actor, recurrenceId);
  return { action, recurrence, nextRunAt: null };
}
