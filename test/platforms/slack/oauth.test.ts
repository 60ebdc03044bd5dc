/** OAuth distribution: /slack/install → Slack → /slack/oauth_redirect, installations sealed in MongoDB, tokens per workspace. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRound } from '../../../src/app/rounds.js';
import { uninstallGraceMs } from '../../../src/app/workspace-removal.js';
import { updateWorkspaceSettings } from '../../../src/app/workspace-settings.js';
import { ManualClock } from '../../support/manual-clock.js';
import { Scheduler } from '../../../src/scheduling/scheduler.js';
import { answer } from '../../support/answers.js';
import { createTestContext } from '../../support/app-context.js';
import { findInDatabase } from '../../support/member-id-scan.js';
import { silentLogger } from '../../scheduling/support.js';
import { startHarness, type Harness } from './support/harness.js';
import { eventBody } from './support/requests.js';

describe('Slack OAuth distribution', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({
      SLACK_BOT_TOKEN: '',
      SLACK_CLIENT_ID: '1234.5678',
      SLACK_CLIENT_SECRET: 'client-secret',
      SLACK_STATE_SECRET: 'state-secret-for-tests',
    });
    h.fake.users = { UINSTALLER: { locale: 'en-GB' } };
  });

  afterAll(async () => {
    await h?.close();
  });

  const deletionJobs = () => h.ctx.stores.jobs.list({ tenantId: 'slack:TOAUTH', kinds: ['workspace-deletion'] });

  /** The browser's round trip: /slack/install, Slack's consent (skipped), /slack/oauth_redirect with the state cookie. */
  async function install(): Promise<void> {
    const start = await fetch(`${h.baseUrl}/slack/install`, { redirect: 'manual' });
    const state = new URL(start.headers.get('location') ?? '').searchParams.get('state') ?? '';
    const cookie = (start.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const callback = await fetch(`${h.baseUrl}/slack/oauth_redirect?code=again&state=${encodeURIComponent(state)}`, {
      headers: { cookie },
      redirect: 'manual',
    });
    expect(callback.status).toBe(200);
  }

  it('installs the app into a workspace and keeps its token sealed', async () => {
    const install = await fetch(`${h.baseUrl}/slack/install`, { redirect: 'manual' });
    expect(install.status).toBe(302);
    const location = new URL(install.headers.get('location') ?? '');
    expect(location.origin + location.pathname).toBe('https://slack.com/oauth/v2/authorize');
    expect(location.searchParams.get('scope')).toBe(
      'commands,chat:write,users:read,channels:read,groups:read,im:write,im:history,files:write,channels:history,groups:history,files:read',
    );
    const state = location.searchParams.get('state') ?? '';
    const cookie = (install.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    expect(cookie).toMatch(/^slack-app-oauth-state=/);

    const forged = await fetch(`${h.baseUrl}/slack/oauth_redirect?code=abc&state=${encodeURIComponent(state)}`, { redirect: 'manual' });
    expect(forged.status).not.toBe(200); // no state cookie: not this browser's flow
    expect(h.fake.of('oauth.v2.access')).toHaveLength(0);

    const callback = await fetch(`${h.baseUrl}/slack/oauth_redirect?code=abc&state=${encodeURIComponent(state)}`, {
      headers: { cookie },
      redirect: 'manual',
    });
    expect(callback.status).toBe(200);
    expect(h.fake.of('oauth.v2.access')[0]?.body).toMatchObject({ code: 'abc', client_id: '1234.5678' });

    const doc = await h.database.db.collection('slack_installations').findOne({ _id: 'team:TOAUTH' as never });
    expect(doc).toMatchObject({ teamId: 'TOAUTH', enterpriseId: null });
    expect(JSON.stringify(doc)).not.toContain('xoxb-oauth-installed');
  });

  it('answers an installed workspace with its own token', async () => {
    const body = eventBody({
      teamId: 'TOAUTH',
      eventId: 'EvOAUTH1',
      event: { type: 'app_home_opened', user: 'UINSTALLER', channel: 'DX', tab: 'home', event_ts: '1.1' },
    });
    expect((await h.post(body, 'application/json')).status).toBe(200);
    const published = await h.fake.waitFor(() => h.fake.of('views.publish').find((c) => c.body.user_id === 'UINSTALLER'));
    expect(published.token).toBe('xoxb-oauth-installed');
    const round = { place: { platform: 'slack' as const, tenantId: 'slack:TOAUTH', channelId: 'C1' } };
    expect(await h.slack.notifier.memberTimeZone(round as never, 'UINSTALLER')).toBe('Europe/Brussels');
  });

  it('does nothing for a workspace that never installed it', async () => {
    const before = h.fake.calls.length;
    const body = eventBody({
      teamId: 'TSTRANGER',
      eventId: 'EvSTRANGE',
      event: { type: 'app_home_opened', user: 'UX', channel: 'DX', tab: 'home', event_ts: '1.1' },
    });
    expect((await h.post(body, 'application/json')).status).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    expect(h.fake.calls.length).toBe(before);
  });

  it('forgets the installation when the app is uninstalled', async () => {
    const body = eventBody({ teamId: 'TOAUTH', eventId: 'EvUNINSTALL', event: { type: 'app_uninstalled', event_ts: '1.2' } });
    expect((await h.post(body, 'application/json')).status).toBe(200);
    await expect.poll(() => h.database.db.collection('slack_installations').countDocuments({ _id: 'team:TOAUTH' as never })).toBe(0);
  });

  it('schedules the deletion of the workspace’s data after the grace period, and a reinstall cancels it', async () => {
    await expect.poll(async () => (await deletionJobs()).length).toBe(1);
    const [pending] = await deletionJobs();
    expect(pending).toMatchObject({ status: 'pending', tenantId: 'slack:TOAUTH' });
    expect(pending!.runAt.getTime() - pending!.createdAt.getTime()).toBe(uninstallGraceMs);

    await install();
    expect((await deletionJobs()).map((j) => [j.status, j.result?.note])).toEqual([['cancelled', 'reinstalled']]);
  });

  it('deletes every document of the workspace when the grace period ends, and nothing of another', async () => {
    const coordinator = { tenantId: 'slack:TOAUTH', userId: 'UINSTALLER', isAdmin: true };
    const round = await openRound(h.ctx, coordinator, {
      place: { platform: 'slack', tenantId: 'slack:TOAUTH', channelId: 'COAUTH' },
      frameworkId: 'team-health',
      criterionIds: ['go-clear'],
      participants: ['UINSTALLER', 'UOTHER'],
      locale: 'en',
    });
    await answer(h.ctx, coordinator, { roundId: round.id, criterionId: 'go-clear', value: 4, comment: 'kept until the end' });
    await updateWorkspaceSettings(h.ctx, coordinator, { retentionMonths: 6 });
    const neighbour = { tenantId: 'slack:T1', userId: 'UNEIGHBOUR', isAdmin: true };
    const kept = await openRound(h.ctx, neighbour, {
      place: { platform: 'slack', tenantId: 'slack:T1', channelId: 'CNEXT' },
      frameworkId: 'team-health',
      criterionIds: ['go-clear'],
      participants: ['UNEIGHBOUR'],
      locale: 'en',
    });

    const body = eventBody({ teamId: 'TOAUTH', eventId: 'EvUNINSTALL2', event: { type: 'app_uninstalled', event_ts: '1.3' } });
    expect((await h.post(body, 'application/json')).status).toBe(200);
    await expect.poll(async () => (await deletionJobs()).filter((j) => j.status === 'pending').length).toBe(1);

    const later = new ManualClock(Date.now() + uninstallGraceMs + 60_000);
    const ctx = await createTestContext(h.database.db, later);
    await new Scheduler({ ctx, notifiers: {}, logger: silentLogger, instanceId: 'grace-over' }).drain();

    const left = await findInDatabase(h.database.db, 'TOAUTH');
    expect(left.length).toBeGreaterThan(0);
    // Only the deletion jobs and their attempt claims remain, purged with the other settled jobs after 30 days.
    expect(left.filter((hit) => !/^(jobs|job_attempts:job):workspace-deletion:slack:TOAUTH:/.test(hit))).toEqual([]);
    expect(await findInDatabase(h.database.db, round.id)).toEqual([]);
    expect(await findInDatabase(h.database.db, 'kept until the end')).toEqual([]);
    expect(await h.ctx.stores.rounds.get('slack:T1', kept.id)).not.toBeNull();
    expect((await deletionJobs()).map((j) => j.status).sort()).toEqual(['cancelled', 'done']);
  });
});
