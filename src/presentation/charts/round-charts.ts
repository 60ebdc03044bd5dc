/** The charts of one round: which kinds apply, with a title and an alt text each (pure; render.ts draws them). */
import type { Locale } from '../../domain/framework.js';
import type { Round } from '../../domain/round.js';
import type { Summary } from '../../domain/summary-types.js';
import { translator } from '../../i18n/translator.js';
import { distributionAltText, quadrantAltText } from './alt-text.js';
import { convergenceChart } from './convergence-chart.js';
import { distributionChartSpec } from './distribution-chart.js';
import type { ChartPlan } from './chart-plan.js';
import { quadrantChartSpec } from './quadrant-chart.js';

/** A follow-up's before/after comes first: it is what its summary is about. */
export function roundCharts(round: Round, summary: Summary, locale: Locale): ChartPlan[] {
  const t = translator(locale);
  const charts: ChartPlan[] = [
    ...(summary.convergence ? [convergenceChart(round, summary.convergence, locale)] : []),
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
