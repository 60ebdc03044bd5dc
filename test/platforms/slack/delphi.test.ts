/**
 * A Delphi follow-up through the real Slack endpoint: the summary's button (coordinators only), each member's
 * private briefing by DM, answering again through the answers form with a reason, and the follow-up's summary
 * with its convergence; `/reflect followup` and its refusals.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRound } from '../../../src/app/rounds.js';
import { saveAnswers } from '../../../src/app/save-answers.js';
import type { Round } from '../../../src/domain/round.js';
import { encodeFormTarget } from '../../../src/platforms/slack/ids.js';
import { blockActionPayload, viewSubmissionPayload } from './support/requests.js';
import { startHarness, type Harness } from './support/harness.js';

const TENANT = 'slack:T1';
const CHANNEL = 'CDELPHI';
const COORD = 'UCOORD';
const MEMBERS = ['UA', 'UB', 'UC', 'UD'];

describe('Slack: Delphi follow-ups', () => {
  let h: Harness;
  let origin: Round;
  let followUpId: string;

  const reply = async (userId: string, text: string, id: string) => {
    expect((await h.command({ text, userId, responseUrlId: id, channelId: CHANNEL })).status).toBe(200);
    return String((await h.fake.waitFor(() => h.fake.responses(id).at(-1))).body.text);
  };
  const postsIn = (channel: string) => h.fake.of('chat.postMessage').filter((c) => c.body.channel === channel);
  const channelText = () => JSON.stringify(postsIn(CHANNEL).map((c) => c.body.blocks));
  const clickFollowUp = async (userId: string, roundId: string, id: string) => {
    const payload = blockActionPayload({
      teamId: 'T1',
      userId,
      channelId: CHANNEL,
      responseUrl: h.fake.responseUrl(id),
      actionId: 'spiegel.follow-up',
      blockId: 'follow-up',
      value: roundId,
    });
    expect((await h.interact(payload)).status).toBe(200);
    return String((await h.fake.waitFor(() => h.fake.responses(id).at(-1), 15_000)).body.text);
  };

  beforeAll(async () => {
    h = await startHarness();
    h.fake.users = {
      [COORD]: { locale: 'en-GB' },
      UA: { locale: 'en-GB' },
      UB: { locale: 'nl-BE' },
      UC: { locale: 'en-GB' },
      UD: { locale: 'en-GB' },
    };
    origin = await openRound(
      h.ctx,
      { tenantId: TENANT, userId: COORD, isAdmin: false },
      {
        place: { platform: 'slack', tenantId: TENANT, channelId: CHANNEL },
        frameworkId: 'team-health',
        criterionIds: ['go-clear', 'go-contribution'],
        participants: MEMBERS,
        anonymous: true,
        locale: 'en',
        settings: { anonymityThreshold: 3 },
      },
    );
    const clear = [1, 1, 5, 5];
    for (const [i, userId] of MEMBERS.entries()) {
      const answers = [
        { criterionId: 'go-clear', value: clear[i]!, ...(userId === 'UA' ? { comment: 'Goals change every week' } : {}) },
        { criterionId: 'go-contribution', value: 4 },
      ];
      expect((await saveAnswers(h.ctx, { tenantId: TENANT, userId, isAdmin: false }, { roundId: origin.id, answers })).ok).toBe(true);
    }
  });
  afterAll(async () => h?.close());

  it('offers a follow-up on the summary of a round with polarised items; only coordinators start it', async () => {
    expect(await reply(COORD, `close ${origin.id}`, 'close-origin')).toContain('closed');
    await h.fake.waitFor(() => channelText().includes('spiegel.follow-up'));
    expect(channelText()).toContain('Start a follow-up (Delphi)');
    // Grouped by perspective and by component too: go-clear (organisation) 1 1 5 5, go-contribution (result) 4 4 4 4.
    expect(channelText()).toContain(
      '*Per perspective (all ratings pooled: median · class)*\\n• organisation: median 3 · polarised · n = 4\\n• result: median 4 · consensus · n = 4',
    );
    expect(channelText()).toContain('• Goals and direction: median 4 · polarised · n = 8');
    expect(await clickFollowUp('UA', origin.id, 'member-click')).toBe('Only the coordinators of this round can do that.');
    expect(postsIn('DUA')).toHaveLength(0);
  });

  it('briefs each member privately with the group’s answers, the comments and their own earlier answer', async () => {
    const text = await clickFollowUp(COORD, origin.id, 'coord-click');
    expect(text).toMatch(/^Follow-up 1 of 2 started: “.* · Delphi 1”, 1 items, closes /);
    const [followUp] = await h.ctx.stores.rounds.list(TENANT, { channelId: CHANNEL, state: 'open' });
    followUpId = followUp!.id;
    expect(followUp!.framework.criteria.map((c) => c.id)).toEqual(['go-clear']);
    const dm = (user: string) => JSON.stringify(postsIn(`D${user}`).at(-1)?.body.blocks);
    const ann = dm('UA');
    expect(ann).toContain('Group (4 answers): 1: 2 · 2: 0 · 3: 0 · 4: 0 · 5: 2 · median 3 · IQR 4');
    expect(ann).toContain('Comments: “Goals change every week”');
    expect(ann).toContain('Your answer: 1 · Strongly disagree');
    expect(ann).toContain(`"action_id":"spiegel.continue","value":"${followUpId}"`);
    const bob = dm('UB');
    expect(bob).toContain('Groep (4 antwoorden)');
    expect(bob).toContain('Jouw antwoord: 1 · Helemaal oneens');
    expect(dm('UC')).toContain('Your answer: 5 · Strongly agree');
    // Asking again finds the same follow-up and sends nothing twice.
    expect(await reply(COORD, `followup ${origin.id}`, 'again')).toMatch(/^That round was followed up already/);
    expect(postsIn('DUA')).toHaveLength(1);
  });

  it('takes the new ratings with a reason through the answers form, then reports convergence in the summary', async () => {
    const ratings: Record<string, string> = { UA: '2', UB: '3', UC: '4', UD: '4' };
    for (const userId of MEMBERS) {
      const values = {
        'rating|go-clear|rating': {
          rating: { type: 'static_select', selected_option: { text: { type: 'plain_text', text: 'x' }, value: ratings[userId]! } },
        },
        'comment|go-clear': { comment: { type: 'plain_text_input', value: userId === 'UC' ? 'The comments convinced me' : '' } },
      };
      const metadata = encodeFormTarget({ roundId: followUpId, componentId: 'goals', from: 0, to: 1 });
      const submitted = await h.interact(
        viewSubmissionPayload({ teamId: 'T1', userId, callbackId: 'spiegel.answers', privateMetadata: metadata, values }),
      );
      expect((submitted.json() as { response_action: string }).response_action).toBe('update');
    }
    expect(await reply(COORD, 'close', 'close-follow-up')).toContain('closed');
    // Before 1 1 5 5: IQR 4, s² = 16/3 → rwg 0. After 2 3 4 4: q1 2.75, q3 4 → IQR 1.25; s² = 2.75/3 → rwg 0.54; all four moved.
    await h.fake.waitFor(() => channelText().includes('convergence per item'));
    const summary = channelText();
    expect(summary).toContain('Delphi follow-up 1 of 2: convergence per item (previous step → this one)');
    expect(summary).toContain(
      'I know what our team wants to achieve in the coming months: IQR 4 → 1.25 · rwg 0 → 0.54 · 4 of 4 members moved (100%)',
    );
    expect(summary).toContain('No item is divergent or polarised any more: the sequence can stop here.');
    const reasons = (await h.ctx.stores.responses.listForRound(TENANT, followUpId)).map((r) => r.comment);
    expect(reasons.filter(Boolean)).toEqual(['The comments convinced me']);
  });

  it('refuses what cannot be followed up, with the reason', async () => {
    expect(await reply(COORD, 'followup', 'nothing-left')).toContain('No item of that round was classed divergent or polarised');
    expect(await reply(COORD, `followup ${origin.id} max 9`, 'bad-max')).toBe(
      'The most follow-ups must be a whole number from 1 to 5, not 9.',
    );
    expect(await reply(COORD, `followup ${origin.id} days soon`, 'bad-days')).toContain('I did not understand that');
    expect(await reply('UA', `vervolg ${origin.id}`, 'member-command')).toBe('Only the coordinators of this round can do that.');
  });

  it('lists the command in help, in both languages', async () => {
    // The help comes in as many messages as Slack's length limit needs; the line is in one of them.
    const help = async (userId: string, text: string, line: string) => {
      expect((await h.command({ text, userId, responseUrlId: text, channelId: CHANNEL })).status).toBe(200);
      return String((await h.fake.waitFor(() => h.fake.responses(text).find((r) => String(r.body.text).includes(line)))).body.text);
    };
    expect(await help(COORD, 'help', '/reflect followup')).toContain('`/reflect followup [ROUND-ID] [max N] [days N] [CRITERION …]`:');
    expect(await help('UB', 'hulp', '/reflect vervolg')).toContain('`/reflect vervolg [RONDE-ID] [max N] [dagen N] [CRITERIUM …]`:');
  });
});
