/**
 * `/reflect export [ROUND-ID] [csv|json]`: a round's answers and summary as files in the coordinator's direct
 * messages with the bot (files.getUploadURLExternal, the upload, files.completeUploadExternal). Without a format
 * both come: the two CSV files and the JSON file.
 */
import { roundForChannel } from '../../app/channel-rounds.js';
import { roundExportData } from '../../app/summaries.js';
import { translator } from '../../i18n/translator.js';
import { exportFile, exportFileKindsOf, exportFormats, type ExportFormat } from '../../presentation/round-export.js';
import { splitRoundId } from '../round-chat.js';
import { escapeMrkdwn } from './blocks/limits.js';
import type { RespondFn } from '@slack/bolt';
import type { Actor } from '../../app/actor.js';
import type { Locale } from '../../domain/framework.js';
import type { SlackRuntime } from './runtime.js';
import type { WebClient } from './web-api.js';
import { uploadToMember } from './file-upload.js';
import { ephemeral } from './reply.js';

interface ExportCall {
  rt: SlackRuntime;
  client: WebClient;
  actor: Actor;
  channelId: string;
  args: string[];
  locale: Locale;
  respond: RespondFn;
}

export async function exportRoundFiles(call: ExportCall): Promise<void> {
  const { rt, actor, locale } = call;
  const t = translator(locale);
  const { roundId, rest } = splitRoundId(call.args);
  const format = rest[0]?.toLowerCase();
  if (format && !(exportFormats as readonly string[]).includes(format)) return ephemeral(call.respond, t('manage.export.badFormat'));
  const round = await roundForChannel(rt.ctx, actor, call.channelId, roundId, true);
  const data = await roundExportData(rt.ctx, actor, round.id);
  const kinds = exportFileKindsOf(round, format as ExportFormat | undefined);
  const files = kinds.map((kind) => exportFile(kind, data));
  for (const file of files) {
    await uploadToMember(call.client, actor.userId, {
      filename: file.filename,
      title: t('manage.export.fileTitle', { name: round.name, file: file.kind }),
      bytes: Buffer.from(file.content, 'utf8'),
    });
  }
  await ephemeral(
    call.respond,
    escapeMrkdwn(t('manage.export.sent', { name: round.name, files: files.map((f) => f.filename).join(', ') })),
  );
}
