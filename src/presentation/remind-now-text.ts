import type { RemindNowResult } from '../app/jobs.js';
import { reminderMinimumLeadMs } from '../app/round-jobs.js';
import type { Locale } from '../domain/framework.js';
import { translator } from '../i18n/translator.js';

/** A coordinator's answer to "remind now": what will really happen. */
export function remindNowText(result: RemindNowResult, locale: Locale): string {
  const t = translator(locale);
  if (result.queued) return t('scheduling.remindNow.queued', { count: result.members });
  return t(`scheduling.remindNow.${result.reason}`, { minutes: reminderMinimumLeadMs / 60_000 });
}
