/**
 * Open questions in Slack: the answers form asks them beside the criteria, prefilled on revision, through the one
 * answers use case (all or nothing, the length limit, a missing input keeps the answer, a cleared one removes it),
 * with every refusal beside its box; open answers never count as a rating.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRound } from '../../../src/app/rounds.js';
import { addFramework } from '../../../src/app/tenant-frameworks.js';
import type { Round } from '../../../src/domain/round.js';
import { actionIds, callbackIds, encodeFormTarget } from '../../../src/platforms/slack/ids.js';
import { OUR_FRAMEWORK_V1 } from '../../support/workspace-frameworks.js';
import { ADMIN, startHarness, type Harness } from './support/harness.js';
import { blockActionPayload, viewSubmissionPayload } from './support/requests.js';

interface FormBlock {
  block_id: string;
  label?: { text: string };
  element?: { initial_value?: string; initial_option?: { value: string } };
}

const select = (value: string) => ({
  rating: { type: 'static_select', selected_option: { text: { type: 'plain_text', text: value }, value } },
});
const text = (action: 'open' | 'comment', value: unknown) => ({ [action]: { type: 'plain_text_input', value } });

describe('Slack: open questions in the answers form', () => {
  let h: Harness;
  let round: Round;
  let n = 0;
  const tenantId = 'slack:T1';

  beforeAll(async () => {
    h = await startHarness();
    h.fake.users = { UBOB: { locale: 'en-GB' }, UANN: { locale: 'nl-BE' } };
    const admin = { tenantId, userId: ADMIN, isAdmin: true };
    await addFramework(h.ctx, admin, { name: 'our-intake.yaml', text: OUR_FRAMEWORK_V1 });
    round = await openRound(h.ctx, admin, {
      place: { platform: 'slack', tenantId, channelId: 'COPEN' },
      frameworkId: 'our-intake',
      participants: ['UBOB', 'UANN'],
      locale: 'en',
    });
  });
  afterAll(async () => h?.close());

  const target = () => encodeFormTarget({ roundId: round.id, componentId: 'intake', from: 0, to: 3 });

  async function openForm(userId: string): Promise<FormBlock[]> {
    const before = h.fake.of('views.open').length;
    const id = `open-${++n}`;
    const reply = await h.interact(
      blockActionPayload({
        teamId: 'T1',
        userId,
        channelId: 'COPEN',
        responseUrl: h.fake.responseUrl(id),
        actionId: actionIds.form,
        blockId: 'form',
        value: target(),
      }),
    );
    expect(reply.status).toBe(200);
    const open = await h.fake.waitFor(() => h.fake.of('views.open')[before]);
    return (open.body.view as { blocks: FormBlock[] }).blocks;
  }

  const submit = (userId: string, values: Record<string, Record<string, unknown>>) =>
    h.interact(viewSubmissionPayload({ teamId: 'T1', userId, callbackId: callbackIds.answers, privateMetadata: target(), values }));

  const openAnswers = async () =>
    (await h.ctx.stores.openAnswers.listForRound(tenantId, round.id)).map((a) => [a.respondent, a.questionId, a.text]).sort();

  it('asks the component’s question and the round’s question as text boxes after the criteria', async () => {
    const blocks = await openForm('UBOB');
    const ids = blocks.map((b) => b.block_id).filter(Boolean);
    expect(ids.slice(-2)).toEqual(['open|in-missing', 'open|best-moment']);
    expect(ids.indexOf('open|in-missing')).toBeGreaterThan(ids.indexOf('comment|in-paper'));
    expect(blocks.find((b) => b.block_id === 'open|in-missing')?.label?.text).toBe('What does our intake miss?');
    expect(blocks.find((b) => b.block_id === 'open|best-moment')?.element?.initial_value).toBeUndefined();
    expect(JSON.stringify(blocks)).toContain('Open questions');
  });

  it('stores open answers with the ratings through one save, and prefills them when the member revises', async () => {
    const reply = await submit('UBOB', {
      'rating|in-listen|rating': select('4'),
      'open|in-missing': text('open', '  More time to listen.  '),
      'open|best-moment': text('open', 'The first talk.'),
    });
    expect(JSON.stringify(reply.json())).toContain('Saved 3 answers');
    expect(await openAnswers()).toEqual([
      ['UBOB', 'best-moment', 'The first talk.'],
      ['UBOB', 'in-missing', 'More time to listen.'],
    ]);
    const blocks = await openForm('UBOB');
    expect(blocks.find((b) => b.block_id === 'open|in-missing')?.element?.initial_value).toBe('More time to listen.');
    expect(blocks.find((b) => b.block_id === 'open|best-moment')?.element?.initial_value).toBe('The first talk.');
  });

  it('keeps an answer whose box is missing, removes one the member cleared, and writes nothing unchanged', async () => {
    const cleared = await submit('UBOB', { 'open|in-missing': text('open', null) });
    expect(JSON.stringify(cleared.json())).toContain('Saved 1 answer');
    expect(await openAnswers()).toEqual([['UBOB', 'best-moment', 'The first talk.']]);
    const same = await submit('UBOB', { 'open|best-moment': text('open', 'The first talk.') });
    expect(JSON.stringify(same.json())).toContain('Nothing changed');
  });

  it('refuses an answer over the limit beside its box, and then stores nothing of the form', async () => {
    const reply = await submit('UBOB', {
      'rating|in-plan|rating': select('2'),
      'open|best-moment': text('open', 'x'.repeat(2500)),
    });
    expect(reply.json()).toEqual({
      response_action: 'errors',
      errors: { 'open|best-moment': 'Your answer has 2500 characters; the limit is 2000. Please shorten it: nothing was saved.' },
    });
    const ratings = await h.ctx.stores.responses.listForRespondent(tenantId, round.id, 'UBOB');
    expect(ratings.map((r) => r.criterionId)).toEqual(['in-listen']);
    expect(await openAnswers()).toEqual([['UBOB', 'best-moment', 'The first talk.']]);
  });

  it('refuses a question the round does not ask, and operators, lists and null in an open box, storing nothing', async () => {
    const unknown = await submit('UBOB', { 'open|not-asked': text('open', 'Hello') });
    expect(unknown.json()).toEqual({ response_action: 'errors', errors: { 'open|not-asked': 'That question is not part of this round.' } });
    for (const hostile of [{ $ne: null }, { $gt: '' }, ['a'], 42]) {
      for (const state of [text('open', hostile), { open: hostile }]) {
        const reply = await submit('UBOB', { 'rating|in-plan|rating': select('3'), 'open|best-moment': state });
        // Beside the box, or (a state that is no input at all) refused at the edge before anything is read.
        const answer = JSON.stringify(reply.json());
        expect(answer, JSON.stringify(state)).toMatch(
          /"response_action":"errors".*I did not understand that|I did not understand that request/,
        );
        expect(answer).not.toContain('Saved');
      }
    }
    expect((await h.ctx.stores.responses.listForRespondent(tenantId, round.id, 'UBOB')).map((r) => r.criterionId)).toEqual(['in-listen']);
    expect(await openAnswers()).toEqual([['UBOB', 'best-moment', 'The first talk.']]);
  });

  it('does not count an open answer alone as having answered', async () => {
    const reply = await submit('UANN', { 'open|best-moment': text('open', 'Het eerste gesprek.') });
    expect(JSON.stringify(reply.json())).toContain('1 antwoord bewaard');
    expect(await h.ctx.stores.participation.countAnswered(tenantId, round.id)).toBe(1);
  });
});
