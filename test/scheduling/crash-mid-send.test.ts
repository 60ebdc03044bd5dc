/**
 * A scheduler process killed (kill -9) while the stand-in Slack holds its chat.postMessage calls: a reminder
 * to one member and a round's summary. Another process takes the jobs over after the lease, with the real
 * Slack notifier: each member ends up with exactly one reminder in their direct messages, and the channel
 * with exactly one summary. Slack either dropped the held reminder (the takeover sends it) or took it (the
 * takeover finds it through conversations.history and its metadata, and does not send it again).
 */
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, expect, inject, it } from 'vitest';
import type { Actor } from '../../src/app/actor.js';
import type { AppContext } from '../../src/app/context.js';
import { remindNow, roundJobStatus } from '../../src/app/jobs.js';
import { openRound } from '../../src/app/rounds.js';
import { defaultWorkspaceSettings } from '../../src/domain/scheduling.js';
import { ManualClock } from '../support/manual-clock.js';
import { FakeSlack } from '../platforms/slack/support/fake-slack.js';
import { createTestContext } from '../support/app-context.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';
import { hour, spawnInstance } from './support.js';

const fixture = fileURLToPath(new URL('./fixtures/slack-scheduler-instance.ts', import.meta.url));
const tenantId = 'slack:T1';
const coordinator: Actor = { tenantId, userId: 'UCOORD', isAdmin: false };
// Wednesday 11 March 2026, 10:00 in Brussels.
const NOW = new Date('2026-03-11T09:00:00Z');
/** Past the scheduler's job lease and a send's lease (5 minutes each). */
const AFTER_LEASES = new Date(NOW.getTime() + 6 * 60_000);

let database: TestDatabase;
let ctx: AppContext;
let clock: ManualClock;
let fake: FakeSlack;
const children: ChildProcess[] = [];

beforeEach(async () => {
  database = await openTestDatabase();
  clock = new ManualClock(NOW.getTime() - 2 * hour);
  ctx = await createTestContext(database.db, clock);
  await ctx.stores.workspaceSettings.put({ ...defaultWorkspaceSettings(tenantId), quietHours: null }, clock.now());
  fake = new FakeSlack();
  fake.users = { UANN: { locale: 'nl-BE' }, UBOB: { locale: 'en-GB' } };
  // Slack stamps messages with its own (real) time: here the time the instances work at.
  fake.messageClock = () => clock.now().getTime();
  await fake.start();
});

afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await fake.stop();
  await database.close();
});

function startInstance(instanceId: string, now: Date) {
  const env = { MONGODB_URI: inject('mongodbUri'), MONGODB_DB: database.db.databaseName, SLACK_API_URL: fake.apiUrl };
  return spawnInstance<{ report: { ran: number } }>(fixture, { ...env, INSTANCE_ID: instanceId, NOW: now.toISOString() }, children);
}

const reminderMetadata = (message: { metadata?: unknown }) => (message.metadata as { event_type?: string } | undefined)?.event_type;

it.each([
  ['Slack dropped the held reminder: the takeover sends it', false],
  ['Slack took the held reminder: the takeover finds it and does not send it again', true],
])(
  'a scheduler killed mid-send: each member gets exactly one reminder, the channel one summary (%s)',
  { timeout: 120_000 },
  async (_name, delivered) => {
    const roundInput = {
      frameworkId: 'team-health',
      criterionIds: ['go-clear'],
      participants: ['UANN', 'UBOB'],
      locale: 'en' as const,
    };
    const closing = await openRound(ctx, coordinator, {
      ...roundInput,
      place: { platform: 'slack', tenantId, channelId: 'CSUMMARY' },
      name: 'Closing round',
      deadline: new Date(NOW.getTime() - hour),
    });
    clock.set(NOW.getTime());
    const reminding = await openRound(ctx, coordinator, {
      ...roundInput,
      place: { platform: 'slack', tenantId, channelId: 'CREMIND' },
      deadline: new Date(NOW.getTime() + 40 * hour),
    });
    expect(await remindNow(ctx, coordinator, reminding.id)).toMatchObject({ queued: true, members: 2 });

    const heldReminder = fake.holdPost((body) => body.channel === 'DUBOB');
    const heldSummary = fake.holdPost((body) => body.channel === 'CSUMMARY');
    const a = startInstance('instance-a', NOW);
    await a.ready;
    a.go();
    await Promise.all([heldReminder.reached, heldSummary.reached]);
    a.kill();
    await a.exited;
    heldReminder.release(delivered);
    heldSummary.release(false);

    clock.set(AFTER_LEASES.getTime());
    const b = startInstance('instance-b', AFTER_LEASES);
    await b.ready;
    b.go();
    expect((await b.output).report.ran).toBeGreaterThanOrEqual(2);

    for (const member of ['UANN', 'UBOB']) {
      expect(fake.messages(`D${member}`).filter((m) => reminderMetadata(m) === 'spiegel_reminder')).toHaveLength(1);
    }
    const dmPosts = fake.of('chat.postMessage').filter((c) => c.body.channel === 'DUBOB');
    expect(dmPosts).toHaveLength(delivered ? 1 : 2);
    expect(fake.of('conversations.history').some((c) => c.body.channel === 'DUBOB')).toBe(true);
    expect(fake.messages('CSUMMARY').filter((m) => String(m.text).startsWith('Summary: Closing round'))).toHaveLength(1);

    const [reminderJob] = (await roundJobStatus(ctx, coordinator, reminding.id)).jobs.filter((j) => j.slot?.startsWith('now-'));
    expect(reminderJob).toMatchObject({ status: 'done', attempts: 2 });
    const [deadlineJob] = (await roundJobStatus(ctx, coordinator, closing.id)).jobs.filter((j) => j.kind === 'deadline');
    expect(deadlineJob).toMatchObject({ status: 'done', attempts: 2, result: { note: 'summary-posted' } });
  },
);
