/** Form submissions: the start form and the answers form. */
import type { App } from '@slack/bolt';
import { translator } from '../../i18n/translator.js';
import { LATE, within } from '../deadline.js';
import { ACK_BUDGET_MS, arrivalOf } from './ack-deadline.js';
import { saveAnswerForm, type FormOutcome } from './answer-flow.js';
import { renderNoticeView } from './blocks/answer-form.js';
import { actorFor, callbackIds, decodeFormTarget } from './ids.js';
import { frameworkChoices } from '../../app/tenant-frameworks.js';
import { ephemeralTo, refusal } from './reply.js';
import { teamOf, type SlackRuntime } from './runtime.js';
import { withStoredAdmins } from '../../app/workspace-settings.js';
import { publishHome } from './home-tab.js';
import { saveSettingsForm } from './settings-flow.js';
import { checkScheduleForm, createSchedule, readScheduleForm } from './schedule-flow.js';
import { checkStartForm, parseMetadata, readStartForm, startRound } from './start-flow.js';

export function registerViews(app: App, rt: SlackRuntime): void {
  const admins = rt.config.SPIEGEL_ADMINS;

  app.view(callbackIds.answers, async ({ ack, body, view, client, context }) => {
    const started = arrivalOf(context);
    const teamId = teamOf(context, body);
    const actor = await withStoredAdmins(rt.ctx, actorFor(teamId, body.user.id, admins));
    const locale = await rt.directory.localeOf(client, teamId, body.user.id);
    const work = saveAnswerForm(rt, client, actor, locale, decodeFormTarget(view.private_metadata), view.state.values);
    const outcome = await within(work, Math.max(0, ACK_BUDGET_MS - (Date.now() - started)));
    const respondWith = (o: FormOutcome) =>
      o.kind === 'errors'
        ? ({ response_action: 'errors', errors: o.errors } as const)
        : ({ response_action: 'update', view: o.view } as const);
    if (outcome !== LATE) return ack(respondWith(outcome));
    await ack({ response_action: 'update', view: renderNoticeView(locale, 'saving', [translator(locale)('slack.form.saving')]) });
    const late = await work;
    const final = late.kind === 'view' ? late.view : renderNoticeView(locale, 'notSaved', Object.values(late.errors));
    await client.views.update({ view_id: view.id, view: final });
  });

  app.view(callbackIds.start, async ({ ack, body, view, client, context }) => {
    const teamId = teamOf(context, body);
    const actor = await withStoredAdmins(rt.ctx, actorFor(teamId, body.user.id, admins));
    const locale = await rt.directory.localeOf(client, teamId, body.user.id);
    const metadata = parseMetadata(view.private_metadata);
    if (!metadata) return ack();
    const frameworks = await frameworkChoices(rt.ctx, actor);
    const raw = readStartForm(view.state.values, metadata, (id) => (frameworks.find((f) => f.id === id)?.dimensions.length ?? 0) > 0);
    const place = { platform: 'slack' as const, tenantId: actor.tenantId, channelId: metadata.channelId };
    const check = checkStartForm(rt, actor, place, raw, locale, frameworks);
    if (!check.ok) return ack({ response_action: 'errors', errors: check.errors });
    await ack();
    await startRound(rt, client, { actor, teamId, botUserId: context.botUserId, form: check.form, metadata, locale }).catch(
      (error: unknown) =>
        ephemeralTo(metadata.responseUrl, translator(locale)('slack.start.failed', { detail: refusal(error, locale, rt.logger) })),
    );
  });

  app.view(callbackIds.schedule, async ({ ack, body, view, client, context }) => {
    const teamId = teamOf(context, body);
    const actor = await withStoredAdmins(rt.ctx, actorFor(teamId, body.user.id, admins));
    const locale = await rt.directory.localeOf(client, teamId, body.user.id);
    const metadata = parseMetadata(view.private_metadata);
    if (!metadata) return ack();
    const check = checkScheduleForm(readScheduleForm(view.state.values, locale), rt.ctx.clock.now(), locale);
    if (!check.ok) return ack({ response_action: 'errors', errors: check.errors });
    await ack();
    await createSchedule(rt, client, { actor, teamId, botUserId: context.botUserId, form: check.form, metadata, locale }).catch(
      (error: unknown) =>
        ephemeralTo(metadata.responseUrl, translator(locale)('coord.schedule.failed', { detail: refusal(error, locale, rt.logger) })),
    );
  });

  app.view(callbackIds.settings, async ({ ack, body, view, client, context }) => {
    const teamId = teamOf(context, body);
    const actor = await withStoredAdmins(rt.ctx, actorFor(teamId, body.user.id, admins));
    const locale = await rt.directory.localeOf(client, teamId, body.user.id);
    const result = await saveSettingsForm(rt, actor, view.state.values, locale);
    if ('errors' in result) return ack({ response_action: 'errors', errors: result.errors });
    await ack();
    if (result.settings.locale) rt.directory.rememberWorkspaceLocale(teamId, result.settings.locale);
    await publishHome(rt, client, teamId, body.user.id);
  });
}
