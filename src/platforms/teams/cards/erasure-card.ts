/** The question before a member's answers are erased: what is stored, and two buttons. Pure. */
import type { Locale } from '../../../domain/framework.js';
import { translator } from '../../../i18n/translator.js';
import { erasureQuestion } from '../../../presentation/erasure-texts.js';
import { verbs } from '../ids.js';
import { adaptiveCard, execute, textBlock, type AdaptiveCardJson } from './elements.js';
import { renderMessageCard } from './reply-cards.js';

export function renderErasureCard(stored: { answers: number; rounds: number }, locale: Locale): AdaptiveCardJson {
  const t = translator(locale);
  const text = erasureQuestion(stored, locale);
  if (stored.answers === 0) return renderMessageCard(text);
  return adaptiveCard(
    [textBlock(text)],
    [
      execute(t('lifecycle.erasure.confirm'), verbs.forgetConfirm, {}, { style: 'destructive' }),
      execute(t('lifecycle.erasure.keep'), verbs.forgetKeep, {}),
    ],
  );
}
