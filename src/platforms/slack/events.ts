/**
 * Events API. Slack repeats an event it thinks was not received (X-Slack-Retry-Num); each event is handled
 * once across instances by claiming `slack-event:<event_id>` before acting.
 */
import type { App } from '@slack/bolt';
import { firstDelivery } from '../../app/inbound-events.js';
import { scheduleWorkspaceDeletion } from '../../app/workspace-removal.js';
import { publishHome } from './home-tab.js';
import { workspaceActor } from './ids.js';
import { teamOf, type SlackRuntime } from './runtime.js';

export async function firstSlackDelivery(rt: SlackRuntime, body: unknown): Promise<boolean> {
  const eventId = (body as { event_id?: unknown }).event_id;
  if (typeof eventId !== 'string') return true;
  return firstDelivery(rt.ctx, `slack-event:${eventId}`, 'slack');
}

export function registerEvents(app: App, rt: SlackRuntime): void {
  app.event('app_home_opened', async ({ event, body, client, context }) => {
    if (event.tab !== 'home') return;
    if (!(await firstSlackDelivery(rt, body))) return;
    await publishHome(rt, client, teamOf(context, body), event.user);
  });

  // The app left the workspace: its token goes at once, its data after the grace period (a reinstall cancels that).
  const forget = async ({
    body,
    context,
  }: {
    body: unknown;
    context: { teamId?: string; enterpriseId?: string; isEnterpriseInstall?: boolean };
  }) => {
    const teamId = teamOf(context, body);
    if (rt.installations) {
      await rt.installations.deleteInstallation({
        teamId,
        enterpriseId: context.enterpriseId,
        isEnterpriseInstall: context.isEnterpriseInstall === true,
      });
    }
    const due = await scheduleWorkspaceDeletion(rt.ctx, workspaceActor(teamId));
    rt.logger.info({ teamId, due }, 'Spiegel was removed from a Slack workspace; its data will be deleted after the grace period');
  };
  app.event('app_uninstalled', forget);
  // Revoked user tokens (a member signing out of an app) leave the bot installed: only revoked bot tokens count.
  app.event('tokens_revoked', async (args) => {
    if ((args.event.tokens.bot ?? []).length > 0) await forget(args);
  });
}
