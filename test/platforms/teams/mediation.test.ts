/**
 * The case register and random case-file audits in Teams: Bot Framework activities to /api/messages, the
 * reviewers' invitations sent by the real scheduler to their personal chats through the stand-in connector,
 * ratings on the answer cards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCases } from '../../../src/app/cases.js';
import { defaultWorkspaceSettings } from '../../../src/domain/scheduling.js';
import { createLogger } from '../../../src/logger.js';
import { verbs } from '../../../src/platforms/teams/ids.js';
import { Scheduler } from '../../../src/scheduling/scheduler.js';
import { execute, members, message, saveData, startTeamsHarness, TEAM_ID, TENANT_ID, type TeamsHarness } from './support/harness.js';

const admin = members.an;
let h: TeamsHarness;

beforeAll(async () => {
  h = await startTeamsHarness({ SPIEGEL_ADMINS: admin.aadObjectId });
  const [an, bram, chloe] = [members.an, members.bram, members.chloe].map((m) => m.aadObjectId);
  const csv = [
    'case,mediator,opened,closed,type',
    `T-1,${an},2025-01-10,2025-03-01,family`,
    `T-2,${bram},2025-02-10,2025-04-01,school`,
    `T-3,${chloe},2025-03-10,2025-05-01,neighbours`,
    `T-4,${bram};${chloe},2025-03-10,2025-06-01,neighbours`,
  ].join('\n');
  await importCases(h.ctx, { tenantId: TENANT_ID, userId: admin.aadObjectId, isAdmin: true }, csv);
  await h.ctx.stores.workspaceSettings.put({ ...defaultWorkspaceSettings(TENANT_ID), quietHours: null }, new Date());
  // Members who wrote to Spiegel once can be reached in their personal chat.
  const known = [members.an, members.bram, members.chloe];
  for (const member of known) await h.post(message(h.connector, member, 'help', { kind: 'personal' }));
  for (let i = 0; i < 100; i++) {
    const stored = await h.store.getMembers(
      TENANT_ID,
      known.map((m) => m.aadObjectId),
    );
    if (stored.filter((m) => m.personalConversationId).length === known.length) break;
    await new Promise((r) => setTimeout(r, 20));
  }
});

afterAll(async () => {
  await h?.close();
});

async function say(from: (typeof members)[keyof typeof members], text: string, thread: string): Promise<string> {
  h.connector.clear();
  const res = await h.post(message(h.connector, from, text, { thread }));
  expect(res.status).toBeLessThan(300);
  return h.connector
    .sent(`${TEAM_ID};messageid=${thread}`)
    .map((s) => s.cardText)
    .join('\n');
}

describe('mediation quality system in Teams', () => {
  it('shows case files per mediator to coordinators only', async () => {
    expect(await say(members.bram, 'cases', 'c1')).toContain('Only the quality coordinators and admins of this workspace can do that.');
    expect(await say(admin, 'cases', 'c2')).toContain(`${members.bram.aadObjectId}: 2 case files (2 closed)`);
  });

  it('draws an audit, invites reviewers in their personal chat, takes ratings on the cards and reports', async () => {
    const drawn = await say(admin, 'audit draw 2 2025-01-01 2025-12-31 teams-seed', 'a1');
    expect(drawn).toMatch(/Audit \w+: 2 case files closed 2025-01-01 – 2025-12-31 \(seed teams-seed\)\./);
    const [audit] = await h.ctx.stores.audits.list(TENANT_ID);
    if (!audit) throw new Error('no audit');
    const file = audit.files.find((f) => f.mediators.length === 1) ?? audit.files[0];
    if (!file) throw new Error('no file');

    h.connector.clear();
    const scheduler = () =>
      new Scheduler({ ctx: h.ctx, notifiers: { teams: h.teams.notifier }, logger: createLogger('silent'), instanceId: 'test' });
    await Promise.all([scheduler().drain(), scheduler().drain()]);
    const personal = h.connector.sent().filter((s) => s.conversationId?.startsWith('a:personal-'));
    const invitations = personal.filter((s) => s.cardText.includes('You are asked to review case file'));
    expect(invitations).toHaveLength(4);
    expect(personal.some((s) => s.cardText.includes('The referral and the intake with each party followed the steps of the manual.'))).toBe(
      true,
    );

    const reviewers = Object.values(members).filter((m) => file.reviewers.includes(m.aadObjectId));
    expect(reviewers).toHaveLength(2);
    const round = await h.ctx.stores.rounds.get(TENANT_ID, file.roundId);
    if (!round) throw new Error('no round');
    const values = ['1', '3'];
    for (const [i, reviewer] of reviewers.entries()) {
      const res = await h.post(
        execute(h.connector, reviewer, verbs.answer, { ...saveData(round), 'rate|steps-intake|rating': values[i] }, { kind: 'personal' }),
      );
      expect(res.status).toBe(200);
    }
    expect(await h.ctx.stores.responses.listForRound(TENANT_ID, file.roundId)).toHaveLength(2);
    const report = await say(admin, 'audit report', 'a2');
    expect(report).toContain(`Audit ${audit.id} · period 2025-01-01 – 2025-12-31 · seed teams-seed · 2 case files`);
    expect(report).toContain('for discussion: steps-intake');
  });

  it('refuses a draw when no reviewer is available who is not the mediator, and stores nothing', async () => {
    const before = (await h.ctx.stores.audits.list(TENANT_ID)).length;
    const refused = await say(admin, 'audit draw 2 2025-01-01 2025-12-31 other-seed 3', 'a3');
    expect(refused).toMatch(/Nothing was drawn: case file T-\d needs 3 reviewers who are not its mediator, and only [12] are available\./);
    const tooMany = await say(admin, 'audit draw 5 2025-01-01 2025-12-31', 'a4');
    expect(tooMany).toContain('Nothing was drawn: a sample of 5 is larger than the 2 case files');
    expect(await h.ctx.stores.audits.list(TENANT_ID)).toHaveLength(before);
  });

  it('shows a member their licence standing and coordinators the licence report', async () => {
    expect(await say(members.bram, 'licentie', 'l1')).toMatch(/Your licence year from \d{4}-01-01, renewal on \d{4}-01-01:/);
    expect(await say(members.outsider, 'licence', 'l2')).toContain('is not a member of this workspace’s licence log');
    const report = await say(admin, 'licence report 2025', 'l3');
    expect(report).toContain('Licence year from 2025-01-01, renewal on 2026-01-01');
    expect(report).toContain(`${members.bram.aadObjectId} · mediations 2 · training hours 0 · intervisions 0`);
  });
});
