import { SpiegelError } from '../domain/errors.js';
import { defaultWorkspaceSettings, type WorkspaceSettings } from '../domain/scheduling.js';
import { validateSettingsPatch, type WorkspaceSettingsPatch } from '../domain/workspace-settings-rules.js';
import type { Actor } from './actor.js';
import type { AppContext } from './context.js';

export type { WorkspaceSettingsPatch };

/** The tenant's settings, defaults filled in (quiet hours 20:00–08:00 and weekends, Europe/Brussels). */
export async function getWorkspaceSettings(ctx: AppContext, tenantId: string): Promise<WorkspaceSettings> {
  return (await ctx.stores.workspaceSettings.get(tenantId)) ?? defaultWorkspaceSettings(tenantId);
}

/** Changes the tenant's settings: admins only. */
export async function updateWorkspaceSettings(ctx: AppContext, actor: Actor, patch: WorkspaceSettingsPatch): Promise<WorkspaceSettings> {
  if (!actor.isAdmin) throw new SpiegelError('permission.adminOnly', `${actor.userId} is not an admin`);
  const checked = validateSettingsPatch(patch);
  const current = await getWorkspaceSettings(ctx, actor.tenantId);
  const next: WorkspaceSettings = { ...current, ...checked, tenantId: actor.tenantId };
  await ctx.stores.workspaceSettings.put(next, ctx.clock.now());
  return next;
}

/** The caller, an admin too when the tenant's admins set in chat name them (beside SPIEGEL_ADMINS). */
export async function withStoredAdmins(ctx: AppContext, actor: Actor): Promise<Actor> {
  if (actor.isAdmin) return actor;
  const { admins } = await getWorkspaceSettings(ctx, actor.tenantId);
  return admins.includes(actor.userId) ? { ...actor, isAdmin: true } : actor;
}
