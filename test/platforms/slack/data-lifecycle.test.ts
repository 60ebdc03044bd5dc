/** A member's data in Slack, through signed requests to the real endpoint: access as a file, erasure with a confirmation. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/app/actor.js';
import { answer } from '../../support/answers.js';
import { closeRound, openRound } from '../../../src/app/rounds.js';
import type { Round } from '../../../src/domain/round.js';
import { actionIds } from '../../../src/platforms/slack/ids.js';
import { startHarness, type Harness } from './support/harness.js';
import { blockActionPayload } from './support/requests.js';
import { noSummaryPost } from '../../support/app-context.js';

const tenantId = 'slack:T1';
const coordinator: Actor = { tenantId, userId: 'UCOORD', isAdmin: false };
const member = (userId: string): Actor => ({ tenantId, userId, isAdmin: false });

describe('Slack: a member’s own data', () => {
  let h: Harness;
  let open: Round;
  let closed: Round;

  const lastResponse = (id: string) => h.fake.waitFor(() => h.fake.responses(id).at(-1));
  const click = (userId: string, actionId: string, responseUrlId: string) =>
    h.interact(
      blockActionPayload({
        teamId: 'T1',
        userId,
        channelId: 'CTEAM',
        responseUrl: h.fake.responseUrl(responseUrlId),
        actionId,
        blockId: 'forget-actions',
        value: actionId === actionIds.forgetConfirm ? 'erase' : 'keep',
      }),
    );

  beforeAll(async () => {
    h = await startHarness();
    h.fake.users = { UANN: { locale: 'nl-NL' }, UBOB: { locale: 'en-GB' }, UCAS: { locale: 'en-GB' } };
    const rounds: Round[] = [];
    for (const anonymous of [false, true]) {
      const round = await openRound(h.ctx, coordinator, {
        place: { platform: 'slack', tenantId, channelId: 'CTEAM' },
        frameworkId: 'team-health',
        criterionIds: ['go-clear', 'wl-means'],
        participants: ['UANN', 'UBOB', 'UCAS'],
        anonymous,
        locale: 'en',
      });
      for (const [userId, value] of [
        ['UANN', 2],
        ['UBOB', 4],
        ['UCAS', 5],
      ] as const) {
        await answer(h.ctx, member(userId), { roundId: round.id, criterionId: 'go-clear', value, comment: `${userId} says` });
      }
      rounds.push(round);
    }
    [open, closed] = rounds as [Round, Round];
    await closeRound(h.ctx, coordinator, closed.id, noSummaryPost);
  });

  afterAll(async () => h?.close());

  it('asks before erasing, keeps everything on “keep”, and erases everywhere on “erase”, in the member’s language', async () => {
    await h.command({ text: 'vergeet mij', userId: 'UANN', responseUrlId: 'ask-ann' });
    const question = (await lastResponse('ask-ann')).body;
    expect(question.response_type).toBe('ephemeral');
    expect(String(question.text)).toContain('Spiegel bewaart 2 antwoorden van jou in deze werkruimte (2 rondes)');
    expect(JSON.stringify(question.blocks)).toContain(actionIds.forgetConfirm);

    await click('UANN', actionIds.forgetKeep, 'keep-ann');
    expect((await lastResponse('keep-ann')).body).toMatchObject({ replace_original: true, text: 'Er is niets gewist.' });
    expect(await h.ctx.stores.responses.listForRound(tenantId, open.id)).toHaveLength(3);

    await click('UANN', actionIds.forgetConfirm, 'erase-ann');
    expect((await lastResponse('erase-ann')).body).toMatchObject({
      replace_original: true,
      text: 'Gewist: 2 antwoorden in 2 rondes. Herberekende samenvattingen: 1.',
    });
    for (const round of [open, closed]) expect(await h.ctx.stores.responses.listForRound(tenantId, round.id)).toHaveLength(2);
    expect((await h.ctx.stores.summaries.get(tenantId, closed.id))?.updatedAfterErasure).toBe(true);
  });

  it('erases only the clicking member’s own answers, and says when there is nothing to erase', async () => {
    await click('UBOB', actionIds.forgetConfirm, 'erase-bob');
    expect(String((await lastResponse('erase-bob')).body.text)).toBe('Erased: 2 answers in 2 rounds. Summaries recomputed: 1.');
    const left = await h.ctx.stores.responses.listForRound(tenantId, open.id);
    expect(left.map((r) => r.respondent)).toEqual(['UCAS']);

    await h.command({ text: 'forget-me', userId: 'UBOB', responseUrlId: 'ask-bob' });
    expect(String((await lastResponse('ask-bob')).body.text)).toBe(
      'Spiegel stores no answers of yours in this workspace: there is nothing to erase.',
    );
  });

  it('sends a member all their stored answers as a CSV file in their direct messages', async () => {
    h.fake.calls.length = 0;
    await h.command({ text: 'my data', userId: 'UCAS', responseUrlId: 'data-cas' });
    expect(String((await lastResponse('data-cas')).body.text)).toBe('I sent you a file with all your answers (2) in our direct messages.');
    expect(h.fake.of('conversations.open')[0]?.body).toMatchObject({ users: 'UCAS' });
    expect(h.fake.of('files.getUploadURLExternal')[0]?.body.filename).toMatch(/^spiegel-\d{4}-\d{2}-\d{2}\.csv$/);
    const upload = h.fake.of('upload')[0]!;
    const lines = String(upload.body.content).trim().split('\n');
    expect(lines[0]).toBe(
      'roundId,round,place,state,anonymous,openedAt,closedAt,component,criterionId,criterion,dimension,value,comment,openAnswer,answeredAt',
    );
    expect(lines).toHaveLength(3);
    expect(lines.filter((l) => l.includes('UCAS says') && l.includes(',5,'))).toHaveLength(2);
    expect(h.fake.of('files.completeUploadExternal')[0]?.body).toMatchObject({
      channel_id: 'DUCAS',
      files: [{ id: upload.body.fileId, title: 'Your answers in Spiegel' }],
    });
  });

  it('answers with a private message where the installation cannot upload files, and says when nothing is stored', async () => {
    h.fake.failWith.set('files.getUploadURLExternal', 'missing_scope');
    try {
      await h.command({ text: 'mijn-gegevens', userId: 'UCAS', responseUrlId: 'data-cas-message' });
      const text = String((await lastResponse('data-cas-message')).body.text);
      expect(text).toContain('Spiegel stores 2 answers of yours in this workspace, in 2 rounds:');
      expect(text).toContain('UCAS says');
      expect(text).toContain('anonymous rounds');
    } finally {
      h.fake.failWith.delete('files.getUploadURLExternal');
    }
    await h.command({ text: 'my-data', userId: 'UBOB', responseUrlId: 'data-bob' });
    expect(String((await lastResponse('data-bob')).body.text)).toBe('Spiegel stores no answers of yours in this workspace.');
  });
});
