import type { JobHandlersFor } from '../domain/scheduling.js';
import { deleteExpiredRounds, scheduleRetention } from '../app/retention.js';
import { deleteWorkspaceData } from '../app/workspace-removal.js';
import { mapLimited } from './concurrency.js';
import { schedulerActor, type HandlerDeps, type JobHandler, type JobOutcome, type JobRun } from './job-run.js';

/**
 * Retention: queues tomorrow's run first (the chain never breaks, even when this one fails), then deletes, in
 * every tenant, the rounds past that tenant's retention period. Deleting twice is harmless, so a retry after a
 * crash halfway simply goes on.
 */
export async function runRetentionJob(deps: HandlerDeps, run: JobRun): Promise<JobOutcome> {
  const { ctx, logger } = deps;
  await scheduleRetention(ctx, run.now);
  const tenants = await ctx.stores.rounds.tenants();
  const deleted = await mapLimited(tenants, 2, (tenantId) => deleteExpiredRounds(ctx, schedulerActor(tenantId), run.now));
  const rounds = deleted.reduce((sum, n) => sum + n, 0);
  if (rounds > 0) logger.info({ rounds, tenants: deleted.filter((n) => n > 0).length }, 'retention: deleted rounds past their period');
  return { status: 'done', note: 'retention', counts: { tenants: tenants.length, rounds } };
}

/** A removed workspace's grace period is over (no reinstall cancelled this job): its data goes. */
export async function runWorkspaceDeletionJob(deps: HandlerDeps, run: JobRun): Promise<JobOutcome> {
  await deleteWorkspaceData(deps.ctx, schedulerActor(run.job.tenantId));
  deps.logger.info({ tenantId: run.job.tenantId }, 'deleted the data of a removed workspace');
  return { status: 'done', note: 'workspace-deleted' };
}

export function lifecycleHandlers(deps: HandlerDeps) {
  return {
    retention: (run: JobRun) => runRetentionJob(deps, run),
    'workspace-deletion': (run: JobRun) => runWorkspaceDeletionJob(deps, run),
  } satisfies JobHandlersFor<JobHandler>;
}
