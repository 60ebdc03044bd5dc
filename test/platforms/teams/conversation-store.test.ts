/** The Teams store on a real database: partial member updates, rosters that keep a member's own connection, tenants apart. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationRef } from '../../../src/app/teams-conversation-ports.js';
import { MongoTeamsConversationStore } from '../../../src/storage/mongo/teams-conversation-store.js';
import { openTestDatabase, type TestDatabase } from '../../support/database.js';

let db: TestDatabase;
let store: MongoTeamsConversationStore;
const at = new Date('2030-01-01T10:00:00Z');
const A = 'teams:tenant-a';
const B = 'teams:tenant-b';
const reference: ConversationRef = {
  serviceUrl: 'https://smba.example/emea/',
  channelId: 'msteams',
  bot: { id: '28:bot' },
  conversation: { id: '19:c@thread.tacv2' },
};

beforeAll(async () => {
  db = await openTestDatabase();
  store = new MongoTeamsConversationStore(db.db);
});

afterAll(async () => {
  await db?.close();
});

describe('Teams conversation store', () => {
  it('updates members field by field; a roster keeps the service URL a member’s own activity left', async () => {
    const own = { tenantId: A, memberId: 'aad-1', teamsId: '29:1', serviceUrl: 'https://own.example/', botId: '28:bot' };
    await store.saveMembers([{ ...own, name: 'Bram', timeZone: 'Europe/Amsterdam', locale: 'nl-NL' }], at);
    await store.saveMembers([{ ...own, personalConversationId: 'a:chat-1' }], at);
    await store.saveMembers(
      [
        { ...own, serviceUrl: 'https://someone-else.example/', name: 'Bram J.' },
        { tenantId: A, memberId: 'aad-2', teamsId: '29:2', serviceUrl: 'https://roster.example/', botId: '28:bot' },
      ],
      at,
      {
        keepKnownConnection: true,
      },
    );
    const members = await store.getMembers(A, ['aad-1', 'aad-2', 'aad-unknown']);
    expect(members.find((m) => m.memberId === 'aad-1')).toEqual({
      ...own,
      name: 'Bram J.',
      timeZone: 'Europe/Amsterdam',
      locale: 'nl-NL',
      personalConversationId: 'a:chat-1',
    });
    expect(members.find((m) => m.memberId === 'aad-2')).toMatchObject({
      serviceUrl: 'https://roster.example/',
      personalConversationId: null,
    });
  });

  it('never answers across tenants', async () => {
    await store.saveConversation({ tenantId: A, conversationId: '19:c@thread.tacv2', kind: 'channel', reference }, at);
    await store.saveRoundCards({ tenantId: A, roundId: 'r1', reference, activityIds: ['1', '2'] }, at);
    expect(await store.getConversation(A, '19:c@thread.tacv2')).toMatchObject({ kind: 'channel', reference });
    expect(await store.getConversation(B, '19:c@thread.tacv2')).toBeNull();
    expect(await store.getRoundCards(A, 'r1')).toMatchObject({ activityIds: ['1', '2'] });
    expect(await store.getRoundCards(B, 'r1')).toBeNull();
    expect(await store.getMembers(B, ['aad-1'])).toEqual([]);
  });
});
