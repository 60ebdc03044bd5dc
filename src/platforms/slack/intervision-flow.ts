/**
 * Intervision sessions in Slack: `/reflect intervision` opens the form; the session lives in a thread of the
 * channel, each step a reply with "Contribute" and "Next step"; thread replies (message events) and the
 * contribution form are stored as contributions to the step that is open.
 */
import { invariant } from '../../domain/invariant.js';
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import type { Actor } from '../../app/actor.js';
import { attachThread, contribute, getSession, moveOn, sessionOfThread, startSession } from '../../app/intervision.js';
import { intervisionMethods } from '../../app/intervision-methods.js';
import { withStoredAdmins } from '../../app/workspace-settings.js';
import { isSpiegelError } from '../../domain/errors.js';
import type { Locale } from '../../domain/framework.js';
import type { IntervisionSession } from '../../domain/intervision/session.js';
import { translator } from '../../i18n/translator.js';
import { errorText } from '../../presentation/error-text.js';
import { contributionLine, firstDeadlineOf, intervisionFormSchema, sessionIntroLines } from '../../presentation/intervision-texts.js';
import { renderContributionForm, renderIntervisionForm, type IntervisionFormMetadata } from './blocks/intervision.js';
import { escapeMrkdwn, limits, section, truncate } from './blocks/limits.js';
import { actionIds, actorFor, callbackIds, intervisionBlockIds, teamIdOf } from './ids.js';
import { mention, postInThread, timeZoneOf } from './intervision-posts.js';
import { ephemeral, ephemeralTo, refusal } from './reply.js';
import { teamOf, type SlackRuntime } from './runtime.js';
import type { WebClient } from './web-api.js';

export async function openIntervisionForm(
  client: WebClient,
  triggerId: string,
  locale: Locale,
  metadata: IntervisionFormMetadata,
): Promise<void> {
  await client.views.open({ trigger_id: triggerId, view: renderIntervisionForm(locale, await intervisionMethods(), metadata) });
}

type StateValues = Record<
  string,
  | Record<
      string,
      | {
          value?: string | null;
          selected_option?: { value: string } | null;
          selected_user?: string | null;
          selected_date?: string | null;
          selected_time?: string | null;
        }
      | undefined
    >
  | undefined
>;

const field = (values: StateValues, blockId: string) => values[blockId]?.value ?? {};

function parseMetadata(text: string): IntervisionFormMetadata | null {
  try {
    const m = JSON.parse(text) as Partial<IntervisionFormMetadata>;
    return typeof m.channelId === 'string' && typeof m.responseUrl === 'string' && typeof m.timeZone === 'string'
      ? { channelId: m.channelId, responseUrl: m.responseUrl, timeZone: m.timeZone }
      : null;
  } catch {
    return null;
  }
}

function stepRef(value: string | undefined): { sessionId: string; step: number } {
  const [sessionId = '', step = ''] = (value ?? '').split(':');
  return { sessionId, step: Number(step) };
}

export function registerIntervision(app: App, rt: SlackRuntime): void {
  const admins = rt.config.SPIEGEL_ADMINS;
  const actorOf = async (teamId: string, userId: string): Promise<Actor> => withStoredAdmins(rt.ctx, actorFor(teamId, userId, admins));

  app.view(callbackIds.intervision, async ({ ack, body, view, client, context }) => {
    const teamId = teamOf(context, body);
    const actor = await actorOf(teamId, body.user.id);
    const locale = await rt.directory.localeOf(client, teamId, body.user.id);
    const metadata = parseMetadata(view.private_metadata);
    if (!metadata) return ack();
    const values = view.state.values as StateValues;
    const form = intervisionFormSchema.safeParse({
      caseText: field(values, intervisionBlockIds.caseText).value ?? '',
      methodId: field(values, intervisionBlockIds.method).selected_option?.value ?? '',
      facilitator: field(values, intervisionBlockIds.facilitator).selected_user ?? undefined,
      deadlineDate: field(values, intervisionBlockIds.deadlineDate).selected_date ?? '',
      deadlineTime: field(values, intervisionBlockIds.deadlineTime).selected_time ?? undefined,
      timeZone: metadata.timeZone,
    });
    if (!form.success)
      return ack({
        response_action: 'errors',
        errors: { [intervisionBlockIds.deadlineDate]: translator(locale)('inbound.notUnderstood') },
      });
    const place = { platform: 'slack' as const, tenantId: actor.tenantId, channelId: metadata.channelId };
    let session: IntervisionSession;
    try {
      session = await startSession(rt.ctx, actor, {
        place,
        caseText: form.data.caseText,
        methodId: form.data.methodId,
        firstDeadline: firstDeadlineOf(form.data),
        ...(form.data.facilitator ? { facilitator: form.data.facilitator } : {}),
        locale,
      });
    } catch (error) {
      const blockId = isSpiegelError(error, 'deadline.past') ? intervisionBlockIds.deadlineDate : intervisionBlockIds.caseText;
      return ack({ response_action: 'errors', errors: { [blockId]: truncate(errorText(error, locale), 150) } });
    }
    await ack();
    try {
      const timeZone = await timeZoneOf(rt.ctx, actor.tenantId);
      const text = truncate(sessionIntroLines(session, session.locale, timeZone, mention).join('\n'), limits.messageText);
      const root = await client.chat.postMessage({
        channel: metadata.channelId,
        text,
        blocks: [section(truncate(escapeMrkdwn(text).replace(/&lt;@(\w+)&gt;/g, '<@$1>'), limits.sectionText))],
      });
      invariant(root.ts, 'chat.postMessage returned no ts');
      await attachThread(rt.ctx, actor, session, root.ts, (s, post) => postInThread(rt.ctx, client, s, post));
    } catch (error) {
      await ephemeralTo(metadata.responseUrl, translator(locale)('intervision.failed', { detail: refusal(error, locale, rt.logger) }));
    }
  });

  app.action<BlockAction<ButtonAction>>(actionIds.intervisionNext, async ({ ack, body, action, client, context, respond }) => {
    await ack();
    const teamId = teamOf(context, body);
    const actor = await actorOf(teamId, body.user.id);
    const locale = await rt.directory.localeOf(client, teamId, body.user.id);
    const { sessionId, step } = stepRef(action.value);
    try {
      const result = await moveOn(rt.ctx, actor, sessionId, step, (s, post) => postInThread(rt.ctx, client, s, post));
      if (!result.moved) await ephemeral(respond, translator(locale)('intervision.alreadyMoved', { n: result.step + 1 }));
    } catch (error) {
      await ephemeral(respond, refusal(error, locale, rt.logger));
    }
  });

  app.action<BlockAction<ButtonAction>>(actionIds.intervisionContribute, async ({ ack, body, action, client, context, respond }) => {
    await ack();
    const teamId = teamOf(context, body);
    const locale = await rt.directory.localeOf(client, teamId, body.user.id);
    const { sessionId, step } = stepRef(action.value);
    try {
      const session = await getSession(rt.ctx, await actorOf(teamId, body.user.id), sessionId);
      await client.views.open({ trigger_id: body.trigger_id, view: renderContributionForm(session, step, locale) });
    } catch (error) {
      await ephemeral(respond, refusal(error, locale, rt.logger));
    }
  });

  app.view(callbackIds.intervisionContribution, async ({ ack, body, view, client, context }) => {
    const teamId = teamOf(context, body);
    const actor = await actorOf(teamId, body.user.id);
    const locale = await rt.directory.localeOf(client, teamId, body.user.id);
    const text = field(view.state.values, intervisionBlockIds.contribution).value ?? '';
    try {
      const session = await getSession(rt.ctx, actor, stepRef(view.private_metadata).sessionId);
      const { step } = await contribute(rt.ctx, actor, session, text, `form:${view.id}`);
      await ack();
      const line = contributionLine(session, step, mention(actor.userId), text.trim(), session.locale);
      await client.chat.postMessage({
        channel: session.place.channelId,
        thread_ts: session.threadId ?? undefined,
        text: truncate(line, limits.messageText),
      });
    } catch (error) {
      await ack({
        response_action: 'errors',
        errors: { [intervisionBlockIds.contribution]: truncate(refusal(error, locale, rt.logger), 150) },
      });
    }
  });

  // A reply in a session's thread is a contribution to the step that is open. Other threads are none of ours.
  app.event('message', async ({ event, body, client, context }) => {
    const message = event as {
      subtype?: string;
      bot_id?: string;
      user?: string;
      text?: string;
      ts: string;
      thread_ts?: string;
      channel: string;
    };
    if (message.subtype || message.bot_id || !message.user || !message.thread_ts || message.thread_ts === message.ts) return;
    const teamId = teamOf(context, body);
    const actor = await actorOf(teamId, message.user);
    const session = await sessionOfThread(rt.ctx, actor, message.channel, message.thread_ts);
    if (!session) return;
    try {
      await contribute(rt.ctx, actor, session, message.text ?? '', message.ts);
    } catch (error) {
      const locale = await rt.directory.localeOf(client, teamIdOf(actor.tenantId), message.user);
      await client.chat.postEphemeral({
        channel: message.channel,
        thread_ts: message.thread_ts,
        user: message.user,
        text: refusal(error, locale, rt.logger),
      });
    }
  });
}
