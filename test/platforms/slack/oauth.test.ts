/** OAuth distribution: /slack/install → Slack → /slack/oauth_redirect, installations sealed in MongoDB, tokens per workspace. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

  it('installs the app into a workspace and keeps its token sealed', async () => {
    const install = await fetch(`${h.baseUrl}/slack/install`, { redirect: 'manual' });
    expect(install.status).toBe(302);
    const location = new URL(install.headers.get('location') ?? '');
    expect(location.origin + location.pathname).toBe('https://slack.com/oauth/v2/authorize');
    expect(location.searchParams.get('scope')).toBe(
      'commands,chat:write,users:read,channels:read,groups:read,im:write,im:history,files:write',
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
    const published = await h.fake.waitFor(() => h.fake.of('views.publish').find((c) => c.body['user_id'] === 'UINSTALLER'));
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
});
