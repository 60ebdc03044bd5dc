/**
 * Recurring rounds from Slack: /reflect schedule opens the form; a bad cron is refused beside its field; a
 * good form stores the schedule for the channel's people; the App Home lists it with pause/resume/delete; the
 * buttons and /reflect schedule pause|resume|delete change it; someone else's schedule is refused. A schedule on
 * one perspective stores it, and the round it opens asks only that perspective's criteria.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listRecurrences } from '../../../src/app/recurrences.js';
import { BOT_USER_ID } from './support/fake-slack.js';
import { criteriaOnPerspective, roundOfNextOccurrence } from '../../support/recurring-rounds.js';
import { startHarness, type Harness } from './support/harness.js';
import { blockActionPayload, eventBody, viewSubmissionPayload } from './support/requests.js';

const COORD = 'UCOORD';
const ANN = 'UANN';
const BOB = 'UBOB';
const CHANNEL = 'CQUALITY';
const owner = { tenantId: 'slack:T1', userId: COORD, isAdmin: false };

interface Block {
  type: string;
  block_id?: string;
  elements?: { action_id?: string; value?: string }[];
  text?: { text: string };
}

function formValues(overrides: Record<string, Record<string, unknown>> = {}): Record<string, Record<string, unknown>> {
  return {
    framework: { value: { type: 'static_select', selected_option: { value: 'team-health' } } },
    name: { value: { type: 'plain_text_input', value: 'Team check' } },
    cadence: { value: { type: 'static_select', selected_option: { value: 'biweekly' } } },
    weekday: { value: { type: 'static_select', selected_option: { value: '1' } } },
    day_of_month: { value: { type: 'number_input', value: '1' } },
    time: { value: { type: 'timepicker', selected_time: '09:30' } },
    cron: { value: { type: 'plain_text_input', value: null } },
    time_zone: { value: { type: 'plain_text_input', value: 'Europe/Brussels' } },
    answer_days: { value: { type: 'number_input', value: '5' } },
    options: { value: { type: 'checkboxes', selected_options: [{ value: 'anonymous' }, { value: 'reminders' }] } },
    k: { value: { type: 'number_input', value: '3' } },
    language: { value: { type: 'static_select', selected_option: { value: 'en' } } },
    participants: { value: { type: 'multi_users_select', selected_users: [] } },
    ...overrides,
  };
}

describe('recurring rounds in Slack', () => {
  let h: Harness;
  let metadata: string;
  let recurrenceId: string;

  beforeAll(async () => {
    h = await startHarness();
    h.fake.users = { [COORD]: { tz: 'Europe/Brussels' }, [ANN]: {}, [BOB]: {}, UADMIN: {}, UNL: { locale: 'nl-BE' } };
    h.fake.channelMembers = { [CHANNEL]: [COORD, ANN, BOB, BOT_USER_ID] };
  });
  afterAll(async () => {
    await h?.close();
  });

  const submit = (values: Record<string, Record<string, unknown>>) =>
    h.interact(viewSubmissionPayload({ teamId: 'T1', userId: COORD, callbackId: 'spiegel.schedule', privateMetadata: metadata, values }));

  it('opens the schedule form on /reflect schedule', async () => {
    await h.command({ text: 'schedule', userId: COORD, responseUrlId: 'open' });
    const open = await h.fake.waitFor(() => h.fake.of('views.open')[0]);
    const view = open.body.view as { callback_id: string; blocks: Block[]; private_metadata: string };
    expect(view.callback_id).toBe('spiegel.schedule');
    expect(view.blocks.map((b) => b.block_id)).toEqual(
      expect.arrayContaining([
        'framework',
        'cadence',
        'weekday',
        'time',
        'cron',
        'time_zone',
        'answer_days',
        'perspectives',
        'k',
        'options',
      ]),
    );
    metadata = view.private_metadata;
    expect(JSON.parse(metadata)).toMatchObject({ channelId: CHANNEL, timeZone: 'Europe/Brussels' });
  });

  it('refuses a custom schedule without a valid cron expression, beside the field, and stores nothing', async () => {
    const reply = await submit(
      formValues({
        cadence: { value: { type: 'static_select', selected_option: { value: 'cron' } } },
        cron: { value: { type: 'plain_text_input', value: '61 9 * * *' } },
      }),
    );
    expect(reply.status).toBe(200);
    const body = reply.json() as { response_action: string; errors: Record<string, string> };
    expect(body.response_action).toBe('errors');
    expect(Object.keys(body.errors)).toEqual(['cron']);
    const zone = (await submit(formValues({ time_zone: { value: { type: 'plain_text_input', value: 'Mars/Olympus' } } }))).json() as {
      errors: Record<string, string>;
    };
    expect(zone.errors.time_zone).toContain('Mars/Olympus');
    expect(await listRecurrences(h.ctx, owner)).toEqual([]);
  });

  it('schedules a round every two weeks for the channel’s people and says when the first opens', async () => {
    const reply = await submit(formValues());
    expect(reply.status).toBe(200);
    expect(reply.text).toBe('');
    const told = await h.fake.waitFor(() =>
      h.fake.responses((JSON.parse(metadata) as { responseUrl: string }).responseUrl.split('/').at(-1)!).at(-1),
    );
    expect(String(told.body.text)).toMatch(
      /^Scheduled “Team check” \(rec-[\w-]+\): every two weeks on Monday at 09:30\. The first round opens Mon/,
    );
    const [view] = await listRecurrences(h.ctx, owner);
    expect(view?.recurrence).toMatchObject({
      cadence: 'biweekly',
      cron: '30 9 * * 1',
      timeZone: 'Europe/Brussels',
      place: { platform: 'slack', channelId: CHANNEL },
      round: { anonymous: true, durationHours: 120, participants: [COORD, ANN, BOB], settings: { anonymityThreshold: 3 } },
    });
    recurrenceId = view!.recurrence.id;
  });

  it('lists the schedule in App Home with pause and delete, and the pause button pauses it', async () => {
    const home = async (eventId: string) => {
      const before = h.fake.of('views.publish').length;
      await h.post(
        eventBody({
          teamId: 'T1',
          eventId,
          event: { type: 'app_home_opened', user: COORD, channel: 'DHOME', tab: 'home', event_ts: '1.2' },
        }),
        'application/json',
      );
      const published = await h.fake.waitFor(() => h.fake.of('views.publish')[before]);
      return (published.body.view as { blocks: Block[] }).blocks;
    };
    const blocks = await home('EvHome1');
    const actions = blocks.find((b) => b.block_id === `schedule-actions|${recurrenceId}`);
    expect(actions?.elements?.map((e) => e.value)).toEqual([`pause|${recurrenceId}`, `delete|${recurrenceId}`]);
    expect(JSON.stringify(blocks)).toContain('every two weeks on Monday at 09:30');

    const publishes = h.fake.of('views.publish').length;
    await h.interact(
      blockActionPayload({
        teamId: 'T1',
        userId: COORD,
        channelId: 'DHOME',
        responseUrl: h.fake.responseUrl('unused'),
        actionId: 'spiegel.recurrence',
        blockId: `schedule-actions|${recurrenceId}`,
        value: `pause|${recurrenceId}`,
        container: { type: 'view', view_id: 'VHOME' },
      }),
    );
    const confirmation = await h.fake.waitFor(() => h.fake.of('chat.postMessage').find((c) => c.body.channel === COORD));
    expect(String(confirmation.body.text)).toContain('Paused “Team check”');
    const republished = await h.fake.waitFor(() => h.fake.of('views.publish')[publishes]);
    expect(JSON.stringify(republished.body.view)).toContain(`resume|${recurrenceId}`);
    const [view] = await listRecurrences(h.ctx, owner);
    expect(view?.recurrence.pausedAt).not.toBeNull();
    expect(view?.nextRunAt).toBeNull();
  });

  it('refuses a member who does not manage the schedule, and resumes and deletes it by command', async () => {
    await h.command({ text: `schedule delete ${recurrenceId}`, userId: ANN, responseUrlId: 'ann-delete' });
    const refused = await h.fake.waitFor(() => h.fake.responses('ann-delete')[0]);
    expect(String(refused.body.text)).toBe('Only the coordinators of this round can do that.');

    await h.command({ text: 'schedule resume', userId: COORD, responseUrlId: 'no-id' });
    expect(String((await h.fake.waitFor(() => h.fake.responses('no-id')[0])).body.text)).toContain('schedule resume ID');

    await h.command({ text: `schedule resume ${recurrenceId}`, userId: COORD, responseUrlId: 'resume' });
    expect(String((await h.fake.waitFor(() => h.fake.responses('resume')[0])).body.text)).toMatch(/^Resumed “Team check”.*opens Mon/);

    await h.command({ text: 'schedule list', userId: COORD, responseUrlId: 'list' });
    expect(String((await h.fake.waitFor(() => h.fake.responses('list')[0])).body.text)).toContain(`Team check (${recurrenceId})`);

    await h.command({ text: 'schedule delete rec-forged', userId: 'UADMIN', responseUrlId: 'forged' });
    expect(String((await h.fake.waitFor(() => h.fake.responses('forged')[0])).body.text)).toContain(
      'There is no recurring round “rec-forged”',
    );

    await h.command({ text: `schedule delete ${recurrenceId}`, userId: COORD, responseUrlId: 'delete' });
    expect(String((await h.fake.waitFor(() => h.fake.responses('delete')[0])).body.text)).toContain(
      `Deleted the recurring round ${recurrenceId}`,
    );
    expect(await listRecurrences(h.ctx, owner)).toEqual([]);
  });

  it('schedules a round on the process perspective only, and the round it opens asks only process criteria', async () => {
    const responseUrlId = (JSON.parse(metadata) as { responseUrl: string }).responseUrl.split('/').at(-1)!;
    const toldBefore = h.fake.responses(responseUrlId).length;
    const reply = await submit(
      formValues({
        name: { value: { type: 'plain_text_input', value: 'Process check' } },
        perspectives: { value: { type: 'multi_static_select', selected_options: [{ value: 'process' }] } },
      }),
    );
    expect(reply.status).toBe(200);
    expect(reply.text).toBe('');
    const told = await h.fake.waitFor(() => h.fake.responses(responseUrlId)[toldBefore]);
    expect(String(told.body.text)).toMatch(/^Scheduled “Process check” \(rec-[\w-]+\)/);
    const [view] = await listRecurrences(h.ctx, owner);
    expect(view?.recurrence.round).toMatchObject({ name: 'Process check', perspectives: ['process'], criterionIds: [] });

    const round = await roundOfNextOccurrence(h.ctx, { slack: h.slack.notifier }, view!);
    const processCriteria = criteriaOnPerspective(h.ctx, 'team-health', 'process');
    expect(processCriteria.length).toBeGreaterThan(1);
    expect(round?.framework.criteria.map((c) => c.id)).toEqual(processCriteria);
    expect(round?.framework.criteria.every((c) => c.perspective === 'process')).toBe(true);
    const announced = await h.fake.waitFor(() =>
      h.fake.of('chat.postMessage').find((c) => c.body.channel === CHANNEL && JSON.stringify(c.body).includes(round!.id)),
    );
    expect(String(announced.body.text)).toContain('Process check');
  });

  it('lists the new command in /reflect help in both languages', async () => {
    await h.command({ text: 'help', userId: COORD, responseUrlId: 'help' });
    expect(String((await h.fake.waitFor(() => h.fake.responses('help')[0])).body.text)).toContain('`/reflect schedule`');
    await h.command({ text: 'hulp', userId: 'UNL', responseUrlId: 'hulp' });
    expect(String((await h.fake.waitFor(() => h.fake.responses('hulp')[0])).body.text)).toContain('`/reflect plan`');
  });
});
