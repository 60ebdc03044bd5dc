/**
 * The Teams Notifier works from what is stored in MongoDB, so a restarted (or another) instance can post the
 * summary at the deadline, remind members in their personal chat (creating it through the connector when
 * needed) and announce recurring rounds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeRound, openRound } from '../../../src/app/rounds.js';
import { verbs } from '../../../src/platforms/teams/ids.js';
import { cardOf } from './support/fake-connector.js';
import { execute, members, message, saveData, startTeamsHarness, TEAM_ID, TENANT_ID, type TeamsHarness } from './support/harness.js';

let h: TeamsHarness;
const coordinator = { tenantId: TENANT_ID, userId: members.an.aadObjectId, isAdmin: false };

beforeAll(async () => {
  h = await startTeamsHarness();
  // The roster is read (and remembered) when An opens the form.
  await h.post(execute(h.connector, members.an, verbs.startFramework, { framework: 'team-health' }, { thread: 'hello' }));
});

/** Bram writes to the bot in Dutch from Amsterdam: what the bot knows of him follows his latest activity. */
async function bramSaysHello(): Promise<void> {
  await h.post(message(h.connector, members.bram, 'help', { thread: 'hello', locale: 'nl-NL', timezone: 'Europe/Amsterdam' }));
  for (let i = 0; i < 100; i++) {
    const [bram] = await h.store.getMembers(TENANT_ID, [members.bram.aadObjectId]);
    if (bram?.timeZone === 'Europe/Amsterdam') return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('Bram’s activity was not remembered');
}

afterAll(async () => {
  await h?.close();
});

async function openTeamsRound(criterionIds: string[] = ['go-clear']) {
  return openRound(h.ctx, coordinator, {
    place: { platform: 'teams', tenantId: TENANT_ID, channelId: TEAM_ID },
    frameworkId: 'team-health',
    criterionIds,
    participants: [members.an.aadObjectId, members.bram.aadObjectId, members.chloe.aadObjectId],
    locale: 'en',
  });
}

describe('Teams notifier', () => {
  it('posts the summary at the deadline from a restarted instance, in the round’s thread, and retires its cards', async () => {
    await h.post(
      execute(
        h.connector,
        members.an,
        verbs.startSubmit,
        { f: 'team-health', name: 'Deadline round', criteria: 'go-clear', language: 'en' },
        { thread: 't-deadline' },
      ),
    );
    const [round] = await h.ctx.stores.rounds.list(TENANT_ID, { channelId: TEAM_ID, state: 'open', limit: 1 });
    await h.post(
      execute(h.connector, members.bram, verbs.answer, { ...saveData(round!), 'rate|go-clear|rating': '3' }, { thread: 't-deadline' }),
    );
    // Closed here; its summary is posted by the notifier of a restarted instance below.
    const closed = await closeRound(h.ctx, { tenantId: TENANT_ID, userId: 'spiegel:scheduler', isAdmin: true }, round!.id, async () => {});

    const restarted = await h.restart();
    h.connector.clear();
    await restarted.notifier.postSummary(closed.round, closed.summary);
    const summary = h.connector.sent(`${TEAM_ID};messageid=t-deadline`);
    expect(summary).toHaveLength(1);
    expect(summary[0]!.cardText).toContain('Summary: Deadline round');
    expect(summary[0]!.cardText).toContain('Response rate: 1 of 3 (33%)');
    const cards = await h.store.getRoundCards(TENANT_ID, round!.id);
    expect(h.connector.updates().map((u) => u.activityId)).toEqual(cards!.activityIds);
    expect(h.connector.updates()[0]!.cardText).toContain('This round is closed.');
  });

  it('posts the summary as a new post in the channel when the round’s thread is gone', async () => {
    await h.post(
      execute(
        h.connector,
        members.an,
        verbs.startSubmit,
        { f: 'team-health', name: 'Lost thread', criteria: 'go-clear', language: 'en' },
        { thread: 't-lost' },
      ),
    );
    const [round] = await h.ctx.stores.rounds.list(TENANT_ID, { channelId: TEAM_ID, state: 'open', limit: 1 });
    h.connector.goneConversations.add(`${TEAM_ID};messageid=t-lost`);
    h.connector.clear();
    await closeRound(h.ctx, { tenantId: TENANT_ID, userId: 'spiegel:scheduler', isAdmin: true }, round!.id, (closed, summary) =>
      h.teams.notifier.postSummary(closed, summary),
    );
    expect(h.connector.sent(TEAM_ID).map((s) => s.cardText)).toEqual([expect.stringContaining('Summary: Lost thread')]);
  });

  it('reminds a member in a new personal chat, in their language, with their own cards; then reuses that chat', async () => {
    await bramSaysHello();
    const round = await openTeamsRound();
    h.connector.clear();
    await h.teams.notifier.sendReminder(round, members.bram.aadObjectId, {
      answered: 1,
      participants: 3,
      timeZone: 'Europe/Brussels',
      slot: '48h',
      deadline: null,
    });
    const create = h.connector.calls.filter((c) => c.path === '/v3/conversations');
    expect(create).toHaveLength(1);
    expect(create[0]!.body).toMatchObject({ members: [{ id: members.bram.id }], tenantId: expect.any(String) });
    const sent = h.connector.sent();
    expect(sent.map((s) => s.conversationId)).toEqual([sent[0]!.conversationId, sent[0]!.conversationId]);
    expect(sent[0]!.cardText).toContain('Herinnering: “');
    expect(sent[0]!.cardText).toContain('1 van 3');
    expect(sent[1]!.cardText).toContain('Ik weet wat ons team de komende maanden wil bereiken.');

    h.connector.clear();
    await h.teams.notifier.sendReminder(round, members.bram.aadObjectId, {
      answered: 1,
      participants: 3,
      timeZone: 'Europe/Brussels',
      slot: '48h',
      deadline: null,
    });
    expect(h.connector.calls.filter((c) => c.path === '/v3/conversations')).toHaveLength(0);
    expect(h.connector.sent()[0]!.conversationId).toBe(sent[0]!.conversationId);
  });

  it('creates a new personal chat when the stored one is gone', async () => {
    const round = await openTeamsRound();
    const [bram] = await h.store.getMembers(TENANT_ID, [members.bram.aadObjectId]);
    h.connector.goneConversations.add(bram!.personalConversationId!);
    h.connector.clear();
    await h.teams.notifier.sendReminder(round, members.bram.aadObjectId, {
      answered: 0,
      participants: 3,
      timeZone: 'Europe/Brussels',
      slot: '48h',
      deadline: null,
    });
    expect(h.connector.calls.filter((c) => c.path === '/v3/conversations')).toHaveLength(1);
    const [after] = await h.store.getMembers(TENANT_ID, [members.bram.aadObjectId]);
    expect(after!.personalConversationId).not.toBe(bram!.personalConversationId);
    expect(h.connector.sent(after!.personalConversationId!)).toHaveLength(2);
  });

  it('refuses to remind a member it has never met (the scheduler records the failure)', async () => {
    const round = await openTeamsRound();
    await expect(
      h.teams.notifier.sendReminder(round, 'never-seen', {
        answered: 0,
        participants: 3,
        timeZone: 'Europe/Brussels',
        slot: '48h',
        deadline: null,
      }),
    ).rejects.toThrow(/unknown/);
  });

  it('knows a member’s time zone from their activities', async () => {
    await bramSaysHello();
    const round = await openTeamsRound();
    expect(await h.teams.notifier.memberTimeZone(round, members.bram.aadObjectId)).toBe('Europe/Amsterdam');
    expect(await h.teams.notifier.memberTimeZone(round, 'never-seen')).toBeNull();
  });

  it('announces a recurring round as a new thread in its channel, the other cards replying in it', async () => {
    const round = await openTeamsRound([]);
    h.connector.clear();
    await h.teams.notifier.announceRound(round);
    const sent = h.connector.sent();
    expect(sent.length).toBeGreaterThan(1);
    expect(sent[0]!.conversationId).toBe(TEAM_ID);
    const threadId = `${TEAM_ID};messageid=${String((await h.store.getRoundCards(TENANT_ID, round.id))!.activityIds[0])}`;
    expect(sent.slice(1).every((s) => s.conversationId === threadId)).toBe(true);
    expect(JSON.stringify(cardOf(sent[0]!.body))).toContain('0 of 3 answered');
  });
});
