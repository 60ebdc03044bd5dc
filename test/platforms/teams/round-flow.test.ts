/**
 * A round in a Teams channel through Bot Framework activities POSTed to /api/messages (local mode), with the
 * connector's calls captured: commands by @mention, the start form, answering and revising on the cards,
 * each member's own view, the shared card's progress, `mine` in the personal chat, closing and the summary.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verbs } from '../../../src/platforms/teams/ids.js';
import { cardOf, cardText } from './support/fake-connector.js';
import {
  execute,
  invokeResult,
  members,
  message,
  saveData,
  startTeamsHarness,
  TEAM_ID,
  TENANT_ID,
  type TeamsHarness,
} from './support/harness.js';

let h: TeamsHarness;

beforeAll(async () => {
  h = await startTeamsHarness();
});

afterAll(async () => {
  await h?.close();
});

/** Every ChoiceSet/Text input of a card, by id, with its value (none in a shared card). */
function inputs(card: Record<string, unknown>): Map<string, unknown> {
  const found = new Map<string, unknown>();
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const n = node as Record<string, unknown>;
    if (typeof n['type'] === 'string' && (n['type'] as string).startsWith('Input.')) found.set(String(n['id']), n['value']);
    Object.values(n).forEach(walk);
  };
  walk(card);
  return found;
}

async function startRound(thread: string, criteria = 'go-clear,go-contribution') {
  h.connector.clear();
  const res = await h.post(
    execute(
      h.connector,
      members.an,
      verbs.startSubmit,
      { f: 'team-health', name: 'Spring check', criteria, anonymous: 'false', language: 'en', target: '3' },
      { thread, replyToId: 'form-1' },
    ),
  );
  expect(res.status).toBe(200);
  const rounds = await h.ctx.stores.rounds.list(TENANT_ID, { channelId: TEAM_ID, state: 'open', limit: 1 });
  const round = rounds[0];
  if (!round) throw new Error('no round was opened');
  return { res, round };
}

describe('Teams round in a channel', () => {
  it('answers help, unknown verbs and frameworks in the thread, in the member’s language', async () => {
    h.connector.clear();
    expect((await h.post(message(h.connector, members.an, 'help', { thread: 't-help' }))).status).toBe(200);
    expect((await h.post(message(h.connector, members.an, 'bogus', { thread: 't-help' }))).status).toBe(200);
    expect((await h.post(message(h.connector, members.an, 'kaders', { thread: 't-help', locale: 'nl-BE' }))).status).toBe(200);
    const sent = h.connector.sent(`${TEAM_ID};messageid=t-help`);
    expect(sent).toHaveLength(3);
    expect(sent[0]!.cardText).toContain('**start**');
    expect(sent[1]!.cardText).toContain('I do not know “bogus”.');
    expect(sent[2]!.cardText).toContain('Kaders die je kunt gebruiken');
    expect(sent[2]!.cardText).toContain('Teamgezondheid');
  });

  it('offers the framework choice, then the form with the team’s members', async () => {
    h.connector.clear();
    await h.post(message(h.connector, members.an, 'start', { thread: 't-start' }));
    const [chooser] = h.connector.sent();
    expect(chooser!.cardText).toContain('Team health check');

    const res = await h.post(execute(h.connector, members.an, verbs.startFramework, { framework: 'team-health' }, { thread: 't-start' }));
    const { card } = invokeResult(res.body);
    const text = cardText(card);
    expect(text).toContain('Framework: **Team health check**');
    expect(text).toContain('Bram Janssens');
    expect(text).toContain('Europe/Brussels');
    expect(h.connector.calls.some((c) => c.path === `/v3/conversations/${TEAM_ID}/pagedmembers`)).toBe(true);
  });

  it('starts a round from the form: cards in the thread, the form replaced for everyone, members remembered', async () => {
    const { res, round } = await startRound('t-round');
    expect(round).toMatchObject({
      name: 'Spring check',
      participants: [members.an.aadObjectId, members.bram.aadObjectId, members.chloe.aadObjectId],
    });
    expect(round.place).toEqual({ platform: 'teams', tenantId: TENANT_ID, channelId: TEAM_ID });
    expect(round.framework.criteria.map((c) => c.id)).toEqual(['go-clear', 'go-contribution']);
    expect(cardText(invokeResult(res.body).card)).toContain('An Peeters started the round “Spring check” with 3 participants.');

    const posted = h.connector.sent(`${TEAM_ID};messageid=t-round`);
    expect(posted).toHaveLength(1);
    const shared = cardOf(posted[0]!.body);
    expect(cardText(shared)).toContain('0 of 3 answered');
    expect([...inputs(shared).values()].every((v) => v === undefined)).toBe(true);
    expect(shared['refresh']).toMatchObject({ userIds: expect.arrayContaining([members.an.id, members.bram.id, members.chloe.id]) });
    expect(h.connector.updates().map((u) => u.activityId)).toEqual(['form-1']);
    expect(await h.store.getRoundCards(TENANT_ID, round.id)).toMatchObject({ activityIds: [posted[0]!.body['id'] ?? expect.any(String)] });
  });

  it('stores a member’s answers, answers with their own view, and updates only the progress for everyone', async () => {
    const { round } = await startRound('t-answer');
    const cards = await h.store.getRoundCards(TENANT_ID, round.id);
    h.connector.clear();
    const save = await h.post(
      execute(
        h.connector,
        members.bram,
        verbs.answer,
        { ...saveData(round), 'rate|go-clear|rating': '4', 'comment|go-clear': 'Clear since spring.' },
        { thread: 't-answer' },
      ),
    );
    const { card } = invokeResult(save.body);
    expect(inputs(card!).get('rate|go-clear|rating')).toBe('4');
    expect(inputs(card!).get('comment|go-clear')).toBe('Clear since spring.');
    expect(cardText(card)).toContain('Saved 1 answer.');
    const stored = await h.ctx.stores.responses.listForRound(TENANT_ID, round.id);
    expect(stored).toMatchObject([
      { criterionId: 'go-clear', respondent: members.bram.aadObjectId, value: 4, comment: 'Clear since spring.' },
    ]);

    await h.connector.waitFor((calls) => calls.some((c) => c.method === 'PUT'));
    const [update] = h.connector.updates();
    expect(update!.activityId).toBe(cards!.activityIds[0]);
    expect(update!.cardText).toContain('1 of 3 answered');
    expect(update!.cardText).not.toContain('Clear since spring.');
    expect([...inputs(cardOf(update!.body)).values()].every((v) => v === undefined)).toBe(true);
  });

  it('lets a member revise, refuses a comment without a rating, and shows their view on refresh', async () => {
    const { round } = await startRound('t-revise');
    const answer = (data: Record<string, unknown>) =>
      h.post(execute(h.connector, members.chloe, verbs.answer, { ...saveData(round), ...data }, { thread: 't-revise' }));
    await answer({ 'rate|go-clear|rating': '2' });
    const revised = invokeResult((await answer({ 'rate|go-clear|rating': '5', 'comment|go-clear': 'Better now' })).body).card!;
    expect(inputs(revised).get('rate|go-clear|rating')).toBe('5');
    const refused = invokeResult(
      (await answer({ 'rate|go-clear|rating': '3', 'comment|go-clear': 'Better now', 'comment|go-contribution': 'No rating yet' })).body,
    ).card!;
    expect(cardText(refused)).toContain('Nothing was saved:');
    expect(cardText(refused)).not.toContain('Saved');
    // The refusal is shown beside the comment box it concerns, and what was typed is kept.
    const body = JSON.stringify(refused);
    const besideBox = body.indexOf('"id":"comment|go-contribution"');
    expect(body.indexOf('Choose a rating before you add a comment: nothing was saved.', besideBox)).toBeGreaterThan(besideBox);
    expect(inputs(refused).get('comment|go-contribution')).toBe('No rating yet');
    expect(inputs(refused).get('rate|go-clear|rating')).toBe('3');

    const stored = await h.ctx.stores.responses.listForRound(TENANT_ID, round.id);
    expect(stored).toMatchObject([{ criterionId: 'go-clear', value: 5, comment: 'Better now' }]);

    const refresh = invokeResult(
      (await h.post(execute(h.connector, members.chloe, verbs.refresh, { r: round.id, p: 0 }, { thread: 't-revise' }))).body,
    ).card!;
    expect(inputs(refresh).get('rate|go-clear|rating')).toBe('5');
    const unchanged = invokeResult((await answer({ 'rate|go-clear|rating': '5', 'comment|go-clear': 'Better now' })).body).card!;
    expect(cardText(unchanged)).toContain('Nothing changed');

    const othersView = invokeResult(
      (await h.post(execute(h.connector, members.outsider, verbs.refresh, { r: round.id, p: 0 }, { thread: 't-revise' }))).body,
    ).card!;
    expect([...inputs(othersView).values()].every((v) => v === undefined)).toBe(true);
  });

  it('sends `mine` to the personal chat (created through the connector) and says so in the channel', async () => {
    const { round } = await startRound('t-mine');
    await h.post(
      execute(h.connector, members.bram, verbs.answer, { ...saveData(round), 'rate|go-contribution|rating': 'na' }, { thread: 't-mine' }),
    );
    h.connector.clear();
    await h.post(message(h.connector, members.bram, 'mijn', { thread: 't-mine', locale: 'nl-BE' }));
    const create = h.connector.calls.find((c) => c.method === 'POST' && c.path === '/v3/conversations');
    expect(create?.body).toMatchObject({ isGroup: false, members: [{ id: members.bram.id }] });
    const personal = h.connector.sent().filter((c) => c.conversationId?.startsWith('a:personal-'));
    expect(personal.length).toBe(2);
    expect(personal[0]!.cardText).toContain('Je antwoorden in “Spring check”');
    expect(inputs(cardOf(personal[1]!.body)).get('rate|go-contribution|rating')).toBe('na');
    const note = h.connector.sent(`${TEAM_ID};messageid=t-mine`);
    expect(note[0]!.cardText).toContain('persoonlijke chat');
  });

  it('keeps interim results for coordinators, privately; closes once and posts the summary with the round', async () => {
    const { round } = await startRound('t-close');
    await h.post(
      execute(h.connector, members.an, verbs.answer, { ...saveData(round), 'rate|go-clear|rating': '4' }, { thread: 't-close' }),
    );
    await h.post(
      execute(
        h.connector,
        members.bram,
        verbs.answer,
        { ...saveData(round), 'rate|go-clear|rating': '2', 'comment|go-clear': 'Goals change every week' },
        { thread: 't-close' },
      ),
    );

    h.connector.clear();
    await h.post(message(h.connector, members.bram, 'summary', { thread: 'elsewhere' }));
    expect(h.connector.sent()[0]!.cardText).toContain('Only the coordinators of this round can do that.');
    await h.post(message(h.connector, members.bram, 'close', { thread: 'elsewhere' }));
    expect(h.connector.sent()[1]!.cardText).toContain('Only the coordinators of this round can do that.');

    h.connector.clear();
    await h.post(message(h.connector, members.an, 'summary', { thread: 'elsewhere' }));
    const interim = h.connector.sent().filter((c) => c.conversationId?.startsWith('a:personal-'));
    expect(interim[0]!.cardText).toContain('Interim results, visible to coordinators only.');
    expect(h.connector.sent(`${TEAM_ID};messageid=elsewhere`)[0]!.cardText).toContain('Interim results are for coordinators only');

    h.connector.clear();
    await h.post(message(h.connector, members.an, 'close', { thread: 'elsewhere' }));
    const summary = h.connector.sent(`${TEAM_ID};messageid=t-close`);
    expect(summary).toHaveLength(1);
    expect(summary[0]!.cardText).toContain('Summary: Spring check');
    expect(summary[0]!.cardText).toContain('Response rate: 2 of 3 (67%)');
    expect(h.connector.sent(`${TEAM_ID};messageid=elsewhere`)[0]!.cardText).toContain('is closed');
    expect(h.connector.updates().some((u) => u.cardText.includes('This round is closed.'))).toBe(true);

    h.connector.clear();
    await h.post(message(h.connector, members.an, `close ${round.id}`, { thread: 'elsewhere' }));
    expect(h.connector.sent()[0]!.cardText).toContain('was already closed');
    expect(h.connector.sent(`${TEAM_ID};messageid=t-close`)).toHaveLength(0);

    await h.post(message(h.connector, members.bram, `summary ${round.id}`, { thread: 'after' }));
    expect(h.connector.sent(`${TEAM_ID};messageid=after`)[0]!.cardText).toContain('Summary: Spring check');
  });

  it('lists the channel’s rounds with their progress, and a member’s rounds in the personal chat', async () => {
    h.connector.clear();
    await h.post(message(h.connector, members.chloe, 'list', { thread: 't-list' }));
    expect(h.connector.sent()[0]!.cardText).toContain('Spring check');
    await h.post(message(h.connector, members.chloe, 'status', { thread: 't-list' }));
    expect(h.connector.sent()[1]!.cardText).toMatch(/\*\*Spring check\*\* \(open\): \d of 3 answered/);
    await h.post(message(h.connector, members.outsider, 'list', { kind: 'personal' }));
    expect(h.connector.sent(`a:personal-${members.outsider.id}`)[0]!.cardText).toContain('You take part in no rounds');
  });
});
