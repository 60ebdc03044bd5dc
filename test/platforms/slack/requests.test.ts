/** Slack's request rules, against the running app: signatures, the 5-minute window, retries, acknowledgement. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './support/harness.js';
import { commandBody, eventBody, form } from './support/requests.js';

describe('Slack requests', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness();
    h.fake.users = { UHOME: { locale: 'en-GB' } };
  });

  afterAll(async () => {
    await h?.close();
  });

  it('serves /healthz on the same server', async () => {
    const response = await fetch(`${h.baseUrl}/healthz`);
    expect(response.status).toBe(200);
  });

  it('refuses a forged signature with 401 and does nothing', async () => {
    const before = h.fake.calls.length;
    const body = commandBody({
      text: 'help',
      teamId: 'T1',
      userId: 'UFORGER',
      channelId: 'CQUALITY',
      responseUrl: h.fake.responseUrl('forged'),
    });
    const reply = await h.post(body, form, { secret: 'not-the-signing-secret' });
    expect(reply.status).toBe(401);
    await new Promise((r) => setTimeout(r, 200));
    expect(h.fake.calls.length).toBe(before);
  });

  it('refuses a correctly signed request older than 5 minutes with 401', async () => {
    const body = commandBody({
      text: 'help',
      teamId: 'T1',
      userId: 'ULATE',
      channelId: 'CQUALITY',
      responseUrl: h.fake.responseUrl('old'),
    });
    const reply = await h.post(body, form, { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
    expect(reply.status).toBe(401);
    await new Promise((r) => setTimeout(r, 200));
    expect(h.fake.responses('old')).toHaveLength(0);
  });

  it('keeps serving when Slack refuses auth.test at first, and authorizes on a later request', async () => {
    h.fake.failWith.set('auth.test', 'service_unavailable');
    const first = await h.command({ text: 'help', userId: 'UHOME', responseUrlId: 'auth-down' });
    expect(first.status).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    expect(h.fake.responses('auth-down')).toHaveLength(0);
    h.fake.failWith.delete('auth.test');
    await h.command({ text: 'help', userId: 'UHOME', responseUrlId: 'auth-up' });
    await h.fake.waitFor(() => h.fake.responses('auth-up')[0]);
    expect((await fetch(`${h.baseUrl}/healthz`)).status).toBe(200);
  });

  it('acknowledges a command at once and answers privately with the help text', async () => {
    const reply = await h.command({ text: 'help', userId: 'UHOME', responseUrlId: 'help' });
    expect(reply.status).toBe(200);
    expect(reply.ms).toBeLessThan(3000);
    const [answer] = await h.fake.waitFor(() => (h.fake.responses('help').length > 0 ? h.fake.responses('help') : null));
    expect(answer?.body['response_type']).toBe('ephemeral');
    expect(String(answer?.body['text'])).toContain('/reflect start');
  });

  it('answers unknown input with the help text', async () => {
    await h.command({ text: 'fly me to the moon', userId: 'UHOME', responseUrlId: 'unknown' });
    const [answer] = await h.fake.waitFor(() => (h.fake.responses('unknown').length > 0 ? h.fake.responses('unknown') : null));
    expect(String(answer?.body['text'])).toMatch(/I do not know “fly”[\s\S]*\/reflect start/);
  });

  it('handles a retried event (X-Slack-Retry-Num) once', async () => {
    const body = eventBody({
      teamId: 'T1',
      eventId: 'Ev0HOME1',
      event: { type: 'app_home_opened', user: 'UHOME', channel: 'DHOME', tab: 'home', event_ts: '1700000000.1' },
    });
    const first = await h.post(body, 'application/json');
    const retry = await h.post(body, 'application/json', { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
    expect([first.status, retry.status]).toEqual([200, 200]);
    await h.fake.waitFor(() => h.fake.of('views.publish').length > 0);
    await new Promise((r) => setTimeout(r, 300));
    expect(h.fake.of('views.publish')).toHaveLength(1);
    expect(h.fake.of('views.publish')[0]?.body['user_id']).toBe('UHOME');
  });

  it.each([
    ['an hour', 60 * 60],
    ['a year', 365 * 24 * 60 * 60],
  ])('refuses a correctly signed request stamped %s in the future with 401', async (_label, aheadSeconds) => {
    const id = `future-${aheadSeconds}`;
    const body = commandBody({ text: 'help', teamId: 'T1', userId: 'UFUTURE', channelId: 'CQUALITY', responseUrl: h.fake.responseUrl(id) });
    const reply = await h.post(body, form, { timestamp: Math.floor(Date.now() / 1000) + aheadSeconds });
    expect(reply.status).toBe(401);
    await new Promise((r) => setTimeout(r, 200));
    expect(h.fake.responses(id)).toHaveLength(0);
  });

  it('accepts a request stamped a little ahead, within the 5-minute window', async () => {
    const body = commandBody({
      text: 'help',
      teamId: 'T1',
      userId: 'UHOME',
      channelId: 'CQUALITY',
      responseUrl: h.fake.responseUrl('skew'),
    });
    const reply = await h.post(body, form, { timestamp: Math.floor(Date.now() / 1000) + 60 });
    expect(reply.status).toBe(200);
    await h.fake.waitFor(() => h.fake.responses('skew')[0]);
  });
});
