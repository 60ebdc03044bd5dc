import { changeRecurrence, createRecurrence, listRecurrences } from '../app/recurrences.js';
import { getWorkspaceSettings } from '../app/workspace-settings.js';
import type { Locale } from '../domain/framework.js';
import type { Place } from '../domain/round.js';
import { translator } from '../i18n/translator.js';
import { recurrenceActionText, recurrenceCreatedText, recurrenceSummary } from '../presentation/recurrence-texts.js';
import { scheduleFormError, scheduleFormSchema, scheduleFormToRecurrenceInput } from '../presentation/schedule-form.js';
import type { CliSession } from './cli-context.js';
import { asJson, asLines } from './output.js';
import { type RecurrenceAction } from '../domain/recurrence.js';

export interface ScheduleCreateOptions {
  channel: string;
  framework: string;
  name?: string | undefined;
  cadence?: string | undefined;
  weekday?: string | undefined;
  day?: string | undefined;
  time?: string | undefined;
  cron?: string | undefined;
  timeZone?: string | undefined;
  days?: string | undefined;
  anonymous: boolean;
  k?: string | undefined;
  /** Comma-separated, e.g. `process` or `client,process`. */
  perspectives?: string | undefined;
  noReminders: boolean;
  participants?: string | undefined;
}

/** A schedule made from the CLI lives on the tenant's platform: `slack:T…` in a Slack channel, `teams:…` in a Teams conversation. */
function placeOf(tenantId: string, channelId: string): Place {
  const platform = tenantId.startsWith('slack:') ? 'slack' : tenantId.startsWith('teams:') ? 'teams' : 'cli';
  return { platform, tenantId, channelId };
}

export async function scheduleListCommand(session: CliSession, format: 'text' | 'json', locale: Locale): Promise<string> {
  const views = await listRecurrences(session.ctx, session.actor);
  if (format === 'json') {
    return asJson(
      views.map(({ recurrence: r, nextRunAt }) => ({
        id: r.id,
        name: r.round.name,
        framework: r.frameworkId,
        channel: r.place.channelId,
        cadence: r.cadence,
        cron: r.cron,
        timeZone: r.timeZone,
        answerDays: (r.round.durationHours ?? 0) / 24,
        anonymous: r.round.anonymous,
        k: r.round.settings.anonymityThreshold ?? null,
        perspectives: r.round.perspectives,
        reminders: (r.round.reminderPlan?.max ?? 1) > 0,
        participants: r.round.participants.length,
        paused: r.pausedAt !== null,
        nextRunAt,
      })),
    );
  }
  if (views.length === 0) return asLines([translator(locale)('coord.schedule.none')]);
  return asLines(
    views.map((view) => {
      const { title, detail } = recurrenceSummary(view, locale);
      return `${title}  #${view.recurrence.place.channelId}\n  ${detail.replace(/\n/g, '\n  ')}`;
    }),
  );
}

export async function scheduleCreateCommand(session: CliSession, options: ScheduleCreateOptions, locale: Locale): Promise<string> {
  const parsed = scheduleFormSchema.safeParse({
    frameworkId: options.framework,
    ...(options.name ? { name: options.name } : {}),
    cadence: options.cadence ?? 'weekly',
    ...(options.weekday !== undefined ? { weekday: options.weekday } : {}),
    ...(options.day !== undefined ? { dayOfMonth: options.day } : {}),
    ...(options.time !== undefined ? { time: options.time } : {}),
    ...(options.cron !== undefined ? { cron: options.cron } : {}),
    timeZone: options.timeZone ?? (await getWorkspaceSettings(session.ctx, session.actor.tenantId)).timeZone,
    ...(options.days !== undefined ? { answerDays: options.days } : {}),
    anonymous: options.anonymous,
    ...(options.k !== undefined ? { k: options.k } : {}),
    ...(options.perspectives ? { perspectives: options.perspectives.split(',').map((p) => p.trim()) } : {}),
    reminders: !options.noReminders,
    locale,
    participants: (options.participants ?? '')
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean),
  });
  if (!parsed.success) throw scheduleFormError(parsed.error);
  const place = placeOf(session.actor.tenantId, options.channel);
  const { recurrence, nextRunAt } = await createRecurrence(
    session.ctx,
    session.actor,
    scheduleFormToRecurrenceInput(parsed.data, place, []),
  );
  return asLines([recurrenceCreatedText(recurrence, nextRunAt, locale)]);
}

export async function scheduleChangeCommand(session: CliSession, action: RecurrenceAction, id: string, locale: Locale): Promise<string> {
  return asLines([recurrenceActionText(await changeRecurrence(session.ctx, session.actor, action, id), locale)]);
}
