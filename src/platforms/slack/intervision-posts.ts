/** What the core asks Slack to post in an intervision session's thread: a step with its buttons, or the end. */
import type { AppContext } from '../../app/context.js';
import { getWorkspaceSettings } from '../../app/workspace-settings.js';
import type { IntervisionPost, IntervisionSession } from '../../domain/intervision/session.js';
import { endLines } from '../../presentation/intervision-texts.js';
import { postRound } from './announce.js';
import { renderStep } from './blocks/intervision.js';
import { limits, section, truncate } from './blocks/limits.js';
import type { WebClient } from './web-api.js';

/** A member as Slack shows them; an erased member (a stand-in) as a dash. */
export const mention = (member: string) => (member.startsWith('erased:') ? '—' : `<@${member}>`);

export async function timeZoneOf(ctx: AppContext, tenantId: string): Promise<string> {
  return (await getWorkspaceSettings(ctx, tenantId)).timeZone;
}

/** Posts a step (or the end, and the rating round in the channel) as a reply in the session's thread. */
export async function postInThread(ctx: AppContext, client: WebClient, session: IntervisionSession, post: IntervisionPost): Promise<void> {
  const thread_ts = session.threadId ?? undefined;
  const channel = session.place.channelId;
  if (post.kind === 'step') {
    const message = renderStep(session, post.step, await timeZoneOf(ctx, session.tenantId));
    await client.chat.postMessage({ channel, thread_ts, ...message });
    return;
  }
  const text = truncate(endLines(post, session.locale, mention).join('\n'), limits.messageText);
  await client.chat.postMessage({ channel, thread_ts, text, blocks: [section(text)] });
  if (post.rating && !post.rating.platformRefs.introTs) await postRound(ctx, client, post.rating);
}
