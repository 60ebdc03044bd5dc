/** Licence reminders through the real scheduler: a set number of weeks before renewal, outside quiet hours, once per member. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addLicenceEntry } from '../../src/app/licence.js';
import { updateMediationSettings } from '../../src/app/mediation-settings.js';
import { Scheduler } from '../../src/scheduling/scheduler.js';
import { schedulingFixture, silentLogger, type SchedulingFixture } from './support.js';

const TENANT = 'slack:TLICENCE';
const admin = { tenantId: TENANT, userId: 'UADMIN', isAdmin: true };
let f: SchedulingFixture;

beforeAll(async () => {
  f = await schedulingFixture('2026-07-15T10:00:00Z');
});
afterAll(async () => f?.database.close());

const drain = () =>
  Promise.all(
    ['a', 'b'].map((id) => new Scheduler({ ctx: f.ctx, notifiers: { slack: f.notifier }, logger: silentLogger, instanceId: id }).drain()),
  );

it('reminds members who fall short, four weeks before renewal, after the weekend, once each; then plans next year', async () => {
  // Renewal on Sunday 6 September 2026: four weeks before is a Sunday, a quiet day by default.
  await updateMediationSettings(f.ctx, admin, {
    members: ['UANN', 'UBOB', 'UCAROL'],
    licenceYearStart: '09-06',
    reminderWeeks: 4,
    requirements: { mediations: 0, trainingHours: 8, intervisions: 0 },
  });
  await addLicenceEntry(f.ctx, admin, { member: 'UCAROL', kind: 'training', date: '2026-03-02', amount: 8 });
  await addLicenceEntry(f.ctx, admin, { member: 'UBOB', kind: 'training', date: '2026-03-02', amount: 2.5 });
  const [job] = await f.ctx.stores.jobs.list({ tenantId: TENANT, kinds: ['licence-reminders'] });
  expect(job).toMatchObject({ id: `licence-reminders:${TENANT}:2026-09-06:4w`, runAt: new Date('2026-08-09T09:00:00Z') });

  f.clock.set('2026-08-09T09:00:00Z');
  await drain();
  expect(f.notifier.privateMessages).toHaveLength(0);
  expect((await f.ctx.stores.jobs.get(job!.id))?.runAt).toEqual(new Date('2026-08-10T06:00:00Z')); // Monday 08:00 in Brussels

  f.clock.set('2026-08-10T06:00:00Z');
  await drain();
  await drain();
  const sent = f.notifier.privateMessages;
  expect(sent.map((m) => m.memberId).sort()).toEqual(['UANN', 'UBOB']);
  expect(sent.find((m) => m.memberId === 'UBOB')?.text).toBe(
    'Your licence is renewed on 2026-09-06. So far this licence year:\nmediations 0 · training hours 2.5 · intervisions 0\nStill needed: 5.5 training hours.',
  );
  const next = await f.ctx.stores.jobs.list({ tenantId: TENANT, kinds: ['licence-reminders'], status: 'pending' });
  expect(next.map((j) => j.id)).toEqual([`licence-reminders:${TENANT}:2027-09-06:4w`]);
});

it('skips a job whose settings changed, and plans the new slot instead', async () => {
  await updateMediationSettings(f.ctx, admin, { reminderWeeks: 2 });
  f.clock.set('2027-08-09T09:00:00Z');
  await drain();
  const old = await f.ctx.stores.jobs.get(`licence-reminders:${TENANT}:2027-09-06:4w`);
  expect(old).toMatchObject({ status: 'skipped', result: { note: 'superseded' } });
  expect(await f.ctx.stores.jobs.get(`licence-reminders:${TENANT}:2027-09-06:2w`)).toMatchObject({ status: 'pending' });
});
