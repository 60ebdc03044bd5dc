/** What members and coordinators get in edge cases, against the running app, the real database and a stand-in Slack. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/app/actor.js';
import { openRound } from '../../../src/app/rounds.js';
import { MAX_COMMENT_LENGTH, type Round } from '../../../src/domain/round.js';
import { encodeFormTarget, encodeRate } from '../../../src/platforms/slack/ids.js';
import { BOT_USER_ID } from './support/fake-slack.js';
import { ADMIN, SIGNING_SECRET, startHarness, type Harness } from './support/harness.js';
import { request } from 'node:http';
import { blockActionPayload, eventBody, form, interactionBody, signature, viewSubmissionPayload } from './support/requests.js';

const CHANNEL = 'CTEAM';
const coordinator: Actor = { tenantId: 'slack:T1', userId: 'UCOORD', isAdmin: false };

describe('Slack behaviour', () => {
  let h: Harness;
  let round: Round;

  const lastResponse = (id: string) => h.fake.waitFor(() => h.fake.responses(id).at(-1));
  const click = (args: { teamId?: string; userId: string; criterionId: string; value: string; responseUrlId: string; roundId?: string }) =>
    h.interact(
      blockActionPayload({
        teamId: args.teamId ?? 'T1',
        userId: args.userId,
        channelId: CHANNEL,
        responseUrl: h.fake.responseUrl(args.responseUrlId),
        actionId: `spiegel.rate:${args.value}`,
        blockId: `rate|${args.criterionId}|rating`,
        value: encodeRate({ roundId: args.roundId ?? round.id, criterionId: args.criterionId, dimension: 'rating', value: args.value }),
      }),
    );

  beforeAll(async () => {
    h = await startHarness();
    h.fake.users = {
      UCOORD: { locale: 'en-GB' },
      UANN: { locale: 'nl-NL' },
      UBOB: { locale: 'en-US' },
      UFRENCH: { locale: 'fr-FR' },
      [ADMIN]: { locale: 'en-GB' },
    };
  });

  beforeEach(async () => {
    round = await openRound(h.ctx, coordinator, {
      place: { platform: 'slack', tenantId: 'slack:T1', channelId: CHANNEL },
      frameworkId: 'team-health',
      criterionIds: ['go-clear', 'wl-means'],
      participants: ['UANN', 'UBOB', 'UFRENCH'],
      locale: 'en',
    });
  });

  afterAll(async () => {
    await h?.close();
  });

  it('refuses an action on another workspace’s round and stores nothing', async () => {
    const reply = await click({ teamId: 'T2', userId: 'UBOB', criterionId: 'go-clear', value: '4', responseUrlId: 'other-team' });
    expect(reply.status).toBe(200);
    expect(String((await lastResponse('other-team')).body.text)).toBe(
      'I cannot find that round. It may have been removed, or it belongs to another workspace.',
    );
    expect(await h.ctx.stores.responses.listForRound('slack:T1', round.id)).toHaveLength(0);
    expect(await h.ctx.stores.responses.listForRound('slack:T2', round.id)).toHaveLength(0);
  });

  it('acknowledges a click once its answer is stored, then confirms it privately', async () => {
    const reply = await click({ userId: 'UBOB', criterionId: 'go-clear', value: '2', responseUrlId: 'stored-first' });
    expect(reply.status).toBe(200);
    const stored = await h.ctx.stores.responses.listForRespondent('slack:T1', round.id, 'UBOB');
    expect(stored.map((r) => [r.criterionId, r.value])).toEqual([['go-clear', 2]]);
    expect(String((await lastResponse('stored-first')).body.text)).toMatch(/^Saved\. Your answer to .*: \*2 · Disagree\*/);
  });

  it('counts the click budget from the request’s arrival: a click whose body trickled in past it is stored, left unacknowledged and confirmed as saved after all', async () => {
    const body = interactionBody(
      blockActionPayload({
        teamId: 'T1',
        userId: 'UBOB',
        channelId: CHANNEL,
        responseUrl: h.fake.responseUrl('trickled'),
        actionId: 'spiegel.rate:3',
        blockId: 'rate|go-clear|rating',
        value: encodeRate({ roundId: round.id, criterionId: 'go-clear', dimension: 'rating', value: '3' }),
      }),
    );
    const timestamp = Math.floor(Date.now() / 1000);
    let answered: number | undefined;
    const req = request(`${h.baseUrl}/slack/events`, {
      method: 'POST',
      headers: {
        'content-type': form,
        'content-length': Buffer.byteLength(body),
        'x-slack-request-timestamp': String(timestamp),
        'x-slack-signature': signature(SIGNING_SECRET, timestamp, body),
      },
    });
    req.on('response', (res) => (answered = res.statusCode));
    req.on('error', () => {});
    req.write(body.slice(0, 10));
    await new Promise((resolve) => setTimeout(resolve, 1_700));
    req.end(body.slice(10));
    const confirmation = await lastResponse('trickled');
    expect(String(confirmation.body.text)).toMatch(/^Saved after all: Saved\. Your answer to .*: \*3 · /);
    expect(answered).toBeUndefined();
    req.destroy();
    const stored = await h.ctx.stores.responses.listForRespondent('slack:T1', round.id, 'UBOB');
    expect(stored.map((r) => [r.criterionId, r.value])).toEqual([['go-clear', 3]]);
  });

  it.each([
    ['a forged signature', { secret: 'not-the-signing-secret' }],
    ['a stamp six minutes old', { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 }],
    ['a stamp six minutes ahead', { timestamp: Math.floor(Date.now() / 1000) + 6 * 60 }],
  ])('refuses a rating click with %s with 401, storing and saying nothing', async (label, options) => {
    const id = `unsigned-${label.length}`;
    const payload = blockActionPayload({
      teamId: 'T1',
      userId: 'UBOB',
      channelId: CHANNEL,
      responseUrl: h.fake.responseUrl(id),
      actionId: 'spiegel.rate:4',
      blockId: 'rate|go-clear|rating',
      value: encodeRate({ roundId: round.id, criterionId: 'go-clear', dimension: 'rating', value: '4' }),
    });
    const reply = await h.post(interactionBody(payload), form, options);
    expect(reply.status).toBe(401);
    await new Promise((r) => setTimeout(r, 200));
    expect(h.fake.responses(id)).toHaveLength(0);
    expect(await h.ctx.stores.responses.listForRespondent('slack:T1', round.id, 'UBOB')).toEqual([]);
  });

  it('stores a click from an organisation-wide install (no team in the payload) through Bolt’s listener, as any other', async () => {
    const payload = blockActionPayload({
      teamId: 'T1',
      userId: 'UBOB',
      channelId: CHANNEL,
      responseUrl: h.fake.responseUrl('org-wide'),
      actionId: 'spiegel.rate:5',
      blockId: 'rate|wl-means|rating',
      value: encodeRate({ roundId: round.id, criterionId: 'wl-means', dimension: 'rating', value: '5' }),
    });
    const reply = await h.interact({ ...payload, team: null, enterprise: { id: 'E1', name: 'Org' }, is_enterprise_install: true });
    expect(reply.status).toBe(200);
    expect(String((await lastResponse('org-wide')).body.text)).toMatch(/^Saved\. Your answer to .*: \*5 · /);
    const stored = await h.ctx.stores.responses.listForRespondent('slack:T1', round.id, 'UBOB');
    expect(stored.map((r) => [r.criterionId, r.value])).toEqual([['wl-means', 5]]);
  });

  it('answers a click on a closed round clearly and stores nothing', async () => {
    await h.ctx.stores.rounds.end('slack:T1', round.id, 'closed', new Date());
    await click({ userId: 'UBOB', criterionId: 'go-clear', value: '4', responseUrlId: 'closed-click' });
    const answer = await lastResponse('closed-click');
    expect(answer.body).toMatchObject({
      response_type: 'ephemeral',
      text: 'This round is closed: answers can no longer be given or changed.',
    });
    expect(await h.ctx.stores.responses.listForRound('slack:T1', round.id)).toHaveLength(0);
    expect(await h.ctx.stores.participation.countAnswered('slack:T1', round.id)).toBe(0);
  });

  it('tells a member who is not a participant, and stores nothing', async () => {
    h.fake.users.UOUTSIDER = { locale: 'en-GB' };
    await click({ userId: 'UOUTSIDER', criterionId: 'go-clear', value: '4', responseUrlId: 'outsider' });
    expect(String((await lastResponse('outsider')).body.text)).toMatch(/not a participant/);
    expect(await h.ctx.stores.responses.listForRound('slack:T1', round.id)).toHaveLength(0);
  });

  it('refuses an oversized comment with the limit stated, and stores nothing', async () => {
    const long = 'x'.repeat(MAX_COMMENT_LENGTH + 500);
    const values = {
      'rating|go-clear|rating': {
        rating: { type: 'static_select', selected_option: { text: { type: 'plain_text', text: '4' }, value: '4' } },
      },
      'comment|go-clear': { comment: { type: 'plain_text_input', value: long } },
    };
    const metadata = encodeFormTarget({ roundId: round.id, componentId: 'goals', from: 0, to: 1 });
    const reply = await h.interact(
      viewSubmissionPayload({ teamId: 'T1', userId: 'UBOB', callbackId: 'spiegel.answers', privateMetadata: metadata, values }),
    );
    expect(reply.status).toBe(200);
    expect(reply.json()).toEqual({
      response_action: 'errors',
      errors: { 'comment|go-clear': 'Your comment has 2500 characters; the limit is 2000. Please shorten it: nothing was saved.' },
    });
    expect(await h.ctx.stores.responses.listForRound('slack:T1', round.id)).toHaveLength(0);
  });

  it('asks for a rating before a comment', async () => {
    const values = { 'comment|go-clear': { comment: { type: 'plain_text_input', value: 'Hmm' } } };
    const metadata = encodeFormTarget({ roundId: round.id, componentId: 'goals', from: 0, to: 1 });
    const reply = await h.interact(
      viewSubmissionPayload({ teamId: 'T1', userId: 'UANN', callbackId: 'spiegel.answers', privateMetadata: metadata, values }),
    );
    expect(reply.json()).toEqual({
      response_action: 'errors',
      errors: { 'comment|go-clear': 'Kies eerst een score voor je een opmerking toevoegt: er is niets bewaard.' },
    });
  });

  it('stores nothing of a form with one refused answer, and shows the refusal beside its input', async () => {
    const select = (value: string) => ({
      rating: { type: 'static_select', selected_option: { text: { type: 'plain_text', text: value }, value } },
    });
    const values = {
      'rating|go-clear|rating': select('3'),
      'comment|go-clear': { comment: { type: 'plain_text_input', value: 'Fine' } },
      'rating|wl-means|rating': select('9'),
      'comment|wl-means': { comment: { type: 'plain_text_input', value: null } },
    };
    const metadata = encodeFormTarget({ roundId: round.id, componentId: 'goals', from: 0, to: 1 });
    const reply = await h.interact(
      viewSubmissionPayload({ teamId: 'T1', userId: 'UBOB', callbackId: 'spiegel.answers', privateMetadata: metadata, values }),
    );
    expect(reply.json()).toEqual({
      response_action: 'errors',
      errors: { 'rating|wl-means|rating': 'A rating must be a whole number from 1 to 5, or “not applicable”.' },
    });
    expect(await h.ctx.stores.responses.listForRound('slack:T1', round.id)).toHaveLength(0);
    expect(await h.ctx.stores.participation.countAnswered('slack:T1', round.id)).toBe(0);
  });

  it('speaks the workspace language an admin chose to members whose Slack language it does not know', async () => {
    await h.interact(
      blockActionPayload({
        teamId: 'T1',
        userId: ADMIN,
        channelId: 'DHOME',
        responseUrl: h.fake.responseUrl('unused'),
        actionId: 'spiegel.workspace-locale',
        blockId: 'workspace-locale',
        value: '',
        selectedOption: { text: 'Nederlands', value: 'nl' },
        container: { type: 'view', view_id: 'VHOME' },
      }),
    );
    await h.fake.waitFor(() => h.fake.of('views.publish').find((c) => c.body.user_id === ADMIN));
    await click({ userId: 'UFRENCH', criterionId: 'wl-means', value: '3', responseUrlId: 'french' });
    expect(String((await lastResponse('french')).body.text)).toMatch(/^Bewaard\. Je antwoord op/);
    await click({ userId: 'UBOB', criterionId: 'wl-means', value: '3', responseUrlId: 'english' });
    expect(String((await lastResponse('english')).body.text)).toMatch(/^Saved\. Your answer to/);
  });

  it('queues reminders for those who have not answered, and sends them as direct messages', async () => {
    await click({ userId: 'UBOB', criterionId: 'go-clear', value: '4', responseUrlId: 'bob-first' });
    await lastResponse('bob-first');
    await h.command({ text: 'herinner', userId: 'UCOORD', channelId: CHANNEL, responseUrlId: 'remind' });
    expect(String((await lastResponse('remind')).body.text)).toMatch(/on their way to the 2 participants/);
    expect((await h.ctx.stores.jobs.list({ tenantId: 'slack:T1', roundId: round.id })).some((j) => j.slot?.startsWith('now-'))).toBe(true);

    await h.slack.notifier.sendReminder(round, 'UANN', {
      answered: 1,
      participants: 3,
      timeZone: 'Europe/Brussels',
      slot: '48h',
      deadline: null,
    });
    const dm = await h.fake.waitFor(() => h.fake.of('chat.postMessage').find((c) => c.body.channel === 'DUANN'));
    expect(h.fake.of('conversations.open').at(-1)?.body.users).toBe('UANN');
    expect(String(dm.body.text)).toMatch(/^Herinnering: “/);
    expect(JSON.stringify(dm.body.blocks)).toContain('spiegel.continue');
  });

  it('does not start a round in a channel the bot is not in', async () => {
    h.fake.channelMembers.CNOBOT = ['UCOORD', 'UANN'];
    const before = (await h.ctx.stores.rounds.list('slack:T1', { channelId: 'CNOBOT' })).length;
    const values = {
      framework: {
        'spiegel.start.framework': {
          type: 'static_select',
          selected_option: { text: { type: 'plain_text', text: 'x' }, value: 'team-health' },
        },
      },
      language: { value: { type: 'static_select', selected_option: { text: { type: 'plain_text', text: 'English' }, value: 'en' } } },
    };
    const metadata = JSON.stringify({ channelId: 'CNOBOT', responseUrl: h.fake.responseUrl('nobot'), timeZone: 'UTC' });
    const reply = await h.interact(
      viewSubmissionPayload({ teamId: 'T1', userId: 'UCOORD', callbackId: 'spiegel.start', privateMetadata: metadata, values }),
    );
    expect(reply.status).toBe(200);
    expect(String((await lastResponse('nobot')).body.text)).toBe(
      'I am not a member of <#CNOBOT>. Invite me with `/invite @Spiegel` and try again.',
    );
    expect(await h.ctx.stores.rounds.list('slack:T1', { channelId: 'CNOBOT' })).toHaveLength(before);
  });

  it('shows a past deadline next to its field, before anything is stored', async () => {
    h.fake.channelMembers.CPAST = ['UCOORD', BOT_USER_ID];
    const values = {
      framework: {
        'spiegel.start.framework': {
          type: 'static_select',
          selected_option: { text: { type: 'plain_text', text: 'x' }, value: 'team-health' },
        },
      },
      deadline_date: { value: { type: 'datepicker', selected_date: '2020-01-01' } },
      language: { value: { type: 'static_select', selected_option: { text: { type: 'plain_text', text: 'English' }, value: 'en' } } },
    };
    const metadata = JSON.stringify({ channelId: 'CPAST', responseUrl: h.fake.responseUrl('past'), timeZone: 'UTC' });
    const reply = await h.interact(
      viewSubmissionPayload({ teamId: 'T1', userId: 'UCOORD', callbackId: 'spiegel.start', privateMetadata: metadata, values }),
    );
    expect(reply.json()).toEqual({ response_action: 'errors', errors: { deadline_date: 'The deadline must lie in the future.' } });
    expect(await h.ctx.stores.rounds.list('slack:T1', { channelId: 'CPAST' })).toHaveLength(0);
  });

  it('shows members their open rounds on the App Home, coordinators the rounds they run', async () => {
    const body = eventBody({
      teamId: 'T1',
      eventId: `Ev${round.id}`,
      event: { type: 'app_home_opened', user: 'UCOORD', channel: 'DHOME', tab: 'home', event_ts: '1.2' },
    });
    await h.post(body, 'application/json');
    const published = await h.fake.waitFor(() => h.fake.of('views.publish').find((c) => c.body.user_id === 'UCOORD'));
    const view = JSON.stringify(published.body.view);
    expect(view).toContain('Rounds you coordinate');
    expect(view).toContain(round.name);
  });

  it('continues where a member left off, and shows their own answers', async () => {
    await click({ userId: 'UBOB', criterionId: 'go-clear', value: '5', responseUrlId: 'bob-go' });
    await lastResponse('bob-go');
    const before = h.fake.of('views.open').length;
    await h.interact(
      blockActionPayload({
        teamId: 'T1',
        userId: 'UBOB',
        channelId: 'DHOME',
        responseUrl: h.fake.responseUrl('unused-home'),
        actionId: 'spiegel.continue',
        blockId: `mine|${round.id}`,
        value: round.id,
        container: { type: 'view', view_id: 'VHOME' },
      }),
    );
    const open = await h.fake.waitFor(() => h.fake.of('views.open')[before]);
    const view = open.body.view as { callback_id: string; blocks: { block_id?: string }[] };
    expect(view.callback_id).toBe('spiegel.answers');
    expect(view.blocks.map((b) => b.block_id)).toContain('rating|wl-means|rating'); // goals is complete: on to workload

    await h.interact(
      blockActionPayload({
        teamId: 'T1',
        userId: 'UBOB',
        channelId: CHANNEL,
        responseUrl: h.fake.responseUrl('bob-mine'),
        actionId: 'spiegel.mine',
        blockId: 'intro-actions',
        value: round.id,
      }),
    );
    expect(String((await lastResponse('bob-mine')).body.text)).toMatch(
      /Your answers in \*.*\*:\n• I know what our team wants to achieve in the coming months: \*5 · Strongly agree\*/,
    );
  });

  it('refreshes the start form for the framework chosen', async () => {
    const view = {
      id: 'VSTART',
      hash: 'h42',
      private_metadata: JSON.stringify({ channelId: CHANNEL, responseUrl: h.fake.responseUrl('s'), timeZone: 'UTC' }),
    };
    await h.interact(
      blockActionPayload({
        teamId: 'T1',
        userId: 'UCOORD',
        channelId: CHANNEL,
        responseUrl: h.fake.responseUrl('unused-start'),
        actionId: 'spiegel.start.framework',
        blockId: 'framework',
        value: '',
        selectedOption: { text: 'Mentoring', value: 'mentoring-to-work' },
        container: { type: 'view', view_id: 'VSTART' },
        view,
      }),
    );
    const update = await h.fake.waitFor(() => h.fake.of('views.update').find((c) => c.body.view_id === 'VSTART'));
    expect(update.body.hash).toBe('h42');
    const blocks = (update.body.view as { blocks: { block_id: string }[] }).blocks.map((b) => b.block_id);
    expect(blocks).toEqual(
      expect.arrayContaining(['criteria|mentoring-to-work', 'dimensions|mentoring-to-work', 'target|mentoring-to-work']),
    );
  });

  it('waits out a 429 (Retry-After) and then delivers the call', async () => {
    h.fake.rateLimitOnce.set('chat.postMessage', 1);
    const started = Date.now();
    await h.slack.notifier.announceRound(round);
    const attempts = h.fake.of('chat.postMessage').filter((c) => c.at >= started && String(c.body.text).startsWith('Reflection:'));
    expect(attempts).toHaveLength(2);
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(1000);
    expect((await h.ctx.stores.rounds.get('slack:T1', round.id))?.platformRefs.slackIntroTs).toBeTruthy();
  });
});
