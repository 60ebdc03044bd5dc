/**
 * Teams installs and uninstalls. Removing the app from a team or group chat (installationUpdate `remove`, or a
 * conversationUpdate that removes the bot) schedules the deletion of the tenant's data after the grace period;
 * adding it back, and any later activity from the tenant (the app is evidently still installed elsewhere),
 * cancels that. A member removing the app from their own personal chat does not count.
 */
import type { Logger } from '../../logger.js';
import type { Activity, TurnContext } from 'botbuilder';
import { cancelWorkspaceDeletion, scheduleWorkspaceDeletion } from '../../app/workspace-removal.js';
import { aadTenantOfActivity, conversationKindOf } from './activity.js';
import { workspaceActor } from './ids.js';
import { type AppContext } from '../../app/context.js';

type InstallationChange = 'added' | 'removed' | null;

export function installationChangeOf(activity: Partial<Activity>): InstallationChange {
  if (conversationKindOf(activity) === 'personal') return null;
  if (activity.type === 'installationUpdate') {
    if (activity.action === 'remove') return 'removed';
    return activity.action?.startsWith('add') ? 'added' : null;
  }
  if (activity.type === 'conversationUpdate') {
    const bot = activity.recipient?.id;
    if (activity.membersRemoved?.some((m) => m.id === bot)) return 'removed';
    if (activity.membersAdded?.some((m) => m.id === bot)) return 'added';
  }
  return null;
}

/** How long this process takes a tenant's cancelled deletion as settled before it checks again on an activity. */
const ACTIVE_CHECK_MS = 10 * 60_000;

export class InstallationTracker {
  /** Tenant → until when no deletion needs cancelling (a cache: every process checks the database itself). */
  readonly #checked = new Map<string, number>();

  constructor(private readonly rt: { ctx: AppContext; logger: Logger }) {}

  /** Runs for every activity before it is handled. */
  async observe(context: TurnContext): Promise<void> {
    const tenant = aadTenantOfActivity(context.activity);
    if (!tenant) return;
    const actor = workspaceActor(tenant);
    const change = installationChangeOf(context.activity);
    if (change === 'removed') {
      this.#checked.delete(tenant);
      const due = await scheduleWorkspaceDeletion(this.rt.ctx, actor);
      this.rt.logger.info(
        { tenantId: actor.tenantId, due },
        'Spiegel was removed in a Teams tenant; its data will be deleted after the grace period',
      );
      return;
    }
    if (change !== 'added' && (this.#checked.get(tenant) ?? 0) > Date.now()) return;
    if (await cancelWorkspaceDeletion(this.rt.ctx, actor)) {
      this.rt.logger.info({ tenantId: actor.tenantId }, 'Spiegel is in use in a Teams tenant again: its data deletion is cancelled');
    }
    if (this.#checked.size > 10_000) this.#checked.clear();
    this.#checked.set(tenant, Date.now() + ACTIVE_CHECK_MS);
  }
}
