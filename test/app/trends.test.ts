/** Trends over four rounds, worked by hand: Mann–Whitney U between consecutive rounds decides what is flagged. */
import { expect, it } from 'vitest';
import { trendReport } from '../../src/app/trends.js';
import { importUnits } from '../../src/app/units.js';
import { updateWorkspaceSettings } from '../../src/app/workspace-settings.js';
import { trendLines } from '../../src/presentation/method-texts.js';
import { isSpiegelError } from '../../src/domain/errors.js';
import { mannWhitney } from '../../src/domain/trend.js';
import { useTestContext } from '../support/app-context.js';
import { importUnitRound, UNITS_CSV } from '../support/method-fixtures.js';

let now = Date.parse('2026-01-05T09:00:00Z');
const clock = { now: () => new Date(now) };
const testContext = useTestContext(clock);
const admin = { tenantId: 'cli:trend', userId: 'admin', isAdmin: true };
const place = { platform: 'cli' as const, tenantId: 'cli:trend', channelId: 'team-a' };

it('follows every earlier round and flags only the changes the spread does not explain', async () => {
  const { ctx } = testContext;
  await importUnits(ctx, admin, { csv: UNITS_CSV });
  const rounds: { goClear: number[]; wlMeans?: number[] }[] = [
    { goClear: [2, 2, 3, 3, 3], wlMeans: [4, 4] },
    { goClear: [2, 3, 3, 3, 4] },
    { goClear: [4, 4, 5, 5, 5] },
    { goClear: [3, 4, 4, 5, 5] },
  ];
  const ids: string[] = [];
  for (const answers of rounds) {
    ids.push(await importUnitRound(ctx, admin, place, 'oa', answers));
    now += 7 * 24 * 3600 * 1000;
  }
  const trend = (await trendReport(ctx, admin, { frameworkId: 'team-health', channelId: 'team-a' })).trend;
  expect(trend.rounds.map((r) => r.roundId)).toEqual(ids);
  const goClear = trend.series.find((s) => s.criterionId === 'go-clear')!;
  expect(goClear.points.map((p) => p.median)).toEqual([3, 3, 5, 4]);
  // R2 against R1: ranks 2 2 2 | 3 ×6 | 4 → R = 2 + 3·6.5 + 10 = 31.5, U = 16.5, not significant, median unchanged.
  // R3 against R2: ranks 2 | 3 3 3 | 4 4 4 | 5 5 5 → R = 2·6 + 3·9 = 39, U = 24; σ² = 25/12 · (11 − 72/90) = 21.25;
  // z = (24 − 12.5 − 0.5)/√21.25 = 2.386, p = 0.017: flagged. R4 against R3: U = 9, σ² = 18.75, z = −0.693,
  // p = 0.49: the median drops by 1, but the spread of the two rounds explains it, so it is not flagged.
  expect(goClear.changes.map((c) => [c.medianDelta, c.u, c.flagged])).toEqual([
    [0, 16.5, false],
    [2, 24, true],
    [-1, 9, false],
  ]);
  expect(goClear.changes[1]!.p).toBeCloseTo(0.017, 3);
  expect(goClear.changes[2]!.p).toBeCloseTo(0.488, 2);
  const wlMeans = trend.series.find((s) => s.criterionId === 'wl-means')!;
  expect(wlMeans.points[0]).toMatchObject({ fewerThanK: true, n: null, median: null });
  expect(wlMeans.changes).toEqual([]);

  // Below the target: the workspace's setting (3 by default), not a fixed 3.
  expect(trend.targetScore).toBe(3);
  expect(goClear.points.map((p) => p.belowTarget)).toEqual([false, false, false, false]);
  await updateWorkspaceSettings(ctx, admin, { targetScore: 4.5 });
  const raised = (await trendReport(ctx, admin, { frameworkId: 'team-health', channelId: 'team-a' })).trend;
  expect(raised.targetScore).toBe(4.5);
  expect(raised.series.find((s) => s.criterionId === 'go-clear')!.points.map((p) => p.belowTarget)).toEqual([true, true, false, true]);
  expect(trendLines(raised, ctx.frameworks.get('team-health'), 'en')).toContain('° below the workspace’s target of 4.5');
  await updateWorkspaceSettings(ctx, admin, { targetScore: 3 });

  const byUnit = (await trendReport(ctx, admin, { frameworkId: 'team-health', unitId: 'north' })).trend;
  expect(byUnit.rounds).toHaveLength(4);
  expect((await trendReport(ctx, admin, { frameworkId: 'team-health', unitId: 'south' })).trend.rounds).toEqual([]);
  await expect(trendReport(ctx, admin, { frameworkId: 'team-health', unitId: 'nowhere' })).rejects.toSatisfy((e) =>
    isSpiegelError(e, 'unit.unknown'),
  );
});

it('computes Mann–Whitney U from counts per scale point', () => {
  // Identical samples: U = n²/2, p = 1; all ratings equal: no test.
  const same = mannWhitney([0, 1, 1], [0, 1, 1]);
  expect(same?.u).toBe(2);
  expect(same?.p).toBeCloseTo(1, 6);
  expect(mannWhitney([0, 3], [0, 2])).toBeNull();
  expect(mannWhitney([], [1])).toBeNull();
});
