/** A workspace's own frameworks in Teams: a file attached in the personal chat, `frameworks show|retire`, the news of a new version. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRound } from '../../../src/app/rounds.js';
import { defaultWorkspaceSettings } from '../../../src/domain/scheduling.js';
import { createLogger } from '../../../src/logger.js';
import { Scheduler } from '../../../src/scheduling/scheduler.js';
import { verbs } from '../../../src/platforms/teams/ids.js';
import { BROKEN_FRAMEWORK, OUR_FRAMEWORK_V1, OUR_FRAMEWORK_V2 } from '../../support/workspace-frameworks.js';
import type { FakeAccount } from './support/fake-connector.js';
import { execute, members, message, OTHER_TENANT, startTeamsHarness, TEAM_ID, TENANT_ID, type TeamsHarness } from './support/harness.js';

let h: TeamsHarness;
const admin = members.an;

beforeAll(async () => {
  h = await startTeamsHarness({ SPIEGEL_ADMINS: admin.aadObjectId });
  await h.ctx.stores.workspaceSettings.put({ ...defaultWorkspaceSettings(TENANT_ID), quietHours: null }, new Date());
  // The roster is read (and remembered) when An opens the start form: the members can then be reached privately.
  await h.post(execute(h.connector, admin, verbs.startFramework, { framework: 'team-health' }, { thread: 'hello' }));
});
afterAll(async () => h?.close());

/** Sends a file in the personal chat (Teams' file.download.info attachment) and returns the bot's answer there. */
async function attach(from: FakeAccount, name: string, content: string, locale = 'en-US'): Promise<string> {
  h.connector.files.set(name, content);
  h.connector.clear();
  const activity = {
    ...message(h.connector, from, '', { kind: 'personal', locale }),
    attachments: [
      {
        contentType: 'application/vnd.microsoft.teams.file.download.info',
        name,
        contentUrl: 'https://contoso.sharepoint.com/personal/an/Documents/file',
        content: { downloadUrl: h.connector.fileUrl(name), uniqueId: name, fileType: name.split('.').pop() },
      },
    ],
  };
  expect((await h.post(activity)).status).toBe(200);
  return h.connector
    .sent(`a:personal-${from.id}`)
    .map((s) => s.cardText)
    .join('\n');
}

async function say(from: FakeAccount, text: string, where: Parameters<typeof message>[3] = { kind: 'personal' }): Promise<string> {
  h.connector.clear();
  await h.post(message(h.connector, from, text, where));
  return h.connector
    .sent()
    .map((s) => s.cardText)
    .join('\n');
}

describe('Teams: frameworks of the workspace', () => {
  it('stores a file an admin attaches in the personal chat, lists and shows it, never to another tenant', async () => {
    expect(await attach(admin, 'our-intake.yaml', OUR_FRAMEWORK_V1)).toContain('is stored for this workspace as revision 1');
    expect(h.connector.calls.some((c) => c.path === '/files/our-intake.yaml')).toBe(true);
    expect(await say(admin, 'frameworks')).toContain('this workspace’s own (revision 1)');
    expect(await say(admin, 'help')).toContain('**frameworks show ID**: every criterion of one');
    expect(await say(admin, 'hulp', { kind: 'personal', locale: 'nl-BE' })).toContain('**kaders show ID**: alle criteria van een kader');
    const shown = await say(admin, 'frameworks show our-intake');
    expect(shown).toContain('in-listen [process]: We listen first.');
    expect(shown).toContain('in-missing [open question]: What does our intake miss?');
    expect(shown).toContain('best-moment: Which moment went best?');
    expect(await say(members.bram, 'frameworks show our-intake', { kind: 'personal', tenant: OTHER_TENANT })).toContain(
      'There is no framework called “our-intake”',
    );
  });

  it('names each problem of a broken file with its line and path, in Dutch for a Dutch admin, and refuses members', async () => {
    const answer = await attach(admin, 'kapot.yaml', BROKEN_FRAMEWORK, 'nl-BE');
    expect(answer).toContain('kapot.yaml is geen geldig kader, dus er is niets bewaard. 1 probleem:');
    expect(answer).toMatch(/regel \d+, criteria\[0\]\.perspective/);
    expect(await attach(members.bram, 'our-intake.yaml', OUR_FRAMEWORK_V2)).toContain('Only the admins of this workspace can do that.');
    expect(h.connector.calls.some((c) => c.path.startsWith('/files/'))).toBe(false);
  });

  it('tells the members in their personal chat what changed in a new version, once', async () => {
    const place = { platform: 'teams' as const, tenantId: TENANT_ID, channelId: TEAM_ID };
    const actor = { tenantId: TENANT_ID, userId: admin.aadObjectId, isAdmin: true };
    await openRound(h.ctx, actor, { place, frameworkId: 'our-intake', participants: [members.bram.aadObjectId], locale: 'en' });
    expect(await attach(admin, 'our-intake-2.yaml', OUR_FRAMEWORK_V2)).toContain('as revision 2');
    h.connector.clear();
    const scheduler = () =>
      new Scheduler({ ctx: h.ctx, notifiers: { teams: h.teams.notifier }, logger: createLogger('silent'), instanceId: 't' });
    await Promise.all([scheduler().drain(), scheduler().drain()]);
    const news = h.connector.sent().filter((s) => s.cardText.includes('changed in this workspace'));
    expect(news).toHaveLength(1);
    expect(news[0]!.cardText).toContain('~ in-plan: We make a plan together.');
    expect(news[0]!.cardText).toContain('→ We make a written plan together.');
  });

  it('lets an admin retire it', async () => {
    expect(await say(members.bram, 'frameworks retire our-intake')).toContain('Only the admins');
    expect(await say(admin, 'frameworks retire our-intake')).toContain('is retired');
    expect(await say(admin, 'frameworks')).not.toContain('our-intake');
  });
});
