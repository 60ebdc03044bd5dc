/**
 * Recurring rounds from Teams: `schedule` in a channel or chat answers with the form card; Schedule validates it
 * (src/presentation/schedule-form.ts) and stores the schedule for that conversation, its members taking part.
 * `schedule list` (or `schedule` in the personal chat) lists the schedules with pause, resume and delete.
 */
import type { TurnContext } from 'botbuilder';
import type { Actor } from '../../app/actor.js';
import { frameworkChoices } from '../../app/tenant-frameworks.js';
import { canManageRecurrence, changeRecurrence, createRecurrence, listRecurrences } from '../../app/recurrences.js';
import { getWorkspaceSettings } from '../../app/workspace-settings.js';
import { isSpiegelError } from '../../domain/errors.js';
import type { Locale } from '../../domain/framework.js';
import type { Place } from '../../domain/round.js';
import { translator } from '../../i18n/translator.js';
import { errorText } from '../../presentation/error-text.js';
import { recurrenceActionText, recurrenceCreatedText } from '../../presentation/recurrence-texts.js';
import { scheduleFormError, scheduleFormSchema, scheduleFormToRecurrenceInput } from '../../presentation/schedule-form.js';
import { isValidTimeZone } from '../../domain/time-zones.js';
import { conversationKindOf, placeIdOf } from './activity.js';
import type { ActionCall } from './answer-flow.js';
import { renderScheduleFormCard, renderScheduleListCard, type ScheduleFormValues } from './cards/schedule-card.js';
import { renderMessageCard } from './cards/reply-cards.js';
import { scheduleInputIds } from './ids.js';
import { invokeCard, invokeMessage, refusal, replyCard } from './reply.js';
import type { TeamsRuntime } from './runtime.js';
import { recurrenceActions, type RecurrenceAction } from '../../domain/recurrence.js';
import { inputInvalid } from '../../domain/input-problems.js';

async function timeZoneOf(rt: TeamsRuntime, context: TurnContext, actor: Actor): Promise<string> {
  const zone = context.activity.localTimezone;
  if (zone && isValidTimeZone(zone)) return zone;
  return (await getWorkspaceSettings(rt.ctx, actor.tenantId)).timeZone;
}

async function listCard(rt: TeamsRuntime, actor: Actor, locale: Locale) {
  const views = (await listRecurrences(rt.ctx, actor)).filter((v) => canManageRecurrence(actor, v.recurrence));
  return renderScheduleListCard(views, locale);
}

/** `schedule [list | pause ID | resume ID | delete ID]`. */
export async function scheduleCommand(rt: TeamsRuntime, context: TurnContext, actor: Actor, locale: Locale, args: string[]): Promise<void> {
  const t = translator(locale);
  const [sub, id] = args;
  if (sub && (recurrenceActions as readonly string[]).includes(sub)) {
    if (!id) return replyCard(context, renderMessageCard(t('coord.schedule.needId', { action: sub })));
    const result = await changeRecurrence(rt.ctx, actor, sub as RecurrenceAction, id);
    return replyCard(context, renderMessageCard(recurrenceActionText(result, locale)));
  }
  if (sub === 'list' || conversationKindOf(context.activity) === 'personal') return replyCard(context, await listCard(rt, actor, locale));
  await replyCard(context, renderScheduleFormCard(locale, await frameworkChoices(rt.ctx, actor), await timeZoneOf(rt, context, actor)));
}

function valuesOf(data: Record<string, unknown>): ScheduleFormValues {
  const values: ScheduleFormValues = {};
  for (const id of Object.values(scheduleInputIds)) {
    const value = data[id];
    if (typeof value === 'string' || typeof value === 'number') values[id] = String(value);
  }
  return values;
}

export async function submitScheduleForm(call: ActionCall): Promise<void> {
  const { rt, context, actor, locale } = call;
  const t = translator(locale);
  const values = valuesOf(call.data);
  const again = async (error: unknown) =>
    invokeCard(
      context,
      renderScheduleFormCard(locale, await frameworkChoices(rt.ctx, actor), await timeZoneOf(rt, context, actor), values, [
        errorText(error, locale),
      ]),
    );
  try {
    if (conversationKindOf(context.activity) === 'personal') {
      await invokeMessage(context, t('coord.schedule.noChannel'));
      return;
    }
    const present = (v: string | undefined) => (v !== undefined && v.trim() !== '' ? v : undefined);
    const parsed = scheduleFormSchema.safeParse({
      frameworkId: values.framework ?? '',
      ...(present(values.name) ? { name: values.name } : {}),
      cadence: values.cadence,
      ...(present(values.weekday) ? { weekday: values.weekday } : {}),
      ...(present(values.dayOfMonth) ? { dayOfMonth: values.dayOfMonth } : {}),
      ...(present(values.time) ? { time: values.time } : {}),
      ...(present(values.cron) ? { cron: values.cron } : {}),
      timeZone: values.timeZone ?? '',
      ...(present(values.answerDays) ? { answerDays: values.answerDays } : {}),
      perspectives: present(values.perspectives)?.split(',') ?? [],
      anonymous: values.anonymous === 'true',
      reminders: values.reminders !== 'false',
      ...(present(values.k) ? { k: values.k } : {}),
      locale: values.language ?? locale,
    });
    if (!parsed.success) {
      await again(scheduleFormError(parsed.error));
      return;
    }
    const members = (await rt.directory.roster(context)).map((m) => m.memberId);
    const place: Place = { platform: 'teams', tenantId: actor.tenantId, channelId: placeIdOf(context.activity) };
    try {
      const { recurrence, nextRunAt } = await createRecurrence(rt.ctx, actor, scheduleFormToRecurrenceInput(parsed.data, place, members));
      await invokeCard(context, renderMessageCard(recurrenceCreatedText(recurrence, nextRunAt, locale)));
    } catch (error) {
      if (!isSpiegelError(error)) throw error;
      await again(error);
    }
  } catch (error) {
    await invokeMessage(context, refusal(error, locale, rt.logger));
  }
}

/** Pause, resume or delete from the list card; the list comes back as it is now. */
export async function changeSchedule(call: ActionCall): Promise<void> {
  const { rt, context, actor, locale } = call;
  const action = call.data.a;
  const id = call.data.id;
  try {
    if (typeof id !== 'string' || typeof action !== 'string' || !(recurrenceActions as readonly string[]).includes(action))
      throw inputInvalid('unknownAction');
    const result = await changeRecurrence(rt.ctx, actor, action as RecurrenceAction, id);
    const card = await listCard(rt, actor, locale);
    card.body.unshift(renderMessageCard(recurrenceActionText(result, locale)).body[0]!);
    await invokeCard(context, card);
  } catch (error) {
    await invokeMessage(context, refusal(error, locale, rt.logger));
  }
}
