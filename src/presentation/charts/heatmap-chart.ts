/**
 * A comparison as a heat map: one row per item (criterion × dimension), one column per unit, each cell coloured by the
 * unit's median on the diverging palette and labelled with it. A cell with fewer than k answers carries no colour and
 * no number, only "fewer than k". (A Vega-Lite spec and its alt text, pure.)
 */
import type { TopLevelSpec } from 'vega-lite';
import { SINGLE_DIMENSION, type Framework, type Locale } from '../../domain/framework.js';
import type { Rollup } from '../../domain/rollup.js';
import { translator } from '../../i18n/translator.js';
import { formatNumber } from '../round-texts.js';
import { chartConfig } from './chart-config.js';
import { shortItemName } from './chart-data.js';
import { divergingColours, muted } from './palette.js';
import type { ChartPlan } from './chart-plan.js';

const CELL_WIDTH = 84;
const CELL_HEIGHT = 20;

type Framing = Pick<Framework, 'criteria' | 'dimensions' | 'scale'>;

export interface HeatmapCell {
  item: string;
  unit: string;
  /** Null when the unit has fewer than k answers on the item. */
  median: number | null;
  label: string;
  /** Text colour: white on the darkest cells. */
  ink: string;
}

const LABEL_CHARACTERS = 46;

/** A row's name cut short so that the dimension at its end stays visible (the table beside has it in full). */
function rowLabel(framework: Framing, criterionId: string, dimension: string, locale: Locale): string {
  const name = shortItemName(framework, criterionId, SINGLE_DIMENSION, locale);
  const full = shortItemName(framework, criterionId, dimension, locale);
  const suffix = full.slice(name.length);
  return name.length <= LABEL_CHARACTERS ? full : `${name.slice(0, LABEL_CHARACTERS - 1).trimEnd()}…${suffix}`;
}

export function heatmapCells(rollup: Rollup, framework: Framing, locale: Locale): HeatmapCell[] {
  const t = translator(locale);
  const unitName = new Map(rollup.units.map((u) => [u.unitId, u.name]));
  const { min, max } = framework.scale;
  const dark = (median: number) => Math.abs(median - (min + max) / 2) > ((max - min) / 2) * 0.7;
  return rollup.items.map((it) => ({
    item: rowLabel(framework, it.criterionId, it.dimension, locale),
    unit: unitName.get(it.unitId) ?? it.unitId,
    median: it.median,
    label: it.median === null ? t('charts.heatmap.fewerThanK', { k: rollup.anonymityThreshold }) : formatNumber(it.median, locale),
    ink: it.median !== null && dark(it.median) ? 'white' : '#222222',
  }));
}

function heatmapAltText(rollup: Rollup, framework: Framing, locale: Locale): string {
  const t = translator(locale);
  const n = (v: number) => formatNumber(v, locale);
  const items = new Set(rollup.items.map((it) => `${it.criterionId}\u0000${it.dimension}`)).size;
  const unitName = new Map(rollup.units.map((u) => [u.unitId, u.name]));
  const [widest] = rollup.spread;
  const parts = [t('charts.heatmap.altCount', { count: rollup.units.length, items })];
  parts.push(
    widest
      ? t('charts.heatmap.altSpread', {
          item: shortItemName(framework, widest.criterionId, widest.dimension, locale),
          low: unitName.get(widest.lowUnitId),
          lowMedian: n(widest.lowMedian),
          high: unitName.get(widest.highUnitId),
          highMedian: n(widest.highMedian),
        })
      : t('charts.heatmap.altNoSpread'),
  );
  const hidden = rollup.items.filter((it) => it.fewerThanK).length;
  if (hidden > 0) parts.push(t('charts.heatmap.altHidden', { count: hidden, k: rollup.anonymityThreshold }));
  return parts.join(' ');
}

/** The heat map, or null when there is nothing to compare (no units, or no rounds under any of them). */
export function heatmapChart(rollup: Rollup, framework: Framing, locale: Locale): ChartPlan<'heatmap'> | null {
  if (rollup.units.length === 0 || rollup.units.every((u) => u.rounds === 0)) return null;
  const t = translator(locale);
  const cells = heatmapCells(rollup, framework, locale);
  const items = [...new Set(cells.map((c) => c.item))];
  const shown = cells.filter((c) => c.median !== null);
  const hidden = cells.filter((c) => c.median === null);
  const units = rollup.units.map((u) => u.name);
  const { min, max } = framework.scale;
  const [low, , middle, , high] = divergingColours(5);
  const x = {
    field: 'unit',
    type: 'nominal' as const,
    sort: units,
    title: null,
    axis: { orient: 'top' as const, labelLimit: 140, labelAngle: units.length > 6 ? -35 : 0, domain: false, ticks: false },
  };
  const y = { field: 'item', type: 'nominal' as const, sort: items, title: null, axis: { labelLimit: 600, domain: false, ticks: false } };
  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: t('charts.heatmap.title'),
      subtitle: t('charts.heatmap.subtitle', { k: rollup.anonymityThreshold }),
      anchor: 'start',
      fontSize: 15,
    },
    width: units.length * CELL_WIDTH,
    height: items.length * CELL_HEIGHT,
    layer: [
      {
        data: { values: shown },
        mark: { type: 'rect', stroke: 'white', strokeWidth: 1 },
        encoding: {
          x,
          y,
          color: {
            field: 'median',
            type: 'quantitative',
            title: t('charts.heatmap.legend'),
            scale: { domain: [min, (min + max) / 2, max], range: [low!, middle!, high!] },
            legend: { orient: 'bottom', direction: 'horizontal', gradientLength: 160 },
          },
        },
      },
      {
        data: { values: hidden },
        mark: { type: 'rect', fill: 'white', stroke: '#bbbbbb', strokeDash: [3, 2], strokeWidth: 0.8 },
        encoding: { x, y },
      },
      {
        data: { values: shown },
        mark: { type: 'text', fontSize: 10 },
        encoding: { x, y, text: { field: 'label' }, color: { field: 'ink', type: 'nominal', scale: null } },
      },
      {
        data: { values: hidden },
        mark: { type: 'text', fontSize: 9, fontStyle: 'italic', color: muted },
        encoding: { x, y, text: { field: 'label' } },
      },
    ],
    // The text's colour is taken as it is (no scale): it may not share the cells' colour scale.
    resolve: { scale: { color: 'independent' } },
    config: chartConfig,
  };
  return { kind: 'heatmap', title: t('charts.heatmap.heading'), alt: heatmapAltText(rollup, framework, locale), spec };
}
