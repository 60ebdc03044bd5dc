/**
 * Starting a round from Teams: `@Spiegel start` answers with the framework choice; the next card asks the
 * rest; Start validates everything (src/presentation/start-form.ts), opens the round, posts its cards in the
 * conversation and turns the form into a "started" note for everyone. A refused form comes back as typed.
 */
import type { TurnContext } from 'botbuilder';
import type { Actor } from '../../app/actor.js';
import { openRound } from '../../app/rounds.js';
import { frameworkChoices } from '../../app/tenant-frameworks.js';
import { planRound } from '../../app/round-plans.js';
import { formatInstant } from '../../presentation/schedule-texts.js';
import { renderMessageCard } from './cards/reply-cards.js';
import { getWorkspaceSettings } from '../../app/workspace-settings.js';
import { isSpiegelError } from '../../domain/errors.js';
import { scalePoints, type Framework, type Locale } from '../../domain/framework.js';
import type { Place } from '../../domain/round.js';
import { translator } from '../../i18n/translator.js';
import { errorText } from '../../presentation/error-text.js';
import { startFormSchema, startFormToRoundInput, zonedTimeToUtc, type StartForm } from '../../presentation/start-form.js';
import { isValidTimeZone } from '../../domain/time-zones.js';
import { conversationKindOf, placeIdOf, referenceOf } from './activity.js';
import type { ActionCall } from './answer-flow.js';
import { renderFrameworkChoiceCard, renderStartedCard, renderStartFormCard, type StartFormValues } from './cards/start-form-card.js';
import { startInputIds } from './ids.js';
import type { TeamsMemberUpdate } from '../../app/teams-conversation-ports.js';
import { invokeCard, invokeMessage, refusal } from './reply.js';
import { cardActivity } from './messenger.js';
import type { TeamsRuntime } from './runtime.js';

/** The starter's time zone (Teams tells it), else the workspace's. */
export async function startTimeZone(rt: TeamsRuntime, context: TurnContext, actor: Actor): Promise<string> {
  const zone = context.activity.localTimezone;
  if (zone && isValidTimeZone(zone)) return zone;
  return (await getWorkspaceSettings(rt.ctx, actor.tenantId)).timeZone;
}

function valuesOf(data: Record<string, unknown>): StartFormValues {
  const values: StartFormValues = {};
  for (const id of Object.values(startInputIds)) {
    const value = data[id];
    if (typeof value === 'string') values[id] = value;
  }
  return values;
}

const list = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** The form for a framework, with the team's or chat's members to choose from. */
export async function startFormCard(
  rt: TeamsRuntime,
  context: TurnContext,
  actor: Actor,
  locale: Locale,
  framework: Framework,
  extra: { values?: StartFormValues; errors?: string[]; startAt?: Date | null } = {},
) {
  const roster = await rt.directory.roster(context);
  const timeZone = await startTimeZone(rt, context, actor);
  return renderStartFormCard({
    locale,
    framework,
    members: roster.map((m) => ({ memberId: m.memberId, name: m.name ?? m.memberId })),
    timeZone,
    where: conversationKindOf(context.activity) === 'channel' ? 'team' : 'chat',
    ...(extra.values ? { values: extra.values } : {}),
    ...(extra.errors ? { errors: extra.errors } : {}),
    ...(extra.startAt ? { startAt: { at: extra.startAt, text: formatInstant(extra.startAt, locale, timeZone) } } : {}),
  });
}

export async function frameworkChoiceCard(rt: TeamsRuntime, actor: Actor, locale: Locale, selected?: string) {
  return renderFrameworkChoiceCard(locale, await frameworkChoices(rt.ctx, actor), selected);
}

/** The workspace's framework with this id, if the card sent one. */
export async function frameworkOf(rt: TeamsRuntime, actor: Actor, id: unknown): Promise<Framework | null> {
  return typeof id === 'string' ? ((await frameworkChoices(rt.ctx, actor)).find((f) => f.id === id) ?? null) : null;
}

export async function chooseFramework(call: ActionCall): Promise<void> {
  const framework = await frameworkOf(call.rt, call.actor, call.data[startInputIds.framework]);
  if (!framework) return invokeCard(call.context, await frameworkChoiceCard(call.rt, call.actor, call.locale));
  await invokeCard(call.context, await startFormCard(call.rt, call.context, call.actor, call.locale, framework));
}

export async function chooseOtherFramework(call: ActionCall): Promise<void> {
  const selected = typeof call.data.f === 'string' ? call.data.f : undefined;
  await invokeCard(call.context, await frameworkChoiceCard(call.rt, call.actor, call.locale, selected));
}

/** Checks the typed form against the framework and the members; localised problems, or the validated form. */
function readForm(
  rt: TeamsRuntime,
  framework: Framework,
  values: StartFormValues,
  members: readonly TeamsMemberUpdate[],
  timeZone: string,
  locale: Locale,
): { form: StartForm } | { errors: string[] } {
  const t = translator(locale);
  const errors: string[] = [];
  const known = new Set(members.map((m) => m.memberId));
  const participants = list(values.participants);
  if (participants.some((id) => !known.has(id))) errors.push(t('teams.start.unknownParticipant'));
  const points = scalePoints(framework.scale);
  const [min = 1, max = 5] = [points[0], points[points.length - 1]];
  const target = values.target === undefined || values.target.trim() === '' ? undefined : Number(values.target);
  const k = values.k === undefined || values.k.trim() === '' ? undefined : Number(values.k);
  if (target !== undefined && !(Number.isFinite(target) && target >= min && target <= max))
    errors.push(t('teams.start.targetRange', { min, max }));
  const parsed = startFormSchema.safeParse({
    frameworkId: framework.id,
    ...(values.name?.trim() ? { name: values.name } : {}),
    criterionIds: list(values.criteria),
    perspectives: list(values.perspectives),
    participants,
    ...(values.deadlineDate ? { deadlineDate: values.deadlineDate } : {}),
    ...(values.deadlineTime ? { deadlineTime: values.deadlineTime } : {}),
    timeZone,
    anonymous: values.anonymous === 'true',
    ...(framework.dimensions.length > 0 ? { dimensionIds: list(values.dimensions) } : {}),
    locale: values.language ?? locale,
    ...(target !== undefined && Number.isFinite(target) ? { targetScore: target } : {}),
    ...(k !== undefined ? { anonymityThreshold: k } : {}),
  });
  if (!parsed.success) {
    errors.push(...parsed.error.issues.map((issue) => t('teams.start.invalidField', { field: issue.path.join('.') || '?' })));
    return { errors };
  }
  const { deadlineDate, deadlineTime } = parsed.data;
  if (deadlineDate && zonedTimeToUtc(deadlineDate, deadlineTime ?? '17:00', timeZone).getTime() <= rt.ctx.clock.now().getTime()) {
    errors.push(t('teams.start.deadlinePast'));
  }
  return errors.length > 0 ? { errors } : { form: parsed.data };
}

export async function submitStartForm(call: ActionCall): Promise<void> {
  const { rt, context, actor, locale } = call;
  const t = translator(locale);
  try {
    if (conversationKindOf(context.activity) === 'personal') {
      await invokeMessage(context, t('teams.start.notPersonal'));
      return;
    }
    const framework = await frameworkOf(rt, actor, call.data.f);
    if (!framework) {
      await invokeCard(context, await frameworkChoiceCard(rt, actor, locale));
      return;
    }
    const values = valuesOf(call.data);
    const [members, timeZone] = await Promise.all([rt.directory.roster(context), startTimeZone(rt, context, actor)]);
    const startAt = typeof call.data.s === 'string' && !Number.isNaN(Date.parse(call.data.s)) ? new Date(call.data.s) : null;
    const read = readForm(rt, framework, values, members, timeZone, locale);
    if ('errors' in read) {
      await invokeCard(context, await startFormCard(rt, context, actor, locale, framework, { values, errors: read.errors, startAt }));
      return;
    }

    const place: Place = { platform: 'teams', tenantId: actor.tenantId, channelId: placeIdOf(context.activity) };
    const input = startFormToRoundInput(
      read.form,
      place,
      members.map((m) => m.memberId),
    );
    let round;
    try {
      if (startAt) {
        const planned = await planRound(rt.ctx, actor, input, startAt);
        const when = formatInstant(startAt, locale, timeZone);
        await invokeCard(
          context,
          renderMessageCard(t('manage.later.planned', { name: planned.name, id: planned.id, when, count: planned.participants.length })),
        );
        return;
      }
      round = await openRound(rt.ctx, actor, input);
    } catch (error) {
      if (!isSpiegelError(error)) throw error;
      const errors = [errorText(error, locale)];
      await invokeCard(context, await startFormCard(rt, context, actor, locale, framework, { values, errors, startAt }));
      return;
    }
    const opened = round;
    await rt.rounds.postRound(opened, referenceOf(context.activity)).catch((error: unknown) => {
      rt.logger.error({ err: error, roundId: opened.id }, 'the round was opened, but its cards could not be posted');
    });
    const started = renderStartedCard(locale, round, context.activity.from?.name ?? '');
    if (context.activity.replyToId) {
      await context.updateActivity({ ...cardActivity(started), id: context.activity.replyToId }).catch((error: unknown) => {
        rt.logger.warn({ err: error, roundId: round.id }, 'could not replace the start form');
      });
    }
    await invokeCard(context, started);
  } catch (error) {
    await invokeMessage(context, refusal(error, locale, rt.logger));
  }
}
