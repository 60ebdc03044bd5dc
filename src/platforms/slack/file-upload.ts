/** A file into a conversation the way Slack wants it now: files.getUploadURLExternal, the upload, files.completeUploadExternal. */
import { invariant } from '../../domain/invariant.js';
import { SpiegelError } from '../../domain/errors.js';
import type { WebClient } from './web-api.js';

export interface SlackFile {
  channel: string;
  filename: string;
  title: string;
  bytes: Buffer;
  /** For images: what a screen reader says. */
  altText?: string;
}

export async function uploadFile(client: WebClient, file: SlackFile): Promise<void> {
  const target = await client.files.getUploadURLExternal({
    filename: file.filename,
    length: file.bytes.length,
    ...(file.altText ? { alt_text: file.altText } : {}),
  });
  invariant(target.upload_url && target.file_id, 'files.getUploadURLExternal returned no upload URL');
  const uploaded = await fetch(target.upload_url, { method: 'POST', body: file.bytes });
  if (!uploaded.ok) throw new SpiegelError('platform.failed', `the file upload answered ${uploaded.status}`);
  await client.files.completeUploadExternal({
    files: [{ id: target.file_id, title: file.title }],
    channel_id: file.channel,
  });
}

/** A file into the member's direct messages with the bot. */
export async function uploadToMember(client: WebClient, userId: string, file: Omit<SlackFile, 'channel'>): Promise<void> {
  const dm = await client.conversations.open({ users: userId });
  const channel = dm.channel?.id;
  invariant(channel, 'conversations.open returned no channel');
  await uploadFile(client, { ...file, channel });
}
