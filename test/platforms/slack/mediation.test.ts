/**
 * The case register and random case-file audits in Slack: signed slash commands to the real endpoint, the
 * reviewers' invitations sent by the real scheduler as direct messages to the stand-in Slack, ratings by click.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCases } from '../../../src/app/cases.js';
import { updateMediationSettings } from '../../../src/app/mediation-settings.js';
import { defaultWorkspaceSettings } from '../../../src/domain/scheduling.js';
import { createLogger } from '../../../src/logger.js';
import { encodeRate } from '../../../src/platforms/slack/ids.js';
import { Scheduler } from '../../../src/scheduling/scheduler.js';
import { ADMIN, startHarness, type Harness } from './support/harness.js';
import { blockActionPayload } from './support/requests.js';

const TENANT = 'slack:T1';
const CHANNEL = 'CQUALITY';

describe('mediation quality system in Slack', () => {
  let h: Harness;
  let sequence = 0;

  const command = async (userId: string, text: string): Promise<string> => {
    const id = `r${++sequence}`;
    const reply = await h.command({ text, userId, responseUrlId: id });
    expect(reply.status).toBe(200);
    const answer = await h.fake.waitFor(() => h.fake.responses(id).at(-1));
    return String(answer.body.text);
  };

  beforeAll(async () => {
    h = await startHarness();
    await h.ctx.stores.workspaceSettings.put({ ...defaultWorkspaceSettings(TENANT), quietHours: null }, new Date());
    await importCases(h.ctx, { tenantId: TENANT, userId: ADMIN, isAdmin: true }, await readFile('examples/case-register.csv', 'utf8'));
  });

  afterAll(async () => {
    await h?.close();
  });

  it('shows case files per mediator to coordinators only', async () => {
    expect(await command('U01ANNA', 'cases')).toBe('Only the quality coordinators and admins of this workspace can do that.');
    const counts = await command(ADMIN, 'cases');
    expect(counts).toContain('Case files per mediator:');
    expect(counts).toContain('U01ANNA: 9 case files (9 closed)');
    // Quality coordinators are the workspace's admins: those set in chat too, no separate list.
    await h.ctx.stores.workspaceSettings.put({ ...defaultWorkspaceSettings(TENANT), quietHours: null, admins: ['UQUALITY'] }, new Date());
    expect(await command('UQUALITY', 'cases')).toContain('U01ANNA: 9 case files (9 closed)');
  });

  it('draws an audit, invites each reviewer privately, collects ratings by click and reports where reviewers differ', async () => {
    const drawn = await command(ADMIN, 'audit draw 3 2025-01-01 2025-12-31 slack-seed');
    expect(drawn).toMatch(/^Audit \w+: 3 case files closed 2025-01-01 – 2025-12-31 \(seed slack-seed\)\./);
    const [audit] = await h.ctx.stores.audits.list(TENANT);
    if (!audit) throw new Error('no audit stored');
    expect(audit.place).toEqual({ platform: 'slack', tenantId: TENANT, channelId: CHANNEL });

    const scheduler = () =>
      new Scheduler({ ctx: h.ctx, notifiers: { slack: h.slack.notifier }, logger: createLogger('silent'), instanceId: 'test' });
    await Promise.all([scheduler().drain(), scheduler().drain()]);
    const invitations = h.fake.of('chat.postMessage').filter((c) => String(c.body.text).startsWith('You are asked to review case file'));
    expect(invitations).toHaveLength(6);
    const [file] = audit.files;
    if (!file) throw new Error('no file');
    const [one, two] = file.reviewers as [string, string];
    const first = invitations.find((c) => c.body.channel === `D${one}` && String(c.body.text).includes(file.caseId));
    expect(String(first?.body.text)).toContain('The referral and the intake with each party followed the steps of the manual.');
    expect(JSON.stringify(first?.body.blocks)).toContain(`"value":"${file.roundId}"`);

    const rate = (userId: string, criterionId: string, value: number) =>
      h.interact(
        blockActionPayload({
          teamId: 'T1',
          userId,
          channelId: `D${userId}`,
          responseUrl: h.fake.responseUrl(`rate-${userId}-${criterionId}`),
          actionId: `spiegel.rate:${value}`,
          blockId: `rate|${criterionId}|rating`,
          value: encodeRate({ roundId: file.roundId, criterionId, dimension: 'rating', value: String(value) }),
        }),
      );
    await rate(one, 'steps-intake', 1);
    await rate(two, 'steps-intake', 4);
    await rate(one, 'file-complete', 4);
    await rate(two, 'file-complete', 4);
    expect(await h.ctx.stores.responses.listForRound(TENANT, file.roundId)).toHaveLength(4);

    expect(await command(file.mediators[0]!, 'audit report')).toBe(
      'Only the quality coordinators and admins of this workspace can do that.',
    );
    const report = await command(ADMIN, 'audit report');
    expect(report).toContain(`Audit ${audit.id} · period 2025-01-01 – 2025-12-31 · seed slack-seed · 3 case files`);
    expect(report).toContain(`for discussion: steps-intake (${one}: 1, ${two}: 4)`);
    expect(report).not.toContain('for discussion: file-complete');
  });

  it('refuses a sample larger than the eligible files and stores nothing', async () => {
    const before = (await h.ctx.stores.audits.list(TENANT)).length;
    expect(await command(ADMIN, 'dossieronderzoek draw 99 2025-01-01 2025-12-31')).toBe(
      'Nothing was drawn: a sample of 99 is larger than the 13 case files closed in that period and not audited in the last 12 months.',
    );
    expect(await h.ctx.stores.audits.list(TENANT)).toHaveLength(before);
  });

  it('shows members their own licence standing, coordinators the report; takes entries, refuses unknown members', async () => {
    const mine = await command('U01BRAM', 'licence');
    expect(mine).toMatch(
      /^Your licence year from \d{4}-01-01, renewal on \d{4}-01-01:\nmediations \d+ · training hours 0 · intervisions 0\nStill needed: /,
    );
    expect(await command('UOUTSIDER', 'licentie')).toBe('UOUTSIDER is not a member of this workspace’s licence log; nothing was changed.');
    expect(await command('U01BRAM', 'licence report')).toBe('Only the quality coordinators and admins of this workspace can do that.');
    const today = new Date().toISOString().slice(0, 10);
    expect(await command(ADMIN, `licence add <@U01BRAM|bram> training ${today} 3,5`)).toBe(
      `Stored: training for U01BRAM on ${today} (3.5).`,
    );
    expect(await command(ADMIN, `licence add UNOBODY intervision ${today}`)).toBe(
      'UNOBODY is not a member of this workspace’s licence log; nothing was changed.',
    );
    const report = await command(ADMIN, 'licence report');
    expect(report).toContain('Requirements: 10 mediations, 16 training hours, 4 intervisions');
    expect(report).toContain('U01BRAM · mediations');
    expect(report).toContain('training hours 3.5');
  });

  it('reminds members falling short by direct message before renewal, once each', async () => {
    const inTenDays = new Date(Date.now() + 10 * 86_400_000).toISOString();
    await updateMediationSettings(
      h.ctx,
      { tenantId: TENANT, userId: ADMIN, isAdmin: true },
      { licenceYearStart: inTenDays.slice(5, 10), reminderWeeks: 2 },
    );
    const scheduler = () =>
      new Scheduler({ ctx: h.ctx, notifiers: { slack: h.slack.notifier }, logger: createLogger('silent'), instanceId: 'licence' });
    await Promise.all([scheduler().drain(), scheduler().drain()]);
    const reminders = h.fake.of('chat.postMessage').filter((c) => String(c.body.text).startsWith('Your licence is renewed on'));
    expect(reminders.map((c) => c.body.channel).sort()).toEqual(['DU01ANNA', 'DU01BRAM', 'DU01CHLOE', 'DU01DAAN', 'DU01EVA', 'DU01FENNA']);
    expect(String(reminders[0]?.body.text)).toContain(`Your licence is renewed on ${inTenDays.slice(0, 10)}.`);
  });
});
