/** The App Home tab, published on app_home_opened and after an admin changes the workspace language. */
import { isCoordinator } from '../../app/actor.js';
import { progressOf } from '../../app/rounds.js';
import { roundDimensionIds } from '../../domain/round.js';
import { respondentKey } from '../../app/pseudonym.js';
import { canManageRecurrence, listRecurrences } from '../../app/recurrences.js';
import { getWorkspaceSettings, withStoredAdmins } from '../../app/workspace-settings.js';
import { renderHomeView, type HomeRound } from './blocks/home.js';
import { actorFor } from './ids.js';
import type { SlackRuntime } from './runtime.js';
import type { WebClient } from './web-api.js';

const LISTED = 20;

export async function publishHome(rt: SlackRuntime, client: WebClient, teamId: string, userId: string): Promise<void> {
  const { ctx } = rt;
  const actor = await withStoredAdmins(ctx, actorFor(teamId, userId, rt.config.SPIEGEL_ADMINS));
  const [locale, participating, coordinated] = await Promise.all([
    rt.directory.localeOf(client, teamId, userId),
    ctx.stores.rounds.list(actor.tenantId, { participant: userId, state: 'open', limit: LISTED }),
    ctx.stores.rounds.list(actor.tenantId, { state: 'open', limit: LISTED, ...(actor.isAdmin ? {} : { coordinator: userId }) }),
  ]);
  const mine: HomeRound[] = await Promise.all(
    participating.map(async (round) => {
      const answers = await ctx.stores.responses.listForRespondent(actor.tenantId, round.id, respondentKey(ctx, round, userId));
      const total = round.framework.criteria.length * roundDimensionIds(round).length;
      return { round, progress: await progressOf(ctx, round), mine: { answered: answers.length, total } };
    }),
  );
  const coordinating: HomeRound[] = await Promise.all(
    coordinated.filter((round) => isCoordinator(actor, round)).map(async (round) => ({ round, progress: await progressOf(ctx, round) })),
  );
  const workspaceLocale = actor.isAdmin ? await rt.directory.workspaceLocale(teamId) : undefined;
  const settings = actor.isAdmin ? await getWorkspaceSettings(ctx, actor.tenantId) : undefined;
  const schedules = (await listRecurrences(ctx, actor)).filter((view) => canManageRecurrence(actor, view.recurrence));
  await client.views.publish({
    user_id: userId,
    view: renderHomeView({
      locale,
      participating: mine,
      coordinating,
      schedules,
      ...(workspaceLocale ? { workspaceLocale } : {}),
      ...(settings ? { settings } : {}),
    }),
  });
}
