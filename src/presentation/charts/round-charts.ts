/** The charts of one round: which kinds apply, with a title and an alt text each (pure; render.ts draws them). */
import type { TopLevelSpec } from 'vega-lite';
import type { Locale } from '../../domain/framework.js';
import type { Round } from '../../domain/round.js';
import type { Summary } from '../../domain/summary-types.js';
import { translator } from '../../i18n/translator.js';
import { distributionAltText, quadrantAltText } from './alt-text.js';
import { distributionChartSpec } from './distribution-chart.js';
import { quadrantChartSpec } from './quadrant-chart.js';

export const chartKinds = ['distribution', 'quadrant'] as const;
export type ChartKind = (typeof chartKinds)[number];

export interface ChartPlan<K extends string = ChartKind> {
  kind: K;
  title: string;
  alt: string;
  spec: TopLevelSpec;
}

export function roundCharts(round: Round, summary: Summary, locale: Locale): ChartPlan[] {
  const t = translator(locale);
  const charts: ChartPlan[] = [
    {
      kind: 'distribution',
      title: t('charts.distribution.title'),
      alt: distributionAltText(round, summary, locale),
      spec: distributionChartSpec(round, summary, locale),
    },
  ];
  const quadrant = quadrantChartSpec(round, summary, locale);
  const quadrantAlt = quadrantAltText(round, summary, locale);
  if (quadrant && quadrantAlt) charts.push({ kind: 'quadrant', title: t('charts.quadrant.heading'), alt: quadrantAlt, spec: quadrant });
  return charts;
}
