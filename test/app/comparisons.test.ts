/** A comparison worked by hand: two regions, three organisations, k hiding one organisation's item. */
import { errorText } from '../../src/presentation/error-text.js';
import { describe, expect, it } from 'vitest';
import { compareUnits } from '../../src/app/comparisons.js';
import { importRound } from '../../src/app/import-round.js';
import { openRound } from '../../src/app/rounds.js';
import { importUnits, unitStructure } from '../../src/app/units.js';
import { isSpiegelError } from '../../src/domain/errors.js';
import { useTestContext } from '../support/app-context.js';
import { UNITS_CSV as units } from '../support/method-fixtures.js';

const admin = { tenantId: 'cli:compare', userId: 'admin', isAdmin: true };
const member = { tenantId: 'cli:compare', userId: 'someone', isAdmin: false };
const place = { platform: 'cli' as const, tenantId: 'cli:compare', channelId: 'cli' };
const testContext = useTestContext();

/** One paper round per organisation on team-health's `go-clear` (goals) and `wl-means` (workload). */
async function importFor(unitId: string, goals: (number | 'na')[], workload: (number | 'na')[]): Promise<void> {
  const rows = ['member,criterion,dimension,value,comment'];
  goals.forEach((v, i) => rows.push(`m${i},go-clear,,${v},`));
  workload.forEach((v, i) => rows.push(`m${i},wl-means,,${v},`));
  await importRound(testContext.ctx, admin, { place, frameworkId: 'team-health', locale: 'en', csv: rows.join('\n'), unitId });
}

describe('comparisons', () => {
  it('pools the rounds under each unit, hides items with fewer than k answers, and ranks the spread', async () => {
    const { ctx } = testContext;
    await importUnits(ctx, admin, { csv: units });
    expect((await unitStructure(ctx, member)).units.map((u) => u.id)).toEqual(['north', 'south', 'oa', 'ob', 'oc']);
    await importFor('oa', [4, 4, 5], [2, 3, 3]);
    await importFor('ob', [2, 2, 3], [3, 3, 'na']);
    await importFor('oc', [5, 5, 4, 4], [1, 2, 2]);

    const orgs = await compareUnits(ctx, admin, { frameworkId: 'team-health', level: 'organisation' });
    expect(orgs.units).toEqual([
      { unitId: 'oa', name: 'Org A', rounds: 1 },
      { unitId: 'ob', name: 'Org B', rounds: 1 },
      { unitId: 'oc', name: 'Org C', rounds: 1 },
    ]);
    const item = (rollup: typeof orgs, unitId: string, criterionId: string) =>
      rollup.items.find((i) => i.unitId === unitId && i.criterionId === criterionId && i.dimension === 'rating');
    // Org A, goals: 4 4 5 → median 4, Q1 4, Q3 4.5 (type 7), s² = 1/3, rwg = 1 − (1/3)/2 = 5/6.
    expect(item(orgs, 'oa', 'go-clear')).toMatchObject({
      fewerThanK: false,
      n: 3,
      median: 4,
      q1: 4,
      q3: 4.5,
      iqr: 0.5,
      class: 'consensus',
    });
    expect(item(orgs, 'oa', 'go-clear')?.rwg).toBeCloseTo(5 / 6, 10);
    // Org B, workload: two numeric answers (and one n.a.) — fewer than k = 3, so nothing at all.
    expect(item(orgs, 'ob', 'wl-means')).toMatchObject({
      fewerThanK: true,
      n: null,
      median: null,
      iqr: null,
      rwg: null,
      class: null,
      distribution: null,
    });
    expect(orgs.gaps.filter((g) => g.criterionId === 'wl-means').map((g) => g.unitId)).toEqual(['oc']);

    const regions = await compareUnits(ctx, admin, { frameworkId: 'team-health', level: 'region' });
    expect(regions.units.map((u) => [u.unitId, u.rounds])).toEqual([
      ['north', 2],
      ['south', 1],
    ]);
    // North, goals: 2 2 3 4 4 5 → median 3.5, Q1 = 2 + 0.25·1 = 2.25, Q3 = 4, s² = (22/3)/5, rwg = 1 − s²/2.
    expect(item(regions, 'north', 'go-clear')).toMatchObject({ n: 6, median: 3.5, q1: 2.25, q3: 4, iqr: 1.75 });
    expect(item(regions, 'north', 'go-clear')?.rwg).toBeCloseTo(1 - 22 / 3 / 5 / 2, 10);
    // North, workload pools Org B's two hidden answers with Org A's: 2 3 3 3 3 → median 3, IQR 0, one n.a.
    expect(item(regions, 'north', 'wl-means')).toMatchObject({ n: 5, naCount: 1, median: 3, q1: 3, q3: 3, iqr: 0 });
    expect(item(regions, 'south', 'go-clear')).toMatchObject({ n: 4, median: 4.5 });
    // Spread: goals 3.5 vs 4.5 and workload 3 vs 2, both 1 apart: framework order breaks the tie.
    expect(regions.spread.map((s) => [s.criterionId, s.lowUnitId, s.highUnitId, s.range])).toEqual([
      ['go-clear', 'north', 'south', 1],
      ['wl-means', 'south', 'north', 1],
    ]);
    expect(regions.gaps).toEqual([{ unitId: 'south', criterionId: 'wl-means', dimension: 'rating', median: 2, target: 3 }]);
    // Grouped by perspective as well as by component.
    expect(regions.groups.filter((g) => g.unitId === 'north').map((g) => g.by)).toContain('perspective');
  });

  it('keeps to the period and refuses unknown levels and members who coordinate nothing', async () => {
    const { ctx } = testContext;
    const later = await compareUnits(ctx, admin, { frameworkId: 'team-health', level: 'region', from: new Date(Date.now() + 60_000) });
    expect(later.units.map((u) => u.rounds)).toEqual([0, 0]);
    expect(later.items.every((i) => i.fewerThanK)).toBe(true);
    await expect(compareUnits(ctx, admin, { frameworkId: 'team-health', level: 'galaxy' })).rejects.toSatisfy((e) =>
      isSpiegelError(e, 'input.invalid'),
    );
    await expect(compareUnits(ctx, member, { frameworkId: 'team-health', level: 'region' })).rejects.toSatisfy((e) =>
      isSpiegelError(e, 'permission.coordinatorOnly'),
    );
  });

  it('imports nothing from a units file with a bad row, and names its line', async () => {
    const { ctx } = testContext;
    const bad = ['id,name,parent,level', 'west,West,,region', 'ow,Org W,nowhere,organisation', 'tw,Team W,west,galaxy'].join('\n');
    await expect(importUnits(ctx, admin, { csv: bad })).rejects.toSatisfy(
      (e) =>
        isSpiegelError(e, 'import.invalid') &&
        errorText(e, 'en').includes('line 3: parent “nowhere”') &&
        errorText(e, 'nl').includes('regel 4: niveau “galaxy”'),
    );
    expect((await unitStructure(ctx, admin)).units.map((u) => u.id)).not.toContain('west');
    await expect(importUnits(ctx, member, { csv: units })).rejects.toSatisfy((e) => isSpiegelError(e, 'permission.adminOnly'));
  });
});

describe('perspectives', () => {
  it('opens a round on the criteria of chosen perspectives only, and refuses a choice that leaves none', async () => {
    const { ctx } = testContext;
    const round = await openRound(ctx, admin, {
      place,
      frameworkId: 'mentoring-to-work',
      perspectives: ['process'],
      criterionIds: [],
      participants: ['a', 'b'],
      locale: 'en',
    });
    const framework = ctx.frameworks.get('mentoring-to-work');
    expect(round.framework.criteria.map((c) => c.id)).toEqual(
      framework.criteria.filter((c) => c.perspective === 'process').map((c) => c.id),
    );
    const processIds = new Set(round.framework.criteria.map((c) => c.id));
    const other = framework.criteria.find((c) => !processIds.has(c.id))!;
    await expect(
      openRound(ctx, admin, {
        place,
        frameworkId: 'mentoring-to-work',
        perspectives: ['process'],
        criterionIds: [other.id],
        participants: ['a'],
        locale: 'en',
      }),
    ).rejects.toSatisfy((e) => isSpiegelError(e, 'round.invalid'));
  });
});
