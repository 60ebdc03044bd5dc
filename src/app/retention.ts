import { SpiegelError } from '../domain/errors.js';
import { retentionCutoff, retentionJobId, systemTenantId } from '../domain/scheduling.js';
import type { Actor } from './actor.js';
import type { AppContext } from './context.js';
import { getWorkspaceSettings } from './workspace-settings.js';

/** Rounds deleted per store call; a tenant with more past its retention loops. */
const roundsPerBatch = 500;
/** The retention run starts at this UTC hour, when few rounds are answered in Flanders and the Netherlands. */
const retentionHourUtc = 3;

/**
 * Deletes the tenant's rounds that closed or were cancelled longer ago than its retention period, with their
 * answers, markers, summaries, jobs and claims. Admins (and the scheduler) only. Returns how many rounds went.
 */
export async function deleteExpiredRounds(ctx: AppContext, actor: Actor, now: Date): Promise<number> {
  if (!actor.isAdmin) throw new SpiegelError('permission.coordinatorOnly', `${actor.userId} is not an admin`);
  const { retentionMonths } = await getWorkspaceSettings(ctx, actor.tenantId);
  const cutoff = retentionCutoff(now, retentionMonths);
  let deleted = 0;
  for (;;) {
    const ids = await ctx.stores.rounds.endedBefore(actor.tenantId, cutoff, roundsPerBatch);
    if (ids.length === 0) return deleted;
    await ctx.stores.deletion.deleteRounds(actor.tenantId, ids);
    deleted += ids.length;
  }
}

/** The next daily retention run after `after`, at 03:00 UTC. */
export function nextRetentionRun(after: Date): Date {
  const run = new Date(Date.UTC(after.getUTCFullYear(), after.getUTCMonth(), after.getUTCDate(), retentionHourUtc));
  if (run.getTime() <= after.getTime()) run.setUTCDate(run.getUTCDate() + 1);
  return run;
}

/** Queues the retention run due next after `after`; its deterministic id makes every instance's call insert it once. */
export async function scheduleRetention(ctx: AppContext, after: Date): Promise<void> {
  const runAt = nextRetentionRun(after);
  await ctx.stores.jobs.enqueue(
    [{ id: retentionJobId(runAt), kind: 'retention', tenantId: systemTenantId, roundId: null, recurrenceId: null, slot: null, runAt }],
    ctx.clock.now(),
  );
}
