import type { Locale } from '../domain/framework.js';
import { translator } from '../i18n/translator.js';
import { type RemindNowResult, reminderMinimumLeadMs } from '../domain/scheduling.js';

/** A coordinator's answer to "remind now": what will really happen. */
export function remindNowText(result: RemindNowResult, locale: Locale): string {
  const t = translator(locale);
  if (result.queued) return t('scheduling.remindNow.queued', { count: result.members });
  return t(`scheduling.remindNow.${result.reason}`, { minutes: reminderMinimumLeadMs / 60_000 });
}
