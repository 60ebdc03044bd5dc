/** A member's data in Teams, through Bot Framework activities to /api/messages: erasure with a confirmation card, access in the personal chat. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/app/actor.js';
import { answer } from '../../support/answers.js';
import { closeRound, openRound } from '../../../src/app/rounds.js';
import type { Round } from '../../../src/domain/round.js';
import { verbs } from '../../../src/platforms/teams/ids.js';
import { cardOf, cardText } from './support/fake-connector.js';
import { execute, invokeResult, members, message, startTeamsHarness, TEAM_ID, TENANT_ID, type TeamsHarness } from './support/harness.js';
import { noSummaryPost } from '../../support/app-context.js';

const idOf = (account: { aadObjectId: string }) => account.aadObjectId;
const member = (userId: string): Actor => ({ tenantId: TENANT_ID, userId, isAdmin: false });

describe('Teams: a member’s own data', () => {
  let h: TeamsHarness;
  let open: Round;
  let closed: Round;

  beforeAll(async () => {
    h = await startTeamsHarness();
    const rounds: Round[] = [];
    for (const anonymous of [true, false]) {
      const round = await openRound(h.ctx, member(idOf(members.an)), {
        place: { platform: 'teams', tenantId: TENANT_ID, channelId: TEAM_ID },
        frameworkId: 'team-health',
        criterionIds: ['go-clear'],
        participants: [members.an, members.bram, members.chloe].map(idOf),
        anonymous,
        locale: 'en',
      });
      for (const [account, value] of [
        [members.an, 3],
        [members.bram, 1],
        [members.chloe, 5],
      ] as const) {
        await answer(h.ctx, member(idOf(account)), {
          roundId: round.id,
          criterionId: 'go-clear',
          value,
          comment: `${account.name}`,
        });
      }
      rounds.push(round);
    }
    [closed, open] = rounds as [Round, Round];
    await closeRound(h.ctx, member(idOf(members.an)), closed.id, noSummaryPost);
  });

  afterAll(async () => h?.close());

  it('sends the question privately from a channel; “keep” keeps, “erase” erases the member’s answers everywhere', async () => {
    h.connector.clear();
    expect((await h.post(message(h.connector, members.bram, 'forget me', { thread: 't-forget' }))).status).toBe(200);
    const personal = h.connector.sent().filter((c) => c.conversationId?.startsWith('a:personal-'));
    expect(personal).toHaveLength(1);
    expect(personal[0]!.cardText).toContain('Spiegel stores 2 answers of yours in this workspace (2 rounds)');
    expect(JSON.stringify(cardOf(personal[0]!.body))).toContain(verbs.forgetConfirm);
    expect(h.connector.sent(`${TEAM_ID};messageid=t-forget`)[0]!.cardText).toContain('personal chat');

    const kept = invokeResult((await h.post(execute(h.connector, members.bram, verbs.forgetKeep, {}, { kind: 'personal' }))).body);
    expect(cardText(kept.card)).toBe('Nothing was erased.');
    expect(await h.ctx.stores.responses.listForRound(TENANT_ID, open.id)).toHaveLength(3);

    const erased = invokeResult((await h.post(execute(h.connector, members.bram, verbs.forgetConfirm, {}, { kind: 'personal' }))).body);
    expect(cardText(erased.card)).toBe('Erased: 2 answers in 2 rounds. Summaries recomputed: 1.');
    for (const round of [open, closed]) {
      const left = await h.ctx.stores.responses.listForRound(TENANT_ID, round.id);
      expect(left.map((r) => r.comment).sort()).toEqual(['An Peeters', 'Chloé Dubois']);
    }
    const summary = await h.ctx.stores.summaries.get(TENANT_ID, closed.id);
    expect(summary).toMatchObject({ respondents: 2, updatedAfterErasure: true });
  });

  it('understands Dutch in the personal chat and says when nothing is stored', async () => {
    h.connector.clear();
    await h.post(message(h.connector, members.outsider, 'vergeet mij', { kind: 'personal', locale: 'nl-BE' }));
    expect(h.connector.sent()[0]!.cardText).toBe('Spiegel bewaart in deze werkruimte geen antwoorden van jou: er is niets te wissen.');
  });

  it('sends a member their stored answers in the personal chat, from a channel too', async () => {
    h.connector.clear();
    await h.post(message(h.connector, members.chloe, 'my data', { thread: 't-data' }));
    const personal = h.connector.sent().filter((c) => c.conversationId?.startsWith('a:personal-'));
    expect(personal).toHaveLength(1);
    const text = personal[0]!.cardText;
    expect(text).toContain('Spiegel stores 2 answers of yours in this workspace, in 2 rounds:');
    expect(text.match(/5 · Strongly agree — “Chloé Dubois”/g)).toHaveLength(2);
    expect(text).toContain('anonymous rounds');
    expect(h.connector.sent(`${TEAM_ID};messageid=t-data`)[0]!.cardText).toBe('I sent you your answers in our personal chat.');

    h.connector.clear();
    await h.post(message(h.connector, members.bram, 'mijn gegevens', { kind: 'personal', locale: 'nl-BE' }));
    expect(h.connector.sent()[0]!.cardText).toBe('Spiegel bewaart in deze werkruimte geen antwoorden van jou.');
  });
});
