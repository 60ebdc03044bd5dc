/** Charts drawn, and the report pages around them: a round's (with its place's trend) and a comparison's. */
import type { Framework, Locale } from '../domain/framework.js';
import type { Rollup } from '../domain/rollup.js';
import type { Round } from '../domain/round.js';
import type { Summary } from '../domain/summary-types.js';
import type { Trend } from '../domain/trend.js';
import { heatmapChart } from './charts/heatmap-chart.js';
import { renderSvg } from './charts/render.js';
import type { ChartKind, ChartPlan } from './charts/chart-plan.js';
import { roundCharts } from './charts/round-charts.js';
import { trendChart } from './charts/trend-chart.js';
import { renderComparisonPage, type ComparisonPeriod } from './comparison-page.js';
import type { RenderedChart } from './report-html.js';
import { renderRoundReportPage } from './report-page.js';
import { trendFigure } from './trend-report.js';

export async function drawChart<K extends string>(chart: ChartPlan<K>): Promise<RenderedChart<K>> {
  return { kind: chart.kind, title: chart.title, alt: chart.alt, svg: await renderSvg(chart.spec) };
}

export async function renderRoundCharts(round: Round, summary: Summary, locale: Locale): Promise<RenderedChart<ChartKind>[]> {
  return Promise.all(roundCharts(round, summary, locale).map(drawChart));
}

/** The trend chart drawn, or null when there are not two rounds to draw a line between. */
export async function renderTrendChart(trend: Trend, framework: Framework, locale: Locale): Promise<RenderedChart<'trend'> | null> {
  const chart = trendChart(trend, framework, locale);
  return chart ? drawChart(chart) : null;
}

export async function roundReportHtml(
  round: Round,
  summary: Summary,
  locale: Locale,
  interim: boolean,
  trend: { trend: Trend; framework: Framework } | null = null,
): Promise<string> {
  const charts = await renderRoundCharts(round, summary, locale);
  const trendDrawn = trend && (await renderTrendChart(trend.trend, trend.framework, locale));
  const more = trend && trendDrawn ? [trendFigure(trendDrawn, trend.trend, trend.framework, locale)] : [];
  return renderRoundReportPage(round, summary, charts, locale, interim, more);
}

export async function renderHeatmap(rollup: Rollup, framework: Framework, locale: Locale): Promise<RenderedChart<'heatmap'> | null> {
  const chart = heatmapChart(rollup, framework, locale);
  return chart ? drawChart(chart) : null;
}

export async function comparisonReportHtml(
  rollup: Rollup,
  framework: Framework,
  period: ComparisonPeriod,
  locale: Locale,
): Promise<string> {
  return renderComparisonPage(rollup, framework, await renderHeatmap(rollup, framework, locale), period, locale);
}
