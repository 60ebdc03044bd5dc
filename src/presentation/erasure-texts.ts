import type { Locale } from '../domain/framework.js';
import { translator } from '../i18n/translator.js';
import { type ErasureResult } from '../domain/erasure.js';

/** The question before erasing, with what is stored; or that nothing is stored. */
export function erasureQuestion(stored: { answers: number; rounds: number }, locale: Locale): string {
  const t = translator(locale);
  return stored.answers === 0 ? t('lifecycle.erasure.none') : t('lifecycle.erasure.ask', { count: stored.answers, rounds: stored.rounds });
}

export function erasureDone(result: ErasureResult, locale: Locale): string {
  return translator(locale)('lifecycle.erasure.done', { count: result.answers, rounds: result.rounds, summaries: result.summariesUpdated });
}
