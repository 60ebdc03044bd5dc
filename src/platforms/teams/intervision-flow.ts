/**
 * Intervision sessions in Teams: `intervision` answers with the form card; the session lives in the
 * conversation the form was sent in (a channel post's reply chain, or the chat), each step a card with a box
 * for the contribution and the buttons "Contribute" and "Next step".
 */
import type { TurnContext } from 'botbuilder';
import type { Actor } from '../../app/actor.js';
import type { AppContext } from '../../app/context.js';
import { attachThread, contribute, getSession, moveOn, startSession, type IntervisionPost } from '../../app/intervision.js';
import { intervisionMethods } from '../../app/intervision-methods.js';
import { getWorkspaceSettings } from '../../app/workspace-settings.js';
import { isSpiegelError, SpiegelError } from '../../domain/errors.js';
import type { Locale } from '../../domain/framework.js';
import type { IntervisionSession } from '../../domain/intervision/session.js';
import { isValidTimeZone } from '../../domain/time-zones.js';
import { translator } from '../../i18n/translator.js';
import { errorText } from '../../presentation/error-text.js';
import { endLines, firstDeadlineOf, intervisionFormSchema, sessionIntroLines } from '../../presentation/intervision-texts.js';
import { conversationKindOf, placeIdOf, referenceOf } from './activity.js';
import type { ActionCall } from './answer-flow.js';
import { renderIntervisionFormCard, renderStepCard } from './cards/intervision-cards.js';
import { renderLinesCard } from './cards/method-cards.js';
import { intervisionInputIds } from './ids.js';
import { invokeCard, invokeMessage, refusal } from './reply.js';
import type { TeamsRuntime } from './runtime.js';

async function timeZoneOf(ctx: AppContext, tenantId: string, context?: TurnContext): Promise<string> {
  const zone = context?.activity.localTimezone;
  if (zone && isValidTimeZone(zone)) return zone;
  return (await getWorkspaceSettings(ctx, tenantId)).timeZone;
}

/** Members by their display names where Teams told them, else by id; an erased member by a dash. */
async function namer(rt: TeamsRuntime, tenantId: string, ids: readonly string[]): Promise<(member: string) => string> {
  const names = new Map((await rt.store.getMembers(tenantId, ids)).map((m) => [m.memberId, m.name ?? m.memberId]));
  return (member) => (member.startsWith('erased:') ? '—' : (names.get(member) ?? member));
}

export async function intervisionFormCard(
  rt: TeamsRuntime,
  context: TurnContext,
  actor: Actor,
  locale: Locale,
  values?: Record<string, string>,
  errors?: string[],
) {
  const roster = await rt.directory.roster(context);
  return renderIntervisionFormCard({
    locale,
    methods: await intervisionMethods(),
    members: roster.map((m) => ({ memberId: m.memberId, name: m.name ?? m.memberId })),
    timeZone: await timeZoneOf(rt.ctx, actor.tenantId, context),
    ...(values ? { values } : {}),
    ...(errors ? { errors } : {}),
  });
}

/** Posts a step (or the end, and the rating round in the channel) in the session's conversation. */
export async function postInConversation(rt: TeamsRuntime, session: IntervisionSession, post: IntervisionPost): Promise<void> {
  const conversation = session.threadId ? await rt.store.getConversation(session.tenantId, session.threadId) : null;
  if (!conversation) throw new SpiegelError('member.unreachable', `no Teams conversation is known for intervision session ${session.id}`);
  if (post.kind === 'step') {
    await rt.messenger.send(conversation.reference, [renderStepCard(session, post.step, await timeZoneOf(rt.ctx, session.tenantId))]);
    return;
  }
  const name = await namer(rt, session.tenantId, post.attendees);
  await rt.messenger.send(conversation.reference, [renderLinesCard(endLines(post, session.locale, name))]);
  if (post.rating) {
    const channel = await rt.store.getConversation(session.tenantId, session.place.channelId);
    await rt.rounds.postRound(post.rating, (channel ?? conversation).reference);
  }
}

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

export async function submitIntervisionForm(call: ActionCall): Promise<void> {
  const { rt, context, actor, locale } = call;
  const t = translator(locale);
  if (conversationKindOf(context.activity) === 'personal') return invokeMessage(context, t('intervision.noChannel'));
  const values = Object.fromEntries(
    Object.values(intervisionInputIds).flatMap((id) => (text(call.data[id]) ? [[id, text(call.data[id])!]] : [])),
  );
  const form = intervisionFormSchema.safeParse({
    caseText: values[intervisionInputIds.caseText] ?? '',
    methodId: values[intervisionInputIds.method] ?? '',
    facilitator: values[intervisionInputIds.facilitator],
    deadlineDate: values[intervisionInputIds.deadlineDate] ?? '',
    deadlineTime: values[intervisionInputIds.deadlineTime],
    timeZone: await timeZoneOf(rt.ctx, actor.tenantId, context),
  });
  if (!form.success)
    return invokeCard(context, await intervisionFormCard(rt, context, actor, locale, values, [t('inbound.notUnderstood')]));
  const threadId = context.activity.conversation?.id ?? '';
  let session: IntervisionSession;
  try {
    session = await startSession(rt.ctx, actor, {
      place: { platform: 'teams', tenantId: actor.tenantId, channelId: placeIdOf(context.activity) },
      caseText: form.data.caseText,
      methodId: form.data.methodId,
      firstDeadline: firstDeadlineOf(form.data),
      ...(form.data.facilitator ? { facilitator: form.data.facilitator } : {}),
      locale,
    });
  } catch (error) {
    if (!isSpiegelError(error)) throw error;
    return invokeCard(context, await intervisionFormCard(rt, context, actor, locale, values, [errorText(error, locale)]));
  }
  try {
    const kind = conversationKindOf(context.activity);
    await rt.store.saveConversation(
      { tenantId: actor.tenantId, conversationId: threadId, kind, reference: referenceOf(context.activity) },
      rt.ctx.clock.now(),
    );
    const name = await namer(rt, actor.tenantId, [session.presenter, session.facilitator]);
    const intro = renderLinesCard(sessionIntroLines(session, session.locale, await timeZoneOf(rt.ctx, actor.tenantId, context), name));
    await invokeCard(context, intro);
    await attachThread(rt.ctx, actor, session, threadId, (s, post) => postInConversation(rt, s, post));
  } catch (error) {
    await invokeMessage(context, t('intervision.failed', { detail: refusal(error, locale, rt.logger) }));
  }
}

function stepOfData(data: Record<string, unknown>): { sessionId: string; step: number } {
  return { sessionId: String(data.s), step: Number(data.n) };
}

export async function contributeOnCard(call: ActionCall): Promise<void> {
  const { rt, context, actor, locale } = call;
  try {
    const { sessionId } = stepOfData(call.data);
    const session = await getSession(rt.ctx, actor, sessionId);
    const given = text(call.data[intervisionInputIds.contribution]) ?? '';
    const { step } = await contribute(rt.ctx, actor, session, given, context.activity.id ?? `card:${rt.ctx.newId()}`);
    await invokeMessage(context, translator(locale)('intervision.stored', { step: session.method.steps[step]?.title[locale] ?? '' }));
  } catch (error) {
    await invokeMessage(context, refusal(error, locale, rt.logger));
  }
}

export async function moveOnByCard(call: ActionCall): Promise<void> {
  const { rt, context, actor, locale } = call;
  const t = translator(locale);
  try {
    const { sessionId, step } = stepOfData(call.data);
    const result = await moveOn(rt.ctx, actor, sessionId, step, (s, post) => postInConversation(rt, s, post));
    await invokeMessage(
      context,
      result.moved ? t('intervision.moved', { n: result.step + 1 }) : t('intervision.alreadyMoved', { n: result.step + 1 }),
    );
  } catch (error) {
    await invokeMessage(context, refusal(error, locale, rt.logger));
  }
}
