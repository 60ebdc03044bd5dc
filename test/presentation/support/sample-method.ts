/**
 * A trend over four rounds and a comparison of four units on a built-in framework, from made-up, reproducible
 * answers tallied by the domain (no database): the input of the trend and heat map chart tests. Some items get
 * fewer than k answers on purpose.
 */
import { loadFrameworkCatalogue } from '../../../src/app/framework-catalogue.js';
import type { Framework } from '../../../src/domain/framework.js';
import { defaultSummarySettings, roundDimensionIds } from '../../../src/domain/round.js';
import { RollupTally, type Rollup } from '../../../src/domain/rollup.js';
import { TrendTally, type Trend } from '../../../src/domain/trend.js';
import { random } from '../../support/sample-round.js';

async function framework(id: string, criteria: number): Promise<Framework> {
  const found = (await loadFrameworkCatalogue()).list().find((f) => f.id === id);
  if (!found) throw new Error(`no built-in framework ${id}`);
  return { ...found, criteria: found.criteria.slice(0, criteria) };
}

/** Ratings around a centre that drifts per group, a few groups answered by only two members. */
function* answers(fw: Framework, groups: string[], seed: number) {
  const next = random(seed);
  const { min, max } = fw.scale;
  for (const [g, group] of groups.entries()) {
    for (const [index, criterion] of fw.criteria.entries()) {
      const centre = min + ((index * 0.37 + g * (index % 3 === 0 ? 0.6 : -0.2)) % (max - min));
      const members = (index + g) % 7 === 6 ? 2 : 9;
      for (const dimension of roundDimensionIds({ framework: fw })) {
        for (let m = 0; m < members; m++) {
          const value = Math.min(max, Math.max(min, Math.round(centre + (next() - 0.5) * 2)));
          yield { roundId: group, criterionId: criterion.id, dimension, value };
        }
      }
    }
  }
}

export async function sampleTrend(frameworkId = 'mentoring-to-work', criteria = 10): Promise<{ trend: Trend; framework: Framework }> {
  const fw = await framework(frameworkId, criteria);
  const rounds = ['r1', 'r2', 'r3', 'r4'].map((roundId, i) => ({
    roundId,
    name: `Ronde ${i + 1}`,
    closedAt: new Date(Date.UTC(2026, i * 3, 15)),
    version: fw.version,
    criterionIds: fw.criteria.map((c) => c.id),
  }));
  const tally = new TrendTally({
    frameworkId: fw.id,
    framework: fw,
    dimensionIds: roundDimensionIds({ framework: fw }),
    rounds,
    settings: defaultSummarySettings,
  });
  for (const answer of answers(
    fw,
    rounds.map((r) => r.roundId),
    11,
  ))
    tally.add(answer);
  return { trend: tally.result(), framework: fw };
}

export async function sampleRollup(frameworkId = 'mentoring-to-work', criteria = 8): Promise<{ rollup: Rollup; framework: Framework }> {
  const fw = await framework(frameworkId, criteria);
  const units = ['noord', 'oost', 'zuid', 'west'].map((id) => ({ id, name: `Regio ${id[0]!.toUpperCase()}${id.slice(1)}` }));
  const tally = new RollupTally({
    frameworkId: fw.id,
    level: 'regio',
    framework: fw,
    dimensionIds: roundDimensionIds({ framework: fw }),
    units,
    roundUnits: new Map(units.map((u) => [u.id, u.id])),
    settings: { ...defaultSummarySettings },
  });
  for (const answer of answers(
    fw,
    units.map((u) => u.id),
    5,
  ))
    tally.add(answer);
  return { rollup: tally.result(), framework: fw };
}
