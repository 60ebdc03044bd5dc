import type { Locale } from '../domain/framework.js';
import { defaultSummarySettings } from '../domain/round.js';
import type { Recurrence } from '../domain/scheduling.js';
import { isMessageKey, translator } from '../i18n/translator.js';
import { type RecurrenceActionResult, type RecurrenceView } from '../domain/recurrence.js';

/** A time in a time zone, written out in the reader's language: "Mon 6 Apr 2026, 09:00 (Europe/Brussels)". */
export function zonedDateTime(instant: Date, timeZone: string, locale: Locale): string {
  const text = new Intl.DateTimeFormat(locale === 'nl' ? 'nl-BE' : 'en-GB', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(instant);
  return `${text} (${timeZone})`;
}

/** "every two weeks on Monday at 09:00", from the cadence and its cron expression. */
export function cadenceText(recurrence: Pick<Recurrence, 'cadence' | 'cron'>, locale: Locale): string {
  const t = translator(locale);
  const [minute = '0', hour = '0', day = '1', , weekday = '1'] = recurrence.cron.split(' ');
  const time = `${hour.padStart(2, '0')}:${minute.padStart(2, '0')}`;
  const weekdayKey = `coord.weekday.${weekday}`;
  const weekdayName = isMessageKey(weekdayKey) ? t(weekdayKey) : weekday;
  switch (recurrence.cadence) {
    case 'weekly':
    case 'biweekly':
    case 'monthly':
    case 'quarterly':
      return t(`coord.cadenceText.${recurrence.cadence}`, { weekday: weekdayName, day, time });
    default:
      return t('coord.cadenceText.cron', { cron: recurrence.cron });
  }
}

/** One schedule in a list: name, framework, cadence, next occurrence or "paused". */
export function recurrenceSummary(view: RecurrenceView, locale: Locale): { title: string; detail: string } {
  const t = translator(locale);
  const { recurrence: r, nextRunAt } = view;
  const next = r.pausedAt
    ? t('coord.schedule.paused')
    : nextRunAt
      ? t('coord.schedule.next', { when: zonedDateTime(nextRunAt, r.timeZone, locale) })
      : t('coord.schedule.noNext');
  const settings = [
    cadenceText(r, locale),
    t('coord.schedule.answerDays', { count: Math.round((r.round.durationHours ?? 0) / 24) }),
    ...(r.round.anonymous
      ? [t('coord.schedule.anonymous', { k: r.round.settings.anonymityThreshold ?? defaultSummarySettings.anonymityThreshold })]
      : []),
  ];
  return {
    title: t('coord.schedule.title', { name: r.round.name ?? r.frameworkId, id: r.id }),
    detail: [settings.join(' · '), next].join('\n'),
  };
}

/** What a pause, resume or delete did, for the one who asked. */
export function recurrenceActionText({ action, recurrence, nextRunAt }: RecurrenceActionResult, locale: Locale): string {
  const t = translator(locale);
  const name = recurrence.round.name ?? recurrence.frameworkId;
  const id = recurrence.id;
  if (action === 'pause') return t('coord.schedule.pausedDone', { name, id });
  if (action === 'delete') return t('coord.schedule.deleted', { id });
  return nextRunAt
    ? t('coord.schedule.resumed', { name, id, when: zonedDateTime(nextRunAt, recurrence.timeZone, locale) })
    : t('coord.schedule.resumedNoNext', { name, id });
}

/** The confirmation of a new schedule. */
export function recurrenceCreatedText(recurrence: Recurrence, nextRunAt: Date, locale: Locale): string {
  return translator(locale)('coord.schedule.created', {
    name: recurrence.round.name ?? recurrence.frameworkId,
    id: recurrence.id,
    cadence: cadenceText(recurrence, locale),
    when: zonedDateTime(nextRunAt, recurrence.timeZone, locale),
  });
}
