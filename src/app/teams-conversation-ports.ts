/**
 * What the Teams adapter keeps beyond the core's stores: where conversations are (so the bot can post there
 * on its own initiative, also after a restart), what it knows about members (their Teams id for personal
 * chats, time zone, language), and where a round's cards are (to update their progress and retire them).
 * Narrow on purpose: implemented in src/storage/mongo/teams-conversation-store.ts and wired in src/main.ts. It lives
 * in src/app, beside the core's ports, because storage never imports an adapter.
 * Every read and write is scoped by the Spiegel tenant id (`teams:<guid>`).
 */

/** The parts of a Bot Framework conversation reference Spiegel needs to post into a conversation later. */
export interface ConversationRef {
  serviceUrl: string;
  channelId: string;
  bot: { id: string; name?: string };
  conversation: { id: string; tenantId?: string; conversationType?: string; isGroup?: boolean };
}

export type ConversationKind = 'channel' | 'groupChat' | 'personal';

export interface StoredConversation {
  tenantId: string;
  /** Channel id (without `;messageid=`), group chat id, or personal chat id. */
  conversationId: string;
  kind: ConversationKind;
  reference: ConversationRef;
}

export interface TeamsMember {
  tenantId: string;
  /** Spiegel's member id: the AAD object id, else the Teams id. */
  memberId: string;
  /** The Teams user id (`29:…`): what the connector and card refresh lists use. */
  teamsId: string;
  name: string | null;
  /** Where the connector for this member is, and as which bot we talk to them. */
  serviceUrl: string;
  botId: string;
  timeZone: string | null;
  locale: string | null;
  /** The 1:1 chat with the bot, once there is one. */
  personalConversationId: string | null;
}

/** A partial update of a member: absent fields keep their stored value. */
export type TeamsMemberUpdate = Pick<TeamsMember, 'tenantId' | 'memberId' | 'teamsId' | 'serviceUrl' | 'botId'> &
  Partial<Pick<TeamsMember, 'name' | 'timeZone' | 'locale' | 'personalConversationId'>>;

/** Where a round's cards were posted: the thread (or chat) and the activity id of each card, in part order. */
export interface RoundCards {
  tenantId: string;
  roundId: string;
  reference: ConversationRef;
  activityIds: string[];
}

export interface TeamsConversationStore {
  saveConversation(conversation: StoredConversation, at: Date): Promise<void>;
  getConversation(tenantId: string, conversationId: string): Promise<StoredConversation | null>;
  /**
   * Stores what is known of members. With `keepKnownConnection` (a roster read through someone else's activity),
   * a member's stored service URL and bot id stay as their own activities left them.
   */
  saveMembers(members: TeamsMemberUpdate[], at: Date, options?: { keepKnownConnection?: boolean }): Promise<void>;
  getMembers(tenantId: string, memberIds: readonly string[]): Promise<TeamsMember[]>;
  saveRoundCards(cards: RoundCards, at: Date): Promise<void>;
  getRoundCards(tenantId: string, roundId: string): Promise<RoundCards | null>;
}
