/** The reminder a member gets as a direct message: the shared reminder wording, where the round runs, and a button to answer. */
import type { Locale } from '../../../domain/framework.js';
import type { Round } from '../../../domain/round.js';
import { translator } from '../../../i18n/translator.js';
import { reminderText } from '../../../presentation/schedule-texts.js';
import { actionIds } from '../ids.js';
import { button, escapeMrkdwn, limits, section, truncate } from './limits.js';
import type { SlackMessage } from './prompts.js';
import type { ProgressCount } from './round-format.js';

export function renderReminderMessage(round: Round, progress: ProgressCount, locale: Locale, timeZone: string): SlackMessage {
  const t = translator(locale);
  const text = reminderText(round, progress, { timeZone, locale });
  return {
    text: truncate(text, limits.messageText),
    blocks: [
      section(`${escapeMrkdwn(text)}\n${t('slack.remind.where', { channel: round.place.channelId })}`, 'reminder'),
      {
        type: 'actions',
        block_id: 'reminder-actions',
        elements: [button(t('slack.remind.open'), actionIds.continue, round.id, 'primary')],
      },
    ],
  };
}
