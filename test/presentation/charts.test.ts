/**
 * Charts: the pure layout (hand-worked), k (an item below it is drawn as "fewer than k", never as bars), alt texts
 * in both languages, and each chart kind against its reference image, within a tolerance, so a change to a chart
 * is seen. `UPDATE_CHART_REFERENCES=1 npx vitest run test/presentation/charts.test.ts` writes new references.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Round } from '../../src/domain/round.js';
import type { Summary } from '../../src/domain/summary-types.js';
import { distributionRows, divergingSegments, quadrantPoints, scaleLegend } from '../../src/presentation/charts/chart-data.js';
import { renderPng, renderSvg } from '../../src/presentation/charts/render.js';
import { roundCharts } from '../../src/presentation/charts/round-charts.js';
import { divergingColours } from '../../src/presentation/charts/palette.js';
import { differingPixelShare } from './support/image-diff.js';
import { sampleRound } from './support/sample-round.js';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/charts');
let single: { round: Round; summary: Summary };
let twoDimensions: { round: Round; summary: Summary };

beforeAll(async () => {
  single = await sampleRound('team-health', { sparseEvery: 6 });
  twoDimensions = await sampleRound('mentoring-to-work', { criteria: 12, sparseEvery: 5 });
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
});

describe('reference images', () => {
  const cases = [
    ['distribution', () => single],
    ['quadrant', () => twoDimensions],
  ] as const;

  it.each(cases)('%s matches its reference image', async (kind, sample) => {
    const { round, summary } = sample();
    const chart = roundCharts(round, summary, 'nl').find((c) => c.kind === kind)!;
    const png = renderPng(await renderSvg(chart.spec), 1);
    const reference = path.join(fixtures, `${kind}.png`);
    if (process.env['UPDATE_CHART_REFERENCES'] === '1') await writeFile(reference, png);
    expect(differingPixelShare(png, await readFile(reference))).toBeLessThan(0.005);
  });
});
