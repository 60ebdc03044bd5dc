/**
 * Managing a round and exporting it from Slack, through signed requests to the real endpoint: the deadline
 * moves with its jobs, participants and co-coordinators change, a closed round reopens and its summary is posted
 * again as updated, a round is copied to another channel or planned to start later, `/reflect status` shows the
 * deadline, reminders and a failed job's reason, and `/reflect export` puts the files in a direct message.
 * Members who do not coordinate are refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/app/actor.js';
import { remindNow } from '../../../src/app/jobs.js';
import { openRound } from '../../../src/app/rounds.js';
import { saveAnswers } from '../../../src/app/save-answers.js';
import type { Round } from '../../../src/domain/round.js';
import { createLogger } from '../../../src/logger.js';
import { Scheduler } from '../../../src/scheduling/scheduler.js';
import { BOT_USER_ID } from './support/fake-slack.js';
import { startHarness, type Harness } from './support/harness.js';
import { viewSubmissionPayload } from './support/requests.js';

const COORD = 'UCOORD';
const ANN = 'UANN';
const BOB = 'UBOB';
const CAROL = 'UCAROL';
const CHANNEL = 'CQUALITY';
const OTHER = 'COTHER';
const coordinator: Actor = { tenantId: 'slack:T1', userId: COORD, isAdmin: false };
const day = 86_400_000;

describe('managing a round from Slack', () => {
  let h: Harness;
  let round: Round;
  let replies = 0;

  beforeAll(async () => {
    h = await startHarness();
    h.fake.users = { [COORD]: { tz: 'Europe/Brussels' }, [ANN]: {}, [BOB]: {}, [CAROL]: {}, UNL: { locale: 'nl-BE' } };
    h.fake.channelMembers = { [CHANNEL]: [COORD, ANN, BOB, BOT_USER_ID], [OTHER]: [COORD, CAROL, BOT_USER_ID] };
    round = await openRound(h.ctx, coordinator, {
      place: { platform: 'slack', tenantId: 'slack:T1', channelId: CHANNEL },
      frameworkId: 'team-health',
      criterionIds: ['go-clear', 'go-priorities'],
      participants: [ANN, BOB],
      deadline: new Date(Date.now() + 5 * day),
      locale: 'en',
    });
  });
  afterAll(async () => {
    await h?.close();
  });

  /** Runs a slash command and returns the text of its private answer. */
  async function say(userId: string, text: string, channelId = CHANNEL): Promise<string> {
    const id = `r${++replies}`;
    const reply = await h.command({ text, userId, channelId, responseUrlId: id });
    expect(reply.status).toBe(200);
    const answer = await h.fake.waitFor(() => h.fake.responses(id).at(-1));
    return String(answer.body.text);
  }
  const stored = (id = round.id) => h.ctx.stores.rounds.get('slack:T1', id);
  const jobs = (roundId = round.id) => h.ctx.stores.jobs.list({ tenantId: 'slack:T1', roundId });

  it('moves the deadline; the old deadline and reminder jobs are cancelled and new ones planned', async () => {
    const text = await say(COORD, `deadline ${round.id} +10d`);
    expect(text).toMatch(/^The deadline of “.+” is now .+\. Reminders follow the new deadline\.$/);
    const after = (await stored())!;
    expect(after.deadline!.getTime() - Date.now()).toBeGreaterThan(9.9 * day);
    expect(after.revision).toBe(1);
    const all = await jobs();
    const pending = all.filter((j) => j.status === 'pending');
    expect(pending.map((j) => j.id).sort()).toEqual([
      `deadline:${round.id}:r1`,
      `reminder:${round.id}:48h:r1`,
      `reminder:${round.id}:4h:r1`,
    ]);
    expect(pending.find((j) => j.kind === 'deadline')?.runAt).toEqual(after.deadline);
    expect(all.filter((j) => j.status === 'cancelled').map((j) => j.id)).toContain(`deadline:${round.id}`);

    const shorter = await say(COORD, 'deadline +3d');
    expect(shorter).toContain('The deadline of');
    expect((await stored())?.revision).toBe(2);
    expect((await jobs()).filter((j) => j.status === 'pending' && j.kind === 'deadline').map((j) => j.id)).toEqual([
      `deadline:${round.id}:r2`,
    ]);
  });

  it('refuses a deadline in the past, an unreadable one, and anyone who does not coordinate the round', async () => {
    expect(await say(COORD, 'deadline 2020-01-01 10:00')).toContain('lies in the past');
    expect(await say(COORD, 'deadline next tuesday')).toContain('is not a date I understand');
    expect(await say(ANN, 'deadline +20d')).toBe('Only the coordinators of this round can do that.');
    expect((await stored())?.revision).toBe(2);
  });

  it('adds and removes participants, and names a co-coordinator who may then manage the round', async () => {
    expect(await say(COORD, `participants add <@${CAROL}|carol>`)).toMatch(/now has 3 participants/);
    // Added to the running round, Carol is told in a direct message, with the button that opens her form.
    const invite = await h.fake.waitFor(() => h.fake.messages(`D${CAROL}`).at(-1));
    expect(String(invite.text)).toContain(`You now take part in the round “${round.name}” (Team health check).`);
    const dm = h.fake.of('chat.postMessage').find((c) => c.body.channel === `D${CAROL}`);
    expect(JSON.stringify(dm?.body.blocks)).toContain(`"value":"${round.id}"`);
    expect(h.fake.messages(`D${ANN}`)).toEqual([]);
    expect(await say(COORD, `participants remove <@${BOB}|bob>`)).toMatch(/now has 2 participants/);
    expect((await stored())?.participants).toEqual([ANN, CAROL]);
    expect(await say(COORD, 'participants add')).toContain('Mention at least one member');
    expect(await say(ANN, `participants add <@${BOB}>`)).toBe('Only the coordinators of this round can do that.');

    expect(await say(COORD, `coordinators add <@${ANN}|ann>`)).toBe(`The coordinators of “${round.name}”: ${COORD}, ${ANN}.`);
    expect(await say(ANN, 'deadline +4d')).toContain('The deadline of');
  });

  it('shows coordinators the deadline, reminders planned and sent, and a failed job with its reason', async () => {
    expect(await remindNow(h.ctx, coordinator, round.id)).toMatchObject({ queued: true });
    // An instance without a Slack notifier cannot send it: the job fails for good, with the reason.
    await new Scheduler({ ctx: h.ctx, notifiers: {}, logger: createLogger('silent'), instanceId: 'no-slack' }).drain();
    const status = await say(COORD, 'status');
    expect(status).toContain('Deadline: ');
    expect(status).toContain('Reminders: 2 planned, 0 sent.');
    expect(status).toMatch(/Failed: Reminder on request: failed after 1 attempt\(s\): no notifier for platform “slack”/);
    const member = await say(BOB, `status ${round.id}`);
    expect(member).not.toContain('Reminders:');
  });

  it('reopens a closed round, and its summary is posted again, marked as updated', async () => {
    expect(await say(COORD, 'reopen')).toContain('only a closed round can be reopened');
    await saveAnswers(
      h.ctx,
      { tenantId: 'slack:T1', userId: ANN, isAdmin: false },
      { roundId: round.id, answers: [{ criterionId: 'go-clear', value: 4 }] },
    );
    expect(await say(COORD, 'close')).toContain('closed');
    const summaries = () =>
      h.fake.of('chat.postMessage').filter((c) => c.body.channel === CHANNEL && String(c.body.text).startsWith('Summary:'));
    await h.fake.waitFor(() => summaries()[0]);

    expect(await say(BOB, `reopen ${round.id}`)).toBe('Only the coordinators of this round can do that.');
    expect(await say(COORD, `reopen ${round.id} +2d`)).toMatch(/is open again until .+ its summary is posted again, marked as updated/);
    const reopened = (await stored())!;
    expect(reopened).toMatchObject({ state: 'open', closedAt: null, reopenings: 1 });
    expect((await jobs()).some((j) => j.status === 'pending' && j.id === `deadline:${round.id}:r${reopened.revision}`)).toBe(true);

    expect(await say(COORD, `close ${round.id}`)).toContain('closed');
    const again = await h.fake.waitFor(() => summaries()[1]);
    expect(JSON.stringify(again.body)).toContain('(updated after reopening)');
    expect(summaries()).toHaveLength(2);
  });

  it('refuses to reopen a round closed more than 7 days ago', async () => {
    const old = await openRound(h.ctx, coordinator, {
      place: { platform: 'slack', tenantId: 'slack:T1', channelId: CHANNEL },
      frameworkId: 'team-health',
      participants: [ANN],
      locale: 'en',
    });
    await h.ctx.stores.rounds.end('slack:T1', old.id, 'closed', new Date(Date.now() - 8 * day));
    expect(await say(COORD, `reopen ${old.id}`)).toContain('closed more than 7 days ago');
    expect((await stored(old.id))?.state).toBe('closed');
  });

  it('copies a round into another channel, for that channel’s people', async () => {
    expect(await say(COORD, `copy ${round.id}`)).toContain('run the copy command in the channel');
    const text = await say(COORD, `copy ${round.id}`, OTHER);
    const [copy] = await h.ctx.stores.rounds.list('slack:T1', { channelId: OTHER });
    expect(text).toBe(`Started “${round.name}” here as a copy (${copy!.id}), with 2 participants.`);
    expect(copy).toMatchObject({ state: 'open', anonymous: false, participants: [COORD, CAROL], framework: { id: 'team-health' } });
    expect(copy!.framework.criteria.map((c) => c.id)).toEqual(['go-clear', 'go-priorities']);
    expect(h.fake.of('chat.postMessage').some((c) => c.body.channel === OTHER && String(c.body.text).startsWith('Reflection:'))).toBe(true);
    expect(await say(CAROL, `copy ${round.id}`, OTHER)).toBe('Only the coordinators of this round can do that.');
  });

  it('plans a round to start later: the start form says when, and the scheduler opens and announces it then', async () => {
    const before = h.fake.of('views.open').length;
    const reply = await h.command({ text: 'later +2d', userId: COORD, channelId: OTHER, responseUrlId: 'later' });
    expect(reply.status).toBe(200);
    const open = await h.fake.waitFor(() => h.fake.of('views.open')[before]);
    const view = open.body.view as { private_metadata: string; blocks: unknown[] };
    const metadata = JSON.parse(view.private_metadata) as { startAt: string; responseUrl: string };
    expect(JSON.stringify(view.blocks[0])).toContain('This round starts on');
    const values = {
      framework: { 'spiegel.start.framework': { type: 'static_select', selected_option: { value: 'team-health' } } },
      name: { value: { type: 'plain_text_input', value: 'Later check' } },
      participants: { value: { type: 'multi_users_select', selected_users: [] } },
      options: { value: { type: 'checkboxes', selected_options: [] } },
      language: { value: { type: 'static_select', selected_option: { value: 'en' } } },
    };
    const submitted = await h.interact(
      viewSubmissionPayload({ teamId: 'T1', userId: COORD, callbackId: 'spiegel.start', privateMetadata: view.private_metadata, values }),
    );
    expect(submitted.status).toBe(200);
    const told = await h.fake.waitFor(() => h.fake.responses(metadata.responseUrl.split('/').at(-1)!).at(-1));
    const id = /\(([A-Za-z0-9]+)\) will start on/.exec(String(told.body.text))?.[1];
    expect(id).toBeTruthy();
    expect(await stored(id)).toBeNull();
    const [start] = await jobs(id);
    expect(start).toMatchObject({ kind: 'round-start', status: 'pending', runAt: new Date(metadata.startAt) });

    const atStart = { ...h.ctx, clock: { now: () => new Date(Date.parse(metadata.startAt) + 60_000) } };
    await new Scheduler({
      ctx: atStart,
      notifiers: { slack: h.slack.notifier },
      logger: createLogger('silent'),
      instanceId: 'later',
    }).drain();
    expect(await stored(id)).toMatchObject({ name: 'Later check', state: 'open', participants: [COORD, CAROL] });
    expect(h.fake.of('chat.postMessage').some((c) => c.body.channel === OTHER && c.body.text === 'Reflection: Later check')).toBe(true);
    expect(await say(COORD, 'later 2020-01-01 09:00', OTHER)).toContain('lies in the past');
  });

  it('exports the answers and the summary as files in a direct message, for coordinators only', async () => {
    const uploads = h.fake.of('upload').length;
    const text = await say(COORD, `export ${round.id}`);
    expect(text).toContain(`spiegel-${round.id}-answers.csv, spiegel-${round.id}-summary.csv, spiegel-${round.id}-round.json`);
    const files = h.fake.of('upload').slice(uploads);
    expect(files).toHaveLength(3);
    expect(String(files[0]!.body.content)).toMatch(/^criterion,component,dimension,value,comment\n/);
    expect(String(files[1]!.body.content)).toMatch(/^criterion,component,dimension,suppressed,n,/);
    expect(JSON.parse(String(files[2]!.body.content))).toMatchObject({ round: { id: round.id }, summary: { roundId: round.id } });
    const completed = h.fake.of('files.completeUploadExternal').slice(-3);
    expect(completed.every((c) => c.body.channel_id === `D${COORD}`)).toBe(true);

    expect(await say(COORD, `export ${round.id} xml`)).toBe('Choose csv or json.');
    expect(await say(BOB, `export ${round.id} csv`)).toBe('Only the coordinators of this round can do that.');
    expect(h.fake.of('upload')).toHaveLength(uploads + 3);
  });

  it('lists the new commands in /reflect help, in English and in Dutch (in as many messages as Slack needs)', async () => {
    const help = async (userId: string, text: string, last: string) => {
      await h.command({ text, userId, channelId: CHANNEL, responseUrlId: text });
      await h.fake.waitFor(() => h.fake.responses(text).find((r) => String(r.body.text).includes(last)));
      const parts = h.fake.responses(text).map((r) => String(r.body.text));
      for (const part of parts) expect(part.length).toBeLessThanOrEqual(3000);
      return parts.join('\n');
    };
    const en = await help(COORD, 'help', 'round id');
    for (const verb of ['deadline', 'participants', 'coordinators', 'reopen', 'copy', 'later', 'export'])
      expect(en).toContain(`/reflect ${verb}`);
    const nl = await help('UNL', 'hulp', 'ronde-id');
    for (const verb of ['deelnemers', 'coordinatoren', 'heropen', 'kopieer', 'exporteer']) expect(nl).toContain(`/reflect ${verb}`);
  });
});
