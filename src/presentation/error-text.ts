import { isSpiegelError } from '../domain/errors.js';
import type { Locale } from '../domain/framework.js';
import { translator } from '../i18n/translator.js';

/** The localised answer a user gets for a refusal; anything unexpected gets a safe, general message. */
export function errorText(error: unknown, locale: Locale): string {
  const t = translator(locale);
  if (!isSpiegelError(error)) return t('errors.unexpected');
  const details: Record<string, unknown> = { detail: '', ...error.details };
  if (typeof details.state === 'string') details.state = t(`state.${details.state}`);
  if (details.id === undefined) details.id = '';
  return t(`errors.${error.code}`, details);
}
