/** The Slack Notifier driven by the real scheduler: reminders as direct messages, the summary at the deadline, once. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/app/actor.js';
import { remindNow } from '../../../src/app/jobs.js';
import { openRound } from '../../../src/app/rounds.js';
import { defaultWorkspaceSettings } from '../../../src/domain/scheduling.js';
import { createLogger } from '../../../src/logger.js';
import { Scheduler } from '../../../src/scheduling/scheduler.js';
import { startHarness, type Harness } from './support/harness.js';

const CHANNEL = 'CSCHED';
const coordinator: Actor = { tenantId: 'slack:T1', userId: 'UCOORD', isAdmin: false };

describe('Slack notifier with the scheduler', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness();
    h.fake.users = { UANN: { locale: 'nl-BE', tz: 'Europe/Brussels' }, UBOB: { locale: 'en-GB', tz: 'Europe/London' } };
    await h.ctx.stores.workspaceSettings.put({ ...defaultWorkspaceSettings('slack:T1'), quietHours: null }, new Date());
  });

  afterAll(async () => {
    await h?.close();
  });

  const open = (deadlineInMs: number) =>
    openRound(h.ctx, coordinator, {
      place: { platform: 'slack', tenantId: 'slack:T1', channelId: CHANNEL },
      frameworkId: 'team-health',
      criterionIds: ['go-clear'],
      participants: ['UANN', 'UBOB'],
      deadline: new Date(Date.now() + deadlineInMs),
      locale: 'en',
    });
  const scheduler = () =>
    new Scheduler({ ctx: h.ctx, notifiers: { slack: h.slack.notifier }, logger: createLogger('silent'), instanceId: 'test' });

  it('reminds by direct message, in each member’s language, once', async () => {
    const round = await open(3_600_000);
    expect(await remindNow(h.ctx, coordinator, round.id)).toMatchObject({ queued: true, members: 2 });
    await Promise.all([scheduler().drain(), scheduler().drain()]);
    const dms = h.fake.of('chat.postMessage').filter((c) => String(c.body['channel']).startsWith('D'));
    expect(dms.map((c) => c.body['channel']).sort()).toEqual(['DUANN', 'DUBOB']);
    expect(String(dms.find((c) => c.body['channel'] === 'DUANN')?.body['text'])).toMatch(/^Herinnering/);
    expect(JSON.stringify(dms[0]?.body['blocks'])).toContain(`"value":"${round.id}"`);
  });

  it('closes the round at its deadline and posts the summary in the channel once', async () => {
    const round = await open(1_500);
    await h.slack.notifier.announceRound(round);
    await new Promise((r) => setTimeout(r, 1_700));
    await Promise.all([scheduler().drain(), scheduler().drain()]);
    const summaries = h.fake
      .of('chat.postMessage')
      .filter((c) => c.body['channel'] === CHANNEL && String(c.body['text']).startsWith('Summary:'));
    expect(summaries).toHaveLength(1);
    expect((await h.ctx.stores.rounds.get('slack:T1', round.id))?.state).toBe('closed');
    expect(h.fake.of('chat.update').some((c) => JSON.stringify(c.body['blocks']).includes('This round is closed'))).toBe(true);
  });
});
