/**
 * Before and after for a Delphi follow-up: per item asked again, the previous step's spread and this round's, each as
 * its interquartile range (a bar from Q1 to Q3) with the median on it; a narrower bar after means the group moved
 * together. A step with fewer than k answers on an item shows "fewer than k" instead. (A Vega-Lite spec and its alt
 * text, pure.)
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Convergence, ItemSpread } from '../../domain/delphi.js';
import type { Locale } from '../../domain/framework.js';
import type { Round } from '../../domain/round.js';
import { translator } from '../../i18n/translator.js';
import { chartConfig } from './chart-config.js';
import { itemLabel } from './chart-data.js';
import { accent, divergingColours, muted } from './palette.js';
import type { ChartPlan } from './chart-plan.js';

const ROW_HEIGHT = 36;
const PLOT_WIDTH = 360;

interface StepRow {
  item: string;
  step: string;
  q1: number;
  q3: number;
  median: number;
}

function convergenceAltText(round: Round, convergence: Convergence, locale: Locale): string {
  const t = translator(locale);
  const both = convergence.items.filter((i) => i.iqrChange !== null);
  const parts = [
    t('charts.convergence.altCount', { count: convergence.items.length }),
    t('charts.convergence.altChange', {
      narrower: both.filter((i) => i.iqrChange! < 0).length,
      wider: both.filter((i) => i.iqrChange! > 0).length,
      same: both.filter((i) => i.iqrChange === 0).length,
    }),
  ];
  const hidden = convergence.items.length - both.length;
  if (hidden > 0) parts.push(t('charts.convergence.altHidden', { count: hidden, k: round.settings.anonymityThreshold }));
  parts.push(t(convergence.stable ? 'charts.convergence.altStable' : 'charts.convergence.altMoving'));
  return parts.join(' ');
}

export function convergenceChart(round: Round, convergence: Convergence, locale: Locale): ChartPlan<'convergence'> {
  const t = translator(locale);
  const k = round.settings.anonymityThreshold;
  const steps = [t('charts.convergence.before'), t('charts.convergence.after')] as const;
  const items = convergence.items.map((i) => itemLabel(round, i, locale));
  const rows: StepRow[] = [];
  const hidden: { item: string; step: string; x: number; label: string }[] = [];
  const { min, max } = round.framework.scale;
  convergence.items.forEach((i, index) => {
    ([i.before, i.after] as (ItemSpread | null)[]).forEach((spread, s) => {
      const base = { item: items[index]!, step: steps[s]! };
      if (spread) rows.push({ ...base, q1: spread.q1, q3: spread.q3, median: spread.median });
      else hidden.push({ ...base, x: (min + max) / 2, label: t('charts.fewerThanK', { k }) });
    });
  });
  // Grid lines at the band edges keep each item's two steps together.
  const y = {
    field: 'item',
    type: 'nominal' as const,
    sort: items,
    title: null,
    axis: { labelLimit: 600, grid: true, bandPosition: 0, ticks: false },
  };
  const yOffset = { field: 'step', type: 'nominal' as const, sort: [...steps] };
  const color = {
    field: 'step',
    type: 'nominal' as const,
    title: null,
    scale: { domain: [...steps], range: [divergingColours(5)[0]!, accent] },
    legend: { orient: 'top' as const, labelLimit: 400 },
  };
  const x = { type: 'quantitative' as const, scale: { domain: [min, max], nice: false }, axis: { tickMinStep: 1 } };
  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: t('charts.convergence.title'), subtitle: t('charts.convergence.subtitle'), anchor: 'start', fontSize: 15 },
    width: PLOT_WIDTH,
    height: Math.max(1, items.length) * ROW_HEIGHT,
    layer: [
      {
        data: { values: rows },
        // A rule with round ends: an IQR of 0 still shows as a dot.
        mark: { type: 'rule', strokeWidth: 9, strokeCap: 'round' },
        encoding: { y, yOffset, x: { ...x, field: 'q1', title: t('charts.convergence.axis') }, x2: { field: 'q3' }, color },
      },
      {
        data: { values: rows },
        mark: { type: 'point', shape: 'diamond', filled: true, size: 60, color: '#222222', stroke: 'white', strokeWidth: 1, opacity: 1 },
        encoding: { y, yOffset, x: { ...x, field: 'median' } },
      },
      {
        data: { values: hidden },
        mark: { type: 'text', fontSize: 9, fontStyle: 'italic', color: muted },
        encoding: { y, yOffset, x: { ...x, field: 'x' }, text: { field: 'label' } },
      },
    ],
    config: chartConfig,
  };
  return { kind: 'convergence', title: t('charts.convergence.heading'), alt: convergenceAltText(round, convergence, locale), spec };
}
