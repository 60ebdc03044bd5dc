/**
 * Workspace settings from Teams: an admin gets the settings card in the personal chat and saves it (a bad value
 * comes back on the card); `settings set` works in any conversation; members see the values but are refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getWorkspaceSettings } from '../../../src/app/workspace-settings.js';
import { verbs } from '../../../src/platforms/teams/ids.js';
import { cardText } from './support/fake-connector.js';
import { execute, invokeResult, members, message, startTeamsHarness, TEAM_ID, TENANT_ID, type TeamsHarness } from './support/harness.js';

let h: TeamsHarness;

beforeAll(async () => {
  h = await startTeamsHarness({ SPIEGEL_ADMINS: members.an.aadObjectId });
});
afterAll(async () => {
  await h?.close();
});

describe('workspace settings in Teams', () => {
  it('gives an admin the settings card in the personal chat, and saves it', async () => {
    h.connector.clear();
    await h.post(message(h.connector, members.an, 'settings', { kind: 'personal' }));
    const [card] = h.connector.sent();
    expect(card!.cardText).toContain('Workspace settings');

    const values = {
      language: 'default',
      'time-zone': 'Europe/Amsterdam',
      'quiet-hours': 'off',
      k: '4',
      admins: members.bram.aadObjectId,
    };
    const bad = await h.post(execute(h.connector, members.an, verbs.settingsSave, { ...values, k: 'many' }, { kind: 'personal' }));
    expect(cardText(invokeResult(bad.body).card)).toContain('k: “many” is not a number');
    expect((await getWorkspaceSettings(h.ctx, TENANT_ID)).anonymityThreshold).toBe(3);

    const good = await h.post(execute(h.connector, members.an, verbs.settingsSave, values, { kind: 'personal' }));
    expect(cardText(invokeResult(good.body).card)).toContain('Settings saved.');
    expect(await getWorkspaceSettings(h.ctx, TENANT_ID)).toMatchObject({
      timeZone: 'Europe/Amsterdam',
      quietHours: null,
      anonymityThreshold: 4,
      admins: [members.bram.aadObjectId],
    });
  });

  it('lets an admin named in chat change a value in a channel, and refuses members', async () => {
    h.connector.clear();
    await h.post(message(h.connector, members.bram, 'settings set retention-months 6', { thread: 't-set' }));
    await h.post(message(h.connector, members.chloe, 'settings set k 9', { thread: 't-set' }));
    await h.post(message(h.connector, members.chloe, 'instellingen', { thread: 't-set', locale: 'nl-BE' }));
    const [set, refused, shown] = h.connector.sent(`${TEAM_ID};messageid=t-set`);
    expect(set!.cardText).toContain('closed rounds are kept 6 months');
    expect(refused!.cardText).toBe('Only the admins of this workspace can do that.');
    expect(shown!.cardText).toContain('Tijdzone (time-zone): Europe/Amsterdam');
    const saved = await h.post(execute(h.connector, members.chloe, verbs.settingsSave, { k: '9' }, { kind: 'personal' }));
    expect(invokeResult(saved.body).message).toBe('Only the admins of this workspace can do that.');
  });

  it('lists the command in help in both languages', async () => {
    h.connector.clear();
    await h.post(message(h.connector, members.chloe, 'help', { kind: 'personal' }));
    await h.post(message(h.connector, members.chloe, 'hulp', { kind: 'personal', locale: 'nl-BE' }));
    const [en, nl] = h.connector.sent();
    expect(en!.cardText).toContain('**settings**');
    expect(nl!.cardText).toContain('**instellingen**');
  });
});
