/** What Spiegel reads from an incoming Bot Framework activity: tenant, caller, place, language, command text. */
import type { Activity } from 'botbuilder';
import type { Actor } from '../../app/actor.js';
import type { Locale } from '../../domain/framework.js';
import { pickLocale } from '../../i18n/translator.js';
import { actorFor, memberIdOf, tenantIdOf } from './ids.js';
import type { ConversationKind, ConversationRef, TeamsMemberUpdate } from '../../app/teams-conversation-ports.js';

interface TeamsChannelData {
  tenant?: { id?: string };
  channel?: { id?: string; name?: string };
  team?: { id?: string; name?: string };
}

function channelDataOf(activity: Partial<Activity>): TeamsChannelData {
  const data: unknown = activity.channelData;
  return data && typeof data === 'object' ? data : {};
}

/** The AAD tenant of the activity, or null when it carries none (then Spiegel does not act on it). */
export function aadTenantOfActivity(activity: Partial<Activity>): string | null {
  return activity.conversation?.tenantId || channelDataOf(activity).tenant?.id || null;
}

export function actorOf(activity: Partial<Activity>, admins: readonly string[]): Actor | null {
  const tenant = aadTenantOfActivity(activity);
  if (!tenant || !activity.from?.id) return null;
  return actorFor(tenant, activity.from, admins);
}

export function conversationKindOf(activity: Partial<Activity>): ConversationKind {
  const type = activity.conversation?.conversationType;
  if (type === 'channel' || channelDataOf(activity).channel?.id) return 'channel';
  if (type === 'personal' || activity.conversation?.isGroup === false) return 'personal';
  return 'groupChat';
}

/** The place a round lives in: the channel (not the thread: `;messageid=` is dropped) or the chat. */
export function placeIdOf(activity: Partial<Activity>): string {
  const channel = channelDataOf(activity).channel?.id;
  if (channel) return channel;
  return (activity.conversation?.id ?? '').split(';')[0] ?? '';
}

export function teamIdOf(activity: Partial<Activity>): string | null {
  return channelDataOf(activity).team?.id ?? null;
}

/** The text after the @mentions: `<at>Spiegel</at> start` → `start`. */
export function commandTextOf(activity: Partial<Activity>): string {
  return (activity.text ?? '')
    .replace(/<at>[\s\S]*?<\/at>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function localeOf(activity: Partial<Activity>, fallback: Locale): Locale {
  return pickLocale(activity.locale, fallback);
}

/** A reference to post into the activity's conversation later (the thread, when it came from one). */
export function referenceOf(activity: Partial<Activity>, conversationId?: string): ConversationRef {
  const conversation = activity.conversation;
  return {
    serviceUrl: activity.serviceUrl ?? '',
    channelId: activity.channelId ?? 'msteams',
    bot: { id: activity.recipient?.id ?? '', ...(activity.recipient?.name ? { name: activity.recipient.name } : {}) },
    conversation: {
      id: conversationId ?? conversation?.id ?? '',
      ...(conversation?.tenantId ? { tenantId: conversation.tenantId } : {}),
      ...(conversation?.conversationType ? { conversationType: conversation.conversationType } : {}),
      ...(conversation?.isGroup !== undefined ? { isGroup: conversation.isGroup } : {}),
    },
  };
}

/** What the activity tells about its sender: Teams id, name, time zone, language, and their personal chat. */
export function senderUpdateOf(activity: Partial<Activity>): TeamsMemberUpdate | null {
  const tenant = aadTenantOfActivity(activity);
  const from = activity.from;
  if (!tenant || !from?.id || !activity.serviceUrl || !activity.recipient?.id) return null;
  const personal = conversationKindOf(activity) === 'personal' ? activity.conversation?.id : undefined;
  return {
    tenantId: tenantIdOf(tenant),
    memberId: memberIdOf(from),
    teamsId: from.id,
    serviceUrl: activity.serviceUrl,
    botId: activity.recipient.id,
    ...(from.name ? { name: from.name } : {}),
    ...(activity.localTimezone ? { timeZone: activity.localTimezone } : {}),
    ...(activity.locale ? { locale: activity.locale } : {}),
    ...(personal ? { personalConversationId: personal } : {}),
  };
}
