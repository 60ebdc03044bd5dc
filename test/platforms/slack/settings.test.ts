/**
 * Workspace settings from Slack: /reflect settings shows them; admins change one with `settings set`, or all in
 * the App Home form (a bad value is refused beside its field); an admin named in chat becomes an admin; new
 * rounds take the workspace's defaults; members are refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRound } from '../../../src/app/rounds.js';
import { getWorkspaceSettings } from '../../../src/app/workspace-settings.js';
import { settingKeys, settingValue } from '../../../src/presentation/settings-text.js';
import { ADMIN, startHarness, type Harness } from './support/harness.js';
import { blockActionPayload, eventBody, viewSubmissionPayload } from './support/requests.js';

const TENANT = 'slack:T1';

describe('workspace settings in Slack', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    h.fake.users = { [ADMIN]: {}, UMEMBER: {}, UNEWADMIN: {}, UNL: { locale: 'nl-BE' } };
  });
  afterAll(async () => {
    await h?.close();
  });

  const said = async (id: string) => String((await h.fake.waitFor(() => h.fake.responses(id)[0])).body.text);

  it('shows the settings to anyone and lists the command in help in both languages', async () => {
    await h.command({ text: 'settings', userId: 'UMEMBER', responseUrlId: 'show' });
    const text = await said('show');
    expect(text).toContain('Time zone (time-zone): Europe/Brussels');
    expect(text).toContain('Quiet hours (no reminders) (quiet-hours): 20:00-08:00');
    expect(text).toContain('Anonymity threshold k for new rounds (k): 3');
    await h.command({ text: 'help', userId: 'UMEMBER', responseUrlId: 'help' });
    expect(await said('help')).toContain('`/reflect settings`');
    await h.command({ text: 'hulp', userId: 'UNL', responseUrlId: 'hulp' });
    expect(await said('hulp')).toContain('`/reflect instellingen`');
  });

  it('lets an admin set one value, refuses bad values with the reason and members altogether', async () => {
    await h.command({ text: 'settings set k 5', userId: ADMIN, responseUrlId: 'k' });
    expect(await said('k')).toBe('slack:T1: Anonymity threshold k for new rounds (k) is now 5.');
    await h.command({ text: 'settings set reminders 72, 24 ,2', userId: ADMIN, responseUrlId: 'rem' });
    expect(await said('rem')).toContain('(reminders) is now 72h,24h,2h.');
    await h.command({ text: 'settings set k 2', userId: ADMIN, responseUrlId: 'k2' });
    expect(await said('k2')).toContain('k is a whole number from 3 to 50');
    await h.command({ text: 'settings set time-zone Mars/Olympus', userId: ADMIN, responseUrlId: 'tz' });
    expect(await said('tz')).toContain('unknown time zone “Mars/Olympus”');
    await h.command({ text: 'settings set colour blue', userId: ADMIN, responseUrlId: 'colour' });
    expect(await said('colour')).toContain('there is no setting “colour”');
    await h.command({ text: 'settings set k 9', userId: 'UMEMBER', responseUrlId: 'member' });
    expect(await said('member')).toBe('Only the admins of this workspace can do that.');
    expect((await getWorkspaceSettings(h.ctx, TENANT)).anonymityThreshold).toBe(5);
  });

  it('gives new rounds the workspace defaults', async () => {
    const round = await openRound(
      h.ctx,
      { tenantId: TENANT, userId: ADMIN, isAdmin: true },
      {
        place: { platform: 'slack', tenantId: TENANT, channelId: 'CQUALITY' },
        frameworkId: 'team-health',
        participants: ['U1', 'U2', 'U3'],
        deadline: new Date(Date.now() + 7 * 86_400_000),
        locale: 'en',
      },
    );
    expect(round.settings.anonymityThreshold).toBe(5);
    expect(round.reminderPlan).toEqual({ hoursBeforeDeadline: [72, 24, 2], max: 3 });
  });

  it('offers admins the settings form in App Home; a bad field is refused beside it, a good form saves everything', async () => {
    await h.post(
      eventBody({
        teamId: 'T1',
        eventId: 'EvSettings',
        event: { type: 'app_home_opened', user: ADMIN, channel: 'D1', tab: 'home', event_ts: '1.3' },
      }),
      'application/json',
    );
    const home = await h.fake.waitFor(() => h.fake.of('views.publish').find((c) => c.body.user_id === ADMIN));
    expect(JSON.stringify(home.body.view)).toContain('spiegel.settings');

    await h.interact(
      blockActionPayload({
        teamId: 'T1',
        userId: ADMIN,
        channelId: 'D1',
        responseUrl: h.fake.responseUrl('unused'),
        actionId: 'spiegel.settings',
        blockId: 'workspace-settings',
        value: 'edit',
        container: { type: 'view', view_id: 'VHOME' },
      }),
    );
    const open = await h.fake.waitFor(() => h.fake.of('views.open')[0]);
    const view = open.body.view as { callback_id: string; blocks: { block_id: string; element: { initial_value: string } }[] };
    expect(view.callback_id).toBe('spiegel.settings');
    expect(view.blocks.map((b) => b.block_id)).toEqual([...settingKeys]);
    const values = (changes: Record<string, string>) =>
      Object.fromEntries(
        view.blocks.map((b) => [
          b.block_id,
          { value: { type: 'plain_text_input', value: changes[b.block_id] ?? b.element.initial_value } },
        ]),
      );
    const submit = (changes: Record<string, string>) =>
      h.interact(
        viewSubmissionPayload({
          teamId: 'T1',
          userId: ADMIN,
          callbackId: 'spiegel.settings',
          privateMetadata: '',
          values: values(changes),
        }),
      );

    const refused = (await submit({ 'quiet-hours': '25:00-08:00', 'low-response': 'most' })).json() as { errors: Record<string, string> };
    expect(Object.keys(refused.errors).sort()).toEqual(['low-response', 'quiet-hours']);
    expect(refused.errors['low-response']).toContain('“most” is not a number');

    const saved = await submit({
      language: 'nl',
      'quiet-hours': '21:30-07:00',
      'quiet-days': 'sun',
      'low-response': '40%',
      admins: 'UNEWADMIN',
    });
    expect(saved.status).toBe(200);
    expect(saved.text).toBe('');
    const settings = await getWorkspaceSettings(h.ctx, TENANT);
    expect(settings).toMatchObject({
      locale: 'nl',
      quietHours: { start: '21:30', end: '07:00', days: [0] },
      lowResponseRate: 0.4,
      admins: ['UNEWADMIN'],
    });
    expect(settingValue(settings, 'quiet-days')).toBe('sun');
  });

  it('treats an admin named in chat as an admin', async () => {
    await h.command({ text: 'settings set target 4', userId: 'UNEWADMIN', responseUrlId: 'new-admin' });
    expect(await said('new-admin')).toContain('(target) is now 4.');
  });
});
