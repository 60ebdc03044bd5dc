/** Clicks: buttons and selects in messages, forms and the App Home. */
import type { AllMiddlewareArgs, App, BlockAction, ButtonAction, SlackActionMiddlewareArgs, StaticSelectAction } from '@slack/bolt';
import { myAnswers } from '../../app/responses.js';
import { pickLocale } from '../../i18n/translator.js';
import { arrivalOf } from './ack-deadline.js';
import { openAnswerForm, type FormRequest } from './answer-flow.js';
import { mineText } from './blocks/replies.js';
import type { AnswerRatingClick } from './rating-click.js';
import { publishHome } from './home-tab.js';
import { actionIds, actorFor, decodeCriterionRef, decodeFormTarget, rateActionPattern, tenantIdOf } from './ids.js';
import { ephemeral, refusal } from './reply.js';
import { teamOf, type SlackRuntime } from './runtime.js';
import { refreshStartForm } from './start-flow.js';
import { openSettingsForm } from './settings-flow.js';
import { changeRecurrence } from '../../app/recurrences.js';
import { recurrenceActionText } from '../../presentation/recurrence-texts.js';
import { updateWorkspaceSettings, withStoredAdmins } from '../../app/workspace-settings.js';
import { escapeMrkdwn, limits, truncate } from './blocks/limits.js';
import { recurrenceActions, type RecurrenceAction } from '../../domain/recurrence.js';
import { startFollowUp } from '../../app/follow-ups.js';
import { announceFollowUp } from '../follow-up-chat.js';
import { inputInvalid } from '../../domain/input-problems.js';

export function registerActions(app: App, rt: SlackRuntime, answerRatingClick: AnswerRatingClick): void {
  const admins = rt.config.SPIEGEL_ADMINS;

  // Rating clicks reach this listener in Socket Mode; over HTTP the route before Bolt answers them (click-route.ts).
  app.action<BlockAction<ButtonAction>>({ action_id: rateActionPattern }, async ({ ack, body, action, respond, client, context }) =>
    answerRatingClick(
      { teamId: teamOf(context, body), userId: body.user.id, value: action.value ?? '', receivedAt: arrivalOf(context) },
      client,
      {
        acknowledge: () => ack(),
        leaveUnacknowledged: () => {},
        tell: (text) => ephemeral(respond, text),
      },
    ),
  );

  type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;
  const openForm =
    (request: (value: string | undefined) => FormRequest | null) =>
    async ({ ack, body, action, client, context }: ButtonArgs) => {
      await ack();
      const teamId = teamOf(context, body);
      const actor = actorFor(teamId, body.user.id, admins);
      const locale = await rt.directory.localeOf(client, teamId, body.user.id);
      const parsed = request(action.value);
      const fallback: FormRequest = { kind: 'continue', roundId: action.value ?? '' };
      await openAnswerForm(rt, client, body.trigger_id, actor, locale, parsed ?? fallback);
    };

  app.action<BlockAction<ButtonAction>>(
    actionIds.form,
    openForm((v) => {
      const target = decodeFormTarget(v);
      return target ? { kind: 'part', target } : null;
    }),
  );
  app.action<BlockAction<ButtonAction>>(
    actionIds.comment,
    openForm((v) => {
      const ref = decodeCriterionRef(v);
      return ref ? { kind: 'criterion', ...ref } : null;
    }),
  );
  app.action<BlockAction<ButtonAction>>(
    actionIds.continue,
    openForm((v) => ({ kind: 'continue', roundId: v ?? '' })),
  );

  app.action<BlockAction<ButtonAction>>(actionIds.mine, async ({ ack, body, action, respond, client, context }) => {
    await ack();
    const teamId = teamOf(context, body);
    const locale = await rt.directory.localeOf(client, teamId, body.user.id);
    try {
      const { round, responses } = await myAnswers(rt.ctx, actorFor(teamId, body.user.id, admins), action.value ?? '');
      await ephemeral(respond, mineText(round, responses, locale));
    } catch (error) {
      await ephemeral(respond, refusal(error, locale, rt.logger));
    }
  });

  app.action<BlockAction<StaticSelectAction>>(actionIds.workspaceLocale, async ({ ack, body, action, client, context }) => {
    await ack();
    const teamId = teamOf(context, body);
    const actor = await withStoredAdmins(rt.ctx, actorFor(teamId, body.user.id, admins));
    if (!actor.isAdmin) return;
    const locale = pickLocale(action.selected_option.value, rt.config.DEFAULT_LOCALE);
    await updateWorkspaceSettings(rt.ctx, actor, { locale });
    rt.directory.rememberWorkspaceLocale(teamId, locale);
    await publishHome(rt, client, teamId, body.user.id);
  });

  app.action<BlockAction<ButtonAction>>(actionIds.settings, async ({ ack, body, client, context }) => {
    await ack();
    const teamId = teamOf(context, body);
    const actor = await withStoredAdmins(rt.ctx, actorFor(teamId, body.user.id, admins));
    if (!actor.isAdmin) return;
    await openSettingsForm(rt, client, body.trigger_id, actor, await rt.directory.localeOf(client, teamId, body.user.id));
  });

  app.action<BlockAction<ButtonAction>>(actionIds.recurrence, async ({ ack, body, action, client, context }) => {
    await ack();
    const teamId = teamOf(context, body);
    const actor = await withStoredAdmins(rt.ctx, actorFor(teamId, body.user.id, admins));
    const locale = await rt.directory.localeOf(client, teamId, body.user.id);
    const [verb, id] = (action.value ?? '').split('|');
    let text: string;
    try {
      if (!id || !(recurrenceActions as readonly string[]).includes(verb ?? '')) throw inputInvalid('unknownAction');
      text = recurrenceActionText(await changeRecurrence(rt.ctx, actor, verb as RecurrenceAction, id), locale);
    } catch (error) {
      text = refusal(error, locale, rt.logger);
    }
    // The Home tab has no response_url: the outcome (a refusal too) goes to the member's messages with the app.
    await client.chat.postMessage({ channel: body.user.id, text: truncate(text, limits.messageText) }).catch((error: unknown) => {
      rt.logger.warn({ err: error }, 'could not confirm a schedule change');
    });
    await publishHome(rt, client, teamId, body.user.id);
  });

  // A follow-up takes longer than Slack's 3 s (a private message per member): acknowledged first, answered through response_url.
  app.action<BlockAction<ButtonAction>>(actionIds.followUp, async ({ ack, body, action, respond, client, context }) => {
    await ack();
    const teamId = teamOf(context, body);
    const actor = await withStoredAdmins(rt.ctx, actorFor(teamId, body.user.id, admins));
    const locale = await rt.directory.localeOf(client, teamId, body.user.id);
    try {
      const started = await startFollowUp(rt.ctx, actor, { roundId: action.value ?? '' });
      const timeZone = (await rt.directory.user(client, teamId, body.user.id))?.timeZone ?? 'UTC';
      const text = await announceFollowUp({ ctx: rt.ctx, actor, notifier: rt.notifier, logger: rt.logger, locale, timeZone }, started);
      await ephemeral(respond, escapeMrkdwn(text));
    } catch (error) {
      await ephemeral(respond, refusal(error, locale, rt.logger));
    }
  });

  app.action<BlockAction<StaticSelectAction>>(actionIds.startFramework, async ({ ack, body, action, client, context }) => {
    await ack();
    if (!body.view) return;
    const locale = await rt.directory.localeOf(client, teamOf(context, body), body.user.id);
    const tenantId = tenantIdOf(teamOf(context, body));
    await refreshStartForm(rt, client, body.view, action.selected_option.value, locale, { tenantId });
  });
}
