/**
 * A framework file an admin shares with Spiegel in a direct message (a `message` event with files, `im:history`):
 * its size is checked with files.info (`files:read`) before it is downloaded from url_private with the bot token;
 * the answer (stored as a new revision, or every problem with its line and path) goes back to the same conversation.
 */
import type { App } from '@slack/bolt';
import { z } from 'zod';
import { MAX_FRAMEWORK_FILE_BYTES, tooLarge } from '../../app/framework-catalogue.js';
import { withStoredAdmins } from '../../app/workspace-settings.js';
import { downloadFrameworkFile, frameworkFileLines } from '../frameworks-chat.js';
import { firstSlackDelivery } from './events.js';
import { escapeMrkdwn, limits, truncate } from './blocks/limits.js';
import { actorFor } from './ids.js';
import { teamOf, type SlackRuntime } from './runtime.js';

const fileShareSchema = z.object({
  channel: z.string().min(1),
  channel_type: z.literal('im'),
  user: z.string().min(1),
  files: z.array(z.object({ id: z.string().min(1) })).min(1),
});

const fileInfoSchema = z.object({
  file: z.object({ name: z.string().min(1), size: z.number().int().nonnegative(), url_private: z.url() }),
});

export function registerFrameworkUploads(app: App, rt: SlackRuntime): void {
  app.event('message', async ({ event, body, client, context }) => {
    const shared = fileShareSchema.safeParse(event);
    if (!shared.success || shared.data.user === context.botUserId) return;
    if (!(await firstSlackDelivery(rt, body))) return;
    const { channel, user, files } = shared.data;
    const teamId = teamOf(context, body);
    const actor = await withStoredAdmins(rt.ctx, actorFor(teamId, user, rt.config.SPIEGEL_ADMINS));
    const locale = await rt.directory.localeOf(client, teamId, user);
    const fetchFile = async () => {
      const { file } = fileInfoSchema.parse(await client.files.info({ file: files[0]!.id }));
      if (file.size > MAX_FRAMEWORK_FILE_BYTES) throw tooLarge(file.name, file.size);
      return downloadFrameworkFile(file.name, file.url_private, { authorization: `Bearer ${context.botToken ?? ''}` });
    };
    const lines = await frameworkFileLines(rt.ctx, actor, fetchFile, locale, rt.logger);
    await client.chat.postMessage({ channel, text: truncate(lines.map(escapeMrkdwn).join('\n'), limits.messageText) });
  });
}
