import { SpiegelError } from '../domain/errors.js';
import { workspaceDeletionJobId } from '../domain/scheduling.js';
import type { Actor } from './actor.js';
import type { AppContext } from './context.js';

/** After an uninstall, a workspace's data is kept this long, so that a reinstall finds it again. */
export const uninstallGraceMs = 30 * 24 * 3_600_000;

const deletionKind = 'workspace-deletion';

function requireAdmin(actor: Actor): void {
  if (!actor.isAdmin) throw new SpiegelError('permission.coordinatorOnly', `${actor.userId} is not an admin`);
}

/**
 * The app was removed from the workspace: its data is deleted after the grace period, unless it is installed
 * again before. A second uninstall signal (Slack sends `app_uninstalled` and `tokens_revoked`) keeps the first date.
 * Returns when the deletion is due.
 */
export async function scheduleWorkspaceDeletion(ctx: AppContext, actor: Actor): Promise<Date> {
  requireAdmin(actor);
  const [pending] = await ctx.stores.jobs.list({ tenantId: actor.tenantId, kinds: [deletionKind], status: 'pending' });
  if (pending) return pending.runAt;
  const now = ctx.clock.now();
  const runAt = new Date(now.getTime() + uninstallGraceMs);
  const job = {
    id: workspaceDeletionJobId(actor.tenantId, now),
    kind: deletionKind,
    tenantId: actor.tenantId,
    roundId: null,
    recurrenceId: null,
    slot: null,
    runAt,
  };
  await ctx.stores.jobs.enqueueOnce(job, now);
  return runAt;
}

/** The app is (again) installed in the workspace: a pending deletion is cancelled. Returns whether one was. */
export async function cancelWorkspaceDeletion(ctx: AppContext, actor: Actor): Promise<boolean> {
  requireAdmin(actor);
  return (await ctx.stores.jobs.cancelPending({ tenantId: actor.tenantId, kinds: [deletionKind] }, 'reinstalled', ctx.clock.now())) > 0;
}

/** Deletes everything stored for the workspace (the deletion job itself stays, to be settled). */
export async function deleteWorkspaceData(ctx: AppContext, actor: Actor): Promise<void> {
  requireAdmin(actor);
  await ctx.stores.deletion.deleteTenant(actor.tenantId, [deletionKind]);
}
