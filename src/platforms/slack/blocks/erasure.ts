/** The private question before a member's answers are erased: what is stored, and two buttons. Pure. */
import type { Locale } from '../../../domain/framework.js';
import { translator } from '../../../i18n/translator.js';
import { erasureQuestion } from '../../../presentation/erasure-texts.js';
import { actionIds } from '../ids.js';
import { button, escapeMrkdwn, section } from './limits.js';
import type { SlackMessage } from './prompts.js';

export function renderErasureQuestion(stored: { answers: number; rounds: number }, locale: Locale): SlackMessage {
  const t = translator(locale);
  const text = erasureQuestion(stored, locale);
  if (stored.answers === 0) return { text, blocks: [section(escapeMrkdwn(text), 'forget-question')] };
  return {
    text,
    blocks: [
      section(escapeMrkdwn(text), 'forget-question'),
      {
        type: 'actions',
        block_id: 'forget-actions',
        elements: [
          button(t('lifecycle.erasure.confirm'), actionIds.forgetConfirm, 'erase', 'danger'),
          button(t('lifecycle.erasure.keep'), actionIds.forgetKeep, 'keep'),
        ],
      },
    ],
  };
}
