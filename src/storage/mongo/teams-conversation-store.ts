/**
 * The Teams adapter's storage (src/app/teams-conversation-ports.ts): conversation references, members and the
 * round cards, one document per natural key (`<tenant>|<id>`), so every lookup is by `_id` and needs no index.
 * Writes are upserts by `_id`; two first writes racing on one key (E11000 on FerretDB) become a plain update.
 */
import type { Collection, Db, UpdateFilter } from 'mongodb';
import { z } from 'zod';
import type {
  ConversationRef,
  RoundCards,
  StoredConversation,
  TeamsConversationStore,
  TeamsMember,
  TeamsMemberUpdate,
} from '../../app/teams-conversation-ports.js';
import { isDuplicateKey } from './errors.js';

const referenceSchema: z.ZodType<ConversationRef> = z.object({
  serviceUrl: z.string(),
  channelId: z.string(),
  bot: z.object({ id: z.string(), name: z.string().optional() }),
  conversation: z.object({
    id: z.string(),
    tenantId: z.string().optional(),
    conversationType: z.string().optional(),
    isGroup: z.boolean().optional(),
  }),
});

const conversationSchema = z.object({
  tenantId: z.string(),
  conversationId: z.string(),
  kind: z.enum(['channel', 'groupChat', 'personal']),
  reference: referenceSchema,
});

const memberSchema = z.object({
  tenantId: z.string(),
  memberId: z.string(),
  teamsId: z.string(),
  name: z.string().nullable().default(null),
  serviceUrl: z.string(),
  botId: z.string(),
  timeZone: z.string().nullable().default(null),
  locale: z.string().nullable().default(null),
  personalConversationId: z.string().nullable().default(null),
});

const roundCardsSchema = z.object({
  tenantId: z.string(),
  roundId: z.string(),
  reference: referenceSchema,
  activityIds: z.array(z.string()),
});

interface Doc {
  _id: string;
  updatedAt: Date;
  [field: string]: unknown;
}

const key = (tenantId: string, id: string) => `${tenantId}|${id}`;

/** Drops undefined fields (absent = keep) and any accidental `_id`. */
function definedFields(value: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([name, v]) => v !== undefined && name !== '_id'));
}

export class MongoTeamsConversationStore implements TeamsConversationStore {
  private readonly conversations: Collection<Doc>;
  private readonly members: Collection<Doc>;
  private readonly roundCards: Collection<Doc>;

  constructor(db: Db) {
    this.conversations = db.collection<Doc>('teams_conversations');
    this.members = db.collection<Doc>('teams_members');
    this.roundCards = db.collection<Doc>('teams_round_cards');
  }

  async saveConversation(conversation: StoredConversation, at: Date): Promise<void> {
    await upsert(this.conversations, key(conversation.tenantId, conversation.conversationId), { ...conversation, updatedAt: at });
  }

  async getConversation(tenantId: string, conversationId: string): Promise<StoredConversation | null> {
    const doc = await this.conversations.findOne({ _id: key(tenantId, conversationId) });
    const parsed = conversationSchema.safeParse(doc);
    return parsed.success && parsed.data.tenantId === tenantId ? parsed.data : null;
  }

  async saveMembers(members: TeamsMemberUpdate[], at: Date, options: { keepKnownConnection?: boolean } = {}): Promise<void> {
    for (const member of members) {
      const { serviceUrl, botId, ...rest } = member;
      const connection = { serviceUrl, botId };
      if (options.keepKnownConnection) {
        await upsert(this.members, key(member.tenantId, member.memberId), { ...definedFields(rest), updatedAt: at }, connection);
      } else {
        await upsert(this.members, key(member.tenantId, member.memberId), { ...definedFields(member), updatedAt: at });
      }
    }
  }

  async getMembers(tenantId: string, memberIds: readonly string[]): Promise<TeamsMember[]> {
    if (memberIds.length === 0) return [];
    const docs = await this.members.find({ _id: { $in: memberIds.map((id) => key(tenantId, id)) } }).toArray();
    return docs.flatMap((doc) => {
      const parsed = memberSchema.safeParse(doc);
      return parsed.success && parsed.data.tenantId === tenantId ? [parsed.data] : [];
    });
  }

  async saveRoundCards(cards: RoundCards, at: Date): Promise<void> {
    await upsert(this.roundCards, key(cards.tenantId, cards.roundId), { ...cards, updatedAt: at });
  }

  async getRoundCards(tenantId: string, roundId: string): Promise<RoundCards | null> {
    const doc = await this.roundCards.findOne({ _id: key(tenantId, roundId) });
    const parsed = roundCardsSchema.safeParse(doc);
    return parsed.success && parsed.data.tenantId === tenantId ? parsed.data : null;
  }
}

/** Sets `fields`; `onInsert` only when the document is new. On E11000 (a racing first write) the set is retried as an update. */
async function upsert(
  collection: Collection<Doc>,
  id: string,
  fields: Record<string, unknown>,
  onInsert?: Record<string, unknown>,
): Promise<void> {
  const set = { $set: definedFields(fields) } as UpdateFilter<Doc>;
  const update = onInsert ? ({ ...set, $setOnInsert: definedFields(onInsert) } as UpdateFilter<Doc>) : set;
  try {
    await collection.updateOne({ _id: id }, update, { upsert: true });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    await collection.updateOne({ _id: id }, set);
  }
}
