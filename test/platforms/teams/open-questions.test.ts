/**
 * Open questions in Teams: the prompt card asks them beside the criteria, the member's view is prefilled with
 * their answers, and Save stores them through the one answers use case (all or nothing, the length limit, a box
 * Teams does not send keeps the answer unless it started with one); open answers never count as a rating.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRound } from '../../../src/app/rounds.js';
import { addFramework } from '../../../src/app/tenant-frameworks.js';
import type { Round } from '../../../src/domain/round.js';
import { verbs } from '../../../src/platforms/teams/ids.js';
import { OUR_FRAMEWORK_V1 } from '../../support/workspace-frameworks.js';
import { cardText } from './support/fake-connector.js';
import { execute, invokeResult, members, saveData, startTeamsHarness, TEAM_ID, TENANT_ID, type TeamsHarness } from './support/harness.js';

let h: TeamsHarness;
let round: Round;

beforeAll(async () => {
  h = await startTeamsHarness();
  const admin = { tenantId: TENANT_ID, userId: members.an.aadObjectId, isAdmin: true };
  await addFramework(h.ctx, admin, { name: 'our-intake.yaml', text: OUR_FRAMEWORK_V1 });
  round = await openRound(h.ctx, admin, {
    place: { platform: 'teams', tenantId: TENANT_ID, channelId: TEAM_ID },
    frameworkId: 'our-intake',
    participants: [members.bram.aadObjectId, members.chloe.aadObjectId],
    locale: 'en',
  });
});
afterAll(async () => h?.close());

/** Every input of a card, by id, with its value. */
function inputs(card: unknown): Map<string, unknown> {
  const found = new Map<string, unknown>();
  const walk = (node: unknown) => {
    if (Array.isArray(node)) {
      node.forEach(walk);
      return;
    }
    if (!node || typeof node !== 'object') return;
    const n = node as Record<string, unknown>;
    if (typeof n.type === 'string' && n.type.startsWith('Input.')) found.set(String(n.id), n.value);
    Object.values(n).forEach(walk);
  };
  walk(card);
  return found;
}

const saveButton = (card: Record<string, unknown>) => (card.actions as { data: Record<string, unknown> }[])[0]!.data;

async function save(from: (typeof members)['bram'], data: Record<string, unknown>) {
  const res = await h.post(execute(h.connector, from, verbs.answer, data));
  expect(res.status).toBe(200);
  return invokeResult(res.body).card!;
}

const openAnswers = async () =>
  (await h.ctx.stores.openAnswers.listForRound(TENANT_ID, round.id)).map((a) => [a.respondent, a.questionId, a.text]).sort();

describe('Teams: open questions on the prompt card', () => {
  it('asks the component’s and the round’s question after the criteria, and names them on Save', () => {
    const data = saveData(round);
    expect(data).toMatchObject({ c: ['in-listen', 'in-plan', 'in-paper'], q: ['in-missing', 'best-moment'] });
    expect(data.o).toBeUndefined();
  });

  it('stores open answers with the ratings in one Save, and shows them in the member’s own view', async () => {
    const card = await save(members.bram, {
      ...saveData(round),
      'rate|in-listen|rating': '4',
      'open|in-missing': 'More time to listen.',
      'open|best-moment': 'The first talk.',
    });
    expect(cardText(card)).toContain('Saved 3 answers.');
    expect(cardText(card)).toContain('Open questions');
    expect(inputs(card).get('open|in-missing')).toBe('More time to listen.');
    expect(saveButton(card)).toMatchObject({ o: ['in-missing', 'best-moment'] });
    expect(await openAnswers()).toEqual([
      [members.bram.aadObjectId, 'best-moment', 'The first talk.'],
      [members.bram.aadObjectId, 'in-missing', 'More time to listen.'],
    ]);
    expect(await h.ctx.stores.participation.countAnswered(TENANT_ID, round.id)).toBe(1);
  });

  it('keeps an answer the card does not send, unless its box started with it (then the member emptied it)', async () => {
    const shared = await save(members.bram, saveData(round));
    expect(cardText(shared)).toContain('Nothing changed');
    expect(await openAnswers()).toHaveLength(2);
    const own = { ...saveData(round), o: ['in-missing', 'best-moment'], 'open|best-moment': 'The first talk.' };
    const card = await save(members.bram, own);
    expect(cardText(card)).toContain('Saved 1 answer.');
    expect(await openAnswers()).toEqual([[members.bram.aadObjectId, 'best-moment', 'The first talk.']]);
  });

  it('refuses an answer over the limit beside its box, keeps what was typed, and stores nothing of the Save', async () => {
    const long = 'x'.repeat(2500);
    const card = await save(members.bram, { ...saveData(round), 'rate|in-plan|rating': '2', 'open|best-moment': long });
    expect(cardText(card)).toContain('Nothing was saved:');
    expect(cardText(card)).toContain('Which moment went best?: Your answer has 2500 characters; the limit is 2000.');
    const body = JSON.stringify(card);
    const box = body.indexOf('"id":"open|best-moment"');
    expect(body.indexOf('Your answer has 2500 characters', box)).toBeGreaterThan(box);
    expect(inputs(card).get('open|best-moment')).toBe(long);
    const ratings = await h.ctx.stores.responses.listForRespondent(TENANT_ID, round.id, members.bram.aadObjectId);
    expect(ratings.map((r) => r.criterionId)).toEqual(['in-listen']);
    expect(await openAnswers()).toEqual([[members.bram.aadObjectId, 'best-moment', 'The first talk.']]);
  });

  it('refuses a question the round does not ask', async () => {
    const card = await save(members.bram, { ...saveData(round), q: ['not-asked'], 'open|not-asked': 'Hello' });
    expect(cardText(card)).toContain('That question is not part of this round.');
    expect(await openAnswers()).toHaveLength(1);
  });

  it('does not count an open answer alone as having answered', async () => {
    const card = await save(members.chloe, { ...saveData(round), 'open|best-moment': 'Het eerste gesprek.' });
    expect(cardText(card)).toContain('Saved 1 answer.');
    expect(await h.ctx.stores.participation.countAnswered(TENANT_ID, round.id)).toBe(1);
  });
});
