/** An anonymous round needs at least k participants: the Slack start form refuses fewer, clearly, and stores nothing. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOT_USER_ID } from './support/fake-slack.js';
import { startHarness, type Harness } from './support/harness.js';
import { viewSubmissionPayload } from './support/requests.js';

const option = (value: string) => ({ text: { type: 'plain_text', text: value }, value });

function anonymousForm(participants: string[], language: 'en' | 'nl') {
  return {
    framework: { 'spiegel.start.framework': { type: 'static_select', selected_option: option('team-health') } },
    participants: { value: { type: 'multi_users_select', selected_users: participants } },
    options: { value: { type: 'checkboxes', selected_options: [option('anonymous')] } },
    language: { value: { type: 'static_select', selected_option: option(language) } },
  };
}

describe('Slack: anonymous rounds need at least k participants', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    h.fake.users = { UCOORD: { locale: 'en-GB' }, UANN: { locale: 'nl-BE' } };
  });
  afterAll(async () => h?.close());

  const submit = (userId: string, channelId: string, responseUrlId: string, values: Record<string, Record<string, unknown>>) =>
    h.interact(
      viewSubmissionPayload({
        teamId: 'T1',
        userId,
        callbackId: 'spiegel.start',
        privateMetadata: JSON.stringify({ channelId, responseUrl: h.fake.responseUrl(responseUrlId), timeZone: 'UTC' }),
        values,
      }),
    );

  it('shows the refusal next to the participants when fewer are chosen, in the coordinator’s language', async () => {
    h.fake.channelMembers.CFEW = ['UCOORD', 'UANN', 'UBOB', BOT_USER_ID];
    const en = await submit('UCOORD', 'CFEW', 'few-en', anonymousForm(['UANN', 'UBOB'], 'en'));
    expect(en.json()).toEqual({
      response_action: 'errors',
      errors: {
        participants:
          'An anonymous round needs at least 3 participants, so that no answer can be traced to a person; this one has 2. Add participants or make the round named.',
      },
    });
    const nl = await submit('UANN', 'CFEW', 'few-nl', anonymousForm(['UANN'], 'nl'));
    expect(JSON.stringify(nl.json())).toContain('Een anonieme ronde heeft minstens 3 deelnemers nodig');
    expect(await h.ctx.stores.rounds.list('slack:T1', { channelId: 'CFEW' })).toHaveLength(0);
  });

  it('takes k from the form: below 3 refused beside it for an anonymous round; 4 with four participants opens the round with k = 4', async () => {
    h.fake.channelMembers.CKAY = ['UCOORD', 'UANN', 'UBOB', 'UCAT', BOT_USER_ID];
    const withK = (k: string, participants: string[]) => ({
      ...anonymousForm(participants, 'en'),
      k: { value: { type: 'number_input', value: k } },
    });
    const low = await submit('UCOORD', 'CKAY', 'k-low', withK('2', ['UANN', 'UBOB', 'UCAT']));
    expect(Object.keys((low.json() as { errors: Record<string, string> }).errors)).toEqual(['k']);
    const tooFew = await submit('UCOORD', 'CKAY', 'k-few', withK('4', ['UANN', 'UBOB', 'UCAT']));
    expect((tooFew.json() as { errors: Record<string, string> }).errors.participants).toContain('at least 4 participants');
    const ok = await submit('UCOORD', 'CKAY', 'k-ok', withK('4', ['UANN', 'UBOB', 'UCAT', 'UCOORD']));
    expect(ok.status).toBe(200);
    await h.fake.waitFor(() => h.fake.of('chat.postMessage').find((c) => c.body.channel === 'CKAY'));
    const [round] = await h.ctx.stores.rounds.list('slack:T1', { channelId: 'CKAY' });
    expect(round?.settings.anonymityThreshold).toBe(4);
  });

  it('refuses a channel with fewer members than k when the whole channel takes part', async () => {
    h.fake.channelMembers.CSMALL = ['UCOORD', 'UANN', BOT_USER_ID];
    const reply = await submit('UCOORD', 'CSMALL', 'small', anonymousForm([], 'en'));
    expect(reply.status).toBe(200);
    const answer = await h.fake.waitFor(() => h.fake.responses('small').at(-1));
    expect(String(answer.body.text)).toContain('An anonymous round needs at least 3 participants');
    expect(await h.ctx.stores.rounds.list('slack:T1', { channelId: 'CSMALL' })).toHaveLength(0);
  });
});
