import type { Round } from '../domain/round.js';
import { reminderJobId, type JobView, type RemindNowResult, toJobView } from '../domain/scheduling.js';
import { requireCoordinator, type Actor } from './actor.js';
import type { AppContext } from './context.js';
import { reminderSkipReason } from './round-jobs.js';
import { getRound, membersToRemind, requireOpen } from './rounds.js';

export interface RoundJobStatus {
  round: Round;
  /** Every job of the round (deadline, reminder slots, "remind now"), by run time. */
  jobs: JobView[];
  /** The jobs that failed for good, with their reason in `lastError`. */
  failed: JobView[];
  /** Jobs that failed at least once and will be retried. */
  retrying: JobView[];
}

/** A round's deadline and reminder jobs, for its coordinators. */
export async function roundJobStatus(ctx: AppContext, actor: Actor, roundId: string): Promise<RoundJobStatus> {
  const round = await getRound(ctx, actor, roundId);
  requireCoordinator(actor, round);
  const jobs = (await ctx.stores.jobs.list({ tenantId: actor.tenantId, roundId })).map(toJobView);
  return {
    round,
    jobs,
    failed: jobs.filter((j) => j.status === 'failed'),
    retrying: jobs.filter((j) => j.status === 'pending' && j.failures > 0),
  };
}

/** "Remind now" requests within this window share one slot: a second click does not remind twice. */
export const remindNowWindowMs = 15 * 60_000;

export function remindNowSlot(now: Date): string {
  const bucket = new Date(Math.floor(now.getTime() / remindNowWindowMs) * remindNowWindowMs);
  return `now-${bucket.toISOString().slice(0, 16).replace(/[-:]/g, '')}Z`;
}

/**
 * A coordinator's "remind now": queues a reminder job that the scheduler runs on its next poll, through the
 * same path as scheduled reminders (unanswered members only, quiet hours, one per member and slot, the plan's
 * maximum per member). Refused, saying so, when the scheduler would skip it (the deadline is too close).
 */
export async function remindNow(ctx: AppContext, actor: Actor, roundId: string): Promise<RemindNowResult> {
  const round = await getRound(ctx, actor, roundId);
  requireCoordinator(actor, round);
  requireOpen(round);
  const members = (await membersToRemind(ctx, round)).length;
  if (round.reminderPlan.max <= 0) return { queued: false, reason: 'reminders-off', jobId: null, members };
  if (members === 0) return { queued: false, reason: 'everyone-answered', jobId: null, members };
  const now = ctx.clock.now();
  const slot = remindNowSlot(now);
  const skip = reminderSkipReason(round, slot, now);
  if (skip) return { queued: false, reason: skip === 'deadline-passed' ? skip : 'deadline-close', jobId: null, members };
  const jobId = reminderJobId(round.id, slot);
  const inserted = await ctx.stores.jobs.enqueueOnce(
    { id: jobId, kind: 'reminder', tenantId: round.place.tenantId, roundId: round.id, recurrenceId: round.recurrenceId, slot, runAt: now },
    now,
  );
  return inserted ? { queued: true, jobId, slot, members } : { queued: false, reason: 'already-queued', jobId, members };
}
