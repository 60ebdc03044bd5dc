/**
 * A whole round in Slack, as the stand-in Slack sees it: /reflect start → the form → intro and prompts in the
 * channel → three members rate and comment → progress on the intro → interim summary for the coordinator →
 * /reflect close → the summary in the channel. The transcript goes to test-artifacts/slack-full-round.json.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Round } from '../../../src/domain/round.js';
import { zonedTimeToUtc } from '../../../src/presentation/start-form.js';
import { BOT_USER_ID, type RecordedCall } from './support/fake-slack.js';
import { startHarness, type Harness } from './support/harness.js';
import { blockActionPayload, viewSubmissionPayload } from './support/requests.js';

const COORD = 'UCOORD';
const ANN = 'UANN';
const BOB = 'UBOB';
const CAROL = 'UCAROL';
const CHANNEL = 'CQUALITY';
const CRITERIA = ['go-clear', 'go-priorities', 'wl-manageable', 'wl-energy'];

type Block = {
  type: string;
  block_id?: string;
  elements?: Array<{ action_id?: string; value?: string }>;
  text?: { text: string };
  accessory?: { action_id?: string; value?: string };
};

const ratings: Record<string, Record<string, string>> = {
  [ANN]: { 'go-clear': '5', 'go-priorities': '1', 'wl-manageable': '2', 'wl-energy': '4' },
  [BOB]: { 'go-clear': '4', 'go-priorities': '5', 'wl-manageable': '2', 'wl-energy': 'na' },
  [CAROL]: { 'go-clear': '5', 'go-priorities': '3', 'wl-manageable': '1', 'wl-energy': '3' },
};
const comments: Record<string, [string, string]> = {
  [ANN]: ['go-priorities', 'We change course every week.'],
  [BOB]: ['wl-manageable', 'Too many parallel cases.'],
  [CAROL]: ['go-priorities', 'Priorities are clear to me.'],
};

describe('a full round in Slack', () => {
  let h: Harness;
  const requests: Array<Record<string, unknown>> = [];
  let round: Round;

  const texts = (calls: RecordedCall[]) => calls.map((c) => String(c.body['text'] ?? ''));
  const lastResponse = (id: string) => h.fake.waitFor(() => h.fake.responses(id).at(-1));

  async function command(userId: string, text: string, responseUrlId: string) {
    requests.push({ kind: 'slash_command', user: userId, text: `/reflect ${text}` });
    const reply = await h.command({ text, userId, responseUrlId });
    expect(reply.status).toBe(200);
    return reply;
  }

  async function interact(payload: Record<string, unknown>, note: Record<string, unknown>) {
    requests.push({ kind: payload['type'], ...note });
    const reply = await h.interact(payload);
    expect(reply.status).toBe(200);
    expect(reply.ms).toBeLessThan(3000);
    return reply;
  }

  function promptButtons(): Array<{ actionId: string; blockId: string; value: string; messageTs: string }> {
    const posted = h.fake.of('chat.postMessage').filter((c) => c.body['channel'] === CHANNEL);
    const intro = posted[0];
    return posted.slice(1).flatMap((call, i) =>
      ((call.body['blocks'] as Block[]) ?? []).flatMap((block) =>
        block.type === 'actions'
          ? (block.elements ?? []).map((e) => ({
              actionId: e.action_id ?? '',
              blockId: block.block_id ?? '',
              value: e.value ?? '',
              messageTs: `${i}-${String(intro?.at)}`,
            }))
          : [],
      ),
    );
  }

  beforeAll(async () => {
    h = await startHarness();
    h.fake.users = {
      [COORD]: { locale: 'en-GB', tz: 'Europe/Brussels' },
      [ANN]: { locale: 'nl-BE', tz: 'Europe/Brussels' },
      [BOB]: { locale: 'en-US', tz: 'America/New_York' },
      [CAROL]: { locale: 'en-GB', tz: 'Europe/London' },
      UOTHERBOT: { is_bot: true },
    };
    h.fake.channelMembers = { [CHANNEL]: [COORD, ANN, BOB, CAROL, BOT_USER_ID, 'UOTHERBOT'] };
  });

  afterAll(async () => {
    if (h) {
      await mkdir('test-artifacts', { recursive: true });
      const transcript = {
        description: 'A full Spiegel round in Slack, as the stand-in Slack Web API (and response_url endpoint) received it.',
        requestsSentToTheBot: requests,
        callsReceivedBySlack: h.fake.calls.map(({ method, body, responseUrlId }) => ({
          method,
          ...(responseUrlId ? { responseUrlId } : {}),
          body,
        })),
      };
      await writeFile('test-artifacts/slack-full-round.json', `${JSON.stringify(transcript, null, 2)}\n`);
      await h.close();
    }
  });

  it('opens the start form on /reflect start', async () => {
    await command(COORD, 'start', 'start');
    const open = await h.fake.waitFor(() => h.fake.of('views.open')[0]);
    const view = open.body['view'] as { callback_id: string; blocks: Block[]; private_metadata: string };
    expect(view.callback_id).toBe('spiegel.start');
    expect(view.blocks.map((b) => b.block_id)).toEqual(expect.arrayContaining(['framework', 'participants', 'deadline_date', 'language']));
    expect(JSON.parse(view.private_metadata)).toMatchObject({ channelId: CHANNEL, timeZone: 'Europe/Brussels' });
  });

  it('starts the round from the submitted form and posts the intro and the prompts', async () => {
    const open = h.fake.of('views.open')[0]!;
    const metadata = (open.body['view'] as { private_metadata: string }).private_metadata;
    const deadline = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    const values = {
      framework: {
        'spiegel.start.framework': {
          type: 'static_select',
          selected_option: { text: { type: 'plain_text', text: 'Team health check' }, value: 'team-health' },
        },
      },
      name: { value: { type: 'plain_text_input', value: 'Spring check-up' } },
      'criteria|team-health': {
        value: {
          type: 'multi_static_select',
          selected_options: CRITERIA.map((value) => ({ text: { type: 'plain_text', text: value }, value })),
        },
      },
      participants: { value: { type: 'multi_users_select', selected_users: [ANN, BOB, CAROL] } },
      deadline_date: { value: { type: 'datepicker', selected_date: deadline } },
      deadline_time: { value: { type: 'timepicker', selected_time: '16:00' } },
      options: { value: { type: 'checkboxes', selected_options: [] } },
      language: { value: { type: 'static_select', selected_option: { text: { type: 'plain_text', text: 'English' }, value: 'en' } } },
      'target|team-health': { value: { type: 'number_input', value: '3' } },
    };
    const reply = await interact(
      viewSubmissionPayload({ teamId: 'T1', userId: COORD, callbackId: 'spiegel.start', privateMetadata: metadata, values }),
      { user: COORD, view: 'start form' },
    );
    expect(reply.text).toBe('');
    const started = await lastResponse('start');
    expect(String(started.body['text'])).toBe('Round “Spring check-up” started with 3 participants.');

    const [stored] = await h.ctx.stores.rounds.list('slack:T1', { channelId: CHANNEL });
    round = stored!;
    expect(round).toMatchObject({
      name: 'Spring check-up',
      state: 'open',
      participants: [ANN, BOB, CAROL],
      createdBy: COORD,
      locale: 'en',
    });
    expect(round.framework.criteria.map((c) => c.id)).toEqual(CRITERIA);
    expect(round.deadline).toEqual(zonedTimeToUtc(deadline, '16:00', 'Europe/Brussels')); // the coordinator's time zone
    const posted = h.fake.of('chat.postMessage');
    expect(posted.length).toBeGreaterThanOrEqual(2);
    expect(posted[0]?.body['text']).toBe('Reflection: Spring check-up');
    expect(round.platformRefs['slackIntroTs']).toBeTruthy();
    expect(promptButtons()).toHaveLength(CRITERIA.length * 6);
  });

  it('stores each click and confirms it privately with the member’s answer, in their language', async () => {
    const buttons = promptButtons();
    for (const member of [ANN, BOB, CAROL]) {
      for (const criterion of CRITERIA) {
        const choice = ratings[member]![criterion]!;
        const button = buttons.find((b) => b.blockId === `rate|${criterion}|rating` && b.actionId === `spiegel.rate:${choice}`)!;
        const id = `click-${member}-${criterion}`;
        await interact(
          blockActionPayload({
            teamId: 'T1',
            userId: member,
            channelId: CHANNEL,
            responseUrl: h.fake.responseUrl(id),
            actionId: button.actionId,
            blockId: button.blockId,
            value: button.value,
          }),
          { user: member, action: button.actionId, criterion },
        );
        const confirmation = await lastResponse(id);
        expect(confirmation.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
      }
    }
    expect(String((await lastResponse(`click-${ANN}-go-clear`)).body['text'])).toContain(
      'Bewaard. Je antwoord op “Ik weet wat ons team de komende maanden wil bereiken”: *5 · Helemaal eens*',
    );
    expect(String((await lastResponse(`click-${BOB}-wl-energy`)).body['text'])).toContain('*Not applicable*');
    const responses = await h.ctx.stores.responses.listForRound('slack:T1', round.id);
    expect(responses).toHaveLength(12);
  });

  it('lets each member comment through the form, prefilled with their answer', async () => {
    for (const member of [ANN, BOB, CAROL]) {
      const [criterion, text] = comments[member]!;
      const button = h.fake
        .of('chat.postMessage')
        .flatMap((c) => (c.body['blocks'] as Block[]) ?? [])
        .find((b) => b.block_id === `crit|${criterion}`)!.accessory!;
      const before = h.fake.of('views.open').length;
      await interact(
        blockActionPayload({
          teamId: 'T1',
          userId: member,
          channelId: CHANNEL,
          responseUrl: h.fake.responseUrl(`comment-${member}`),
          actionId: button.action_id!,
          blockId: `crit|${criterion}`,
          value: button.value!,
        }),
        { user: member, action: 'comment', criterion },
      );
      const open = await h.fake.waitFor(() => h.fake.of('views.open')[before]);
      const view = open.body['view'] as {
        private_metadata: string;
        blocks: Array<{ block_id: string; element?: { initial_option?: { value: string } } }>;
      };
      expect(view.blocks.find((b) => b.block_id === `rating|${criterion}|rating`)?.element?.initial_option?.value).toBe(
        ratings[member]![criterion],
      );
      const values = {
        [`rating|${criterion}|rating`]: {
          rating: {
            type: 'static_select',
            selected_option: { text: { type: 'plain_text', text: 'x' }, value: ratings[member]![criterion]! },
          },
        },
        [`comment|${criterion}`]: { comment: { type: 'plain_text_input', value: text } },
      };
      const reply = await interact(
        viewSubmissionPayload({
          teamId: 'T1',
          userId: member,
          callbackId: 'spiegel.answers',
          privateMetadata: view.private_metadata,
          values,
        }),
        { user: member, view: 'answers form', criterion },
      );
      const ack = reply.json() as { response_action: string; view: { blocks: Array<{ text?: { text: string } }> } };
      expect(ack.response_action).toBe('update');
      expect(JSON.stringify(ack.view.blocks)).toMatch(member === ANN ? /1 antwoord bewaard/ : /Saved 1 answer/);
    }
    const stored = await h.ctx.stores.responses.listForRound('slack:T1', round.id);
    expect(
      stored
        .filter((r) => r.comment !== null)
        .map((r) => r.comment)
        .sort(),
    ).toEqual(
      Object.values(comments)
        .map(([, c]) => c)
        .sort(),
    );
  });

  it('updates the intro with the progress, debounced', async () => {
    const update = await h.fake.waitFor(
      () => h.fake.of('chat.update').find((c) => JSON.stringify(c.body['blocks']).includes('3 of 3 answered')),
      5_000,
    );
    expect(update.body['ts']).toBe(round.platformRefs['slackIntroTs']);
    // 12 clicks and 3 comments: far fewer intro updates than answers.
    expect(h.fake.of('chat.update').length).toBeLessThan(6);
  });

  it('refuses coordinator actions to members, politely', async () => {
    await command(BOB, 'summary', 'bob-summary');
    expect(String((await lastResponse('bob-summary')).body['text'])).toBe('Only the coordinators of this round can do that.');
    await command(BOB, 'close', 'bob-close');
    expect(String((await lastResponse('bob-close')).body['text'])).toBe('Only the coordinators of this round can do that.');
    expect((await h.ctx.stores.rounds.get('slack:T1', round.id))?.state).toBe('open');
  });

  it('shows the coordinator an interim summary, privately', async () => {
    await command(COORD, 'summary', 'coord-summary');
    const interim = await lastResponse('coord-summary');
    expect(interim.body['response_type']).toBe('ephemeral');
    const blocks = JSON.stringify(interim.body['blocks']);
    expect(blocks).toContain('Interim results, visible to coordinators only.');
    expect(blocks).toContain('Response rate: 3 of 3 (100%)');
  });

  it('closes the round and posts the summary in the channel', async () => {
    const before = h.fake.of('chat.postMessage').length;
    await command(COORD, 'close', 'coord-close');
    expect(String((await lastResponse('coord-close')).body['text'])).toBe(
      'Round “Spring check-up” is closed; the summary is posted in the channel.',
    );
    const summary = h.fake.of('chat.postMessage').slice(before);
    expect(summary.length).toBeGreaterThanOrEqual(1);
    expect(summary.every((c) => c.body['channel'] === CHANNEL)).toBe(true);
    const blocks = JSON.stringify(summary.map((c) => c.body['blocks']));
    expect(blocks).toContain('Summary: Spring check-up');
    expect(blocks).toContain('Response rate: 3 of 3 (100%)');
    expect(blocks).toContain('We change course every week.');
    expect(blocks).toMatch(/median 2 · consensus · n = 3/);
    for (const member of [ANN, BOB, CAROL]) expect(blocks).not.toContain(member);
    const stored = await h.ctx.stores.rounds.get('slack:T1', round.id);
    expect(stored?.state).toBe('closed');
    expect((await h.ctx.stores.summaries.get('slack:T1', round.id))?.respondents).toBe(3);
    await h.fake.waitFor(() => h.fake.of('chat.update').some((c) => JSON.stringify(c.body['blocks']).includes('This round is closed')));
  });

  it('answers a click on the closed round clearly and stores nothing', async () => {
    const button = promptButtons().find((b) => b.blockId === 'rate|go-clear|rating' && b.actionId === 'spiegel.rate:1')!;
    await interact(
      blockActionPayload({
        teamId: 'T1',
        userId: ANN,
        channelId: CHANNEL,
        responseUrl: h.fake.responseUrl('late-click'),
        actionId: button.actionId,
        blockId: button.blockId,
        value: button.value,
      }),
      { user: ANN, action: button.actionId, note: 'after close' },
    );
    expect(String((await lastResponse('late-click')).body['text'])).toBe(
      'Deze ronde is afgesloten: antwoorden kunnen niet meer gegeven of gewijzigd worden.',
    );
    const ann = (await h.ctx.stores.responses.listForRound('slack:T1', round.id)).find(
      (r) => r.respondent === ANN && r.criterionId === 'go-clear',
    );
    expect(ann?.value).toBe(5);
    expect(texts(h.fake.of('chat.postMessage')).some((t) => t.includes('Summary'))).toBe(true);
  });
});
