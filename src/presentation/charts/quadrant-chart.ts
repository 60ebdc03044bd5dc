/**
 * Importance × practice (a round's two dimensions): one point per criterion at its two medians, the diagonal where
 * both are equal; points below it are done less than they matter (a Vega-Lite spec, pure).
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Locale } from '../../domain/framework.js';
import type { Round } from '../../domain/round.js';
import type { Summary } from '../../domain/summary-types.js';
import { translator } from '../../i18n/translator.js';
import { dimensionLabel } from '../round-texts.js';
import { chartConfig } from './chart-config.js';
import { quadrantPoints } from './chart-data.js';
import { accent, muted } from './palette.js';

const SIDE = 380;

export function quadrantChartSpec(round: Round, summary: Summary, locale: Locale): TopLevelSpec | null {
  const quadrant = quadrantPoints(round, summary, locale);
  const [xDim, yDim] = round.framework.dimensions;
  if (!quadrant || !xDim || !yDim) return null;
  const t = translator(locale);
  const { min, max } = round.framework.scale;
  const domain = [min - 0.25, max + 0.25];
  const axisTitle = (id: string) => dimensionLabel(round, id, locale).split(':')[0] ?? id;
  const x = {
    field: 'x',
    type: 'quantitative' as const,
    scale: { domain, nice: false },
    title: axisTitle(xDim.id),
    axis: { tickMinStep: 1 },
  };
  const y = {
    field: 'y',
    type: 'quantitative' as const,
    scale: { domain, nice: false },
    title: axisTitle(yDim.id),
    axis: { tickMinStep: 1 },
  };
  // Points on the same medians share one dot, labelled with all their numbers (the table beside names them).
  const byPosition = new Map<string, { x: number; y: number; labels: string[]; items: string[] }>();
  quadrant.points.forEach((p, i) => {
    const at = byPosition.get(`${p.x}|${p.y}`) ?? { x: p.x, y: p.y, labels: [], items: [] };
    at.labels.push(String(i + 1));
    at.items.push(p.item);
    byPosition.set(`${p.x}|${p.y}`, at);
  });
  const labelled = [...byPosition.values()].map((p) => ({ x: p.x, y: p.y, label: p.labels.join(', '), item: p.items.join(' · ') }));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: t('charts.quadrant.title', { x: axisTitle(xDim.id), y: axisTitle(yDim.id) }),
      subtitle: t('charts.quadrant.subtitle'),
      anchor: 'start',
      fontSize: 15,
    },
    width: SIDE,
    height: SIDE,
    layer: [
      {
        data: { values: [{ x: min, y: min, x2: max, y2: max }] },
        mark: { type: 'rule', color: muted, strokeDash: [4, 4] },
        encoding: { x, y, x2: { field: 'x2' }, y2: { field: 'y2' } },
      },
      {
        data: { values: labelled },
        mark: { type: 'circle', size: 90, color: accent, opacity: 0.8 },
        encoding: { x, y, tooltip: [{ field: 'item' }] },
      },
      {
        data: { values: labelled },
        mark: { type: 'text', dx: 9, dy: -7, align: 'left', fontSize: 10, color: '#333333' },
        encoding: { x, y, text: { field: 'label' } },
      },
    ],
    config: chartConfig,
  } as TopLevelSpec;
}
