/**
 * Intervision sessions in Slack: signed slash commands, form submissions, button clicks and message events to
 * the real endpoint; the thread, steps and rating round as the stand-in Slack receives them; step deadlines
 * run by the real scheduler; attendance in the licence log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultWorkspaceSettings } from '../../../src/domain/scheduling.js';
import { createLogger } from '../../../src/logger.js';
import { ManualClock } from '../../support/manual-clock.js';
import { Scheduler } from '../../../src/scheduling/scheduler.js';
import { ADMIN, startHarness, type Harness } from './support/harness.js';
import { blockActionPayload, eventBody, viewSubmissionPayload } from './support/requests.js';

const TENANT = 'slack:T1';
const CHANNEL = 'CQUALITY';
const PRESENTER = 'U01ANNA';
const CASE = 'A mediation between two neighbours stalled after the second meeting; one party stopped answering.';

/** Polls until `find` gives something (background work after an acknowledgement takes a moment on a busy machine). */
async function eventually<T>(find: () => Promise<T | undefined | null | false> | T | undefined | null | false): Promise<T> {
  const until = Date.now() + 20_000;
  for (;;) {
    const found = await find();
    if (found) return found;
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 25));
  }
}

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe('intervision sessions in Slack', () => {
  let h: Harness;
  let n = 0;
  let sessionId = '';
  let rootTs = '';

  const submitForm = (values: { date: string; time?: string; method?: string; caseText?: string; facilitator?: string }) =>
    h.interact(
      viewSubmissionPayload({
        teamId: 'T1',
        userId: PRESENTER,
        callbackId: 'spiegel.intervision',
        privateMetadata: JSON.stringify({ channelId: CHANNEL, responseUrl: h.fake.responseUrl('form'), timeZone: 'Europe/Brussels' }),
        values: {
          'intervision.case': { value: { type: 'plain_text_input', value: values.caseText ?? CASE } },
          'intervision.method': { value: { type: 'static_select', selected_option: { value: values.method ?? 'incident-method' } } },
          'intervision.facilitator': { value: { type: 'users_select', selected_user: values.facilitator ?? 'U01BRAM' } },
          'intervision.deadlineDate': { value: { type: 'datepicker', selected_date: values.date } },
          'intervision.deadlineTime': { value: { type: 'timepicker', selected_time: values.time ?? '17:00' } },
        },
      }),
    );
  const click = (userId: string, actionId: string, step: number) =>
    h.interact(
      blockActionPayload({
        teamId: 'T1',
        userId,
        channelId: CHANNEL,
        responseUrl: h.fake.responseUrl(`click-${++n}`),
        actionId,
        blockId: 'step',
        value: `${sessionId}:${step}`,
      }),
    );
  const reply = (userId: string, text: string) =>
    h.post(
      eventBody({
        teamId: 'T1',
        eventId: `Ev${++n}`,
        event: { type: 'message', channel: CHANNEL, user: userId, text, ts: `1800000000.${String(n).padStart(6, '0')}`, thread_ts: rootTs },
      }),
      'application/json',
    );
  const threadPosts = () => h.fake.of('chat.postMessage').filter((c) => c.body.thread_ts === rootTs);
  const contributions = () => h.ctx.stores.intervision.contributions(TENANT, sessionId);

  beforeAll(async () => {
    h = await startHarness();
    await h.ctx.stores.workspaceSettings.put({ ...defaultWorkspaceSettings(TENANT), quietHours: null }, new Date());
  });

  afterAll(async () => {
    await h?.close();
  });

  it('opens the form from /reflect intervision, reminding the presenter to anonymise the case', async () => {
    expect((await h.command({ text: 'intervision', userId: PRESENTER, responseUrlId: 'open' })).status).toBe(200);
    const opened = await eventually(() => h.fake.of('views.open').at(-1));
    const view = opened.body.view as { callback_id: string; blocks: unknown[] };
    expect(view.callback_id).toBe('spiegel.intervision');
    expect(JSON.stringify(view.blocks)).toContain('anonymise it: leave out names');
    expect(JSON.stringify(view.blocks)).toContain('Incident method');
    expect(JSON.stringify(view.blocks)).toContain('Short problem solving');
  });

  it('refuses a first deadline in the past beside its field, and stores nothing', async () => {
    const refused = await submitForm({ date: '2020-01-01' });
    expect(refused.json()).toEqual({
      response_action: 'errors',
      errors: { 'intervision.deadlineDate': expect.stringContaining('the deadline 2020-01-01 16:00 lies in the past') as string },
    });
    const short = await submitForm({ date: inDays(2), caseText: 'too short' });
    expect(JSON.stringify(short.json())).toContain('intervision.case');
    expect(await h.database.db.collection('intervision_sessions').countDocuments()).toBe(0);
  });

  it('starts the session in a thread: the case and plan in the channel, the first step as a reply', async () => {
    const started = await submitForm({ date: inDays(2) });
    expect(started.status).toBe(200);
    const root = await eventually(() => h.fake.of('chat.postMessage').find((c) => String(c.body.text).includes('*Intervision*')));
    expect(root.body.channel).toBe(CHANNEL);
    expect(String(root.body.text)).toContain(`case brought by <@${PRESENTER}> · facilitator <@U01BRAM>`);
    expect(String(root.body.text)).toContain('one party stopped answering');
    expect(String(root.body.text)).toContain('6. Evaluation · until');
    const session = await eventually(
      async () => (await h.database.db.collection('intervision_sessions').findOne({ threadId: { $ne: null } })) ?? undefined,
    );
    sessionId = String(session._id);
    rootTs = String(session.threadId);
    const first = await eventually(() => threadPosts()[0]);
    expect(String(first.body.text)).toMatch(/^Step 1 of 6: The case · until /);
    expect(JSON.stringify(first.body.blocks)).toContain(`"value":"${sessionId}:0"`);
  });

  it('collects thread replies and the contribution form per step; other threads are ignored', async () => {
    expect((await reply(PRESENTER, 'The question: how do I re-engage the silent party?')).status).toBe(200);
    expect((await reply('U01CHLOE', 'Was there a reason given for stopping?')).status).toBe(200);
    await h.post(
      eventBody({
        teamId: 'T1',
        eventId: 'EvOther',
        event: { type: 'message', channel: CHANNEL, user: 'U01EVA', text: 'x', ts: '1.1', thread_ts: '999.1' },
      }),
      'application/json',
    );
    await eventually(async () => (await contributions()).length === 2);

    await click('U01EVA', 'spiegel.intervision.contribute', 0);
    const form = await eventually(() =>
      h.fake.of('views.open').find((c) => (c.body.view as { callback_id: string }).callback_id === 'spiegel.intervision.contribution'),
    );
    expect((form.body.view as { private_metadata: string }).private_metadata).toBe(`${sessionId}:0`);
    const saved = await h.interact(
      viewSubmissionPayload({
        teamId: 'T1',
        userId: 'U01EVA',
        callbackId: 'spiegel.intervision.contribution',
        privateMetadata: `${sessionId}:0`,
        values: { 'intervision.contribution': { value: { type: 'plain_text_input', value: 'I recognise this from my own files.' } } },
      }),
    );
    expect(saved.status).toBe(200);
    expect(
      await eventually(() => threadPosts().find((c) => String(c.body.text).startsWith('<@U01EVA> · The case: I recognise'))),
    ).toBeTruthy();
    expect((await contributions()).map((c) => [c.member, c.step])).toEqual([
      [PRESENTER, 0],
      ['U01CHLOE', 0],
      ['U01EVA', 0],
    ]);
  });

  it('moves on when the facilitator clicks, refuses anyone else, and opens each step once', async () => {
    await click('U01CHLOE', 'spiegel.intervision.next', 0);
    const refusal = await eventually(() => h.fake.responses(`click-${n}`).at(-1));
    expect(refusal.body.text).toBe('Only the facilitator of this session or an admin can move it on.');
    await Promise.all([click('U01BRAM', 'spiegel.intervision.next', 0), click(ADMIN, 'spiegel.intervision.next', 0)]);
    await eventually(() => threadPosts().find((c) => String(c.body.text).startsWith('Step 2 of 6: Clarifying questions')));
    await eventually(() => h.fake.responses(`click-${n}`).length + h.fake.responses(`click-${n - 1}`).length >= 1);
    expect(threadPosts().filter((c) => String(c.body.text).startsWith('Step 2 of 6'))).toHaveLength(1);
    await reply(PRESENTER, 'Clarifying answer from the presenter.');
    await reply('U01CHLOE', 'Did the other party know?');
    await eventually(async () => (await contributions()).filter((c) => c.step === 1).length === 2);
  });

  it('opens the next step at the deadline through the scheduler, once across instances', async () => {
    const [session] = await h.database.db.collection('intervision_sessions').find().toArray();
    const deadlines = session?.deadlines as Date[];
    const afterStep2 = new Date(deadlines[1]!.getTime() + 60_000);
    const ctx = { ...h.ctx, clock: new ManualClock(afterStep2) };
    const scheduler = (id: string) =>
      new Scheduler({ ctx, notifiers: { slack: h.slack.notifier }, logger: createLogger('silent'), instanceId: id });
    await Promise.all([scheduler('a').drain(), scheduler('b').drain()]);
    expect(threadPosts().filter((c) => String(c.body.text).startsWith('Step 3 of 6: Analysis'))).toHaveLength(1);
    // Step 1's job found the session moved on already; step 2's opened step 3.
    const jobs = await h.ctx.stores.jobs.list({ tenantId: TENANT, kinds: ['intervision-step'] });
    expect(jobs.map((j) => [j.id, j.status, j.result?.note]).sort()).toEqual([
      [`intervision-step:${sessionId}:0`, 'skipped', 'moved-on-before'],
      [`intervision-step:${sessionId}:1`, 'done', 'moved-on'],
      [`intervision-step:${sessionId}:2`, 'pending', undefined],
    ]);
  });

  it('ends after the last step: attendance into the licence log, the rating round in the channel', async () => {
    await reply('U01CHLOE', 'Analysis: trust was lost after the first meeting.');
    await eventually(async () => (await contributions()).some((c) => c.step === 2));
    for (const step of [2, 3, 4, 5]) {
      await click('U01BRAM', 'spiegel.intervision.next', step);
      await eventually(() =>
        threadPosts().find((c) =>
          String(c.body.text).startsWith(step === 5 ? 'The intervision session has ended' : `Step ${step + 2} of 6`),
        ),
      );
    }
    const end = threadPosts().find((c) => String(c.body.text).startsWith('The intervision session has ended'));
    expect(String(end?.body.text)).toContain(`Attended (contributed to at least 2 steps): <@${PRESENTER}>, <@U01CHLOE>.`);
    expect(String(end?.body.text)).toContain('Please rate the session: the round “Incident method · ');
    const rating = await h.ctx.stores.rounds.get(TENANT, `iv-${sessionId}`);
    expect(rating?.framework.id).toBe('intervision-case');
    expect(rating?.participants.sort()).toEqual([PRESENTER, 'U01CHLOE', 'U01EVA']);
    await eventually(() =>
      h.fake
        .of('chat.postMessage')
        .find((c) => c.body.channel === CHANNEL && !c.body.thread_ts && String(c.body.text).includes('Incident method ·')),
    );

    const today = new Date().toISOString().slice(0, 10);
    const entries = await h.ctx.stores.licenceEntries.list(TENANT, today, '9999-12-31');
    expect(
      entries
        .filter((e) => e.kind === 'intervision')
        .map((e) => e.member)
        .sort(),
    ).toEqual([PRESENTER, 'U01CHLOE']);

    await reply('U01EVA', 'Too late.');
    const late = await eventually(() => h.fake.of('chat.postEphemeral').find((c) => c.body.user === 'U01EVA'));
    expect(late.body.text).toBe('This intervision session has ended.');
  });

  it('lists the command in /reflect help in both languages', async () => {
    expect((await h.command({ text: 'help', userId: PRESENTER, responseUrlId: 'help' })).status).toBe(200);
    // The help comes in as many messages as Slack's length limit needs; the line is in one of them.
    const help = await eventually(() => h.fake.responses('help').find((r) => String(r.body.text).includes('/reflect intervision')));
    expect(String(help.body.text)).toContain('`/reflect intervision`: bring a case');
  });
});
