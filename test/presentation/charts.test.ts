/**
 * Charts: the pure layout (hand-worked), k (an item below it is drawn as "fewer than k", never as bars), alt texts
 * in both languages, and each chart kind against its reference image, within a tolerance, so a change to a chart
 * is seen. `UPDATE_CHART_REFERENCES=1 npx vitest run test/presentation/charts.test.ts` writes new references.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { logger, None, parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Round } from '../../src/domain/round.js';
import type { Summary } from '../../src/domain/summary-types.js';
import { distributionRows, divergingSegments, quadrantPoints, scaleLegend } from '../../src/presentation/charts/chart-data.js';
import { renderPng, renderSvg } from '../../src/presentation/charts/render.js';
import { roundCharts } from '../../src/presentation/charts/round-charts.js';
import { divergingColours } from '../../src/presentation/charts/palette.js';
import { heatmapCells, heatmapChart } from '../../src/presentation/charts/heatmap-chart.js';
import { topTrendCriteria, trendChart } from '../../src/presentation/charts/trend-chart.js';
import type { Framework } from '../../src/domain/framework.js';
import type { Rollup } from '../../src/domain/rollup.js';
import type { Trend } from '../../src/domain/trend.js';
import { differingPixelShare } from './support/image-diff.js';
import { sampleRollup, sampleTrend } from './support/sample-method.js';
import { sampleFollowUp, sampleRound } from '../support/sample-round.js';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/charts');
let single: { round: Round; summary: Summary };
let twoDimensions: { round: Round; summary: Summary };
let trend: { trend: Trend; framework: Framework };
let rollup: { rollup: Rollup; framework: Framework };
let followUp: { round: Round; summary: Summary };

beforeAll(async () => {
  single = await sampleRound('team-health', { sparseEvery: 6 });
  twoDimensions = await sampleRound('mentoring-to-work', { criteria: 12, sparseEvery: 5 });
  trend = await sampleTrend();
  rollup = await sampleRollup();
  followUp = await sampleFollowUp('team-health');
});

describe('layout', () => {
  const legend = [1, 2, 3, 4, 5].map((value) => ({ value, label: String(value) }));

  it('lays the segments around the middle of the scale, the middle point split in two', () => {
    // 8 answers: 1×1, 1×2, 2×3, 0×4, 4×5. Below the middle: 2/8; the middle: 2/8, half of it to the left.
    const segments = divergingSegments({ '1': 1, '2': 1, '3': 2, '4': 0, '5': 4 }, legend);
    expect(segments.map((s) => [s.point, s.count, s.start, s.end])).toEqual([
      [1, 1, -0.375, -0.25],
      [2, 1, -0.25, -0.125],
      [3, 2, -0.125, 0.125],
      [4, 0, 0.125, 0.125],
      [5, 4, 0.125, 0.625],
    ]);
  });

  it('an even scale has no middle point: the lower half left of 0, the upper half right', () => {
    const four = legend.slice(0, 4);
    const segments = divergingSegments({ '1': 1, '2': 1, '3': 1, '4': 1 }, four);
    expect(segments.map((s) => [s.start, s.end])).toEqual([
      [-0.5, -0.25],
      [-0.25, 0],
      [0, 0.25],
      [0.25, 0.5],
    ]);
  });

  it('an item below k carries no counts, and its chart shows "fewer than k", never bars', async () => {
    const rows = distributionRows(single.round, single.summary, 'en');
    const hidden = rows.filter((r) => r.hidden);
    expect(hidden.length).toBe(3);
    for (const row of hidden) expect(Object.keys(row).sort()).toEqual(['component', 'hidden', 'item']);
    const svg = await renderSvg(roundCharts(single.round, single.summary, 'en')[0]!.spec);
    expect(svg.match(/fewer than 3 answers/g)).toHaveLength(3);
    const bars = svg.match(/aria-roledescription="bar"/g)?.length ?? 0;
    const segmentsShown = rows.flatMap((r) => (r.hidden ? [] : r.segments.filter((s) => s.count > 0))).length;
    expect(bars).toBe(segmentsShown);
  });

  it('a quadrant only for two dimensions, only where both have k answers', () => {
    expect(quadrantPoints(single.round, single.summary, 'en')).toBeNull();
    const quadrant = quadrantPoints(twoDimensions.round, twoDimensions.summary, 'en')!;
    expect(quadrant.points).toHaveLength(10);
    expect(quadrant.hidden).toBe(2);
  });

  it('a trend draws the criteria that moved most, changes beyond the spread first; a round below k breaks the line', async () => {
    const top = topTrendCriteria(trend.trend, 3);
    const flagged = (id: string) => trend.trend.series.filter((s) => s.criterionId === id).some((s) => s.changes.some((c) => c.flagged));
    expect(top).toHaveLength(3);
    expect(top.every(flagged)).toBe(true);
    const chart = trendChart(trend.trend, trend.framework, 'en', 3)!;
    const values = (chart.spec as { data: { values: { median: number | null }[] } }).data.values;
    expect(values).toHaveLength(3 * 2 * 4);
    const hiddenPoints = trend.trend.series
      .filter((s) => top.includes(s.criterionId))
      .flatMap((s) => s.points)
      .filter((p) => p.fewerThanK);
    expect(values.filter((v) => v.median === null)).toHaveLength(hiddenPoints.length);
  });

  it('no trend chart with fewer than two rounds to draw a line between', async () => {
    const oneRound = { ...trend.trend, series: trend.trend.series.map((s) => ({ ...s, points: s.points.slice(0, 1), changes: [] })) };
    expect(trendChart(oneRound, trend.framework, 'en')).toBeNull();
  });

  it('a heat map cell below k shows only "fewer than k", without a colour or a number', async () => {
    const cells = heatmapCells(rollup.rollup, rollup.framework, 'en');
    const hidden = rollup.rollup.items.filter((it) => it.fewerThanK).length;
    expect(hidden).toBeGreaterThan(0);
    expect(cells.filter((c) => c.median === null).every((c) => c.label === 'fewer than 3')).toBe(true);
    const svg = await renderSvg(heatmapChart(rollup.rollup, rollup.framework, 'en')!.spec);
    expect(svg.match(/>fewer than 3</g)).toHaveLength(hidden);
    expect(svg.match(/aria-roledescription="rect mark"/g)).toHaveLength(cells.length);
    expect(svg.match(/aria-label="[^"]*Median: \d[^"]*" role="graphics-symbol" aria-roledescription="rect mark"/g)).toHaveLength(
      cells.length - hidden,
    );
  });

  it('a follow-up’s before/after comes first: per item the IQR of each step with its median, "fewer than k" for a step below k', async () => {
    const charts = roundCharts(followUp.round, followUp.summary, 'en');
    expect(charts.map((c) => c.kind)).toEqual(['convergence', 'distribution']);
    const items = followUp.summary.convergence!.items;
    const shownSteps = items.flatMap((i) => [i.before, i.after]).filter((s) => s !== null).length;
    expect(shownSteps).toBeGreaterThan(0);
    expect(shownSteps).toBeLessThan(items.length * 2);
    const svg = await renderSvg(charts[0]!.spec);
    expect(svg.match(/aria-roledescription="rule mark"/g)).toHaveLength(shownSteps);
    expect(svg.match(/aria-roledescription="point"/g)).toHaveLength(shownSteps);
    expect(svg.match(/>fewer than 3 answers</g)).toHaveLength(items.length * 2 - shownSteps);
    expect(roundCharts(single.round, single.summary, 'en').map((c) => c.kind)).toEqual(['distribution']);
  });

  it('colours from a colour-blind-safe diverging palette, symmetric around a light middle', () => {
    expect(divergingColours(5)).toEqual(['#b35806', '#fdb863', '#f7f7f7', '#b2abd2', '#542788']);
    expect(scaleLegend(single.round, 'nl').map((p) => p.label)[0]).toBe('1 · Helemaal oneens');
  });
});

describe('alt texts state the main finding in the reader’s language', () => {
  it('distribution', () => {
    const [en] = roundCharts(single.round, single.summary, 'en');
    const [nl] = roundCharts(single.round, single.summary, 'nl');
    expect(en!.alt).toMatch(/^Spread of the answers on 18 criteria\. \d+ shows? consensus\. .*3 items have fewer than 3 answers/);
    expect(nl!.alt).toMatch(/^Verdeling van de antwoorden op 18 criteria\. \d+ tonen consensus\. .*3 items hebben minder dan 3 antwoorden/);
  });

  it('quadrant: the widest gap between importance and practice', () => {
    const quadrant = roundCharts(twoDimensions.round, twoDimensions.summary, 'en').find((c) => c.kind === 'quadrant')!;
    expect(quadrant.alt).toMatch(
      /^10 criteria placed by their importance and practice\. (Widest gap: .+ \(importance \d, practice \d\)|No criterion)/,
    );
  });

  it('trend: the largest rise and fall, and how many changes lie beyond the spread', () => {
    expect(trendChart(trend.trend, trend.framework, 'en')!.alt).toMatch(
      /^Medians over 4 rounds; 10 criteria drawn\. Largest rise: .+ \(\d → \d\)\. Largest fall: .+ \(\d → \d\)\. \d+ changes are beyond the spread \(Mann–Whitney, α 0\.05\)\.$/,
    );
    expect(trendChart(trend.trend, trend.framework, 'nl')!.alt).toMatch(
      /^Medianen over 4 rondes; 10 criteria getekend\. Grootste stijging: .+ α 0,05\)\.$/,
    );
  });

  it('before/after: where the middle half of the answers narrowed, and whether the answers are stable', () => {
    expect(roundCharts(followUp.round, followUp.summary, 'en')[0]!.alt).toMatch(
      /^6 items asked again\. The middle half of the answers narrowed on \d+, widened on \d+ and stayed as wide on \d+\. \d items? ha(s|ve) fewer than 3 answers in a step and (is|are) not compared\. The answers are (stable|still moving)\.$/,
    );
    expect(roundCharts(followUp.round, followUp.summary, 'nl')[0]!.alt).toMatch(
      /^6 items opnieuw gevraagd\. De middelste helft van de antwoorden werd smaller op \d+/,
    );
  });

  it('heat map: the largest difference between units, and the cells below k', () => {
    expect(heatmapChart(rollup.rollup, rollup.framework, 'en')!.alt).toMatch(
      /^4 units compared on 16 items \(medians\)\. Largest difference: .+ \(Regio \w+ \d, Regio \w+ \d\)\. \d+ cells have fewer than 3 answers and are not shown\.$/,
    );
    expect(heatmapChart(rollup.rollup, rollup.framework, 'nl')!.alt).toMatch(
      /^4 eenheden vergeleken op 16 items \(medianen\)\. Grootste verschil: /,
    );
  });
});

describe('kept views', () => {
  const freshSvg = async (spec: TopLevelSpec) => {
    const view = new View(parse(compile(spec, { logger: logger(None) }).spec), { renderer: 'none' });
    try {
      return await view.toSVG();
    } finally {
      view.finalize();
    }
  };

  it('a chart drawn on a kept view, after other rows of the same shape, is the chart a fresh view draws', async () => {
    const others = {
      single: await sampleRound('team-health', { sparseEvery: 4, seed: 11 }),
      twoDimensions: await sampleRound('mentoring-to-work', { criteria: 12, sparseEvery: 3, seed: 5 }),
    };
    for (const [kind, first, second] of [
      ['distribution', single, others.single],
      ['quadrant', twoDimensions, others.twoDimensions],
    ] as const) {
      const [a, b] = [first, second].map((r) => roundCharts(r.round, r.summary, 'en').find((c) => c.kind === kind)!.spec);
      const drawn = [await renderSvg(a!), await renderSvg(b!), await renderSvg(a!)];
      const fresh = [await freshSvg(a!), await freshSvg(b!)];
      expect(fresh[0]).not.toBe(fresh[1]);
      expect(drawn).toEqual([fresh[0], fresh[1], fresh[0]]);
    }
  });
});

describe('reference images', () => {
  const cases = [
    ['distribution', () => roundCharts(single.round, single.summary, 'nl').find((c) => c.kind === 'distribution')!],
    ['quadrant', () => roundCharts(twoDimensions.round, twoDimensions.summary, 'nl').find((c) => c.kind === 'quadrant')!],
    ['trend', () => trendChart(trend.trend, trend.framework, 'nl')!],
    ['heatmap', () => heatmapChart(rollup.rollup, rollup.framework, 'nl')!],
    ['convergence', () => roundCharts(followUp.round, followUp.summary, 'nl')[0]!],
  ] as const;

  it.each(cases)('%s matches its reference image', async (kind, chart) => {
    const png = renderPng(await renderSvg(chart().spec), 1);
    const reference = path.join(fixtures, `${kind}.png`);
    if (process.env.UPDATE_CHART_REFERENCES === '1') await writeFile(reference, png);
    expect(differingPixelShare(png, await readFile(reference))).toBeLessThan(0.005);
  });
});
