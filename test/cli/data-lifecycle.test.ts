/** The admin's data-lifecycle commands through the real `spiegel` bin, against the real database. */
import { expect, it } from 'vitest';
import { systemClock } from '../../src/app/ports.js';
import { answer } from '../support/answers.js';
import { closeRound, openRound } from '../../src/app/rounds.js';
import { getWorkspaceSettings } from '../../src/app/workspace-settings.js';
import { createTestContext, noSummaryPost } from '../support/app-context.js';
import { cliSecret, useCli } from './support.js';

const { database, spiegel } = useCli();
/** Each test starts the bin several times; on a busy machine one start takes seconds. */
const slow = { timeout: 180_000 };

it('sets a tenant’s retention period and refuses a bad one', slow, async () => {
  const set = await spiegel('settings', 'set', 'retention-months', '12', '--tenant', 'slack:T42');
  expect(set.stderr).not.toContain('Error');
  expect(set.stdout).toBe('slack:T42: closed rounds are kept 12 months, then deleted with their answers and summaries.\n');
  const ctx = await createTestContext(database().db);
  expect((await getWorkspaceSettings(ctx, 'slack:T42')).retentionMonths).toBe(12);
  expect((await getWorkspaceSettings(ctx, 'slack:T43')).retentionMonths).toBe(24);

  const zero = await spiegel('settings', 'set', 'retention-months', '0', '--tenant', 'slack:T42', '--locale', 'nl');
  expect(zero.code).toBe(1);
  expect(zero.stderr).toContain('input.invalid');
  const words = await spiegel('settings', 'set', 'retention-months', 'twelve', '--tenant', 'slack:T42');
  expect(words.code).toBe(1);
  expect(words.stderr).toContain('retention-months: “twelve” is not a number');
  expect((await getWorkspaceSettings(ctx, 'slack:T42')).retentionMonths).toBe(12);
});

it('shows every workspace setting and sets any of them, refusing an unknown key', async () => {
  const set = await spiegel('settings', 'set', 'quiet-days', 'fri,sat', '--tenant', 'slack:T44');
  expect(set.stdout).toBe('slack:T44: Quiet days (quiet-days) is now fri,sat.\n');
  const shown = JSON.parse((await spiegel('settings', 'show', '--format', 'json', '--tenant', 'slack:T44')).stdout);
  expect(shown).toMatchObject({
    'quiet-hours': '20:00-08:00',
    'quiet-days': 'fri,sat',
    k: '3',
    reminders: '48h,4h',
    'retention-months': '24',
  });
  const unknown = await spiegel('settings', 'set', 'colour', 'blue', '--tenant', 'slack:T44');
  expect(unknown.code).toBe(1);
  expect(unknown.stderr).toContain('there is no setting “colour”');
}, 120_000);

it('erases and exports a member by id in one tenant only, recomputing closed summaries', slow, async () => {
  const ctx = await createTestContext(database().db, systemClock, cliSecret);
  const roundIds: Record<string, string> = {};
  for (const tenantId of ['teams:contoso', 'teams:fabrikam']) {
    const place = { platform: 'teams' as const, tenantId, channelId: '19:general' };
    const coordinator = { tenantId, userId: 'coord', isAdmin: false };
    const round = await openRound(ctx, coordinator, {
      place,
      frameworkId: 'team-health',
      criterionIds: ['go-clear'],
      participants: ['aad-ann', 'aad-bob', 'aad-cas'],
      anonymous: true,
      locale: 'en',
    });
    for (const [userId, value] of [
      ['aad-ann', 1],
      ['aad-bob', 4],
      ['aad-cas', 5],
    ] as const) {
      await answer(ctx, { tenantId, userId, isAdmin: false }, { roundId: round.id, criterionId: 'go-clear', value });
    }
    await closeRound(ctx, coordinator, round.id, noSummaryPost);
    roundIds[tenantId] = round.id;
  }

  const erased = await spiegel('member', 'erase', '--member', 'aad-ann', '--tenant', 'teams:contoso');
  expect(erased.stdout).toBe('aad-ann in teams:contoso: erased 1 answer in 1 round; summaries recomputed: 1.\n');
  expect(await ctx.stores.responses.listForRound('teams:contoso', roundIds['teams:contoso']!)).toHaveLength(2);
  expect(await ctx.stores.responses.listForRound('teams:fabrikam', roundIds['teams:fabrikam']!)).toHaveLength(3);
  const summary = await ctx.stores.summaries.get('teams:contoso', roundIds['teams:contoso']!);
  expect(summary).toMatchObject({ respondents: 2, updatedAfterErasure: true });

  const json = await spiegel('member', 'export', '--member', 'aad-bob', '--tenant', 'teams:contoso', '--format', 'json');
  const exported = JSON.parse(json.stdout) as { tenant: string; member: string; answers: Record<string, unknown>[] };
  expect(exported).toMatchObject({ tenant: 'teams:contoso', member: 'aad-bob' });
  expect(exported.answers).toEqual([
    expect.objectContaining({ roundId: roundIds['teams:contoso'], criterionId: 'go-clear', value: 4, anonymous: true, answeredAt: '' }),
  ]);
  const csv = await spiegel('member', 'export', '--member', 'aad-ann', '--tenant', 'teams:contoso', '--format', 'csv');
  expect(csv.stdout).toBe(
    'roundId,round,place,state,anonymous,openedAt,closedAt,component,criterionId,criterion,dimension,value,comment,openAnswer,answeredAt\n',
  );

  const missing = await spiegel('member', 'erase', '--tenant', 'teams:contoso');
  expect(missing.code).toBe(2);
  expect(missing.stderr).toContain('--member ID is missing');
});
