/**
 * `/reflect my-data`: every stored answer of the member as a CSV file in their direct messages with the bot
 * (files.getUploadURLExternal, the upload, files.completeUploadExternal); where the workspace's installation
 * cannot upload files (installed before Spiegel asked for `files:write`), the answers come as a private message.
 */
import type { RespondFn } from '@slack/bolt';
import type { Actor } from '../../app/actor.js';
import { memberData } from '../../app/member-data.js';
import type { Locale } from '../../domain/framework.js';
import { translator } from '../../i18n/translator.js';
import { memberDataCsv, memberDataText } from '../../presentation/member-data.js';
import { escapeMrkdwn, limits, truncate } from './blocks/limits.js';
import { uploadToMember } from './file-upload.js';
import { ephemeral } from './reply.js';
import type { SlackRuntime } from './runtime.js';
import { isSlackError, type WebClient } from './web-api.js';
import { answerCount } from '../../domain/member-data.js';

/** Answers listed in the private message; the file holds all. */
const maxAnswersInMessage = 60;

function messageText(rt: SlackRuntime, data: Awaited<ReturnType<typeof memberData>>, locale: Locale): string {
  const text = memberDataText(data, locale, maxAnswersInMessage);
  const parts = [
    text.title,
    ...text.sections.flatMap((s) => [`*${escapeMrkdwn(s.heading)}*`, ...s.lines.map((l) => `• ${escapeMrkdwn(l)}`)]),
    ...(text.more ? [text.more] : []),
    ...(text.anonymousNote ? [`_${text.anonymousNote}_`] : []),
  ];
  return truncate(parts.join('\n'), limits.messageText);
}

export async function sendMyData(rt: SlackRuntime, client: WebClient, actor: Actor, locale: Locale, respond: RespondFn): Promise<void> {
  const t = translator(locale);
  const data = await memberData(rt.ctx, actor, actor.userId);
  const count = answerCount(data);
  if (count === 0) return ephemeral(respond, t('lifecycle.access.none'));
  const stamp = data.exportedAt.toISOString().slice(0, 10);
  try {
    await uploadToMember(client, actor.userId, {
      filename: `spiegel-${stamp}.csv`,
      title: t('lifecycle.access.fileTitle'),
      bytes: Buffer.from(memberDataCsv(data, locale), 'utf8'),
    });
    await ephemeral(respond, t('lifecycle.access.fileSent', { count }));
  } catch (error) {
    if (!isSlackError(error, 'missing_scope', 'not_allowed_token_type', 'method_not_supported_for_channel_type')) {
      rt.logger.warn({ err: error, tenantId: actor.tenantId }, 'my-data: the file could not be sent; answering with a message');
    }
    await ephemeral(respond, messageText(rt, data, locale));
  }
}
