/**
 * A Delphi follow-up through the real Teams endpoint: the summary card's button (coordinators only), each member's
 * briefing in their personal chat, answering again on the card with a reason, and the follow-up's summary with
 * its convergence; the `followup` command and its refusals; help.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRound } from '../../../src/app/rounds.js';
import { saveAnswers } from '../../../src/app/save-answers.js';
import type { Round } from '../../../src/domain/round.js';
import { verbs } from '../../../src/platforms/teams/ids.js';
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
let origin: Round;
let followUp: Round;
const coordinator = members.an;
const everyone = [members.an, members.bram, members.chloe];
const actorOf = (m: (typeof members)['an']) => ({ tenantId: TENANT_ID, userId: m.aadObjectId, isAdmin: false });

async function say(from: (typeof members)['an'], text: string): Promise<string> {
  h.connector.clear();
  expect((await h.post(message(h.connector, from, text))).status).toBe(200);
  return h.connector
    .sent()
    .map((c) => c.cardText)
    .join('\n');
}
const personal = (m: (typeof members)['an']) =>
  h.connector
    .sent()
    .filter((c) => c.conversationId?.startsWith(`a:personal-${m.id}`))
    .map((c) => c.cardText)
    .join('\n');

beforeAll(async () => {
  h = await startTeamsHarness();
  for (const m of everyone) await say(m, 'help');
  origin = await openRound(h.ctx, actorOf(coordinator), {
    place: { platform: 'teams', tenantId: TENANT_ID, channelId: TEAM_ID },
    frameworkId: 'team-health',
    criterionIds: ['go-clear', 'go-contribution'],
    participants: everyone.map((m) => m.aadObjectId),
    anonymous: true,
    locale: 'en',
    settings: { anonymityThreshold: 3 },
  });
  const clear = [1, 5, 5];
  for (const [i, m] of everyone.entries()) {
    const answers = [
      { criterionId: 'go-clear', value: clear[i]!, ...(i === 0 ? { comment: 'Nobody explained the plan' } : {}) },
      { criterionId: 'go-contribution', value: 4 },
    ];
    expect((await saveAnswers(h.ctx, actorOf(m), { roundId: origin.id, answers })).ok).toBe(true);
  }
});
afterAll(async () => h?.close());

describe('Teams: Delphi follow-ups', () => {
  it('offers a follow-up on the summary card; only coordinators start it', async () => {
    expect(await say(coordinator, `close ${origin.id}`)).toContain('Start a follow-up (Delphi)');
    const refused = await h.post(execute(h.connector, members.bram, verbs.followUp, { r: origin.id }));
    expect(invokeResult(refused.body).message).toBe('Only the coordinators of this round can do that.');
  });

  it('briefs each member in their personal chat with the group’s answers and their own earlier answer', async () => {
    h.connector.clear();
    const started = await h.post(execute(h.connector, coordinator, verbs.followUp, { r: origin.id }));
    expect(invokeResult(started.body).message).toMatch(/^Follow-up 1 of 2 started: “.* · Delphi 1”, 1 items, closes /);
    const [open] = await h.ctx.stores.rounds.list(TENANT_ID, { state: 'open', limit: 1 });
    followUp = open!;
    expect(followUp.followUp).toMatchObject({ previousRoundId: origin.id, iteration: 1 });
    const bram = personal(members.bram);
    expect(bram).toContain('Group (3 answers): 1: 1 · 2: 0 · 3: 0 · 4: 0 · 5: 2 · median 5 · IQR 2');
    expect(bram).toContain('Comments: “Nobody explained the plan”');
    expect(bram).toContain('Your answer: 5 · Strongly agree');
    expect(personal(members.an)).toContain('Your answer: 1 · Strongly disagree');
  });

  it('takes the new ratings with a reason on the card, then reports convergence in the summary', async () => {
    const ratings = ['4', '4', '5'];
    for (const [i, m] of everyone.entries()) {
      const data = { ...saveData(followUp), 'rate|go-clear|rating': ratings[i], 'comment|go-clear': i === 1 ? 'Now I see the plan' : '' };
      const saved = await h.post(execute(h.connector, m, verbs.answer, data, { kind: 'personal' }));
      expect(saved.status).toBe(200);
    }
    expect((await h.ctx.stores.responses.listForRound(TENANT_ID, followUp.id)).map((r) => r.comment).filter(Boolean)).toEqual([
      'Now I see the plan',
    ]);
    // Before 1 5 5: IQR 5 − 3 = 2, s² = 10.67/2 → rwg 0. After 4 4 5: IQR 4.5 − 4 = 0.5, s² = 1/3 → rwg 0.83; an and bram moved.
    const summary = await say(coordinator, 'close');
    expect(summary).toContain('Delphi follow-up 1 of 2: convergence per item (previous step → this one)');
    expect(summary).toContain(
      'I know what our team wants to achieve in the coming months: IQR 2 → 0.5 · rwg 0 → 0.83 · 2 of 3 members moved (67%)',
    );
    expect(summary).toContain('No item is divergent or polarised any more: the sequence can stop here.');
    expect(summary).not.toContain('Start a follow-up (Delphi)');
  });

  it('answers the followup command with the reason it cannot start, and lists it in help', async () => {
    expect(await say(coordinator, 'followup')).toContain('No item of that round was classed divergent or polarised');
    expect(await say(coordinator, `vervolg ${origin.id}`)).toContain('That round was followed up already');
    expect(await say(members.bram, `followup ${origin.id} max 3`)).toContain('Only the coordinators of this round can do that.');
    expect(await say(coordinator, 'help')).toContain('followup [ROUND-ID] [max N] [days N] [CRITERION …]');
  });
});
