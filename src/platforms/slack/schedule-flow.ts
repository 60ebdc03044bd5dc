/**
 * Recurring rounds from Slack: `/reflect schedule` opens the form; its submission is checked before the
 * acknowledgement (mistakes show beside their field), then the schedule is stored and the outcome told
 * privately. `/reflect schedule list|pause|resume|delete` and the App Home buttons manage schedules.
 */
import type { Actor } from '../../app/actor.js';
import { frameworkChoices } from '../../app/tenant-frameworks.js';
import { changeRecurrence, createRecurrence, listRecurrences } from '../../app/recurrences.js';
import type { Locale } from '../../domain/framework.js';
import type { Place } from '../../domain/round.js';
import { translator } from '../../i18n/translator.js';
import { isSpiegelError } from '../../domain/errors.js';
import { errorText } from '../../presentation/error-text.js';
import { recurrenceActionText, recurrenceCreatedText, recurrenceSummary } from '../../presentation/recurrence-texts.js';
import { scheduleFormSchema, scheduleFormToRecurrenceInput, type ScheduleForm } from '../../presentation/schedule-form.js';
import { cadenceCron } from '../../domain/cadence.js';
import { validateCron } from '../../domain/cron.js';
import { escapeMrkdwn } from './blocks/limits.js';
import { renderScheduleForm } from './blocks/schedule-form.js';
import type { StartFormMetadata } from './blocks/start-form.js';
import { scheduleBlockIds as ids } from './ids.js';
import { ephemeralTo, refusal } from './reply.js';
import type { SlackRuntime } from './runtime.js';
import { channelHumans, NOT_IN_CHANNEL } from './start-flow.js';
import type { WebClient } from './web-api.js';
import { recurrenceActions, type RecurrenceAction } from '../../domain/recurrence.js';
import { element, type StateValues } from './view-state.js';
import { inputInvalid } from '../../domain/input-problems.js';

export async function openScheduleForm(
  rt: SlackRuntime,
  client: WebClient,
  triggerId: string,
  locale: Locale,
  metadata: StartFormMetadata,
  actor: Pick<Actor, 'tenantId'>,
) {
  const frameworks = await frameworkChoices(rt.ctx, actor);
  await client.views.open({ trigger_id: triggerId, view: renderScheduleForm(locale, frameworks, metadata) });
}

const present = (v: string | null | undefined) => (v !== undefined && v !== null && v.trim() !== '' ? v : undefined);

export function readScheduleForm(values: StateValues, fallbackLocale: Locale): unknown {
  const options = (element(values, ids.options).selected_options ?? []).map((o) => o.value);
  const k = present(element(values, ids.k).value);
  const name = present(element(values, ids.name).value);
  const cron = present(element(values, ids.cron).value);
  return {
    frameworkId: element(values, ids.framework).selected_option?.value ?? '',
    ...(name ? { name } : {}),
    cadence: element(values, ids.cadence).selected_option?.value,
    weekday: element(values, ids.weekday).selected_option?.value ?? '1',
    dayOfMonth: present(element(values, ids.dayOfMonth).value) ?? '1',
    time: element(values, ids.time).selected_time ?? '09:00',
    ...(cron ? { cron } : {}),
    timeZone: element(values, ids.timeZone).value ?? '',
    answerDays: present(element(values, ids.answerDays).value) ?? '7',
    perspectives: (element(values, ids.perspectives).selected_options ?? []).map((o) => o.value),
    anonymous: options.includes('anonymous'),
    reminders: options.includes('reminders'),
    ...(k ? { k } : {}),
    locale: element(values, ids.language).selected_option?.value ?? fallbackLocale,
    participants: element(values, ids.participants).selected_users ?? [],
  };
}

const blockOfField: Record<string, string> = {
  frameworkId: ids.framework,
  name: ids.name,
  cadence: ids.cadence,
  weekday: ids.weekday,
  dayOfMonth: ids.dayOfMonth,
  time: ids.time,
  cron: ids.cron,
  timeZone: ids.timeZone,
  answerDays: ids.answerDays,
  perspectives: ids.perspectives,
  k: ids.k,
  locale: ids.language,
  participants: ids.participants,
};

export type ScheduleCheck = { ok: true; form: ScheduleForm } | { ok: false; errors: Record<string, string> };

/** The form's own checks and its schedule (cadence, cron, time zone), each problem beside its field. */
export function checkScheduleForm(raw: unknown, now: Date, locale: Locale): ScheduleCheck {
  const parsed = scheduleFormSchema.safeParse(raw);
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues)
      errors[blockOfField[String(issue.path[0])] ?? ids.framework] = errorText(
        inputInvalid('formFields', { fields: issue.path.join('.') }),
        locale,
      );
    return { ok: false, errors };
  }
  const form = parsed.data;
  try {
    const cron = cadenceCron({ kind: form.cadence, weekday: form.weekday, dayOfMonth: form.dayOfMonth, time: form.time, cron: form.cron });
    validateCron(cron, form.timeZone, now);
  } catch (error) {
    if (isSpiegelError(error, 'input.invalid')) {
      const field = error.details.problem === 'unknownTimeZone' ? ids.timeZone : form.cadence === 'cron' ? ids.cron : ids.time;
      return { ok: false, errors: { [field]: errorText(error, locale) } };
    }
    throw error;
  }
  return { ok: true, form };
}

/** After the acknowledgement: stores the schedule and tells the coordinator privately how it went. */
export async function createSchedule(
  rt: SlackRuntime,
  client: WebClient,
  args: { actor: Actor; teamId: string; botUserId: string | undefined; form: ScheduleForm; metadata: StartFormMetadata; locale: Locale },
): Promise<void> {
  const { actor, form, metadata, locale } = args;
  const t = translator(locale);
  const place: Place = { platform: 'slack', tenantId: actor.tenantId, channelId: metadata.channelId };
  const members = await channelHumans(rt, client, args.teamId, metadata.channelId, args.botUserId);
  if (members === NOT_IN_CHANNEL) return ephemeralTo(metadata.responseUrl, t('slack.start.notInChannel', { channel: metadata.channelId }));
  try {
    const { recurrence, nextRunAt } = await createRecurrence(rt.ctx, actor, scheduleFormToRecurrenceInput(form, place, members));
    await ephemeralTo(metadata.responseUrl, recurrenceCreatedText(recurrence, nextRunAt, locale));
  } catch (error) {
    await ephemeralTo(metadata.responseUrl, t('coord.schedule.failed', { detail: refusal(error, locale, rt.logger) }));
  }
}

/** `/reflect schedule list` (the workspace's schedules, or this channel's) and `pause|resume|delete ID`. */
export async function scheduleCommandText(rt: SlackRuntime, actor: Actor, args: string[], locale: Locale): Promise<string> {
  const t = translator(locale);
  const [sub, id] = args as [string, string | undefined];
  if ((recurrenceActions as readonly string[]).includes(sub)) {
    if (!id) return t('coord.schedule.needId', { action: sub });
    return recurrenceActionText(await changeRecurrence(rt.ctx, actor, sub as RecurrenceAction, id), locale);
  }
  const views = await listRecurrences(rt.ctx, actor);
  if (views.length === 0) return t('coord.schedule.none');
  const lines = views.map((view) => {
    const { title, detail } = recurrenceSummary(view, locale);
    return `*${escapeMrkdwn(title)}* <#${view.recurrence.place.channelId}>\n${escapeMrkdwn(detail)}`;
  });
  return [`*${t('coord.schedule.listTitle')}*`, ...lines].join('\n');
}
