/** A workspace's own frameworks in Slack: a file shared in a direct message, `/reflect frameworks show|retire`, the news of a new version. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultWorkspaceSettings } from '../../../src/domain/scheduling.js';
import { createLogger } from '../../../src/logger.js';
import { Scheduler } from '../../../src/scheduling/scheduler.js';
import { openRound } from '../../../src/app/rounds.js';
import { BROKEN_FRAMEWORK, OUR_FRAMEWORK_V1, OUR_FRAMEWORK_V2 } from '../../support/workspace-frameworks.js';
import { ADMIN, startHarness, type Harness } from './support/harness.js';
import { eventBody } from './support/requests.js';

describe('Slack: frameworks of the workspace', () => {
  let h: Harness;
  let events = 0;

  beforeAll(async () => {
    h = await startHarness();
    h.fake.users = { [ADMIN]: { locale: 'en-GB' }, UNL: { locale: 'nl-BE' }, UMEMBER: { locale: 'en-GB' } };
    await h.ctx.stores.workspaceSettings.put({ ...defaultWorkspaceSettings('slack:T1'), quietHours: null }, new Date());
  });
  afterAll(async () => h?.close());

  /** Shares a file with the bot in a direct message (the `message` event with files) and waits for the answer there. */
  async function share(user: string, name: string, content: string, size?: number): Promise<string> {
    const fileId = `F${++events}`;
    h.fake.files.set(fileId, { name, content, ...(size === undefined ? {} : { size }) });
    const channel = `D${user}`;
    const before = h.fake.messages(channel).length;
    const event = {
      type: 'message',
      subtype: 'file_share',
      channel,
      channel_type: 'im',
      user,
      ts: `${events}.1`,
      text: '',
      files: [{ id: fileId }],
    };
    const reply = await h.post(eventBody({ teamId: 'T1', eventId: `EvFile${events}`, event }), 'application/json');
    expect(reply.status).toBe(200);
    const answer = await h.fake.waitFor(() => h.fake.messages(channel)[before]);
    return String(answer.text);
  }

  const command = async (text: string, userId = ADMIN, teamId = 'T1') => {
    const id = `r${++events}`;
    await h.command({ text, userId, teamId, responseUrlId: id });
    return String((await h.fake.waitFor(() => h.fake.responses(id).at(-1))).body.text);
  };
  // The help comes in as many messages as Slack's length limit needs; the line is in one of them.
  const helpLine = async (text: string, line: string, userId = ADMIN) => {
    const id = `r${++events}`;
    await h.command({ text, userId, teamId: 'T1', responseUrlId: id });
    return String((await h.fake.waitFor(() => h.fake.responses(id).find((r) => String(r.body.text).includes(line)))).body.text);
  };

  it('stores a file an admin shares in a direct message, downloaded with the bot token', async () => {
    const answer = await share(ADMIN, 'our-intake.yaml', OUR_FRAMEWORK_V1);
    expect(answer).toContain('“Our intake” (our-intake, version 1) is stored for this workspace as revision 1');
    expect(h.fake.of('files.info').at(-1)?.token).toBe('xoxb-test-token');
    expect(h.fake.of('download').at(-1)?.token).toBe('Bearer xoxb-test-token');
    expect(await command('frameworks')).toContain('this workspace’s own (revision 1)');
    const shown = await command('frameworks show our-intake');
    expect(shown).toContain('Our intake (our-intake, version 1)');
    expect(shown).toContain('in-plan [process]: We make a plan together.');
    expect(shown).toContain('in-missing [open question]: What does our intake miss?');
    expect(shown).toContain('Open questions about the whole round\n  best-moment: Which moment went best?');
    expect(await command('frameworks show')).toContain('“frameworks show ID”: every criterion of a framework');
    expect(await helpLine('help', 'frameworks show ID')).toContain('`frameworks show ID`: every criterion of one; `frameworks retire ID`');
    expect(await helpLine('hulp', 'kaders show ID', 'UNL')).toContain('`kaders show ID`: alle criteria van een kader');
    // Another workspace never sees it.
    expect(await command('frameworks show our-intake', 'UOTHER', 'T2')).toContain('There is no framework called “our-intake”');
  });

  it('names each problem of a broken file with its line and path, in the member’s language, and stores nothing', async () => {
    await h.ctx.stores.workspaceSettings.put({ ...defaultWorkspaceSettings('slack:T1'), quietHours: null, admins: ['UNL'] }, new Date());
    const answer = await share('UNL', 'kapot.yaml', BROKEN_FRAMEWORK);
    expect(answer).toContain('kapot.yaml is geen geldig kader, dus er is niets bewaard. 1 probleem:');
    expect(answer).toMatch(/• regel \d+, criteria\[0\]\.perspective: /);
    const refusedType = await share('UNL', 'notes.txt', 'hello');
    expect(refusedType).toContain('een kaderbestand eindigt op .yaml, .yml of .json');
  });

  it('refuses an oversized file before downloading it, and a file from a member who is not an admin', async () => {
    const downloads = h.fake.of('download').length;
    expect(await share(ADMIN, 'huge.yaml', OUR_FRAMEWORK_V1, 5 * 1024 * 1024)).toContain('the file is too large (5242880 bytes');
    expect(await share('UMEMBER', 'our-intake.yaml', OUR_FRAMEWORK_V2)).toContain('Only');
    expect(h.fake.of('download')).toHaveLength(downloads);
    expect(await command('frameworks show our-intake')).toContain('version 1');
  });

  it('tells the members once what changed in a new version; open rounds keep theirs, new rounds ask the new one', async () => {
    const place = { platform: 'slack' as const, tenantId: 'slack:T1', channelId: 'CINTAKE' };
    const admin = { tenantId: 'slack:T1', userId: ADMIN, isAdmin: true };
    const open = await openRound(h.ctx, admin, { place, frameworkId: 'our-intake', participants: ['UMEMBER', 'UNL'], locale: 'en' });
    const answer = await share(ADMIN, 'our-intake-2.yaml', OUR_FRAMEWORK_V2);
    expect(answer).toContain('as revision 2');
    expect(answer).toContain('Members will be told in a private message what changed.');
    const scheduler = () =>
      new Scheduler({ ctx: h.ctx, notifiers: { slack: h.slack.notifier }, logger: createLogger('silent'), instanceId: 'test' });
    await Promise.all([scheduler().drain(), scheduler().drain()]);
    const news = (channel: string) =>
      h.fake.messages(channel).filter((m) => String(m.text).includes('Our intake') || String(m.text).includes('Onze intake'));
    expect(news('DUMEMBER')).toHaveLength(1);
    expect(String(news('DUMEMBER')[0]!.text)).toContain('+ in-follow: We follow up within a week.');
    expect(String(news('DUNL')[0]!.text)).toContain('Het kader “Onze intake” is in deze werkruimte veranderd.');
    expect(String(news('DUNL')[0]!.text)).toContain('- in-paper: Het papierwerk is volledig.');
    await scheduler().drain();
    expect(news('DUMEMBER')).toHaveLength(1);
    expect((await h.ctx.stores.rounds.get('slack:T1', open.id))?.framework.version).toBe('1');
    const next = await openRound(h.ctx, admin, { place, frameworkId: 'our-intake', participants: ['UMEMBER'], locale: 'en' });
    expect(next.framework.version).toBe('2');
  });

  it('lets an admin retire it, and refuses retiring a built-in or by a member', async () => {
    expect(await command('frameworks retire our-intake', 'UMEMBER')).toContain('Only');
    expect(await command('frameworks retire team-health')).toContain('is built in and cannot be retired');
    expect(await command('kaders retire our-intake')).toContain('is retired');
    expect(await command('frameworks')).not.toContain('our-intake');
  });
});
