import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { inject } from 'vitest';
import type { Actor } from '../../src/app/actor.js';
import type { AppContext } from '../../src/app/context.js';
import { remindNow } from '../../src/app/jobs.js';
import { answer } from '../support/answers.js';
import { openRound } from '../../src/app/rounds.js';
import { ManualClock } from '../support/manual-clock.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';
import { createTestContext } from '../support/app-context.js';
import { hour, spawnInstance } from './support.js';

const fixture = fileURLToPath(new URL('./fixtures/scheduler-instance.ts', import.meta.url));
const tenantId = 'slack:T9';
const coordinator: Actor = { tenantId, userId: 'coord', isAdmin: false };
// Wednesday 11 March 2026, 10:00 in Brussels: outside quiet hours.
const NOW = new Date('2026-03-11T09:00:00Z');

let database: TestDatabase;
let ctx: AppContext;
let clock: ManualClock;
const children: ChildProcess[] = [];

beforeEach(async () => {
  database = await openTestDatabase();
  clock = new ManualClock(NOW.getTime() - 72 * hour);
  ctx = await createTestContext(database.db, clock);
});

afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill();
  await database.close();
});

interface InstanceOutput {
  instanceId: string;
  report: { ran: number; byResult: Record<string, number> };
  reminders: { roundId: string; memberId: string; slot: string }[];
  summaries: string[];
}

function startInstance(instanceId: string, contend: boolean) {
  const env = { MONGODB_URI: inject('mongodbUri'), MONGODB_DB: database.db.databaseName, INSTANCE_ID: instanceId, NOW: NOW.toISOString() };
  return spawnInstance<InstanceOutput>(fixture, { ...env, CONTEND: contend ? '1' : '0' }, children);
}

it.each([
  ['each picking its own jobs (the normal case)', false],
  ['running the same jobs at the same time (same start lane, leases expiring at once)', true],
])(
  'two scheduler processes on one database send each reminder and each summary exactly once: %s',
  { timeout: 180_000 },
  async (_name, contend) => {
    const criterionId = ctx.frameworks.get('team-health').criteria[0]!.id;
    const participants = ['m1', 'm2', 'm3', 'm4', 'm5', 'm6'];
    const reminding: string[] = [];
    const closing: string[] = [];
    // 8 rounds whose 48 h slot is due (deadline in 40 h), each also with a coordinator's "remind now";
    // one member of each answered. 5 rounds whose deadline passed an hour ago.
    for (let i = 0; i < 8; i++) {
      const round = await openRound(ctx, coordinator, {
        place: { platform: 'slack', tenantId, channelId: `C${i}` },
        frameworkId: 'team-health',
        criterionIds: [criterionId],
        participants,
        locale: 'en',
        deadline: new Date(NOW.getTime() + 40 * hour),
      });
      await answer(ctx, { tenantId, userId: 'm1', isAdmin: false }, { roundId: round.id, criterionId, value: 4, comment: null });
      reminding.push(round.id);
    }
    for (let i = 0; i < 5; i++) {
      const round = await openRound(ctx, coordinator, {
        place: { platform: 'slack', tenantId, channelId: `D${i}` },
        frameworkId: 'team-health',
        criterionIds: [criterionId],
        participants,
        locale: 'nl',
        deadline: new Date(NOW.getTime() - hour),
      });
      closing.push(round.id);
    }
    clock.set(NOW.getTime() - 10 * 60_000);
    for (const roundId of reminding) expect(await remindNow(ctx, coordinator, roundId)).toMatchObject({ queued: true, members: 5 });

    const a = startInstance('instance-a', contend);
    const b = startInstance('instance-b', contend);
    await Promise.all([a.ready, b.ready]);
    a.go();
    b.go();
    const outputs = await Promise.all([a.output, b.output]);

    const reminders = outputs.flatMap((o) => o.reminders.map((r) => `${r.roundId}/${r.slot}/${r.memberId}`));
    const expected = reminding.flatMap((roundId) =>
      ['48h', ...new Set(outputs.flatMap((o) => o.reminders.filter((r) => r.slot.startsWith('now-')).map((r) => r.slot)))].flatMap((slot) =>
        participants.slice(1).map((m) => `${roundId}/${slot}/${m}`),
      ),
    );
    expect(expected).toHaveLength(8 * 2 * 5);
    expect([...reminders].sort()).toEqual([...expected].sort()); // each exactly once: no duplicate, none missing
    const summaries = outputs.flatMap((o) => o.summaries);
    expect([...summaries].sort()).toEqual([...closing].sort());
    for (const roundId of closing) expect((await ctx.stores.rounds.get(tenantId, roundId))?.state).toBe('closed');
    console.info(
      `instances: ${outputs.map((o) => `${o.instanceId} ran ${o.report.ran} attempts, sent ${o.reminders.length} reminders and ${o.summaries.length} summaries`).join('; ')}`,
    );
  },
);
