/**
 * Clicks. A rating click is the hot path: one round read and the answer's write (saveAnswers; the answered
 * marker only when this process does not know it exists), then the acknowledgement, which Slack only gets once
 * the answer is stored, the private confirmation showing the stored answer, and a debounced progress update.
 */
import type { AllMiddlewareArgs, App, BlockAction, ButtonAction, SlackActionMiddlewareArgs, StaticSelectAction } from '@slack/bolt';
import { myAnswers } from '../../app/responses.js';
import { saveAnswers } from '../../app/save-answers.js';
import { pickLocale, translator } from '../../i18n/translator.js';
import { refusalText } from '../../presentation/error-text.js';
import { ratingOfChoice } from '../../presentation/round-texts.js';
import { LATE, settle, within } from '../deadline.js';
import { arrivalOf, CLICK_ACK_BUDGET_MS } from './ack-deadline.js';
import { openAnswerForm, type FormRequest } from './answer-flow.js';
import { mineText, savedText } from './blocks/replies.js';
import { BUSY, ClickQueue } from './click-queue.js';
import { publishHome } from './home-tab.js';
import { actionIds, actorFor, decodeCriterionRef, decodeFormTarget, decodeRate, rateActionPattern, tenantIdOf } from './ids.js';
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

/**
 * Clicks stored at once per process, and clicks that may wait for a turn; a click finding both full is turned
 * away at once. The queue drains in well under the acknowledgement budget at the database's pace (several
 * hundred writes a second), so a queued click is normally stored and acknowledged in time.
 */
const CLICK_CONCURRENCY = 32;
const CLICK_QUEUE = 96;

export function registerActions(app: App, rt: SlackRuntime): void {
  const admins = rt.config.SPIEGEL_ADMINS;
  const clicks = new ClickQueue(CLICK_CONCURRENCY, CLICK_QUEUE);

  // Store first, then acknowledge: Slack hears "received" (HTTP 200) only once the answer is stored, so a process
  // that stops loses no acknowledged answer. Every outcome:
  // - stored within CLICK_ACK_BUDGET_MS: acknowledged, then the private confirmation through response_url;
  // - refused (round closed, not a participant, bad value): acknowledged, then the refusal;
  // - turned away because this process already has as many clicks in flight as it takes: acknowledged at once,
  //   then "busy, click again" (nothing was written);
  // - not stored within the budget (the database is slow or unreachable): never acknowledged, so Slack shows the
  //   member that the click failed; once the write completes or fails, response_url says "saved after all" or
  //   "not saved: click again". A process that dies before then has acknowledged nothing it did not store.
  app.action<BlockAction<ButtonAction>>({ action_id: rateActionPattern }, async ({ ack, body, action, respond, client, context }) => {
    const started = arrivalOf(context);
    const teamId = teamOf(context, body);
    const actor = actorFor(teamId, body.user.id, admins);
    const locale = rt.directory.localeOf(client, teamId, body.user.id);
    const rate = decodeRate(action.value);
    const value = rate ? ratingOfChoice(rate.value) : null;
    const stored = settle(
      rate && value !== null
        ? clicks.run(() =>
            saveAnswers(rt.ctx, actor, {
              roundId: rate.roundId,
              answers: [{ criterionId: rate.criterionId, dimension: rate.dimension, value }],
            }),
          )
        : Promise.reject(inputInvalid('unknownAction')),
    );
    const late = (await within(stored, CLICK_ACK_BUDGET_MS - (Date.now() - started))) === LATE;
    if (!late) await ack();
    const outcome = await stored;
    const t = translator(await locale);
    if (!outcome.ok)
      return ephemeral(
        respond,
        late ? t('inbound.notSavedLate', { criterion: rate?.criterionId ?? '' }) : refusal(outcome.error, await locale, rt.logger),
      );
    if (outcome.value === BUSY) return ephemeral(respond, t('slack.saved.busy'));
    const saved = outcome.value;
    if (!saved.ok) return ephemeral(respond, refusalText(saved.refusals[0]!, await locale));
    rt.progress.answered(saved.round, client);
    const text = savedText(saved.round, saved.saved[0]!, await locale);
    await ephemeral(respond, late ? t('inbound.savedLate', { answer: text }) : text);
  });

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
