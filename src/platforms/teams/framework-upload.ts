/**
 * A framework file an admin sends Spiegel in the personal chat: Teams attaches it with a download URL (a file
 * consent-free `file.download.info` attachment, the app declares `supportsFiles`), or with a plain contentUrl.
 */
import type { Activity } from 'botbuilder';
import { z } from 'zod';
import { isLocalMode } from '../../config.js';
import type { TeamsRuntime } from './runtime.js';

const attachmentSchema = z.object({
  contentType: z.string(),
  name: z.string().min(1),
  contentUrl: z.url().optional(),
  content: z.object({ downloadUrl: z.url().optional() }).loose().optional(),
});

export interface FileAttachment {
  name: string;
  url: string;
}

/** Teams' own download links are https; the loopback stand-ins of local mode serve plain http. */
function allowedUrl(rt: TeamsRuntime, url: string): boolean {
  const parsed = new URL(url);
  return parsed.protocol === 'https:' || (isLocalMode(rt.config) && parsed.protocol === 'http:' && parsed.hostname === '127.0.0.1');
}

/** The first file the activity carries, if any (cards and formatted text are attachments too, without a file name). */
export function fileAttachmentOf(rt: TeamsRuntime, activity: Partial<Activity>): FileAttachment | null {
  for (const raw of activity.attachments ?? []) {
    const parsed = attachmentSchema.safeParse(raw);
    if (!parsed.success) continue;
    const url = parsed.data.content?.downloadUrl ?? parsed.data.contentUrl;
    if (url && allowedUrl(rt, url)) return { name: parsed.data.name, url };
  }
  return null;
}
