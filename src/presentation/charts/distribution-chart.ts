/** Diverging stacked bars of the rating distribution per criterion, one panel per component (a Vega-Lite spec, pure). */
import type { TopLevelSpec } from 'vega-lite';
import type { Locale } from '../../domain/framework.js';
import type { Round } from '../../domain/round.js';
import type { Summary } from '../../domain/summary-types.js';
import { translator } from '../../i18n/translator.js';
import { distributionRows, scaleLegend, type DistributionRow } from './chart-data.js';
import { chartConfig } from './chart-config.js';
import { divergingColours, muted } from './palette.js';

const ROW_HEIGHT = 22;
const PLOT_WIDTH = 360;

export function distributionChartSpec(round: Round, summary: Summary, locale: Locale): TopLevelSpec {
  const t = translator(locale);
  const rows = distributionRows(round, summary, locale);
  const legend = scaleLegend(round, locale);
  const k = round.settings.anonymityThreshold;
  const components = [...new Set(rows.map((r) => r.component))];
  const colour = {
    field: 'label',
    type: 'nominal' as const,
    title: t('charts.distribution.legend'),
    scale: { domain: legend.map((p) => p.label), range: divergingColours(legend.length) },
    legend: { orient: 'bottom' as const, direction: 'horizontal' as const, columns: Math.min(legend.length, 3), labelLimit: 220 },
  };
  const panel = (component: string) => {
    const inPanel = rows.filter((r) => r.component === component);
    const order = inPanel.map((r) => r.item);
    const y = { field: 'item', type: 'nominal' as const, sort: order, title: null, axis: { labelLimit: 340 } };
    const bars = inPanel.flatMap((r) => (r.hidden ? [] : r.segments.filter((s) => s.count > 0).map((s) => ({ item: r.item, ...s }))));
    const hidden = inPanel.filter((r): r is Extract<DistributionRow, { hidden: true }> => r.hidden).map((r) => ({ item: r.item, x: 0 }));
    return {
      title: { text: component, anchor: 'start' as const, fontSize: 13 },
      width: PLOT_WIDTH,
      height: order.length * ROW_HEIGHT,
      layer: [
        {
          data: { values: bars },
          mark: { type: 'bar' as const, stroke: '#9a9a9a', strokeWidth: 0.5 },
          encoding: {
            y,
            x: {
              field: 'start',
              type: 'quantitative' as const,
              scale: { domain: [-1, 1] },
              title: null,
              axis: { format: '.0%', values: [-1, -0.5, 0, 0.5, 1], labelExpr: "replace(datum.label, '−', '')" },
            },
            x2: { field: 'end' },
            color: colour,
          },
        },
        {
          data: { values: hidden },
          mark: { type: 'text' as const, color: muted, fontStyle: 'italic' },
          encoding: { y, x: { field: 'x', type: 'quantitative' as const }, text: { value: t('charts.fewerThanK', { k }) } },
        },
        {
          data: { values: [{ x: 0 }] },
          mark: { type: 'rule' as const, color: '#444444' },
          encoding: { x: { field: 'x', type: 'quantitative' as const } },
        },
      ],
    };
  };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: t('charts.distribution.title'), subtitle: t('charts.distribution.axis'), anchor: 'start', fontSize: 15 },
    vconcat: components.map(panel),
    resolve: { scale: { y: 'independent' } },
    config: chartConfig,
  } as TopLevelSpec;
}
