import type { Locale } from '../domain/framework.js';
import type { Round } from '../domain/round.js';
import { isMessageKey, translator } from '../i18n/translator.js';
import { type JobView } from '../domain/scheduling.js';

const intlLocale = (locale: Locale) => (locale === 'nl' ? 'nl-BE' : 'en-GB');

/** A date and time as a member reads it: in their language and time zone, with the zone named. */
export function formatInstant(instant: Date, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(instant);
}

/**
 * The text of a reminder, for adapters that want the shared wording: the round's name, public progress and
 * the deadline in the member's time zone. It says nothing about anyone's answers (in anonymous rounds it
 * adds that answers stay anonymous).
 */
export function reminderText(
  round: Pick<Round, 'name' | 'deadline' | 'anonymous' | 'locale'>,
  progress: { answered: number; participants: number },
  options: { timeZone: string; locale?: Locale },
): string {
  const locale = options.locale ?? round.locale;
  const t = translator(locale);
  const parts = [
    t('scheduling.reminder.text', {
      name: round.name,
      progress: t('progress', { answered: progress.answered, count: progress.participants }),
    }),
  ];
  if (round.deadline) parts.push(t('scheduling.reminder.deadline', { deadline: formatInstant(round.deadline, locale, options.timeZone) }));
  if (round.anonymous) parts.push(t('scheduling.reminder.anonymous'));
  return parts.join(' ');
}

function noteText(t: ReturnType<typeof translator>, note: string | null | undefined): string {
  if (!note) return '';
  const key = `scheduling.job.note.${note}`;
  return isMessageKey(key) ? t(key) : note;
}

/** One line per job for coordinators' status views (roundJobStatus), in their language and time zone. */
export function describeJob(job: JobView, locale: Locale, timeZone: string): string {
  const t = translator(locale);
  const when = (d: Date | null) => (d ? formatInstant(d, locale, timeZone) : '–');
  const kind =
    job.kind === 'deadline'
      ? t('scheduling.job.kind.deadline')
      : job.kind === 'reminder'
        ? job.slot?.startsWith('now-')
          ? t('scheduling.job.kind.reminderNow')
          : t('scheduling.job.kind.reminder', { slot: job.slot ?? '' })
        : job.kind === 'recurrence'
          ? t('scheduling.job.kind.recurrence')
          : job.kind === 'round-start'
            ? t('scheduling.job.kind.roundStart')
            : t('scheduling.job.kind.other', { kind: job.kind });
  let status: string;
  switch (job.status) {
    case 'pending':
      status =
        job.failures > 0
          ? t('scheduling.job.status.retrying', { when: when(job.runAt), failures: job.failures, reason: job.lastError ?? '' })
          : t('scheduling.job.status.pending', { when: when(job.runAt) });
      break;
    case 'done':
      status = t('scheduling.job.status.done', { when: when(job.settledAt) });
      break;
    case 'skipped':
      status = t('scheduling.job.status.skipped', { when: when(job.settledAt), reason: noteText(t, job.result?.note) });
      break;
    case 'failed':
      status = t('scheduling.job.status.failed', { attempts: job.attempts, reason: job.lastError ?? '' });
      break;
    case 'cancelled':
      status = t('scheduling.job.status.cancelled', { reason: noteText(t, job.result?.note) });
      break;
  }
  const counts = job.kind === 'reminder' && job.result && Object.keys(job.result.counts).length > 0 ? job.result.counts : null;
  const countText = counts
    ? ` (${t('scheduling.job.counts', {
        sent: counts.sent ?? 0,
        deferred: counts.deferred ?? 0,
        tooLate: counts.tooLate ?? 0,
        quota: counts.quota ?? 0,
      })})`
    : '';
  return `${kind}: ${status}${countText}`;
}
