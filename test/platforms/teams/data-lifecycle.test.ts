/** A member's data in Teams, through Bot Framework activities to /api/messages: erasure with a confirmation card, access in the personal chat. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/app/actor.js';
import { answer } from '../../support/answers.js';
import { closeRound, openRound } from '../../../src/app/rounds.js';
import type { Round } from '../../../src/domain/round.js';
import { uninstallGraceMs } from '../../../src/app/workspace-removal.js';
import { verbs } from '../../../src/platforms/teams/ids.js';
import { ManualClock } from '../../support/manual-clock.js';
import { Scheduler } from '../../../src/scheduling/scheduler.js';
import { createTestContext } from '../../support/app-context.js';
import { findInDatabase } from '../../support/member-id-scan.js';
import { silentLogger } from '../../scheduling/support.js';
import { cardOf, cardText } from './support/fake-connector.js';
import {
  AAD_TENANT,
  BOT,
  execute,
  invokeResult,
  members,
  message,
  OTHER_TENANT,
  startTeamsHarness,
  TEAM_ID,
  TENANT_ID,
  type TeamsHarness,
} from './support/harness.js';
import { noSummaryPost } from '../../support/app-context.js';

const idOf = (account: { aadObjectId: string }) => account.aadObjectId;
const member = (userId: string): Actor => ({ tenantId: TENANT_ID, userId, isAdmin: false });

describe('Teams: a member’s own data', () => {
  let h: TeamsHarness;
  let open: Round;
  let closed: Round;

  beforeAll(async () => {
    h = await startTeamsHarness();
    const rounds: Round[] = [];
    for (const anonymous of [true, false]) {
      const round = await openRound(h.ctx, member(idOf(members.an)), {
        place: { platform: 'teams', tenantId: TENANT_ID, channelId: TEAM_ID },
        frameworkId: 'team-health',
        criterionIds: ['go-clear'],
        participants: [members.an, members.bram, members.chloe].map(idOf),
        anonymous,
        locale: 'en',
      });
      for (const [account, value] of [
        [members.an, 3],
        [members.bram, 1],
        [members.chloe, 5],
      ] as const) {
        await answer(h.ctx, member(idOf(account)), {
          roundId: round.id,
          criterionId: 'go-clear',
          value,
          comment: account.name,
        });
      }
      rounds.push(round);
    }
    [closed, open] = rounds as [Round, Round];
    await closeRound(h.ctx, member(idOf(members.an)), closed.id, noSummaryPost);
  });

  afterAll(async () => h?.close());

  it('sends the question privately from a channel; “keep” keeps, “erase” erases the member’s answers everywhere', async () => {
    h.connector.clear();
    expect((await h.post(message(h.connector, members.bram, 'forget me', { thread: 't-forget' }))).status).toBe(200);
    const personal = h.connector.sent().filter((c) => c.conversationId?.startsWith('a:personal-'));
    expect(personal).toHaveLength(1);
    expect(personal[0]!.cardText).toContain('Spiegel stores 2 answers of yours in this workspace (2 rounds)');
    expect(JSON.stringify(cardOf(personal[0]!.body))).toContain(verbs.forgetConfirm);
    expect(h.connector.sent(`${TEAM_ID};messageid=t-forget`)[0]!.cardText).toContain('personal chat');

    const kept = invokeResult((await h.post(execute(h.connector, members.bram, verbs.forgetKeep, {}, { kind: 'personal' }))).body);
    expect(cardText(kept.card)).toBe('Nothing was erased.');
    expect(await h.ctx.stores.responses.listForRound(TENANT_ID, open.id)).toHaveLength(3);

    const erased = invokeResult((await h.post(execute(h.connector, members.bram, verbs.forgetConfirm, {}, { kind: 'personal' }))).body);
    expect(cardText(erased.card)).toBe('Erased: 2 answers in 2 rounds. Summaries recomputed: 1.');
    for (const round of [open, closed]) {
      const left = await h.ctx.stores.responses.listForRound(TENANT_ID, round.id);
      expect(left.map((r) => r.comment).sort()).toEqual(['An Peeters', 'Chloé Dubois']);
    }
    const summary = await h.ctx.stores.summaries.get(TENANT_ID, closed.id);
    expect(summary).toMatchObject({ respondents: 2, updatedAfterErasure: true });
  });

  it('understands Dutch in the personal chat and says when nothing is stored', async () => {
    h.connector.clear();
    await h.post(message(h.connector, members.outsider, 'vergeet mij', { kind: 'personal', locale: 'nl-BE' }));
    expect(h.connector.sent()[0]!.cardText).toBe('Spiegel bewaart in deze werkruimte geen antwoorden van jou: er is niets te wissen.');
  });

  it('sends a member their stored answers in the personal chat, from a channel too', async () => {
    h.connector.clear();
    await h.post(message(h.connector, members.chloe, 'my data', { thread: 't-data' }));
    const personal = h.connector.sent().filter((c) => c.conversationId?.startsWith('a:personal-'));
    expect(personal).toHaveLength(1);
    const text = personal[0]!.cardText;
    expect(text).toContain('Spiegel stores 2 answers of yours in this workspace, in 2 rounds:');
    expect(text.match(/5 · Strongly agree — “Chloé Dubois”/g)).toHaveLength(2);
    expect(text).toContain('anonymous rounds');
    expect(h.connector.sent(`${TEAM_ID};messageid=t-data`)[0]!.cardText).toBe('I sent you your answers in our personal chat.');

    h.connector.clear();
    await h.post(message(h.connector, members.bram, 'mijn gegevens', { kind: 'personal', locale: 'nl-BE' }));
    expect(h.connector.sent()[0]!.cardText).toBe('Spiegel bewaart in deze werkruimte geen antwoorden van jou.');
  });

  describe('uninstall', () => {
    const deletionJobs = () => h.ctx.stores.jobs.list({ tenantId: TENANT_ID, kinds: ['workspace-deletion'] });
    /** An activity of the app's installation, as Teams sends it: in the team's channel unless said otherwise. */
    const teamActivity = (fields: Record<string, unknown>, kind: 'channel' | 'personal' = 'channel') => ({
      ...message(h.connector, members.an, '', { kind }),
      text: undefined,
      entities: undefined,
      ...fields,
    });

    it('schedules the deletion of the tenant’s data when the app leaves a team; adding it back cancels it', async () => {
      expect((await h.post(teamActivity({ type: 'installationUpdate', action: 'remove' }))).status).toBe(200);
      const [pending] = await deletionJobs();
      expect(pending).toMatchObject({ status: 'pending' });
      expect(pending!.runAt.getTime() - pending!.createdAt.getTime()).toBe(uninstallGraceMs);
      // Teams also says the bot left the team: the first date stands.
      await h.post(teamActivity({ type: 'conversationUpdate', membersRemoved: [{ id: BOT.id }] }));
      expect(await deletionJobs()).toHaveLength(1);

      await h.post(teamActivity({ type: 'installationUpdate', action: 'add' }));
      expect((await deletionJobs()).map((j) => [j.status, j.result?.note])).toEqual([['cancelled', 'reinstalled']]);
    });

    it('ignores a member removing the app from their personal chat', async () => {
      await h.post(teamActivity({ type: 'installationUpdate', action: 'remove' }, 'personal'));
      expect((await deletionJobs()).filter((j) => j.status === 'pending')).toEqual([]);
    });

    it('deletes the tenant’s rounds, answers and member records when the grace period ends, and nothing of another tenant', async () => {
      await h.post(message(h.connector, members.outsider, 'help', { tenant: OTHER_TENANT, kind: 'personal' }));
      await h.post(teamActivity({ type: 'conversationUpdate', membersRemoved: [{ id: BOT.id }] }));
      expect((await deletionJobs()).filter((j) => j.status === 'pending')).toHaveLength(1);
      expect(await findInDatabase(h.db.db, members.chloe.aadObjectId)).not.toEqual([]);

      const later = new ManualClock(Date.now() + uninstallGraceMs + 60_000);
      const ctx = await createTestContext(h.db.db, later);
      await new Scheduler({ ctx, notifiers: {}, logger: silentLogger, instanceId: 'grace-over' }).drain();

      for (const gone of [open.id, closed.id, members.chloe.aadObjectId, members.an.name])
        expect(await findInDatabase(h.db.db, gone)).toEqual([]);
      const left = await findInDatabase(h.db.db, AAD_TENANT);
      expect(left.filter((hit) => !/^(jobs|job_attempts:job):workspace-deletion:/.test(hit))).toEqual([]);
      expect(await findInDatabase(h.db.db, OTHER_TENANT)).not.toEqual([]);
    });
  });
});
