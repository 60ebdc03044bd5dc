import type { Locale } from '../domain/framework.js';
import { translator } from '../i18n/translator.js';
import { type ErasureResult } from '../domain/erasure.js';

/** The question before erasing, with what is stored; or that nothing is stored. */
export function erasureQuestion(stored: { answers: number; rounds: number }, locale: Locale): string {
  const t = translator(locale);
  return stored.answers === 0 ? t('lifecycle.erasure.none') : t('lifecycle.erasure.ask', { count: stored.answers, rounds: stored.rounds });
}

/** What an erasure changed in the mediation quality system; nothing when the member had no traces there. */
export function qualitySystemErasureLines(result: ErasureResult, locale: Locale): string[] {
  const quality = result.qualitySystem;
  return Object.values(quality).every((n) => n === 0) ? [] : [translator(locale)('intervision.erasure.qualitySystem', { ...quality })];
}

export function erasureDone(result: ErasureResult, locale: Locale): string {
  const done = translator(locale)('lifecycle.erasure.done', {
    count: result.answers,
    rounds: result.rounds,
    summaries: result.summariesUpdated,
  });
  return [done, ...qualitySystemErasureLines(result, locale)].join('\n');
}
