/** The App Home tab, published on app_home_opened and after an admin changes the workspace language. */
import { memberOverview } from '../../app/member-overview.js';
import { canManageRecurrence, listRecurrences } from '../../app/recurrences.js';
import { getWorkspaceSettings, withStoredAdmins } from '../../app/workspace-settings.js';
import { renderHomeView } from './blocks/home.js';
import { actorFor } from './ids.js';
import type { SlackRuntime } from './runtime.js';
import type { WebClient } from './web-api.js';

export async function publishHome(rt: SlackRuntime, client: WebClient, teamId: string, userId: string): Promise<void> {
  const { ctx } = rt;
  const actor = await withStoredAdmins(ctx, actorFor(teamId, userId, rt.config.SPIEGEL_ADMINS));
  const [locale, { participating, coordinating }] = await Promise.all([
    rt.directory.localeOf(client, teamId, userId),
    memberOverview(ctx, actor),
  ]);
  const workspaceLocale = actor.isAdmin ? await rt.directory.workspaceLocale(teamId) : undefined;
  const settings = actor.isAdmin ? await getWorkspaceSettings(ctx, actor.tenantId) : undefined;
  const schedules = (await listRecurrences(ctx, actor)).filter((view) => canManageRecurrence(actor, view.recurrence));
  await client.views.publish({
    user_id: userId,
    view: renderHomeView({
      locale,
      participating,
      coordinating,
      schedules,
      ...(workspaceLocale ? { workspaceLocale } : {}),
      ...(settings ? { settings } : {}),
    }),
  });
}
