/**
 * Reminders carry message metadata naming their round and slot, so that a scheduler taking over a send whose
 * holder died can look in the member's direct messages whether that reminder went out. The direct message
 * names the member; the metadata does not repeat it (in an anonymous round nothing stored should).
 */
import { invariant } from '../../domain/invariant.js';
import { SpiegelError } from '../../domain/errors.js';
import { z } from 'zod';
import type { WebClient } from './web-api.js';

const EVENT_TYPE = 'spiegel_reminder';
/** Pages of the direct message's history read at most (200 messages each) before giving up the lookup. */
const MAX_PAGES = 5;
/** Looked back this much before the interrupted send was claimed: clocks of instances and Slack differ. */
const CLOCK_MARGIN_MS = 60_000;

export interface ReminderRef {
  roundId: string;
  slot: string;
}

export function reminderMetadata(ref: ReminderRef) {
  return { event_type: EVENT_TYPE, event_payload: { round_id: ref.roundId, slot: ref.slot } };
}

const reminderMessage = z.object({
  metadata: z.object({
    event_type: z.literal(EVENT_TYPE),
    event_payload: z.object({ round_id: z.string().max(100), slot: z.string().max(100) }),
  }),
});

/** The bot's direct message channel with a member (opened if needed). */
export async function directMessageChannel(client: WebClient, memberId: string): Promise<string> {
  const opened = await client.conversations.open({ users: memberId });
  const channel = opened.channel?.id;
  invariant(channel, 'conversations.open returned no channel');
  return channel;
}

/** Whether the (direct message) channel holds the reminder, posted since `since`; throws when it cannot tell. */
export async function findReminder(client: WebClient, channel: string, ref: ReminderRef, since: Date): Promise<boolean> {
  const oldest = ((since.getTime() - CLOCK_MARGIN_MS) / 1000).toFixed(6);
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const history = await client.conversations.history({
      channel,
      oldest,
      limit: 200,
      include_all_metadata: true,
      ...(cursor ? { cursor } : {}),
    });
    const found = (history.messages ?? []).some((message) => {
      const parsed = reminderMessage.safeParse(message);
      if (!parsed.success) return false;
      const payload = parsed.data.metadata.event_payload;
      return payload.round_id === ref.roundId && payload.slot === ref.slot;
    });
    if (found) return true;
    cursor = history.response_metadata?.next_cursor || undefined;
    if (!history.has_more || !cursor) return false;
  }
  throw new SpiegelError('platform.failed', `more than ${MAX_PAGES * 200} messages in ${channel} since the reminder was claimed`);
}
